#include "services/security/KeyRing.h"

#include "core/Logging.h"
#include "crypto/Hmac.h"
#include "crypto/Random.h"
#include "services/shop/ShopRepository.h"

namespace shopdesk {

namespace {

constexpr int kMasterKeyBytes = 32;

QString keyId(const QString& storeId)
{
    return QStringLiteral("shopdesk-store-") + storeId;
}

} // namespace

KeyRing::KeyRing(ShopRepository& store, std::vector<std::unique_ptr<crypto::KeyStore>> keyStores)
    : m_store(store)
    , m_keyStores(std::move(keyStores))
{
}

KeyRing::~KeyRing()
{
    crypto::wipe(m_master);
}

QByteArray KeyRing::auditKey() const
{
    return crypto::deriveKey(m_master, "shopdesk audit chain v1");
}

QByteArray KeyRing::piiKey() const
{
    return crypto::deriveKey(m_master, "shopdesk buyer personal data v1");
}

QByteArray KeyRing::throttleKey() const
{
    return crypto::deriveKey(m_master, "shopdesk login throttle v1");
}

Status KeyRing::unlock()
{
    auto storeId = m_store.storeId();
    if (!storeId) {
        return storeId.error();
    }
    m_storeId = *storeId; // the anchor is written from the audit's own thread, without the store
    const QString id = keyId(*storeId);
    auto recorded = m_store.keyLocation();
    if (!recorded) {
        return recorded.error();
    }
    if (!recorded->isEmpty()) {
        for (auto& ks : m_keyStores) {
            if (ks->kind() != *recorded) {
                continue;
            }
            auto key = ks->read(id);
            if (!key) {
                return Error::internal(QStringLiteral("Cannot read this database's key from %1: %2 (set "
                                                      "SHOPDESK_KEYSTORE if it lives elsewhere)")
                                           .arg(ks->where(id), key.error().message));
            }
            if (!*key || (*key)->size() != kMasterKeyBytes) {
                return Error::internal(QStringLiteral("This database's key is missing from %1. Restore it from a "
                                                      "backup: without it the audit log cannot be verified and buyer "
                                                      "personal data cannot be read.")
                                           .arg(ks->where(id)));
            }
            m_master = **key;
            m_location = *recorded;
            return {};
        }
        return Error::internal(QStringLiteral("This database's key is kept in the %1, which is not available here "
                                              "(SHOPDESK_KEYSTORE chooses: file or keychain).")
                                   .arg(*recorded));
    }

    // A store without a key yet: make one and keep it in the first place that takes it. Writes
    // only create (never overwrite), and what is stored afterwards is what counts, so two programs
    // opening a brand-new database at once end up with the same key.
    QByteArray fresh = crypto::randomBytes(kMasterKeyBytes);
    QStringList failures;
    for (auto& ks : m_keyStores) {
        auto before = ks->read(id);
        if (!before) {
            failures << before.error().message;
            continue;
        }
        if (!*before) {
            if (Status st = ks->write(id, fresh); !st && st.error().code != ErrorCode::Invalid) {
                failures << st.error().message;
                continue;
            }
        }
        auto stored = ks->read(id);
        if (!stored || !*stored || (*stored)->size() != kMasterKeyBytes) {
            failures << ks->where(id);
            continue;
        }
        auto claimed = m_store.claimKeyLocation(ks->kind());
        if (!claimed) {
            return claimed.error();
        }
        crypto::wipe(fresh);
        if (*claimed != ks->kind()) {
            return unlock(); // another program recorded another place first: use that
        }
        logging::get("crypto")->info("using a new database key in the {}", ks->kind());
        m_master = **stored;
        m_location = ks->kind();
        return {};
    }
    return Error::internal(
        QStringLiteral("Cannot store a key for this database: %1").arg(failures.join(QStringLiteral("; "))));
}

crypto::KeyStore* KeyRing::unlockedStore()
{
    for (auto& ks : m_keyStores) {
        if (ks->kind() == m_location) {
            return ks.get();
        }
    }
    return nullptr;
}

Result<QString> KeyRing::secretId(const QString& name)
{
    if (m_storeId.isEmpty()) {
        auto storeId = m_store.storeId();
        if (!storeId) {
            return storeId.error();
        }
        m_storeId = *storeId;
    }
    return QStringLiteral("shopdesk-store-%1-%2").arg(m_storeId, name);
}

Status KeyRing::putSecret(const QString& name, const QByteArray& value)
{
    auto id = secretId(name);
    crypto::KeyStore* ks = unlockedStore();
    if (!id || !ks) {
        return Error::internal(QStringLiteral("The database key is not unlocked."));
    }
    return ks->write(*id, value);
}

Status KeyRing::replaceSecret(const QString& name, const QByteArray& value)
{
    auto id = secretId(name);
    crypto::KeyStore* ks = unlockedStore();
    if (!id || !ks) {
        return Error::internal(QStringLiteral("The database key is not unlocked."));
    }
    return ks->replace(*id, value);
}

Result<std::optional<QByteArray>> KeyRing::secret(const QString& name)
{
    auto id = secretId(name);
    crypto::KeyStore* ks = unlockedStore();
    if (!id || !ks) {
        return Error::internal(QStringLiteral("The database key is not unlocked."));
    }
    return ks->read(*id);
}

} // namespace shopdesk
