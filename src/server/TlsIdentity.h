#pragma once

#include "core/Result.h"

#include <QString>

namespace shopdesk::server {

/// The server's TLS certificate and key files.
struct TlsFiles {
    QString certificate;
    QString key;
};

/// Makes a self-signed certificate (P-256, ten years, names localhost, 127.0.0.1 and `host`) with
/// its key (mode 0600) at `files`; refuses to overwrite existing files.
Status makeSelfSigned(const TlsFiles& files, const QString& host);

/// The SHA-256 fingerprint clients pin, as colon-separated upper-case hex ("AB:CD:…").
Result<QString> fingerprintOf(const QString& certificatePath);

/// The same form for a certificate's DER bytes.
QString fingerprintOfDer(const QByteArray& der);

} // namespace shopdesk::server
