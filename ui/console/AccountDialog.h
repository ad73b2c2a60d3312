#pragma once

#include "auth/Role.h"
#include "domain/Account.h"

#include "core/Result.h"

#include <QDialog>
#include <QFuture>

#include <functional>

#include <map>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QFormLayout;
class QSpinBox;

namespace shopdesk::ui {

/// A new sub-account: name, password typed twice, roles as checkboxes (only the roles the
/// supervisor may grant are enabled — no escalation; the service checks again), group and limit.
class AccountDialog : public QDialog {
    Q_OBJECT
public:
    AccountDialog(const std::vector<auth::Role>& roles, const std::vector<auth::Role>& grantable,
                  const QStringList& groups, QWidget* parent = nullptr);

    NewAccount account() const;
    /// Edits `existing` instead of creating: the name is fixed, no password is asked, its roles,
    /// group and limit are filled in. Roles the editor may not grant stay as they are.
    void edit(const Account& existing);
    bool editing() const { return m_editing; }
    QComboBox* groupBox() const { return m_group; }
    QSpinBox* limitBox() const { return m_limit; }
    QCheckBox* roleBox(const QString& role) const;
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* againEdit() const { return m_again; }
    /// Checks the form (the service checks the rest); false with the message shown.
    bool check();

    /// OK (once the form is right) runs `submit`: the dialog waits, closes when it succeeded, or
    /// shows why not and keeps what was typed.
    void submitWith(std::function<QFuture<Status>()> submit);

private:
    QLineEdit* m_name;
    QLineEdit* m_password;
    QLineEdit* m_again;
    QComboBox* m_group;
    QSpinBox* m_limit;
    QLabel* m_message;
    std::map<QString, QCheckBox*> m_roles;
    void finish();
    std::function<QFuture<Status>()> m_submit;
    QDialogButtonBox* m_buttons = nullptr;
    QFormLayout* m_form = nullptr;
    bool m_editing = false;
};

} // namespace shopdesk::ui
