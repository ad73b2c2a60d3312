#include "console/ShopTextsPage.h"

#include "common/Gates.h"
#include "common/Outcome.h"
#include "session/Chats.h"
#include "session/Team.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace shopdesk::ui {

namespace {
QPlainTextEdit* textBox(QWidget* parent)
{
    auto* box = new QPlainTextEdit(parent);
    box->setMaximumHeight(64);
    box->setTabChangesFocus(true);
    return box;
}
} // namespace

ShopTextsPage::ShopTextsPage(WorkbenchContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_closing(textBox(this))
    , m_rating(textBox(this))
    , m_reminder(textBox(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_message(new QLabel(this))
{
    auto* intro = new QLabel(tr("What the shop says to buyers in its own words; every agent's workbench uses these. "
                                "The payment reminder may use {订单号}, {买家}, {客服} and {店铺}."),
                             this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Closing line"), m_closing);
    form->addRow(tr("Rating invitation"), m_rating);
    form->addRow(tr("Payment reminder"), m_reminder);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    m_message->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addStretch();
    const auto editPermission = auth::operationInfo(auth::Operation::ShopTextsEdit).required;
    for (QWidget* w : {static_cast<QWidget*>(m_closing), static_cast<QWidget*>(m_rating),
                       static_cast<QWidget*>(m_reminder), static_cast<QWidget*>(m_save)}) {
        gates::mirror(w, context.session, editPermission);
    }
    connect(m_save, &QPushButton::clicked, this, [this] { (void)save(); });
    connect(m_revert, &QPushButton::clicked, this, &ShopTextsPage::reload);
    reload();
}

bool ShopTextsPage::reload()
{
    auto texts = m_context.session.chats().shopTexts();
    if (!texts) {
        showOutcome(m_message, texts.error().message, true);
        return false;
    }
    m_closing->setPlainText(texts->closingLine);
    m_rating->setPlainText(texts->ratingInvitation);
    m_reminder->setPlainText(texts->paymentReminder);
    m_message->clear();
    return true;
}

ShopTexts ShopTextsPage::edited() const
{
    ShopTexts t;
    t.closingLine = m_closing->toPlainText();
    t.ratingInvitation = m_rating->toPlainText();
    t.paymentReminder = m_reminder->toPlainText();
    return t;
}

QFuture<Status> ShopTextsPage::save()
{
    showOutcome(m_message, tr("Saving…"), false);
    // What was typed stays in the boxes whatever the answer.
    return m_context.session.team().saveShopTexts(edited()).then(this, [this](Status st) {
        showOutcome(m_message, st ? tr("Saved: every workbench uses the new wording from now on.") : st.error().message,
                    !st);
        return st;
    });
}

} // namespace shopdesk::ui
