#include "common/FormDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace shopdesk::ui {

FormDialog::FormDialog(const QString& title, QWidget* parent, const QString& explanation)
    : QDialog(parent)
    , m_form(new QFormLayout)
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
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void FormDialog::addRow(const QString& label, QWidget* field)
{
    field->setParent(this);
    m_form->addRow(label, field);
}

} // namespace shopdesk::ui
