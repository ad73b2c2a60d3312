#include "common/FormDialog.h"

#include "common/Outcome.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace shopdesk::ui {

FormDialog::FormDialog(const QString& title, QWidget* parent, const QString& explanation)
    : QDialog(parent)
    , m_form(new QFormLayout)
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    if (!explanation.isEmpty()) {
        auto* intro = new QLabel(explanation, this);
        intro->setWordWrap(true);
        layout->addWidget(intro);
    }
    layout->addLayout(m_form);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_submit) {
            accept();
            return;
        }
        m_buttons->setEnabled(false);
        m_submit().then(this, [this](Status st) {
            m_buttons->setEnabled(true);
            if (st) {
                accept();
                return;
            }
            showOutcome(m_error, st.error().message, true);
            m_error->show();
        });
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void FormDialog::addRow(const QString& label, QWidget* field)
{
    field->setParent(this);
    m_form->addRow(label, field);
    if (m_form->rowCount() == 1) {
        field->setFocus(); // typing goes into the first field, not nowhere
    }
}

void FormDialog::submitWith(std::function<QFuture<Status>()> submit)
{
    m_submit = std::move(submit);
}

} // namespace shopdesk::ui
