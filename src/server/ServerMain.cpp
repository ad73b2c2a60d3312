#include "server/ServerMain.h"

#include "cli/Args.h"
#include "core/Logging.h"
#include "domain/SimSettings.h"
#include "server/ServerBackend.h"
#include "server/ShopRouter.h"
#include "server/TeamServer.h"
#include "server/TlsIdentity.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QStandardPaths>
#include <QTextStream>
#include <QUrl>

#include <csignal>
#include <cstdio>

namespace shopdesk::server {

namespace {

constexpr const char* kUsage =
    "usage: shopdesk-server init --pg URL --shop NAME --owner NAME [--platform sim] [--tz ZONE] [--data DIR]\n"
    "                            [--tls-cert FILE --tls-key FILE] [--host NAME]\n"
    "       shopdesk-server run --pg URL --listen HOST:PORT [--data DIR] [--tls-cert FILE --tls-key FILE]\n"
    "                           [--plain] [--idle-minutes N] [--buyers-per-minute N]\n"
    "       shopdesk-server fingerprint [--data DIR | --tls-cert FILE]\n"
    "The database password comes from PGPASSWORD or ~/.pgpass, never from the URL; the owner's password from\n"
    "SHOPDESK_NEW_PASSWORD or the first line of standard input.\n";

struct Io {
    QTextStream out{stdout};
    QTextStream err{stderr};
};

int fail(Io& io, const Error& e)
{
    io.err << "shopdesk-server: " << e.message << '\n';
    io.err.flush();
    return exitCodeFor(e.code);
}

QString defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("shopdesk-server"));
}

/// The PostgreSQL URL from --pg or SHOPDESK_PG; one with a password in it is refused (it would sit
/// in the process list and shell history).
Result<QString> pgUrl(cli::Args& args)
{
    auto given = args.option(QStringLiteral("pg"));
    if (!given) {
        return given.error();
    }
    QString url = given->value_or(qEnvironmentVariable("SHOPDESK_PG"));
    if (url.isEmpty() && qEnvironmentVariableIsEmpty("PGHOST") && qEnvironmentVariableIsEmpty("PGDATABASE")) {
        return Error::usage(QStringLiteral("Give the database with --pg URL (or SHOPDESK_PG, or the PG* variables)."));
    }
    const bool hasUrlPassword =
        (url.startsWith(u"postgres://") || url.startsWith(u"postgresql://")) && !QUrl(url).password().isEmpty();
    if (hasUrlPassword || url.contains(QLatin1String("password="))) {
        return Error::usage(QStringLiteral("The database URL must not hold the password: put it in PGPASSWORD or "
                                           "~/.pgpass."));
    }
    return url;
}

struct Common {
    QString pg;
    QString dataDir;
    TlsFiles tls;
};

Result<Common> common(cli::Args& args)
{
    Common c;
    auto pg = pgUrl(args);
    if (!pg) {
        return pg.error();
    }
    c.pg = *pg;
    auto data = args.option(QStringLiteral("data"));
    auto cert = args.option(QStringLiteral("tls-cert"));
    auto key = args.option(QStringLiteral("tls-key"));
    if (!data || !cert || !key) {
        return Error::usage(QStringLiteral("--data, --tls-cert and --tls-key each need a value."));
    }
    c.dataDir = data->value_or(defaultDataDir());
    if (cert->has_value() != key->has_value()) {
        return Error::usage(QStringLiteral("Give --tls-cert and --tls-key together."));
    }
    c.tls.certificate = cert->value_or(QDir(c.dataDir).filePath(QStringLiteral("tls/server.crt")));
    c.tls.key = key->value_or(QDir(c.dataDir).filePath(QStringLiteral("tls/server.key")));
    return c;
}

QString readNewPassword()
{
    if (!qEnvironmentVariableIsEmpty("SHOPDESK_NEW_PASSWORD")) {
        return qEnvironmentVariable("SHOPDESK_NEW_PASSWORD");
    }
    QTextStream in(stdin);
    return in.readLine();
}

