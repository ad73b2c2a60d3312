#include "session/remote/RemoteUnserved.h"

#include "protocol/Codec.h"
#include "session/remote/RemoteSession.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QPromise>

#include <algorithm>

namespace shopdesk::session {

namespace {

template <typename T>
QFuture<T> ready(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

} // namespace

// The desks' names as unservedReason() says them (listed for the translation catalogue).
[[maybe_unused]] const char* const kUnservedNames[] = {
    QT_TRANSLATE_NOOP("shopdesk::session::Unserved", "Order actions"),
    QT_TRANSLATE_NOOP("shopdesk::session::Unserved", "Settings"),
    QT_TRANSLATE_NOOP("shopdesk::session::Unserved", "The shop's texts"),
};

QString unservedReason(const char* what)
{
    return QCoreApplication::translate("shopdesk::session::Unserved",
                                       "%1 is not served by the team server yet; use a single-seat ShopDesk for it.")
        .arg(QCoreApplication::translate("shopdesk::session::Unserved", what));
}

Result<BuyerNotes> RemoteBuyers::notes(const QString& platform, const QString& nick)
{
    return m_s.remoteOrders().notesOf(platform, nick);
}

QFuture<Status> RemoteBuyers::setNotes(const QString& platform, const QString& nick, const BuyerNotes& notes)
{
    return m_s.act(QStringLiteral("buyers.setNotes"),
                   {{QStringLiteral("platform"), platform},
                    {QStringLiteral("buyer"), nick},
                    {QStringLiteral("grade"), notes.grade},
                    {QStringLiteral("tags"), QJsonArray::fromStringList(notes.tags)}});
}

QFuture<Result<platform::BuyerProfile>> RemoteBuyers::profile(const QString& nick)
{
    return m_s.call(QStringLiteral("buyers.profile"), {{QStringLiteral("buyer"), nick}})
        .then([](const Result<QJsonValue>& r) -> Result<platform::BuyerProfile> {
            if (!r) {
                return r.error();
            }
            const QJsonObject o = r->toObject();
            platform::BuyerProfile p;
            p.nick = o.value(QStringLiteral("nick")).toString();
            p.level = o.value(QStringLiteral("level")).toString();
            p.ordersPlaced = o.value(QStringLiteral("orders")).toInt();
            p.firstSeen = Timestamp::fromMs(static_cast<qint64>(o.value(QStringLiteral("firstSeen")).toDouble()));
            return p;
        });
}

namespace {

QFuture<Result<SearchPage>> pageOf(QFuture<Result<QJsonValue>> answer)
{
    return answer.then([](const Result<QJsonValue>& r) -> Result<SearchPage> {
        if (!r) {
            return r.error();
        }
        return protocol::searchPageFromJson(r->toObject());
    });
}

} // namespace

QFuture<Result<SearchPage>> RemoteHistory::search(const SearchRequest& request)
{
    return pageOf(m_s.call(QStringLiteral("history.search"), protocol::toJson(request)));
}

QFuture<Result<SearchPage>> RemoteHistory::records(const QString& platform, const QString& nick, const QString& query,
                                                   int limit)
{
    return pageOf(m_s.call(QStringLiteral("history.records"), {{QStringLiteral("platform"), platform},
                                                               {QStringLiteral("buyer"), nick},
                                                               {QStringLiteral("query"), query},
                                                               {QStringLiteral("limit"), limit}}));
}

namespace {

QFuture<Result<qint64>> countOf(QFuture<Result<QJsonValue>> answer)
{
    return answer.then([](const Result<QJsonValue>& r) -> Result<qint64> {
        if (!r) {
            return r.error();
        }
        return static_cast<qint64>(r->toDouble());
    });
}

} // namespace

QFuture<Result<qint64>> RemoteHistory::remove(const QString& platform, const QString& nick,
                                              const std::vector<MessageId>& ids)
{
    QJsonArray list;
    for (MessageId id : ids) {
        list.append(static_cast<double>(id.value()));
    }
    return countOf(m_s.call(
        QStringLiteral("history.delete"),
        {{QStringLiteral("platform"), platform}, {QStringLiteral("buyer"), nick}, {QStringLiteral("ids"), list}},
        true));
}

QFuture<Result<qint64>> RemoteHistory::removeAll(const QString& platform, const QString& nick, const QString& typedName)
{
    return countOf(m_s.call(QStringLiteral("history.deleteAll"),
                            {{QStringLiteral("platform"), platform},
                             {QStringLiteral("buyer"), nick},
                             {QStringLiteral("typedName"), typedName}},
                            true));
}

namespace {

/// How long the server may take over the import's end (storing the last batch and committing).
constexpr int kImportEndWaitMs = 30 * 60 * 1000;
/// How long a chunk may wait for room (the server's parser is behind).
constexpr int kChunkWaitMs = 5 * 60 * 1000;

/// One file on its way to the server: read here in chunks, one in flight at a time.
struct Upload {
    RemoteSession* session = nullptr;
    QIODevice* input = nullptr;
    QString id;
    qint64 seq = 0;
    qint64 chunkBytes = 0;
    QPromise<Result<ImportReport>> done;

