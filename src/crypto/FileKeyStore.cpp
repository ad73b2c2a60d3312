#include "crypto/KeyStore.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <unistd.h>

namespace shopdesk::crypto {

QString FileKeyStore::path(const QString& id) const
{
    return QDir(m_dir).filePath(id + QStringLiteral(".key"));
}

QString FileKeyStore::where(const QString& id) const
{
    return QStringLiteral("the key file %1").arg(path(id));
}

Result<std::optional<QByteArray>> FileKeyStore::read(const QString& id)
{
    QFile f(path(id));
    if (!f.exists()) {
        return std::optional<QByteArray>();
    }
    if (!f.open(QIODevice::ReadOnly)) {
        return Error::internal(QStringLiteral("Cannot read %1: %2").arg(f.fileName(), f.errorString()));
    }
    const QByteArray data = QByteArray::fromBase64(f.readAll().trimmed());
    if (data.isEmpty()) {
        return Error::internal(QStringLiteral("The key file %1 is damaged.").arg(f.fileName()));
    }
    return std::optional<QByteArray>(data);
}

Status FileKeyStore::ensureDirectory() const
{
    if (!QDir().mkpath(m_dir)) {
        return Error::internal(QStringLiteral("Cannot create the key directory %1.").arg(m_dir));
    }
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return {};
}

Status FileKeyStore::replace(const QString& id, const QByteArray& secret)
{
    if (Status st = ensureDirectory(); !st) {
        return st;
    }
    // Written whole to a temporary file (owner-only from the first byte), then renamed over the old
    // one: a crash leaves the old value or the new, never half of one.
    QSaveFile f(path(id));
    if (!f.open(QIODevice::WriteOnly)) {
        return Error::internal(QStringLiteral("Cannot write %1: %2").arg(path(id), f.errorString()));
    }
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray text = secret.toBase64() + '\n';
    if (f.write(text) != text.size() || !f.commit()) {
        return Error::internal(QStringLiteral("Cannot write %1 (disk full?)").arg(path(id)));
    }
    return {};
}

Status FileKeyStore::write(const QString& id, const QByteArray& secret)
{
    if (Status st = ensureDirectory(); !st) {
        return st;
    }
    QFile f(path(id));
    // Created only if absent (two programs creating the same key must not overwrite each other),
    // and with owner-only permissions from the first byte.
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (f.exists()) {
            return Error::invalid(QStringLiteral("%1 exists already").arg(f.fileName()));
        }
        return Error::internal(QStringLiteral("Cannot write %1: %2").arg(f.fileName(), f.errorString()));
    }
    const QByteArray text = secret.toBase64() + '\n';
    const bool ok = f.write(text) == text.size() && f.flush() && ::fsync(f.handle()) == 0;
    f.close();
    if (!ok) {
        f.remove();
        return Error::internal(QStringLiteral("Cannot write %1 (disk full?)").arg(f.fileName()));
    }
    return {};
}

} // namespace shopdesk::crypto
