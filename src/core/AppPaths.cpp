#include "core/AppPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace shopdesk::apppaths {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setApplicationName(QStringLiteral("shopdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHOPDESK_VERSION));
}

QString dataDir()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty()) {
        dir = QDir::home().filePath(QStringLiteral(".shopdesk"));
    }
    QDir().mkpath(dir);
    return dir;
}

QString defaultDatabase()
{
    return QDir(dataDir()).filePath(QStringLiteral("shopdesk.db"));
}

QString logDir()
{
    return QDir(dataDir()).filePath(QStringLiteral("logs"));
}

} // namespace shopdesk::apppaths
