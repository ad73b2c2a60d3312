#pragma once

#include "session/AuditTrail.h"
#include "session/Chats.h"
#include "session/History.h"
#include "session/Orders.h"
#include "session/Phrases.h"
#include "session/Reports.h"
#include "session/Simulation.h"
#include "session/Team.h"

#include <QHash>

#include <memory>
#include <mutex>

namespace shopdesk::session {

class LocalSession;

// The desks of a LocalSession: each call takes the account's authority now from the session and
// hands it to the services, which decide; actions run on the session's worker thread or through
// the platform connection, never on the caller's.

class LocalChats final : public Chats {
public:
    explicit LocalChats(LocalSession& s)
        : m_s(s)
    {
    }
    Result<std::vector<ConversationSummary>> mine(Timestamp since) override;
    Result<QueueSnapshot> queue(Timestamp since) override;
    Result<std::optional<ConversationSummary>> conversation(const QString& platform, const QString& key) override;
    Result<std::optional<ConversationSummary>> ofBuyer(const QString& platform, const QString& nick) override;
    Result<std::vector<Message>> page(ConversationId conversation, int limit, MessageId before) override;
    Result<std::vector<Message>> after(ConversationId conversation, int limit, MessageId after) override;
    QFuture<Status> markRead(ConversationId conversation, MessageId upTo) override;
    Result<QString> draft(const QString& platform, const QString& buyer) override;
    QFuture<Status> saveDraft(const QString& platform, const QString& buyer, const QString& text) override;
    QFuture<Status> send(const QString& buyer, const QString& text) override;
    QFuture<Status> sendOrderCard(const QString& buyer, const QString& orderNo) override;
    QFuture<Status> transfer(const QString& buyer, const QString& toAgent, const QString& toGroup,
                             const QString& note) override;
    QFuture<Result<std::vector<TransferTarget>>> transferTargets() override;
    QFuture<Status> close(const QString& buyer, const QString& closingLine, bool inviteRating) override;
    QFuture<Status> remindPayment(const QString& buyer, const QString& orderNo) override;
    Result<ShopTexts> shopTexts() override;
    QFuture<Status> setPresence(platform::AgentPresence presence) override;
    Result<LiveQueue> liveQueue(Timestamp since) override;
    QFuture<Result<std::vector<platform::AgentState>>> teamStatus() override;

private:
    LocalSession& m_s;
    /// Drafts on their way to the store: a draft read right after it was saved sees it.
    std::shared_ptr<std::mutex> m_pendingMutex = std::make_shared<std::mutex>();
    std::shared_ptr<QHash<QString, QString>> m_pendingDrafts = std::make_shared<QHash<QString, QString>>();
};

class LocalBuyers final : public Buyers {
public:
    explicit LocalBuyers(LocalSession& s)
        : m_s(s)
    {
    }
    Result<BuyerNotes> notes(const QString& platform, const QString& nick) override;
    QFuture<Status> setNotes(const QString& platform, const QString& nick, const BuyerNotes& notes) override;
    QFuture<Result<platform::BuyerProfile>> profile(const QString& nick) override;

private:
    LocalSession& m_s;
};

class LocalOrders final : public Orders {
public:
    explicit LocalOrders(LocalSession& s)
        : m_s(s)
    {
    }
    Result<std::vector<Order>> ofBuyer(const QString& platform, const QString& nick, int limit) override;
    Result<std::optional<Order>> find(const QString& platform, const QString& orderNo) override;
    Result<std::vector<Refund>> refundsOfBuyer(const QString& platform, const QString& nick) override;
    Result<std::vector<LogisticsEvent>> storedTrace(const QString& platform, const QString& orderNo) override;
    QFuture<Result<std::vector<LogisticsEvent>>> liveTrace(const QString& orderNo) override;
    QFuture<Result<Receiver>> reveal(const QString& platform, const QString& orderNo) override;
    OrderOffer offer(const Order& order) const override;
    QFuture<Status> setRemark(const QString& orderNo, const QString& remark, int flag) override;
    QFuture<Status> modifyAddress(const QString& orderNo, const Receiver& address) override;
    QFuture<Status> modifyPrice(const QString& orderNo, Fen amountFen) override;
    QFuture<Status> agreeRefund(const QString& refundNo) override;
    QFuture<Status> refuseRefund(const QString& refundNo, const QString& reason) override;
    QStringList refuseReasons() const override;
    QFuture<Status> replyReview(const QString& orderNo, const QString& reply) override;
    Result<std::vector<FollowUp>> followUps() override;

private:
    LocalSession& m_s;
};

class LocalHistory final : public History {
public:
    explicit LocalHistory(LocalSession& s)
        : m_s(s)
    {
    }
    /// Answered at once from the local index (the future is ready when returned).
    QFuture<Result<SearchPage>> search(const SearchRequest& request) override;
    QFuture<Result<SearchPage>> records(const QString& platform, const QString& nick, const QString& query,
                                        int limit) override;
    QFuture<Result<qint64>> remove(const QString& platform, const QString& nick,
                                   const std::vector<MessageId>& ids) override;
    QFuture<Result<qint64>> removeAll(const QString& platform, const QString& nick, const QString& typedName) override;
    QFuture<Result<ImportReport>> import(QIODevice& input, const ImportOptions& options) override;

private:
    LocalSession& m_s;
};

class LocalPhrases final : public Phrases {
public:
    explicit LocalPhrases(LocalSession& s)
        : m_s(s)
    {
    }
    Result<std::vector<QuickReply>> mine() override;
    QFuture<Result<QuickReplyId>> save(const QuickReply& phrase) override;
    QFuture<Status> remove(QuickReplyId id) override;
    QFuture<Status> recordUse(QuickReplyId id) override;
    Result<std::vector<QuickReply>> team() override;
    PhraseCsvParse parseCsv(const QByteArray& file) const override;
    QFuture<Result<PhraseImportSummary>> importTeam(const std::vector<PhraseRow>& rows) override;
    Result<QByteArray> exportTeam() override;
    QFuture<Status> moveTeam(QuickReplyId id, int delta) override;

private:
    LocalSession& m_s;
};

class LocalTeam final : public Team {
public:
    explicit LocalTeam(LocalSession& s)
        : m_s(s)
    {
    }
    Result<std::vector<Account>> accounts() override;
    Result<std::vector<auth::Role>> grantableRoles() override;
    QFuture<Result<Account>> createAccount(const NewAccount& account) override;
    QFuture<Status> resetPassword(const QString& name, const QString& password) override;
    QFuture<Status> setRoles(const QString& name, const QStringList& roles) override;
    QFuture<Status> setDisabled(const QString& name, bool disabled) override;
    QFuture<Status> unlock(const QString& name) override;
    QFuture<Status> removeAccount(const QString& name, bool confirmed) override;
    Result<std::vector<auth::Role>> roles() override;
    Result<auth::Role> role(const QString& name) override;
    QFuture<Status> createRole(const QString& name, const auth::PermissionSet& permissions) override;
    QFuture<Status> editRole(const QString& name, const auth::PermissionSet& permissions) override;
    QFuture<Status> removeRole(const QString& name) override;
    Result<RoutingConfig> routing() override;
    QFuture<Status> saveRouting(const routing::Settings& settings,
                                const std::vector<routing::GroupConfig>& groups) override;
    QFuture<Status> setAgentRouting(const QString& account, const QString& group, std::optional<int> limit) override;
    Result<std::vector<Setting>> settings() override;
    QFuture<Status> setSetting(const QString& key, const QString& value) override;
    QFuture<Status> saveShopTexts(const ShopTexts& texts) override;
    Result<SimSettings> simSettings() override;
    Result<FollowUpRules> followUpRules() override;

private:
    /// `change` on the worker; on success the session mirrors it and the pages hear of it.
    QFuture<Status> change(std::function<Status(const auth::Actor&)> change);

    LocalSession& m_s;
};

class LocalAuditTrail final : public AuditTrail {
public:
    explicit LocalAuditTrail(LocalSession& s)
        : m_s(s)
    {
    }
    Result<std::vector<AuditRecord>> list(const AuditQuery& query) override;
    QFuture<Result<AuditVerification>> verify() override;
    QFuture<Status> reanchor(bool confirmed) override;

private:
    LocalSession& m_s;
};

class LocalReports final : public Reports {
public:
    explicit LocalReports(LocalSession& s)
        : m_s(s)
    {
    }
    QFuture<Result<AgentReport>> agents(Timestamp from, Timestamp to, int slowSeconds) override;

private:
    LocalSession& m_s;
};

class LocalSimulation final : public Simulation {
public:
    explicit LocalSimulation(LocalSession& s)
        : m_s(s)
    {
    }
    QFuture<Result<Outcome>> run(const SimRunOptions& options) override;

private:
    LocalSession& m_s;
};

} // namespace shopdesk::session
