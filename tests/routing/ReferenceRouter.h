#pragma once

// A deliberately naive router written straight from the rule text of issue 4 / docs/routing.md:
// every choice scans all agents, every trigger scans the whole queue. The engine must agree with
// it line for line on random scenarios.

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace shopdesk::test {

class ReferenceRouter {
public:
    struct Agent {
        QString name;
        QString group;
        std::optional<int> own;
        QString status;
        int load = 0;
        std::int64_t lastAssigned = -1;
    };
    struct Buyer {
        enum { Idle, Active, Queued } state = Idle;
        QString agent;
        std::optional<std::int64_t> lastEnded;
        QString lastAgent;
        std::optional<std::int64_t> due;
        std::int64_t dueSeq = 0;
        QString group;
        std::int64_t queueSeq = 0;
    };

    /// Parses settings, groups and agents of a scenario object.
    explicit ReferenceRouter(const QJsonObject& scenario);

    /// Applies one event; false (and nothing after) when it makes no sense.
    bool event(const QJsonObject& e);
    QByteArray endLine() const;

    const std::vector<QByteArray>& lines() const { return m_lines; }
    /// (buyer, group named) for each time a buyer joined the queue, in order.
    const std::vector<std::pair<QString, QString>>& queueLog() const { return m_queueLog; }
    const std::map<QString, Buyer>& buyers() const { return m_buyers; }
    const std::vector<Agent>& agents() const { return m_agents; }
    bool online(const QString& agent) const;

private:
    int limitOf(const Agent& a) const;
    bool eligible(const Agent& a, const QString& buyerGroup) const;
    bool covers(const QString& buyerGroup) const;
    Agent* pick(const QString& buyerGroup, bool mustBeFree);
    Agent* agentNamed(const QString& name);
    void assign(const QString& buyer, Agent& a, const char* reason, std::int64_t t);
    void end(const QString& buyer, std::int64_t t, const char* reason);
    void drain(std::int64_t t);
    void timeouts(std::int64_t upTo);

    QString m_queue; ///< "shop", "off" or "groups"
    QStringList m_queueGroups;
    int m_sessionEnd = 0;
    int m_repeat = 0;
    int m_handling = 0;
    std::map<QString, int> m_groupLimits;
    std::vector<Agent> m_agents;
    std::map<QString, Buyer> m_buyers;
    std::int64_t m_now = 0;
    std::int64_t m_seq = 0;
    std::vector<QByteArray> m_lines;
    std::vector<std::pair<QString, QString>> m_queueLog;
};

} // namespace shopdesk::test
