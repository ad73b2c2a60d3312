#include "auth/PasswordPolicy.h"

namespace shopdesk::auth {

Status checkNewPassword(const QString& password, const QString& shortName, const QString& fullName)
{
    if (password.size() < 8) {
        return Error::invalid(QStringLiteral("The password must have at least 8 characters."));
    }
    if (password.compare(shortName, Qt::CaseInsensitive) == 0 || password.compare(fullName, Qt::CaseInsensitive) == 0) {
        return Error::invalid(QStringLiteral("The password must not be the account name."));
    }
    return {};
}

Status checkAccountName(const QString& name)
{
    if (name.isEmpty() || name.size() > 32) {
        return Error::invalid(QStringLiteral("An account name has 1 to 32 characters."));
    }
    for (const QChar c : name) {
        if (c == QLatin1Char(':') || c.isSpace() || c.category() == QChar::Other_Control) {
            return Error::invalid(
                QStringLiteral("An account name must not contain ':', spaces or control characters."));
        }
    }
    return {};
}

} // namespace shopdesk::auth
