#include "pg/PgAssignments.h"

#include "pg/PgStore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace shopdesk::pg {

namespace {

QByteArray changePayload(const QString& platform, const QString& key, const QString& owner, const QString& state)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("platform"), platform},
                                     {QStringLiteral("key"), key},
                                     {QStringLiteral("owner"), owner},
                                     {QStringLiteral("state"), state}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

std::pair<qint64, std::optional<qint64>> PgAssignments::lockConversation(PgTx& tx, const QString& platform,
                                                                         const QString& key, const QString& buyer,
                                                                         Timestamp at)
{
    auto r = tx.prepared(
        "conv_upsert",
        "INSERT INTO conversations(shop_id, platform, key, buyer_nick, opened_at) VALUES($1, $2, $3, $4, $5) "
        "ON CONFLICT(shop_id, platform, key) DO UPDATE SET buyer_nick = CASE WHEN excluded.buyer_nick = '' "
        "THEN conversations.buyer_nick ELSE excluded.buyer_nick END "
        "RETURNING id",
        {tx.shop(), param(platform), param(key), param(buyer), param(at.ms())});
    const qint64 id = r.integer(0, 0);
    auto locked = tx.prepared("conv_lock", "SELECT owner_id FROM conversations WHERE id = $1 FOR UPDATE", {param(id)});
    std::optional<qint64> owner;
    if (!locked.isNull(0, 0)) {
        owner = locked.integer(0, 0);
    }
    return {id, owner};
}

namespace {

void endActive(PgTx& tx, qint64 conversation, qint64 owner, const QString& why, Timestamp at)
{
    tx.prepared("assign_end",
                "UPDATE assignments SET ended_at = $2, end_reason = $3 WHERE conversation_id = $1 AND ended_at IS NULL",
                {param(conversation), param(at.ms()), param(why)});
    tx.prepared("load_down", "UPDATE agent_load SET active = active - 1 WHERE account_id = $1 AND active > 0",
                {param(owner)});
}

} // namespace

bool PgAssignments::overLimitAllowed(const QString& reason)
{
    return reason == u"overflow" || reason == u"repeat_entry" || reason == u"repeat_entry_group" ||
           reason == u"transfer";
}

Result<ClaimOutcome> PgAssignments::claim(const ClaimRequest& request)
{
    return m_store.write<ClaimOutcome>("give a conversation to an agent",
                                       [&](PgTx& tx) { return claimIn(tx, request); });
}

