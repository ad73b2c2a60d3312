#include "crypto/AesGcm.h"

#include "crypto/Random.h"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace shopdesk::crypto {

namespace {

constexpr char kVersion = 1;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

struct CtxDeleter {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using Ctx = std::unique_ptr<EVP_CIPHER_CTX, CtxDeleter>;

const unsigned char* bytes(const QByteArray& b)
{
    return reinterpret_cast<const unsigned char*>(b.constData());
}

} // namespace

AesGcm::AesGcm(QByteArray key)
    : m_key(std::move(key))
{
    if (m_key.size() != kKeyBytes) {
        throw std::invalid_argument("AES-256-GCM needs a 32-byte key");
    }
}

AesGcm::~AesGcm()
{
    wipe(m_key);
}

QByteArray AesGcm::seal(const QByteArray& plaintext, const QByteArray& associatedData) const
{
    const QByteArray nonce = randomBytes(kNonceBytes);
    QByteArray out;
    out.reserve(1 + kNonceBytes + plaintext.size() + kTagBytes);
    out += kVersion;
    out += nonce;
    QByteArray body(plaintext.size(), Qt::Uninitialized);
    QByteArray tag(kTagBytes, Qt::Uninitialized);
    Ctx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) == 1 &&
              EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), bytes(nonce)) == 1;
    if (ok && !associatedData.isEmpty()) {
        ok = EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(associatedData),
                               static_cast<int>(associatedData.size())) == 1;
    }
    ok = ok && EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(body.data()), &len, bytes(plaintext),
                                 static_cast<int>(plaintext.size())) == 1;
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(body.data()) + len, &len) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, tag.data()) == 1;
    if (!ok) {
        throw std::runtime_error("AES-256-GCM encryption failed");
    }
    out += body;
    out += tag;
    return out;
}

Result<QByteArray> AesGcm::open(const QByteArray& sealed, const QByteArray& associatedData) const
{
    if (sealed.size() < 1 + kNonceBytes + kTagBytes || sealed[0] != kVersion) {
        return Error::invalid(QStringLiteral("encrypted value is damaged"));
    }
    const QByteArray nonce = sealed.mid(1, kNonceBytes);
    const QByteArray body = sealed.mid(1 + kNonceBytes, sealed.size() - 1 - kNonceBytes - kTagBytes);
    QByteArray tag = sealed.right(kTagBytes);
    QByteArray plain(body.size(), Qt::Uninitialized);
    Ctx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) == 1 &&
              EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), bytes(nonce)) == 1;
    if (ok && !associatedData.isEmpty()) {
        ok = EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(associatedData),
                               static_cast<int>(associatedData.size())) == 1;
    }
    ok = ok && EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &len, bytes(body),
                                 static_cast<int>(body.size())) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) == 1;
    ok = ok && EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + len, &len) == 1;
    if (!ok) {
        wipe(plain);
        return Error::invalid(QStringLiteral("encrypted value is damaged or sealed with another key"));
    }
    return plain;
}

} // namespace shopdesk::crypto
