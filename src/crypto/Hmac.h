#pragma once

#include <QByteArray>

namespace shopdesk::crypto {

/// HMAC-SHA256 (OpenSSL).
QByteArray hmacSha256(const QByteArray& key, const QByteArray& data);

/// A named subkey of a master key (HKDF-Expand-like: HMAC(master, purpose || 0x01)), so one stored
/// secret serves several purposes without one use weakening another.
QByteArray deriveKey(const QByteArray& master, const char* purpose);

/// Digests for request signing: hex, upper-case like the platforms' examples.
QByteArray md5Hex(const QByteArray& data);
QByteArray hmacMd5Hex(const QByteArray& key, const QByteArray& data);
QByteArray hmacSha256Hex(const QByteArray& key, const QByteArray& data);
QByteArray sha256(const QByteArray& data);

} // namespace shopdesk::crypto