ClaimOutcome PgAssignments::claimIn(PgTx& tx, const ClaimRequest& request)
{
    {
        // The agent and the limit that applies to it now: its own, else its group's.
        auto agent = tx.prepared(
            "claim_agent",
            "SELECT a.id, a.disabled OR a.deleted_at IS NOT NULL, COALESCE(a.reception_limit, g.reception_limit, 0) "
            "FROM accounts a LEFT JOIN routing_groups g ON g.shop_id = a.shop_id AND g.name = a.grp "
            "WHERE a.shop_id = $1 AND a.name = $2",
            {tx.shop(), param(request.agent)});
        if (agent.rows() == 0) {
            throw PgFailure(Error::notFound(QStringLiteral("There is no account '%1'.").arg(request.agent)));
        }
        const qint64 agentId = agent.integer(0, 0);
        if (agent.boolean(0, 1)) {
            throw PgFailure(
                Error::invalid(QStringLiteral("%1 is disabled and cannot receive buyers.").arg(request.agent)));
        }
        const int limit = static_cast<int>(agent.integer(0, 2));

        // 1. The conversation row, locked: every claim on it waits here for the one before.
        auto [conversation, owner] =
            lockConversation(tx, request.platform, request.conversationKey, request.buyerNick, request.at);
        ClaimOutcome out;
        out.conversationId = conversation;
        if (owner && *owner == agentId) {
            out.unchanged = true;
            return out;
        }
        const bool moving = request.reason == u"transfer";
        if (owner && !moving) {
            auto name = tx.q("SELECT name FROM accounts WHERE id = $1", {param(*owner)});
            throw PgFailure(Error::invalid(
                QStringLiteral("The buyer is with %1 already.").arg(name.rows() ? name.text(0, 0) : QString())));
        }
        // 2. The agent's load row, locked, the limit checked on it (READ COMMITTED re-reads the
        //    row version the lock was granted on).
        tx.prepared("load_row", "INSERT INTO agent_load(account_id) VALUES($1) ON CONFLICT DO NOTHING",
                    {param(agentId)});
        if (owner) {
            // A transfer changes two agents' load rows: locked in one order (by account), so two
            // transfers the other way round wait for each other instead of deadlocking.
            tx.prepared("load_pair",
                        "SELECT 1 FROM agent_load WHERE account_id IN ($1, $2) ORDER BY account_id FOR UPDATE",
                        {param(agentId), param(*owner)});
        }
        auto load =
            tx.prepared("load_up",
                        "UPDATE agent_load SET active = active + 1 WHERE account_id = $1 AND (active < $2 OR $3) "
                        "RETURNING active",
                        {param(agentId), param(static_cast<qint64>(limit)), flag(overLimitAllowed(request.reason))});
        if (load.rows() == 0) {
            throw PgFailure(
                Error::invalid(QStringLiteral("%1 is at the reception limit (%2).").arg(request.agent).arg(limit)));
        }
        out.load = static_cast<int>(load.integer(0, 0));
        // 3. Compare-and-set the owner.
        if (owner) {
            auto name = tx.q("SELECT name FROM accounts WHERE id = $1", {param(*owner)});
            out.previousOwner = name.rows() ? name.text(0, 0) : QString();
            endActive(tx, conversation, *owner, QStringLiteral("transfer"), request.at);
        }
        tx.prepared("assign_new",
                    "INSERT INTO assignments(conversation_id, account_id, reason, started_at) VALUES($1, $2, $3, $4)",
                    {param(conversation), param(agentId), param(request.reason), param(request.at.ms())});
        auto set = tx.prepared("conv_owner",
                               "UPDATE conversations SET owner_id = $2, state = 'active', queue_group = '', "
                               "queue_reason = '' WHERE id = $1 AND owner_id IS NOT DISTINCT FROM $3",
                               {param(conversation), param(agentId), owner ? param(*owner) : Param()});
        if (set.affected() != 1) {
            throw PgFailure(Error::busy(QStringLiteral("The conversation changed hands meanwhile; try again.")));
        }
        tx.change(QStringLiteral("conversation"),
                  changePayload(request.platform, request.conversationKey, request.agent, QStringLiteral("active")));
        return out;
    }
}

Status PgAssignments::release(const QString& platform, const QString& conversationKey, const QString& endReason,
                              Timestamp at, bool requeue)
{
    return m_store.writeStatus("end a conversation",
                               [&](PgTx& tx) { releaseIn(tx, platform, conversationKey, endReason, at, requeue); });
}

void PgAssignments::releaseIn(PgTx& tx, const QString& platform, const QString& conversationKey,
                              const QString& endReason, Timestamp at, bool requeue)
{
    {
        auto [conversation, owner] = lockConversation(tx, platform, conversationKey, QString(), at);
        if (owner) {
            endActive(tx, conversation, *owner, endReason, at);
        }
        const QString state = requeue ? QStringLiteral("queued") : QStringLiteral("closed");
        tx.prepared("conv_state", "UPDATE conversations SET owner_id = NULL, state = $2 WHERE id = $1",
                    {param(conversation), param(state)});
        tx.change(QStringLiteral("conversation"), changePayload(platform, conversationKey, QString(), state));
    }
}

Status PgAssignments::queue(const QString& platform, const QString& conversationKey, const QString& buyerNick,
                            const QString& group, const QString& reason, Timestamp at)
{
    return m_store.writeStatus("queue a buyer",
                               [&](PgTx& tx) { queueIn(tx, platform, conversationKey, buyerNick, group, reason, at); });
}

void PgAssignments::queueIn(PgTx& tx, const QString& platform, const QString& conversationKey, const QString& buyerNick,
                            const QString& group, const QString& reason, Timestamp at)
{
    {
        auto [conversation, owner] = lockConversation(tx, platform, conversationKey, buyerNick, at);
        if (owner) {
            return; // already with an agent: a late queue event changes nothing
        }
        tx.prepared("conv_queue",
                    "UPDATE conversations SET state = 'queued', queue_group = $2, queue_reason = $3 WHERE id = $1",
                    {param(conversation), param(group), param(reason)});
        tx.change(QStringLiteral("conversation"),
                  changePayload(platform, conversationKey, QString(), QStringLiteral("queued")));
    }
}

} // namespace shopdesk::pg
