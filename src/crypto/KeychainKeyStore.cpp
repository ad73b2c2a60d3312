#include "crypto/KeyStore.h"

#include "core/AppPaths.h"
#include "core/Logging.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace shopdesk::crypto {

namespace {

const QString kService = QStringLiteral("ShopDesk");

struct Outcome {
    bool done = false;
    QKeychain::Error error = QKeychain::NoError;
    QString message;
    QByteArray data;
};

/// Runs a keychain job to completion or timeout. Used at start-up, before any window exists.
Outcome run(QKeychain::Job* job, int timeoutMs)
{
    Outcome outcome;
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&outcome, &loop](QKeychain::Job* j) {
        outcome.done = true;
        outcome.error = j->error();
        outcome.message = j->errorString();
        if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(j)) {
            outcome.data = read->binaryData();
        }
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    return outcome;
}

} // namespace

QString KeychainKeyStore::where(const QString& id) const
{
    return QStringLiteral("the desktop keychain (service %1, key %2)").arg(kService, id);
}

Result<std::optional<QByteArray>> KeychainKeyStore::read(const QString& id)
{
    auto* job = new QKeychain::ReadPasswordJob(kService);
    job->setAutoDelete(true);
    job->setKey(id);
    const Outcome o = run(job, m_timeoutMs);
    if (!o.done) {
        return Error::internal(QStringLiteral("The desktop keychain did not answer."));
    }
    if (o.error == QKeychain::EntryNotFound) {
        return std::optional<QByteArray>();
    }
    if (o.error != QKeychain::NoError) {
        logging::get("crypto")->warn("keychain read failed ({})", static_cast<int>(o.error));
        return Error::internal(QStringLiteral("The desktop keychain is not available: %1").arg(o.message));
    }
    return std::optional<QByteArray>(o.data);
}

Status KeychainKeyStore::write(const QString& id, const QByteArray& secret)
{
    auto* job = new QKeychain::WritePasswordJob(kService);
    job->setAutoDelete(true);
    job->setKey(id);
    job->setBinaryData(secret);
    const Outcome o = run(job, m_timeoutMs);
    if (!o.done) {
        return Error::internal(QStringLiteral("The desktop keychain did not answer."));
    }
    if (o.error != QKeychain::NoError) {
        logging::get("crypto")->warn("keychain write failed ({})", static_cast<int>(o.error));
        return Error::internal(QStringLiteral("The desktop keychain is not available: %1").arg(o.message));
    }
    return {};
}

std::vector<std::unique_ptr<KeyStore>> keyStoresForEnvironment(const QString& keyFileDirectory)
{
    std::vector<std::unique_ptr<KeyStore>> stores;
    const QByteArray forced = qgetenv("SHOPDESK_KEYSTORE");
    const bool haveSession = !qgetenv("DBUS_SESSION_BUS_ADDRESS").isEmpty();
    if (forced == "keychain" || (forced.isEmpty() && haveSession)) {
        stores.push_back(std::make_unique<KeychainKeyStore>());
    }
    if (forced != "keychain") {
        stores.push_back(std::make_unique<FileKeyStore>(keyFileDirectory));
    }
    return stores;
}

} // namespace shopdesk::crypto
