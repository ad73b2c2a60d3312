#pragma once

#include "support/QtPrinters.h"

#include "auth/Actor.h"
#include "backend/Backend.h"
#include "core/Clock.h"

#include <QTemporaryDir>

#include <memory>

namespace shopdesk::test {

/// A Backend on a fresh store in a temporary directory: key file store inside that directory, a
/// manual clock, cheap Argon2 parameters (the production ones are checked separately), the shop
/// 测试旗舰店 and its main account 店长 / owner-pass-1.
class TestBackend {
public:
    static constexpr const char* kOwnerPassword = "owner-pass-1";

    TestBackend();
    explicit TestBackend(const crypto::PasswordHasher::Params& params);

    Backend& operator*() { return *m_backend; }
    Backend* operator->() { return m_backend.get(); }
    ManualClock& clock() { return m_clock; }
    QString path() const { return m_dir.filePath(QStringLiteral("shopdesk.db")); }
    QString keyDir() const { return m_dir.filePath(QStringLiteral("keys")); }

    /// The logged-in main account.
    auth::Actor owner();
    /// Creates `name` with `roles` (as the owner) and logs it in.
    auth::Actor account(const QString& name, const QStringList& roles,
                        const QString& password = QStringLiteral("agent-pass-1"));

    /// Closes and reopens the backend (same files, same key store).
    void reopen(const crypto::PasswordHasher::Params& params);
    void reopen() { reopen(m_params); }
    void close() { m_backend.reset(); }

    static crypto::PasswordHasher::Params fastParams() { return {1, 8 * 1024}; }

private:
    Backend::Options options(bool create) const;

    QTemporaryDir m_dir;
    ManualClock m_clock;
    crypto::PasswordHasher::Params m_params;
    std::unique_ptr<Backend> m_backend;
};

} // namespace shopdesk::test
