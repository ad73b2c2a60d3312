#pragma once

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;

namespace shopdesk::ui {

/// The small modal forms of the workbench (transfer, end chat, new address, new price): an optional
/// explanation, labelled fields, OK and Cancel.
class FormDialog : public QDialog {
    Q_OBJECT
public:
    FormDialog(const QString& title, QWidget* parent, const QString& explanation = {});

    /// Adds a labelled field (the dialog owns it).
    void addRow(const QString& label, QWidget* field);
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    QFormLayout* m_form;
    QDialogButtonBox* m_buttons;
};

} // namespace shopdesk::ui
