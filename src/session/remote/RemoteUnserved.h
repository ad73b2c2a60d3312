#pragma once

#include "session/Chats.h"
#include "session/History.h"
#include "session/Orders.h"
#include "session/Phrases.h"
#include "session/Reports.h"
#include "session/Simulation.h"

namespace shopdesk::session {

class RemoteSession;

/// The desks the team server does not serve yet (issue 14 is under way): every call answers one
/// sentence saying so, nothing is pretended. Each moves to a real remote desk as the server
/// gains its operations.
QString unservedReason(const char* what);

/// What the shop keeps about buyers, through the server (the notes are kept with the buyer's
/// orders in RemoteOrders).
class RemoteBuyers final : public Buyers {
public:
    explicit RemoteBuyers(RemoteSession& s)
        : m_s(s)
    {
    }
    Result<BuyerNotes> notes(const QString& platform, const QString& nick) override;
    QFuture<Status> setNotes(const QString& platform, const QString& nick, const BuyerNotes& notes) override;
    QFuture<Result<platform::BuyerProfile>> profile(const QString& nick) override;

private:
    RemoteSession& m_s;
};

/// The history through the server: search and a buyer's records from the server's index, and
/// deleting them (audited with the deletion); importing a file is a single seat's.
class RemoteHistory final : public History {
public:
    explicit RemoteHistory(RemoteSession& s)
        : m_s(s)
    {
    }
    QFuture<Result<SearchPage>> search(const SearchRequest& request) override;
    QFuture<Result<SearchPage>> records(const QString& platform, const QString& nick, const QString& query,
                                        int limit) override;
    QFuture<Result<qint64>> remove(const QString&, const QString&, const std::vector<MessageId>&) override;
    QFuture<Result<qint64>> removeAll(const QString&, const QString&, const QString&) override;
    QFuture<Result<ImportReport>> import(QIODevice&, const ImportOptions&) override;

private:
    RemoteSession& m_s;
};

/// The performance report, computed by the server over the shop's whole team.
class RemoteReports final : public Reports {
public:
    explicit RemoteReports(RemoteSession& s)
        : m_s(s)
    {
    }
    QFuture<Result<AgentReport>> agents(Timestamp from, Timestamp to, int slowSeconds) override;

private:
    RemoteSession& m_s;
};

class UnservedSimulation final : public Simulation {
public:
    QFuture<Result<Outcome>> run(const SimRunOptions&) override;
};

} // namespace shopdesk::session
