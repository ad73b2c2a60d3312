#pragma once

#include "core/Result.h"

#include <QByteArray>

namespace shopdesk::crypto {

/// AES-256-GCM authenticated encryption (OpenSSL EVP). A sealed value is
/// version(1) || nonce(12) || ciphertext || tag(16); a fresh random nonce per value.
class AesGcm {
public:
    static constexpr int kKeyBytes = 32;

    /// `key` must be 32 bytes.
    explicit AesGcm(QByteArray key);
    ~AesGcm();
    AesGcm(const AesGcm&) = delete;
    AesGcm& operator=(const AesGcm&) = delete;

    QByteArray seal(const QByteArray& plaintext, const QByteArray& associatedData = {}) const;
    /// Invalid when the value was altered, truncated, or sealed with another key or context.
    Result<QByteArray> open(const QByteArray& sealed, const QByteArray& associatedData = {}) const;

private:
    QByteArray m_key;
};

} // namespace shopdesk::crypto
