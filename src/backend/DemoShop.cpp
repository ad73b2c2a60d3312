#include "backend/DemoShop.h"

#include "backend/Backend.h"
#include "backend/DemoPhrases.h"
#include "crypto/Random.h"
#include "services/demo/DemoHistory.h"
#include "services/history/HistoryRepository.h"
#include "services/privacy/PiiVault.h"
#include "services/routing/RoutingConfigService.h"
#include "services/security/KeyRing.h"
#include "store/SqliteStore.h"

namespace shopdesk::demoshop {

namespace {

QString randomPassword()
{
    static const char* alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const QByteArray bytes = crypto::randomBytes(12);
    QString out;
    for (const char b : bytes) {
        out += QLatin1Char(alphabet[static_cast<unsigned char>(b) % 56]);
    }
    return out;
}

const QString kSecretName = QStringLiteral("demo-agent-password");
const QString kSupervisorSecret = QStringLiteral("demo-supervisor-password");

} // namespace

Result<std::vector<DemoAccount>> seed(Backend& backend)
{
    if (backend.shop()) {
        return std::vector<DemoAccount>();
    }
    Shop shop;
    shop.name = QStringLiteral("果果旗舰店");
    const QString ownerPassword = randomPassword();
    if (Status st = backend.initialise(shop, QStringLiteral("店长"), ownerPassword); !st) {
        return st.error();
    }
    auto owner = backend.accounts().login(QStringLiteral("店长"), ownerPassword);
    if (!owner) {
        return owner.error();
    }
    std::vector<DemoAccount> created{
        {backend.accounts().fullName(QStringLiteral("店长")), ownerPassword, QStringLiteral("owner")}};
    routing::Settings routingSettings;
    routingSettings.sessionEndMinutes = 10;
    routingSettings.repeatEntryMinutes = 30;
    routingSettings.handlingMinutes = 4;
    if (Status st = backend.routing().save(*owner, routingSettings,
                                           {{QStringLiteral("presales"), 8}, {QStringLiteral("aftersales"), 5}});
        !st) {
        return st.error();
    }
    if (Status st = seedPhrases(backend.quickReplies(), *owner); !st) {
        return st.error();
    }
    struct Spec {
        QString name;
        QStringList roles;
        QString group;
        int limit;
    };
    const std::vector<Spec> specs{
        {kDemoSupervisor, {QStringLiteral("supervisor")}, QStringLiteral("presales"), 10},
        {kDemoAgent, {QStringLiteral("presales")}, QStringLiteral("presales"), 8},
        {QStringLiteral("阿强"), {QStringLiteral("aftersales")}, QStringLiteral("aftersales"), 5},
        {QStringLiteral("新人小林"), {QStringLiteral("trainee")}, QStringLiteral("presales"), 3},
    };
    for (const Spec& s : specs) {
        const QString password = randomPassword();
        auto account = backend.accounts().create(*owner, {s.name, password, s.roles, s.group, s.limit});
        if (!account) {
            return account.error();
        }
        created.push_back({backend.accounts().fullName(s.name), password, s.roles.join(QLatin1Char(','))});
        if (s.name == kDemoAgent || s.name == kDemoSupervisor) {
            const QString& secret = s.name == kDemoAgent ? kSecretName : kSupervisorSecret;
            if (Status st = backend.keys().putSecret(secret, password.toUtf8()); !st) {
                return st.error();
            }
        }
    }
    auto corpus = EcdCorpus::embedded();
    if (!corpus) {
        return corpus.error();
    }
    auto records = demoHistory(*corpus, backend.clock().now());
    for (auto& r : records) {
        if (auto* order = std::get_if<Order>(&r)) {
            backend.vault().seal(*order);
        }
    }
    auto done = backend.store().history().ingest(std::move(records));
    done.waitForFinished();
    if (!done.result()) {
        return done.result().error();
    }
    return created;
}

namespace {

Result<auth::Actor> loginWithSecret(Backend& backend, const QString& account, const QString& secret)
{
    auto password = backend.keys().secret(secret);
    if (!password) {
        return password.error();
    }
    if (!*password) {
        return Error::notFound(QStringLiteral("This database is not the demo shop (no demo password is kept for "
                                              "%1). Start without --demo, or with --db pointing to a new file.")
                                   .arg(account));
    }
    return backend.accounts().login(account, QString::fromUtf8(**password));
}

} // namespace

Result<auth::Actor> loginDemoAgent(Backend& backend)
{
    return loginWithSecret(backend, kDemoAgent, kSecretName);
}

Result<auth::Actor> loginDemoSupervisor(Backend& backend)
{
    return loginWithSecret(backend, kDemoSupervisor, kSupervisorSecret);
}

} // namespace shopdesk::demoshop
