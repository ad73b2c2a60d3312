#pragma once

#include "support/TempStore.h"

#include <QTemporaryDir>

namespace shopdesk::test {

/// shopdeskctl against a store made with `init --shop 果果旗舰店 --owner 店长`, acting as `as` with
/// `password` (SHOPDESK_PASSWORD) unless other environment is given.
class CliStore {
public:
    static constexpr const char* kOwnerPassword = "owner-pass-1";

    CliStore();
    QString db() const { return m_dir.filePath(QStringLiteral("s.db")); }
    QString dir() const { return m_dir.path(); }
    QString write(const QString& name, const QByteArray& content) const;

    /// Runs shopdeskctl --db DB ARGS with `input` on stdin and `env` (KEY=VALUE) added.
    ProcessResult run(const QStringList& args, const QByteArray& input = {}, const QStringList& env = {}) const;
    /// Runs shopdeskctl --db DB --as ACCOUNT ARGS with the account's password in the environment.
    ProcessResult as(const QString& account, const QString& password, const QStringList& args,
                     const QStringList& env = {}) const;
    ProcessResult owner(const QStringList& args, const QStringList& env = {}) const
    {
        return as(QStringLiteral("店长"), QString::fromLatin1(kOwnerPassword), args, env);
    }

private:
    QTemporaryDir m_dir;
};

} // namespace shopdesk::test
