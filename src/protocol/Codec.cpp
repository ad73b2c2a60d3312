#include "protocol/Codec.h"

#include "protocol/JsonValues.h"

#include <algorithm>

namespace shopdesk::protocol {

QJsonValue optionalTime(const std::optional<Timestamp>& t)
{
    return t ? QJsonValue(static_cast<double>(t->ms())) : QJsonValue();
}

std::optional<Timestamp> timeFrom(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<Timestamp>(Timestamp::fromMs(static_cast<qint64>(v.toDouble()))) : std::nullopt;
}

qint64 int64From(const QJsonValue& v)
{
    return static_cast<qint64>(v.toDouble());
}

namespace {

QJsonArray strings(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringsFrom(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& s : v.toArray()) {
        out << s.toString();
    }
    return out;
}

} // namespace

QJsonValue optionalInt(const std::optional<int>& v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

std::optional<int> optionalIntFrom(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<int>(v.toInt()) : std::nullopt;
}

QJsonObject toJson(const Account& a)
{
    return {{QStringLiteral("id"), static_cast<double>(a.id.value())},
            {QStringLiteral("name"), a.name},
            {QStringLiteral("roles"), strings(a.roles)},
            {QStringLiteral("group"), a.group},
            {QStringLiteral("limit"), optionalInt(a.receptionLimit)},
            {QStringLiteral("disabled"), a.disabled},
            {QStringLiteral("mustChangePassword"), a.mustChangePassword},
            {QStringLiteral("failedLogins"), a.failedLogins},
            {QStringLiteral("lockedUntil"), optionalTime(a.lockedUntil)},
            {QStringLiteral("lastLoginAt"), optionalTime(a.lastLoginAt)},
            {QStringLiteral("createdAt"), static_cast<double>(a.createdAt.ms())},
            {QStringLiteral("deletedAt"), optionalTime(a.deletedAt)}};
}

Account accountFromJson(const QJsonObject& o)
{
    Account a;
    a.id = AccountId(int64From(o.value(QStringLiteral("id"))));
    a.name = o.value(QStringLiteral("name")).toString();
    a.roles = stringsFrom(o.value(QStringLiteral("roles")));
    a.group = o.value(QStringLiteral("group")).toString();
    a.receptionLimit = optionalIntFrom(o.value(QStringLiteral("limit")));
    a.disabled = o.value(QStringLiteral("disabled")).toBool();
    a.mustChangePassword = o.value(QStringLiteral("mustChangePassword")).toBool();
    a.failedLogins = o.value(QStringLiteral("failedLogins")).toInt();
    a.lockedUntil = timeFrom(o.value(QStringLiteral("lockedUntil")));
    a.lastLoginAt = timeFrom(o.value(QStringLiteral("lastLoginAt")));
    a.createdAt = Timestamp::fromMs(int64From(o.value(QStringLiteral("createdAt"))));
    a.deletedAt = timeFrom(o.value(QStringLiteral("deletedAt")));
    return a;
}

QJsonObject toJson(const NewAccount& a)
{
    return {{QStringLiteral("name"), a.name},
            {QStringLiteral("password"), a.password},
            {QStringLiteral("roles"), strings(a.roles)},
            {QStringLiteral("group"), a.group},
            {QStringLiteral("limit"), optionalInt(a.receptionLimit)}};
}

NewAccount newAccountFromJson(const QJsonObject& o)
{
    NewAccount a;
    a.name = o.value(QStringLiteral("name")).toString();
    a.password = o.value(QStringLiteral("password")).toString();
    a.roles = stringsFrom(o.value(QStringLiteral("roles")));
    a.group = o.value(QStringLiteral("group")).toString();
    a.receptionLimit = optionalIntFrom(o.value(QStringLiteral("limit")));
    return a;
}

QJsonObject toJson(const auth::Role& r)
{
    return {{QStringLiteral("name"), r.name},
            {QStringLiteral("permissions"), strings(r.permissions.keys())},
            {QStringLiteral("builtin"), r.builtin},
            {QStringLiteral("labelZh"), r.labelZh},
            {QStringLiteral("labelEn"), r.labelEn}};
}

auth::Role roleFromJson(const QJsonObject& o)
{
    auth::Role r;
    r.name = o.value(QStringLiteral("name")).toString();
    r.permissions = auth::PermissionSet::parseKnown(stringsFrom(o.value(QStringLiteral("permissions"))).join(u','));
    r.builtin = o.value(QStringLiteral("builtin")).toBool();
    r.labelZh = o.value(QStringLiteral("labelZh")).toString();
    r.labelEn = o.value(QStringLiteral("labelEn")).toString();
    return r;
}

QJsonObject toJson(const IdentityWire& i)
{
    return {{QStringLiteral("accountId"), static_cast<double>(i.accountId)},
            {QStringLiteral("shop"), i.shop},
            {QStringLiteral("name"), i.name},
            {QStringLiteral("permissions"), strings(i.permissions)},
            {QStringLiteral("owner"), i.owner},
            {QStringLiteral("mustChangePassword"), i.mustChangePassword},
            {QStringLiteral("group"), i.group},
            {QStringLiteral("limit"), optionalInt(i.receptionLimit)}};
}

IdentityWire identityFromJson(const QJsonObject& o)
{
    IdentityWire i;
    i.accountId = int64From(o.value(QStringLiteral("accountId")));
    i.shop = o.value(QStringLiteral("shop")).toString();
    i.name = o.value(QStringLiteral("name")).toString();
    i.permissions = stringsFrom(o.value(QStringLiteral("permissions")));
    i.owner = o.value(QStringLiteral("owner")).toBool();
    i.mustChangePassword = o.value(QStringLiteral("mustChangePassword")).toBool();
    i.group = o.value(QStringLiteral("group")).toString();
    i.receptionLimit = optionalIntFrom(o.value(QStringLiteral("limit")));
    return i;
}

QJsonObject toJson(const routing::Settings& s)
{
    return {{QStringLiteral("queue"), routingQueueText(s)},
            {QStringLiteral("sessionEndMinutes"), s.sessionEndMinutes},
            {QStringLiteral("repeatEntryMinutes"), s.repeatEntryMinutes},
            {QStringLiteral("handlingMinutes"), s.handlingMinutes}};
}

routing::Settings routingSettingsFromJson(const QJsonObject& o)
{
    routing::Settings s;
    s.sessionEndMinutes = o.value(QStringLiteral("sessionEndMinutes")).toInt(s.sessionEndMinutes);
    s.repeatEntryMinutes = o.value(QStringLiteral("repeatEntryMinutes")).toInt(s.repeatEntryMinutes);
    s.handlingMinutes = o.value(QStringLiteral("handlingMinutes")).toInt(s.handlingMinutes);
    if (auto q = withRoutingQueue(s, o.value(QStringLiteral("queue")).toString(QStringLiteral("shop")))) {
        s = *q;
    }
    return s;
}

QJsonObject toJson(const routing::GroupConfig& g)
{
    return {{QStringLiteral("name"), g.name}, {QStringLiteral("limit"), g.limit}};
}

routing::GroupConfig groupFromJson(const QJsonObject& o)
{
    return {o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("limit")).toInt()};
}

QJsonObject toJson(const RoutingConfig& c)
{
    QJsonArray agents;
    for (const auto& a : c.agents) {
        agents.append(QJsonObject{{QStringLiteral("name"), a.name},
                                  {QStringLiteral("group"), a.group},
                                  {QStringLiteral("limit"), optionalInt(a.limit)},
                                  {QStringLiteral("status"), QString::fromLatin1(routing::statusName(a.status))}});
    }
    return {{QStringLiteral("settings"), toJson(c.settings)},
            {QStringLiteral("groups"), toJsonArray(c.groups)},
            {QStringLiteral("agents"), agents}};
}

RoutingConfig routingFromJson(const QJsonObject& o)
{
    RoutingConfig c;
    c.settings = routingSettingsFromJson(o.value(QStringLiteral("settings")).toObject());
    c.groups = fromJsonArray<routing::GroupConfig>(o.value(QStringLiteral("groups")), groupFromJson);
    for (const QJsonValue& v : o.value(QStringLiteral("agents")).toArray()) {
        const QJsonObject a = v.toObject();
        routing::AgentConfig agent;
        agent.name = a.value(QStringLiteral("name")).toString();
        agent.group = a.value(QStringLiteral("group")).toString();
        agent.limit = optionalIntFrom(a.value(QStringLiteral("limit")));
        agent.status = routing::statusFromName(a.value(QStringLiteral("status")).toString())
                           .value_or(routing::AgentStatus::Offline);
        c.agents.push_back(agent);
    }
    return c;
}

QJsonObject toJson(const AuditRecord& r)
{
    return {
        {QStringLiteral("id"), static_cast<double>(r.id)}, {QStringLiteral("at"), static_cast<double>(r.entry.at.ms())},
        {QStringLiteral("actor"), r.entry.actor},          {QStringLiteral("action"), r.entry.action},
        {QStringLiteral("target"), r.entry.target},        {QStringLiteral("detail"), r.entry.detail}};
}

AuditRecord auditRecordFromJson(const QJsonObject& o)
{
    AuditRecord r;
    r.id = int64From(o.value(QStringLiteral("id")));
    r.entry = AuditEntry{Timestamp::fromMs(int64From(o.value(QStringLiteral("at")))),
                         o.value(QStringLiteral("actor")).toString(), o.value(QStringLiteral("action")).toString(),
                         o.value(QStringLiteral("target")).toString(), o.value(QStringLiteral("detail")).toString()};
    return r;
}

QJsonObject toJson(const AuditQuery& q)
{
    return {{QStringLiteral("actor"), q.actor},
            {QStringLiteral("actionPrefix"), q.actionPrefix},
            {QStringLiteral("since"), optionalTime(q.since)},
            {QStringLiteral("limit"), q.limit}};
}

AuditQuery auditQueryFromJson(const QJsonObject& o)
{
    AuditQuery q;
    q.actor = o.value(QStringLiteral("actor")).toString();
    q.actionPrefix = o.value(QStringLiteral("actionPrefix")).toString();
    q.since = timeFrom(o.value(QStringLiteral("since")));
    q.limit = std::clamp(o.value(QStringLiteral("limit")).toInt(200), 1, 10000);
    return q;
}

QJsonObject toJson(const AuditVerification& v)
{
    return {{QStringLiteral("intact"), v.intact},
            {QStringLiteral("entries"), static_cast<double>(v.entries)},
            {QStringLiteral("firstBrokenId"), static_cast<double>(v.firstBrokenId)},
            {QStringLiteral("reason"), v.reason}};
}

AuditVerification auditVerificationFromJson(const QJsonObject& o)
{
    AuditVerification v;
    v.intact = o.value(QStringLiteral("intact")).toBool();
    v.entries = int64From(o.value(QStringLiteral("entries")));
    v.firstBrokenId = int64From(o.value(QStringLiteral("firstBrokenId")));
    v.reason = o.value(QStringLiteral("reason")).toString();
    return v;
}

QJsonObject toJson(const ConversationSummary& c)
{
    return {{QStringLiteral("id"), static_cast<double>(c.id.value())},
            {QStringLiteral("platform"), c.platform},
            {QStringLiteral("key"), c.key},
            {QStringLiteral("buyer"), c.buyerNick},
            {QStringLiteral("grade"), c.grade},
            {QStringLiteral("tags"), strings(c.tags)},
            {QStringLiteral("state"), static_cast<int>(c.state)},
            {QStringLiteral("agent"), c.agent},
            {QStringLiteral("stateSince"), static_cast<double>(c.stateSince.ms())},
            {QStringLiteral("lastMessageId"), static_cast<double>(c.lastMessageId.value())},
            {QStringLiteral("lastMessageAt"), static_cast<double>(c.lastMessageAt.ms())},
            {QStringLiteral("lastSender"), static_cast<int>(c.lastSender)},
            {QStringLiteral("preview"), c.preview},
            {QStringLiteral("waitingSince"), optionalTime(c.waitingSince)},
            {QStringLiteral("queueEstimateSecs"), optionalInt(c.queueEstimateSecs)},
            {QStringLiteral("queueGroup"), c.queueGroup},
            {QStringLiteral("queueReason"), c.queueReason},
            {QStringLiteral("unread"), c.unread}};
}

ConversationSummary conversationFromJson(const QJsonObject& o)
{
    ConversationSummary c;
    c.id = ConversationId(int64From(o.value(QStringLiteral("id"))));
    c.platform = o.value(QStringLiteral("platform")).toString();
    c.key = o.value(QStringLiteral("key")).toString();
    c.buyerNick = o.value(QStringLiteral("buyer")).toString();
    c.grade = o.value(QStringLiteral("grade")).toString();
    c.tags = stringsFrom(o.value(QStringLiteral("tags")));
    c.state = static_cast<ConversationSummary::State>(std::clamp(o.value(QStringLiteral("state")).toInt(), 0, 2));
    c.agent = o.value(QStringLiteral("agent")).toString();
    c.stateSince = Timestamp::fromMs(int64From(o.value(QStringLiteral("stateSince"))));
    c.lastMessageId = MessageId(int64From(o.value(QStringLiteral("lastMessageId"))));
    c.lastMessageAt = Timestamp::fromMs(int64From(o.value(QStringLiteral("lastMessageAt"))));
    c.lastSender = static_cast<Sender>(std::clamp(o.value(QStringLiteral("lastSender")).toInt(), 0, 2));
    c.preview = o.value(QStringLiteral("preview")).toString();
    c.waitingSince = timeFrom(o.value(QStringLiteral("waitingSince")));
    c.queueEstimateSecs = optionalIntFrom(o.value(QStringLiteral("queueEstimateSecs")));
    c.queueGroup = o.value(QStringLiteral("queueGroup")).toString();
    c.queueReason = o.value(QStringLiteral("queueReason")).toString();
    c.unread = o.value(QStringLiteral("unread")).toInt();
    return c;
}

QJsonObject toJson(const Message& m)
{
    return {{QStringLiteral("id"), static_cast<double>(m.id.value())},
            {QStringLiteral("conversation"), static_cast<double>(m.conversationId.value())},
            {QStringLiteral("sender"), static_cast<int>(m.sender)},
            {QStringLiteral("agent"), m.agent},
            {QStringLiteral("text"), m.text},
            {QStringLiteral("at"), static_cast<double>(m.sentAt.ms())},
            {QStringLiteral("platformId"), m.platformMessageId},
            {QStringLiteral("card"), m.cardOrderNo}};
}

Message messageFromJson(const QJsonObject& o)
{
    Message m;
    m.id = MessageId(int64From(o.value(QStringLiteral("id"))));
    m.conversationId = ConversationId(int64From(o.value(QStringLiteral("conversation"))));
    m.sender = static_cast<Sender>(std::clamp(o.value(QStringLiteral("sender")).toInt(), 0, 2));
    m.agent = o.value(QStringLiteral("agent")).toString();
    m.text = o.value(QStringLiteral("text")).toString();
    m.sentAt = Timestamp::fromMs(int64From(o.value(QStringLiteral("at"))));
    m.platformMessageId = o.value(QStringLiteral("platformId")).toString();
    m.cardOrderNo = o.value(QStringLiteral("card")).toString();
    return m;
}

namespace {

QJsonValue meanOrNull(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

std::optional<double> meanFrom(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

template <std::size_t N>
QJsonArray countsOf(const std::array<qint64, N>& counts)
{
    QJsonArray out;
    for (qint64 n : counts) {
        out.append(static_cast<double>(n));
    }
    return out;
}

template <std::size_t N>
std::array<qint64, N> countsFrom(const QJsonValue& v)
{
    std::array<qint64, N> out{};
    const QJsonArray a = v.toArray();
    for (std::size_t i = 0; i < N && i < static_cast<std::size_t>(a.size()); ++i) {
        out[i] = int64From(a[static_cast<qsizetype>(i)]);
    }
    return out;
}

} // namespace

QJsonObject toJson(const AgentReport& r)
{
    QJsonArray agents;
    for (const AgentPerformance& p : r.agents) {
        agents.append(QJsonObject{{QStringLiteral("agent"), p.agent},
                                  {QStringLiteral("conversations"), static_cast<double>(p.conversations)},
                                  {QStringLiteral("replies"), static_cast<double>(p.replies)},
                                  {QStringLiteral("turnsAnswered"), static_cast<double>(p.turnsAnswered)},
                                  {QStringLiteral("firstResponseAvg"), meanOrNull(p.firstResponseAvgSecs)},
                                  {QStringLiteral("responseAvg"), meanOrNull(p.responseAvgSecs)},
                                  {QStringLiteral("slow"), static_cast<double>(p.slowReplies)},
                                  {QStringLiteral("unanswered30m"), static_cast<double>(p.unanswered30m)},
                                  {QStringLiteral("orders"), static_cast<double>(p.orders)},
                                  {QStringLiteral("sales"), static_cast<double>(p.salesFen)},
                                  {QStringLiteral("inquiring"), static_cast<double>(p.inquiringBuyers)},
                                  {QStringLiteral("converted"), static_cast<double>(p.convertedBuyers)},
                                  {QStringLiteral("conversion"), p.conversionRate},
                                  {QStringLiteral("buckets"), countsOf(p.responseBuckets)}});
    }
    return {{QStringLiteral("agents"), agents}, {QStringLiteral("turnsByHour"), countsOf(r.turnsByHour)}};
}

AgentReport agentReportFromJson(const QJsonObject& o)
{
    AgentReport r;
    for (const QJsonValue& v : o.value(QStringLiteral("agents")).toArray()) {
        const QJsonObject a = v.toObject();
        AgentPerformance p;
        p.agent = a.value(QStringLiteral("agent")).toString();
        p.conversations = int64From(a.value(QStringLiteral("conversations")));
        p.replies = int64From(a.value(QStringLiteral("replies")));
        p.turnsAnswered = int64From(a.value(QStringLiteral("turnsAnswered")));
        p.firstResponseAvgSecs = meanFrom(a.value(QStringLiteral("firstResponseAvg")));
        p.responseAvgSecs = meanFrom(a.value(QStringLiteral("responseAvg")));
        p.slowReplies = int64From(a.value(QStringLiteral("slow")));
        p.unanswered30m = int64From(a.value(QStringLiteral("unanswered30m")));
        p.orders = int64From(a.value(QStringLiteral("orders")));
        p.salesFen = int64From(a.value(QStringLiteral("sales")));
        p.inquiringBuyers = int64From(a.value(QStringLiteral("inquiring")));
        p.convertedBuyers = int64From(a.value(QStringLiteral("converted")));
        p.conversionRate = a.value(QStringLiteral("conversion")).toDouble();
        p.responseBuckets = countsFrom<6>(a.value(QStringLiteral("buckets")));
        r.agents.push_back(std::move(p));
    }
    r.turnsByHour = countsFrom<24>(o.value(QStringLiteral("turnsByHour")));
    return r;
}

QJsonObject toJson(const ShopTexts& t)
{
    return {{ShopTexts::kClosingLine, t.closingLine},
            {ShopTexts::kRatingInvitation, t.ratingInvitation},
            {ShopTexts::kPaymentReminder, t.paymentReminder}};
}

ShopTexts shopTextsFromJson(const QJsonObject& o)
{
    ShopTexts t;
    t.closingLine = o.value(ShopTexts::kClosingLine).toString();
    t.ratingInvitation = o.value(ShopTexts::kRatingInvitation).toString();
    t.paymentReminder = o.value(ShopTexts::kPaymentReminder).toString();
    return t;
}

QJsonObject toJson(const SearchRequest& r)
{
    QJsonArray in;
    for (ConversationId c : r.conversations) {
        in.append(static_cast<double>(c.value()));
    }
    QJsonObject o{{QStringLiteral("query"), r.query},
                  {QStringLiteral("in"), in},
                  {QStringLiteral("limit"), r.limit},
                  {QStringLiteral("before"), static_cast<double>(r.before.value())}};
    if (r.buyerNick) {
        o.insert(QStringLiteral("buyer"), *r.buyerNick);
    }
    return o;
}

SearchRequest searchRequestFromJson(const QJsonObject& o)
{
    SearchRequest r;
    r.query = o.value(QStringLiteral("query")).toString();
    if (o.value(QStringLiteral("buyer")).isString()) {
        r.buyerNick = o.value(QStringLiteral("buyer")).toString();
    }
    for (const QJsonValue& c : o.value(QStringLiteral("in")).toArray()) {
        r.conversations.emplace_back(int64From(c));
    }
    r.limit = o.value(QStringLiteral("limit")).toInt(50);
    r.before = MessageId(int64From(o.value(QStringLiteral("before"))));
    return r;
}

QJsonObject toJson(const SearchPage& p)
{
    QJsonArray hits;
    for (const MessageHit& h : p.hits) {
        hits.append(QJsonObject{{QStringLiteral("message"), toJson(h.message)},
                                {QStringLiteral("platform"), h.platform},
                                {QStringLiteral("key"), h.conversationKey},
                                {QStringLiteral("buyer"), h.buyerNick}});
    }
    return {{QStringLiteral("hits"), hits}, {QStringLiteral("more"), p.more}};
}

SearchPage searchPageFromJson(const QJsonObject& o)
{
    SearchPage p;
    for (const QJsonValue& v : o.value(QStringLiteral("hits")).toArray()) {
        const QJsonObject h = v.toObject();
        p.hits.push_back({messageFromJson(h.value(QStringLiteral("message")).toObject()),
                          h.value(QStringLiteral("platform")).toString(), h.value(QStringLiteral("key")).toString(),
                          h.value(QStringLiteral("buyer")).toString()});
    }
    p.more = o.value(QStringLiteral("more")).toBool();
    return p;
}

QJsonObject toJson(const QuickReply& p)
{
    return {{QStringLiteral("id"), static_cast<double>(p.id.value())},
            {QStringLiteral("scope"),
             p.scope == QuickReply::Scope::Team ? QStringLiteral("team") : QStringLiteral("personal")},
            {QStringLiteral("owner"), p.owner},
            {QStringLiteral("group"), p.group},
            {QStringLiteral("code"), p.code},
            {QStringLiteral("text"), p.text},
            {QStringLiteral("sortOrder"), p.sortOrder},
            {QStringLiteral("uses"), static_cast<double>(p.usageCount)}};
}

QuickReply quickReplyFromJson(const QJsonObject& o)
{
    QuickReply p;
    p.id = QuickReplyId(int64From(o.value(QStringLiteral("id"))));
    p.scope = o.value(QStringLiteral("scope")).toString() == u"personal" ? QuickReply::Scope::Personal
                                                                         : QuickReply::Scope::Team;
    p.owner = o.value(QStringLiteral("owner")).toString();
    p.group = o.value(QStringLiteral("group")).toString();
    p.code = o.value(QStringLiteral("code")).toString();
    p.text = o.value(QStringLiteral("text")).toString();
    p.sortOrder = o.value(QStringLiteral("sortOrder")).toInt();
    p.usageCount = int64From(o.value(QStringLiteral("uses")));
    return p;
}

QJsonObject toJson(const ImportReport& r, qsizetype maxErrors)
{
    QJsonArray errors;
    const qsizetype listed = std::min<qsizetype>(maxErrors, static_cast<qsizetype>(r.errors.size()));
    for (qsizetype i = 0; i < listed; ++i) {
        errors.append(QJsonObject{{QStringLiteral("line"), r.errors[static_cast<size_t>(i)].line},
                                  {QStringLiteral("reason"), r.errors[static_cast<size_t>(i)].reason}});
    }
    const ImportSummary& s = r.summary;
    return QJsonObject{{QStringLiteral("lines"), r.lines},
                       {QStringLiteral("committed"), r.committed},
                       {QStringLiteral("messagesAdded"), s.messagesAdded},
                       {QStringLiteral("messagesDuplicate"), s.messagesDuplicate},
                       {QStringLiteral("ordersAdded"), s.ordersAdded},
                       {QStringLiteral("ordersUpdated"), s.ordersUpdated},
                       {QStringLiteral("refundsAdded"), s.refundsAdded},
                       {QStringLiteral("refundsUpdated"), s.refundsUpdated},
                       {QStringLiteral("otherAdded"), s.otherAdded},
                       {QStringLiteral("errors"), errors},
                       {QStringLiteral("moreErrors"), r.moreErrors + static_cast<qint64>(r.errors.size()) - listed}};
}

ImportReport importReportFromJson(const QJsonObject& o)
{
    ImportReport r;
    auto count = [&o](const char* key) { return o.value(QLatin1String(key)).toInteger(); };
    r.lines = count("lines");
    r.committed = o.value(QStringLiteral("committed")).toBool();
    r.summary.messagesAdded = count("messagesAdded");
    r.summary.messagesDuplicate = count("messagesDuplicate");
    r.summary.ordersAdded = count("ordersAdded");
    r.summary.ordersUpdated = count("ordersUpdated");
    r.summary.refundsAdded = count("refundsAdded");
    r.summary.refundsUpdated = count("refundsUpdated");
    r.summary.otherAdded = count("otherAdded");
    for (const QJsonValue& e : o.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject x = e.toObject();
        r.errors.push_back({x.value(QStringLiteral("line")).toInteger(), x.value(QStringLiteral("reason")).toString()});
    }
    r.moreErrors = count("moreErrors");
    return r;
}

QJsonObject toJson(const FollowUp& f)
{
    static const char* const kKinds[] = {"unpaid", "unshipped", "stale_trace"};
    return QJsonObject{{QStringLiteral("kind"), QLatin1String(kKinds[static_cast<int>(f.kind)])},
                       {QStringLiteral("platform"), f.platform},
                       {QStringLiteral("orderNo"), f.orderNo},
                       {QStringLiteral("buyer"), f.buyerNick},
                       {QStringLiteral("amountFen"), f.amountFen},
                       {QStringLiteral("since"), f.since.ms()}};
}

FollowUp followUpFromJson(const QJsonObject& o)
{
    FollowUp f;
    const QString kind = o.value(QStringLiteral("kind")).toString();
    f.kind = kind == u"unshipped"     ? FollowUp::Kind::Unshipped
             : kind == u"stale_trace" ? FollowUp::Kind::StaleTrace
                                      : FollowUp::Kind::Unpaid;
    f.platform = o.value(QStringLiteral("platform")).toString();
    f.orderNo = o.value(QStringLiteral("orderNo")).toString();
    f.buyerNick = o.value(QStringLiteral("buyer")).toString();
    f.amountFen = o.value(QStringLiteral("amountFen")).toInteger();
    f.since = Timestamp::fromMs(o.value(QStringLiteral("since")).toInteger());
    return f;
}

} // namespace shopdesk::protocol
