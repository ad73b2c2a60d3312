#include "crypto/PasswordHasher.h"

#include "crypto/Random.h"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

namespace shopdesk::crypto {

namespace {

void initSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) {
            throw std::runtime_error("libsodium could not be initialised");
        }
    });
}

} // namespace

PasswordHasher::PasswordHasher()
    : PasswordHasher(Params())
{
}

PasswordHasher::PasswordHasher(Params params)
    : m_params(params)
{
    initSodium();
}

QByteArray PasswordHasher::hash(const QString& password) const
{
    QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    const int rc = crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                                         m_params.opsLimit, m_params.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13);
    wipe(utf8);
    return rc == 0 ? QByteArray(out) : QByteArray();
}

QByteArray PasswordHasher::deriveKey(const QString& password, const QByteArray& salt) const
{
    static_assert(kSaltBytes == crypto_pwhash_SALTBYTES);
    if (salt.size() != kSaltBytes) {
        return {};
    }
    QByteArray utf8 = password.toUtf8();
    QByteArray key(32, '\0');
    const int rc = crypto_pwhash(
        reinterpret_cast<unsigned char*>(key.data()), static_cast<unsigned long long>(key.size()), utf8.constData(),
        static_cast<unsigned long long>(utf8.size()), reinterpret_cast<const unsigned char*>(salt.constData()),
        m_params.opsLimit, m_params.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13);
    wipe(utf8);
    return rc == 0 ? key : QByteArray();
}

bool PasswordHasher::verify(const QByteArray& stored, const QString& password) const
{
    ++m_verifications;
    if (stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES) {
        return false;
    }
    QByteArray utf8 = password.toUtf8();
    const int rc =
        crypto_pwhash_str_verify(stored.constData(), utf8.constData(), static_cast<unsigned long long>(utf8.size()));
    wipe(utf8);
    return rc == 0;
}

bool PasswordHasher::needsRehash(const QByteArray& stored) const
{
    return crypto_pwhash_str_needs_rehash(stored.constData(), m_params.opsLimit, m_params.memLimitBytes) != 0;
}

} // namespace shopdesk::crypto
