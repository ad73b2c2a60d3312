#include "cli/Commands.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>

namespace shopdesk::cli {

namespace {

QEventLoop* g_follow = nullptr;

} // namespace

int runEvents(CliContext& ctx, Args& args)
{
    const bool follow = args.flag(QStringLiteral("follow"));
    const bool json = args.flag(QStringLiteral("json"));
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!ctx.remote()) {
        return ctx.fail(Error::usage(QStringLiteral("events follows a team server's change stream: give --server "
                                                    "HOST:PORT")));
    }
    if (!follow) {
        return ctx.fail(Error::usage(QStringLiteral("events needs --follow (it prints changes as they happen)")));
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    QEventLoop loop;
    int exitCode = 0;
    QTextStream& out = ctx.io().out;
    QObject::connect(*session, &session::ShopSession::changeArrived, &loop,
                     [&](qint64 seq, const QString& kind, const QByteArray& payload) {
                         if (json) {
                             QJsonObject line{{QStringLiteral("seq"), static_cast<double>(seq)},
                                              {QStringLiteral("kind"), kind},
                                              {QStringLiteral("payload"), QJsonDocument::fromJson(payload).object()}};
                             out << QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)) << '\n';
                         } else {
                             out << seq << '\t' << kind << '\t' << QString::fromUtf8(payload) << '\n';
                         }
                         out.flush();
                     });
    QObject::connect(*session, &session::ShopSession::sessionEnded, &loop, [&](const QString& reason) {
        ctx.io().err << "shopdeskctl: " << reason << Qt::endl;
        exitCode = exitCodeFor(ErrorCode::SessionEnded);
        loop.quit();
    });
    g_follow = &loop;
    std::signal(SIGINT, [](int) {
        if (g_follow) {
            g_follow->quit();
        }
    });
    std::signal(SIGTERM, [](int) {
        if (g_follow) {
            g_follow->quit();
        }
    });
    loop.exec();
    g_follow = nullptr;
    return exitCode;
}

} // namespace shopdesk::cli
