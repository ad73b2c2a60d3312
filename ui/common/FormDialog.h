#pragma once

#include "core/Result.h"

#include <QDialog>
#include <QFuture>

#include <functional>

class QDialogButtonBox;
class QFormLayout;
class QLabel;

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
    /// OK runs `submit` instead of closing: the dialog waits (buttons off, nothing it holds lost)
    /// and closes when it succeeded, or shows why not and lets the person correct it.
    void submitWith(std::function<QFuture<Status>()> submit);
    QLabel* errorLine() const { return m_error; }

private:
    QFormLayout* m_form;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    std::function<QFuture<Status>()> m_submit;
};

} // namespace shopdesk::ui
