#pragma once

#include "core/Result.h"
#include "crypto/KeyStore.h"

#include <QByteArray>

#include <memory>
#include <vector>

namespace shopdesk {

class ShopRepository;

/// The store's master key and the keys derived from it (audit chain, buyer personal data). The
/// master key lives outside the database (keychain or key file); the store records only which
/// kind of place holds it.
class KeyRing {
public:
    KeyRing(ShopRepository& store, std::vector<std::unique_ptr<crypto::KeyStore>> keyStores);
    ~KeyRing();

    /// Loads the master key; a store that never had one gets a new one, saved in the first key
    /// store that accepts it. A store whose key is missing is an error (never silently replaced:
    /// that would orphan the audit chain and the encrypted personal data).
    Status unlock();

    bool unlocked() const { return !m_master.isEmpty(); }
    QByteArray auditKey() const;
    QByteArray piiKey() const;
    /// Keys the hashes under which failed logins of unknown names are counted.
    QByteArray throttleKey() const;
    /// "keychain" or "file".
    const QString& location() const { return m_location; }

    /// Another secret of this database kept beside its key (e.g. the demo agent's password).
    Status putSecret(const QString& name, const QByteArray& value);
    /// Creates or replaces such a secret (a value that moves on: the audit log's anchor).
    Status replaceSecret(const QString& name, const QByteArray& value);
    Result<std::optional<QByteArray>> secret(const QString& name);

private:
    crypto::KeyStore* unlockedStore();
    Result<QString> secretId(const QString& name);

    ShopRepository& m_store;
    std::vector<std::unique_ptr<crypto::KeyStore>> m_keyStores;
    QByteArray m_master;
    QString m_location;
    QString m_storeId;
};

} // namespace shopdesk
