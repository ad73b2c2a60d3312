#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace shopdesk::crypto {

/// Where a store's master key is kept, outside the database: the OS keychain, or a 0600 key file
/// where no keychain runs.
class KeyStore {
public:
    virtual ~KeyStore() = default;
    /// "keychain" or "file": recorded in the store so every program looks in the same place.
    virtual QString kind() const = 0;
    /// A sentence naming where the key `id` is (for error messages).
    virtual QString where(const QString& id) const = 0;
    /// The secret, nullopt when there is none; an error when the store cannot be reached.
    virtual Result<std::optional<QByteArray>> read(const QString& id) = 0;
    /// Creates the secret; Invalid when it exists already (a master key is never overwritten).
    virtual Status write(const QString& id, const QByteArray& secret) = 0;
    /// Creates or replaces the secret atomically (for values that move on, such as the audit anchor).
    virtual Status replace(const QString& id, const QByteArray& secret) = 0;
};

/// Key files `<dir>/<id>.key`, mode 0600, in a 0700 directory.
class FileKeyStore final : public KeyStore {
public:
    explicit FileKeyStore(QString directory)
        : m_dir(std::move(directory))
    {
    }
    QString kind() const override { return QStringLiteral("file"); }
    QString where(const QString& id) const override;
    Result<std::optional<QByteArray>> read(const QString& id) override;
    Status write(const QString& id, const QByteArray& secret) override;
    Status replace(const QString& id, const QByteArray& secret) override;

private:
    QString path(const QString& id) const;
    Status ensureDirectory() const;
    QString m_dir;
};

/// The desktop keychain (Secret Service / KWallet) through QtKeychain. Needs a Qt event loop
/// object (QCoreApplication); waits at most `timeoutMs` for the keychain to answer.
class KeychainKeyStore final : public KeyStore {
public:
    explicit KeychainKeyStore(int timeoutMs = 5000)
        : m_timeoutMs(timeoutMs)
    {
    }
    QString kind() const override { return QStringLiteral("keychain"); }
    QString where(const QString& id) const override;
    Result<std::optional<QByteArray>> read(const QString& id) override;
    Status write(const QString& id, const QByteArray& secret) override;
    Status replace(const QString& id, const QByteArray& secret) override { return write(id, secret); }

private:
    int m_timeoutMs;
};

/// The key stores to use, in order of preference. SHOPDESK_KEYSTORE=file or =keychain forces one;
/// by default the keychain comes first when a D-Bus session is running, then the key file.
std::vector<std::unique_ptr<KeyStore>> keyStoresForEnvironment(const QString& keyFileDirectory);

} // namespace shopdesk::crypto
