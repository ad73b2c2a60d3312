#pragma once

#include "core/Result.h"

#include <QDialog>
#include <QFuture>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace shopdesk::ui {

/// A new password typed twice (at least 8 characters, not the account name). Checks only that the
/// two agree and are long enough; the account service has the last word.
class ChangePasswordDialog : public QDialog {
    Q_OBJECT
public:
    explicit ChangePasswordDialog(const QString& explanation, QWidget* parent = nullptr);
    QString password() const;
    QLineEdit* firstEdit() const { return m_first; }
    QLineEdit* secondEdit() const { return m_second; }
    void setError(const QString& message);

    /// OK (once the form is right) runs `submit`: the dialog waits, closes when it succeeded, or
    /// shows why not and keeps what was typed.
    void submitWith(std::function<QFuture<Status>()> submit);

private:
    void check();

    QLineEdit* m_first;
    QLineEdit* m_second;
    QLabel* m_message;
    void finish();
    std::function<QFuture<Status>()> m_submit;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace shopdesk::ui
