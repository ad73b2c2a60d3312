#include "quickreply/QuickReplyPicker.h"

#include "quickreply/PhraseLibrary.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace shopdesk::ui {

QuickReplyPicker::QuickReplyPicker(PhraseLibrary& library, QWidget* parent)
    : QFrame(parent)
    , m_library(library)
    , m_list(new QListWidget(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("quickReplyPicker"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setUniformItemSizes(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_hint->setText(tr("↑↓ choose · Enter insert · Esc close · type a code, words or pinyin initials"));
    m_hint->setStyleSheet(QStringLiteral("color: gray; font-size: small"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list);
    layout->addWidget(m_hint);
    connect(m_list, &QListWidget::itemClicked, this, [this] { emit chosen(); });
    connect(&m_library, &PhraseLibrary::changed, this, [this] { setQuery(m_query); });
    hide();
}

void QuickReplyPicker::setQuery(const QString& query)
{
    m_query = query;
    m_matches = m_library.index().find(query, kShown);
    m_list->setUpdatesEnabled(false);
    m_list->clear();
    for (int i : m_matches) {
        const QuickReply& p = m_library.index().phrases()[static_cast<std::size_t>(i)];
        const QString scope = p.scope == QuickReply::Scope::Personal ? tr("mine") : p.group;
        auto* item = new QListWidgetItem(QStringLiteral("/%1  %2  · %3").arg(p.code, p.text.simplified(), scope));
        item->setToolTip(p.text);
        m_list->addItem(item);
    }
    if (!m_matches.empty()) {
        m_list->setCurrentRow(0);
    } else {
        m_list->addItem(tr("No phrase matches \"%1\"").arg(query));
    }
    m_list->setUpdatesEnabled(true);
}

void QuickReplyPicker::moveSelection(int delta)
{
    if (m_matches.empty()) {
        return;
    }
    const int n = static_cast<int>(m_matches.size());
    m_list->setCurrentRow(((m_list->currentRow() + delta) % n + n) % n);
}

std::optional<QuickReply> QuickReplyPicker::current() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_matches.size())) {
        return std::nullopt;
    }
    return m_library.index().phrases()[static_cast<std::size_t>(m_matches[static_cast<std::size_t>(row)])];
}

int QuickReplyPicker::count() const
{
    return static_cast<int>(m_matches.size());
}

} // namespace shopdesk::ui
