#include "server/TlsIdentity.h"

#include "crypto/Random.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QCryptographicHash>
#include <QFile>
#include <QSslCertificate>

#include <cstring>
#include <memory>

namespace shopdesk::server {

namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(n));
}

bool addExtension(X509* cert, int nid, const QByteArray& value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (!ext) {
        return false;
    }
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

Status writeFile(const QString& path, const QByteArray& bytes, QFileDevice::Permissions permissions)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        return Error::invalid(QStringLiteral("Cannot create %1: %2").arg(path, f.errorString()));
    }
    f.setPermissions(permissions);
    if (f.write(bytes) != bytes.size() || !f.flush()) {
        return Error::internal(QStringLiteral("Cannot write %1: %2").arg(path, f.errorString()));
    }
    return {};
}

} // namespace

Status makeSelfSigned(const TlsFiles& files, const QString& host)
{
    if (QFile::exists(files.certificate) || QFile::exists(files.key)) {
        return Error::invalid(
            QStringLiteral("A TLS certificate or key exists already at %1; it is kept.").arg(files.certificate));
    }
    KeyPtr key(EVP_EC_gen("P-256"));
    CertPtr cert(X509_new());
    if (!key || !cert) {
        return Error::internal(QStringLiteral("Could not make a TLS key."));
    }
    X509_set_version(cert.get(), 2);
    const QByteArray serial = crypto::randomBytes(8);
    int64_t serialNumber = 0;
    memcpy(&serialNumber, serial.constData(), sizeof serialNumber);
    ASN1_INTEGER_set_int64(X509_get_serialNumber(cert.get()), serialNumber & INT64_MAX);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("ShopDesk"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("shopdesk-server"), -1,
                               -1, 0);
    X509_set_issuer_name(cert.get(), name);
    QByteArray san = "DNS:localhost,IP:127.0.0.1,IP:::1";
    if (!host.isEmpty() && host != u"localhost" && host != u"127.0.0.1" && host != u"::1" && host != u"0.0.0.0") {
        const bool ip = host.contains(QLatin1Char(':')) || host.at(0).isDigit();
        san += (ip ? ",IP:" : ",DNS:") + host.toLatin1();
    }
    if (!addExtension(cert.get(), NID_subject_alt_name, san) ||
        !addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(cert.get(), NID_ext_key_usage, "serverAuth")) {
        return Error::invalid(QStringLiteral("The host name '%1' cannot go into a certificate.").arg(host));
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
        return Error::internal(QStringLiteral("Could not sign the TLS certificate."));
    }
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    BioPtr certBio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) ||
        !PEM_write_bio_X509(certBio.get(), cert.get())) {
        return Error::internal(QStringLiteral("Could not write the TLS key."));
    }
    if (Status st = writeFile(files.key, bioBytes(keyBio.get()), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        !st) {
        return st;
    }
    return writeFile(files.certificate, bioBytes(certBio.get()),
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                         QFileDevice::ReadOther);
}

QString fingerprintOfDer(const QByteArray& der)
{
    const QByteArray hex = QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        pairs << QString::fromLatin1(hex.mid(i, 2));
    }
    return pairs.join(QLatin1Char(':'));
}

Result<QString> fingerprintOf(const QString& certificatePath)
{
    const auto certs = QSslCertificate::fromPath(certificatePath, QSsl::Pem);
    if (certs.isEmpty()) {
        return Error::notFound(QStringLiteral("No certificate could be read from %1.").arg(certificatePath));
    }
    return fingerprintOfDer(certs.first().toDer());
}

} // namespace shopdesk::server