    void fail(const Error& e)
    {
        done.addResult(e);
        done.finish();
    }
    /// Tells the server to roll back (after a local failure); the answer does not matter.
    void cancel() { (void)session->call(QStringLiteral("history.import.cancel"), {{QStringLiteral("upload"), id}}); }
};

void sendNext(const std::shared_ptr<Upload>& u)
{
    const QByteArray bytes = u->input->read(u->chunkBytes);
    if (bytes.isEmpty()) {
        if (!u->input->atEnd()) { // nothing read before the end: the device failed
            u->cancel();
            u->fail(Error::internal(QStringLiteral("Could not read the file: %1").arg(u->input->errorString())));
            return;
        }
        u->session
            ->call(QStringLiteral("history.import.end"), {{QStringLiteral("upload"), u->id}}, false, {},
                   kImportEndWaitMs)
            .then(u->session, [u](const Result<QJsonValue>& r) {
                if (!r) {
                    u->fail(r.error());
                    return;
                }
                u->done.addResult(protocol::importReportFromJson(r->toObject()));
                u->done.finish();
            });
        return;
    }
    u->session
        ->call(QStringLiteral("history.import.chunk"),
               {{QStringLiteral("upload"), u->id},
                {QStringLiteral("seq"), u->seq++},
                {QStringLiteral("data"), QString::fromLatin1(bytes.toBase64())}},
               false, {}, kChunkWaitMs)
        .then(u->session, [u](const Result<QJsonValue>& r) {
            if (!r) {
                u->fail(r.error());
                return;
            }
            sendNext(u);
        });
}

} // namespace

QFuture<Result<ImportReport>> RemoteHistory::import(QIODevice& input, const ImportOptions& options)
{
    auto u = std::make_shared<Upload>();
    u->session = &m_s;
    u->input = &input;
    u->done.start();
    QFuture<Result<ImportReport>> out = u->done.future();
    m_s.call(QStringLiteral("history.import.begin"), {{QStringLiteral("skipBad"), options.skipBad}}, true)
        .then(&m_s, [u](const Result<QJsonValue>& r) {
            if (!r) {
                u->fail(r.error());
                return;
            }
            const QJsonObject o = r->toObject();
            u->id = o.value(QStringLiteral("upload")).toString();
            u->chunkBytes = std::clamp<qint64>(o.value(QStringLiteral("chunkBytes")).toInteger(), 4096, 512 * 1024);
            sendNext(u);
        });
    return out;
}

QFuture<Result<AgentReport>> RemoteReports::agents(Timestamp from, Timestamp to, int slowSeconds)
{
    return m_s
        .call(QStringLiteral("reports.agents"), {{QStringLiteral("from"), static_cast<double>(from.ms())},
                                                 {QStringLiteral("to"), static_cast<double>(to.ms())},
                                                 {QStringLiteral("slow"), slowSeconds}})
        .then([](const Result<QJsonValue>& r) -> Result<AgentReport> {
            if (!r) {
                return r.error();
            }
            return protocol::agentReportFromJson(r->toObject());
        });
}

QFuture<Result<Simulation::Outcome>> UnservedSimulation::run(const SimRunOptions&)
{
    // Deliberately not served: a run invents thousands of buyers, orders and sessions, which have
    // no place in a team's shared database (its router runs the simulated shop live instead).
    return ready<Result<Simulation::Outcome>>(Error::invalid(QCoreApplication::translate(
        "shopdesk::session::Unserved",
        "A simulation run invents thousands of buyers and orders, so it runs only on a single-seat store; a team "
        "server's router runs the simulated shop live (sim.buyers_per_minute).")));
}

} // namespace shopdesk::session