int init(Io& io, cli::Args& args)
{
    auto c = common(args);
    if (!c) {
        return fail(io, c.error());
    }
    auto shopName = args.option(QStringLiteral("shop"));
    auto owner = args.option(QStringLiteral("owner"));
    auto platform = args.option(QStringLiteral("platform"));
    auto tz = args.option(QStringLiteral("tz"));
    auto host = args.option(QStringLiteral("host"));
    if (!shopName || !owner || !platform || !tz || !host || !*shopName || !*owner) {
        return fail(io, Error::usage(QStringLiteral("init needs --shop NAME and --owner NAME.")));
    }
    if (Status st = args.finish(); !st) {
        return fail(io, st.error());
    }
    Shop shop;
    shop.name = **shopName;
    shop.platform = platform->value_or(QStringLiteral("sim"));
    if (*tz) {
        shop.timeZone = QTimeZone(tz->value().toUtf8());
        if (!shop.timeZone.isValid()) {
            return fail(io, Error::usage(QStringLiteral("Unknown time zone '%1'.").arg(**tz)));
        }
    }
    if (!QDir().mkpath(c->dataDir)) {
        return fail(io, Error::invalid(QStringLiteral("Cannot create the server's directory %1.").arg(c->dataDir)));
    }
    QFile::setPermissions(c->dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    ServerBackend::Options options;
    options.pgUrl = c->pg;
    options.dataDir = c->dataDir;
    options.migrate = true;
    auto backend = ServerBackend::open(options);
    if (!backend) {
        return fail(io, backend.error());
    }
    const QString password = readNewPassword();
    if (Status st = (*backend)->initialise(shop, **owner, password); !st) {
        return fail(io, st.error());
    }
    if (!QFile::exists(c->tls.certificate)) {
        QDir().mkpath(QFileInfo(c->tls.certificate).absolutePath());
        if (Status st = makeSelfSigned(c->tls, host->value_or(QHostInfo::localHostName())); !st) {
            return fail(io, st.error());
        }
    }
    auto fp = fingerprintOf(c->tls.certificate);
    if (!fp) {
        return fail(io, fp.error());
    }
    io.out << "Shop '" << shop.name << "' created with its main account " << shop.name << ':' << **owner << ".\n"
           << "Server keys: " << QDir(c->dataDir).filePath(QStringLiteral("keys")) << " (back them up with the "
           << "database)\n"
           << "TLS certificate: " << c->tls.certificate << "\n"
           << "SHA-256 fingerprint: " << *fp << "\n";
    return 0;
}

int run(Io& io, cli::Args& args)
{
    auto c = common(args);
    if (!c) {
        return fail(io, c.error());
    }
    auto listen = args.option(QStringLiteral("listen"));
    auto idle = args.integer(QStringLiteral("idle-minutes"), 1, 7 * 24 * 60);
    auto pace =
        args.integer(QStringLiteral("buyers-per-minute"), 0, static_cast<qint64>(SimSettings::kMaxBuyersPerMinute));
    const bool plain = args.flag(QStringLiteral("plain"));
    if (!listen || !idle || !pace || !*listen) {
        return fail(io, Error::usage(QStringLiteral("run needs --listen HOST:PORT.")));
    }
    if (Status st = args.finish(); !st) {
        return fail(io, st.error());
    }
    const int colon = listen->value().lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? listen->value().mid(colon + 1).toInt(&portOk) : 0;
    QString hostText = colon > 0 ? listen->value().left(colon) : QString();
    if (hostText.startsWith(u'[') && hostText.endsWith(u']')) {
        hostText = hostText.mid(1, hostText.size() - 2);
    }
    QHostAddress address(hostText == u"localhost" ? QStringLiteral("127.0.0.1") : hostText);
    if (!portOk || port < 0 || port > 65535 || address.isNull()) {
        return fail(io,
                    Error::usage(QStringLiteral("--listen wants HOST:PORT with an IP address, e.g. 0.0.0.0:7443.")));
    }
    ServerBackend::Options options;
    options.pgUrl = c->pg;
    options.dataDir = c->dataDir;
    auto backend = ServerBackend::open(options);
    if (!backend) {
        return fail(io, backend.error());
    }
    if ((*backend)->shop().name.isEmpty()) {
        return fail(io,
                    Error::notFound(QStringLiteral("The database has no shop yet; run shopdesk-server init first.")));
    }
    if (!(*backend)->auditIntegrity()) {
        return fail(io, (*backend)->auditIntegrity().error());
    }
    TeamServer::Options serverOptions;
    serverOptions.address = address;
    serverOptions.port = static_cast<quint16>(port);
    serverOptions.plain = plain;
    serverOptions.tls = c->tls;
    serverOptions.pgUrl = c->pg;
    if (*idle) {
        serverOptions.idleExpiry = std::chrono::minutes(**idle);
    }
    TeamServer server(**backend, serverOptions);
    if (Status st = server.start(); !st) {
        return fail(io, st.error());
    }
    ShopRouter::Options routerOptions;
    routerOptions.pgUrl = c->pg;
    if (*pace) {
        routerOptions.buyersPerMinute = static_cast<double>(**pace);
    }
    ShopRouter router(**backend, routerOptions);
    server.setRouter(&router);
    router.start();
    io.out << "shopdesk-server: shop '" << (*backend)->shop().name << "' listening on " << address.toString() << ':'
           << server.port() << (plain ? " (plain, loopback only)" : " (TLS)") << '\n';
    io.out.flush();
    std::signal(SIGTERM, [](int) { QCoreApplication::quit(); });
    std::signal(SIGINT, [](int) { QCoreApplication::quit(); });
    return QCoreApplication::exec();
}

int fingerprint(Io& io, cli::Args& args)
{
    auto data = args.option(QStringLiteral("data"));
    auto cert = args.option(QStringLiteral("tls-cert"));
    if (!data || !cert) {
        return fail(io, Error::usage(QStringLiteral("--data and --tls-cert each need a value.")));
    }
    const QString path =
        cert->value_or(QDir(data->value_or(defaultDataDir())).filePath(QStringLiteral("tls/server.crt")));
    auto fp = fingerprintOf(path);
    if (!fp) {
        return fail(io, fp.error());
    }
    io.out << *fp << '\n';
    return 0;
}

} // namespace

int serverMain(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("shopdesk-server"));
    logging::Options logOptions;
    logOptions.stderrLevel = spdlog::level::info; // a service's log is its standard error (journald)
    logging::init(logOptions);
    Io io;
    QStringList words = app.arguments().mid(1);
    if (words.isEmpty() || words.first() == u"--help" || words.first() == u"help") {
        io.out << kUsage;
        return words.isEmpty() ? 2 : 0;
    }
    const QString command = words.takeFirst();
    cli::Args args(words);
    if (command == u"init") {
        return init(io, args);
    }
    if (command == u"run") {
        return run(io, args);
    }
    if (command == u"fingerprint") {
        return fingerprint(io, args);
    }
    io.err << "shopdesk-server: unknown command '" << command << "'\n" << kUsage;
    return 2;
}

} // namespace shopdesk::server
