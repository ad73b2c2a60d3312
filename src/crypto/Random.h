#pragma once

#include <QByteArray>

namespace shopdesk::crypto {

/// `count` bytes from the operating system's CSPRNG (OpenSSL RAND_bytes).
QByteArray randomBytes(int count);

/// Overwrites `secret` with zeros in a way the compiler cannot elide.
void wipe(QByteArray& secret);

/// Compares in time independent of where the inputs differ.
bool equalConstantTime(const QByteArray& a, const QByteArray& b);

} // namespace shopdesk::crypto
