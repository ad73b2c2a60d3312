#include "crypto/Hmac.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace shopdesk::crypto {

namespace {

QByteArray hmac(const EVP_MD* md, const QByteArray& key, const QByteArray& data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!HMAC(md, key.constData(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(data.constData()), static_cast<size_t>(data.size()), out, &len)) {
        throw std::runtime_error("HMAC failed");
    }
    return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(len));
}

QByteArray digest(const EVP_MD* md, const QByteArray& data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()), out, &len, md, nullptr) != 1) {
        throw std::runtime_error("digest failed");
    }
    return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(len));
}

} // namespace

QByteArray hmacSha256(const QByteArray& key, const QByteArray& data)
{
    return hmac(EVP_sha256(), key, data);
}

QByteArray deriveKey(const QByteArray& master, const char* purpose)
{
    return hmacSha256(master, QByteArray(purpose) + '\x01');
}

QByteArray md5Hex(const QByteArray& data)
{
    return digest(EVP_md5(), data).toHex().toUpper();
}

QByteArray hmacMd5Hex(const QByteArray& key, const QByteArray& data)
{
    return hmac(EVP_md5(), key, data).toHex().toUpper();
}

QByteArray hmacSha256Hex(const QByteArray& key, const QByteArray& data)
{
    return hmac(EVP_sha256(), key, data).toHex().toUpper();
}

QByteArray sha256(const QByteArray& data)
{
    return digest(EVP_sha256(), data);
}

} // namespace shopdesk::crypto
