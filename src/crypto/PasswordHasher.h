#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>

namespace shopdesk::crypto {

/// Memory-hard password hashing: Argon2id through libsodium, salted, at OWASP's recommended
/// m = 19 MiB, t = 2, p = 1. The stored form is the self-describing PHC string
/// ($argon2id$v=19$m=19456,t=2,p=1$salt$hash), so parameters can change without a migration:
/// needsRehash() tells the login code to re-hash with the current ones.
class PasswordHasher {
public:
    struct Params {
        unsigned long long opsLimit = 2;
        std::size_t memLimitBytes = 19 * 1024 * 1024;
    };

    PasswordHasher();
    explicit PasswordHasher(Params params);

    /// The PHC string for `password` (UTF-8 of the QString). Empty on resource failure.
    QByteArray hash(const QString& password) const;
    /// Constant-time verification against a stored PHC string.
    bool verify(const QByteArray& stored, const QString& password) const;
    /// A 32-byte key from `password` and a 16-byte `salt` (Argon2id at this hasher's cost), for
    /// sealing what only the password's holder may open. Empty on resource failure or a bad salt.
    QByteArray deriveKey(const QString& password, const QByteArray& salt) const;
    static constexpr int kSaltBytes = 16;
    /// True when `stored` was made with other parameters than this hasher's.
    bool needsRehash(const QByteArray& stored) const;

    const Params& params() const { return m_params; }
    /// How many verifications this hasher ran (each costs the full Argon2 work).
    quint64 verifications() const { return m_verifications.load(); }

private:
    Params m_params;
    mutable std::atomic<quint64> m_verifications{0};
};

} // namespace shopdesk::crypto
