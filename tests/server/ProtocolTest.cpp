// The team protocol at the server's door: malformed, oversized and out-of-protocol frames, version
// mismatch, replayed requests, expired and revoked tokens. Raw frames, nothing interpreted.

#include "server/TeamFixture.h"

#include <QJsonArray>

namespace shopdesk::test {
namespace {

using Protocol = TeamFixture;

QJsonObject createArgs(const QString& name)
{
    return {
        {QStringLiteral("account"), QJsonObject{{QStringLiteral("name"), name},
                                                {QStringLiteral("password"), kAgentPassword},
                                                {QStringLiteral("roles"), QJsonArray{QStringLiteral("presales")}}}}};
}

TEST_F(Protocol, BadFramesAreRefusedTypedAndCountedWhileOthersAreServed)
{
    RawClient bad(server->port());
    RawClient good(server->port());
    const qint64 before = server->counters().refusedFrames;

    bad.send(QStringLiteral("not json at all"));
    EXPECT_EQ(RawClient::code(bad.next()), u"malformed");
    bad.send(QStringLiteral("[1, 2, 3]"));
    EXPECT_EQ(RawClient::code(bad.next()), u"malformed");
    bad.send(QStringLiteral(R"({"v":1,"id":"seven","op":"hello"})"));
    EXPECT_EQ(RawClient::code(bad.next()), u"protocol");
    bad.send(QStringLiteral(R"({"v":1,"id":3})"));
    EXPECT_EQ(RawClient::code(bad.next()), u"protocol");
    bad.send(QStringLiteral(R"({"v":1,"id":4,"op":"hello","args":[1]})"));
    EXPECT_EQ(RawClient::code(bad.next()), u"protocol");
    bad.send(QStringLiteral(R"({"v":1,"id":5,"op":"hello","rid":"no spaces allowed"})"));
    EXPECT_EQ(RawClient::code(bad.next()), u"protocol");
    bad.socket.sendBinaryMessage(QByteArray("\x00\x01\x02", 3));
    EXPECT_EQ(RawClient::code(bad.next()), u"protocol");
    // 1.5 MB of Chinese text in one request (one frame: Qt checks UTF-8 per fragment, and a character
    // cut between fragments closes the socket with 1007).
    bad.socket.setOutgoingFrameSize(8 << 20);
    const QString huge =
        QStringLiteral(R"({"v":1,"id":6,"op":"hello","args":{"x":"%1"}})").arg(QString(500'000, QChar(0x4E2D)));
    bad.send(huge);
    const QJsonObject tooLarge = bad.next();
    EXPECT_EQ(RawClient::code(tooLarge), u"too_large");
    EXPECT_EQ(tooLarge.value(QStringLiteral("id")).toInt(), 0) << "a refused frame is not read for its id";

    // Meanwhile the server serves everyone else, and the same connection goes on.
    EXPECT_FALSE(ownerLogin(good).isEmpty());
    EXPECT_EQ(good.request(3, QStringLiteral("accounts.list")).value(QStringLiteral("result")).toArray().size(), 1);
    EXPECT_FALSE(bad.closed) << "closed with " << bad.closeCode;
    EXPECT_TRUE(bad.request(7, QStringLiteral("hello")).value(QStringLiteral("ok")).toBool());
    EXPECT_EQ(server->counters().refusedFrames - before, 8);
}

TEST_F(Protocol, AVersionMismatchIsOneSentenceAndEndsTheConnection)
{
    RawClient c(server->port());
    c.send(QStringLiteral(R"({"v":2,"id":1,"op":"hello"})"));
    const QJsonObject answer = c.next();
    EXPECT_EQ(RawClient::code(answer), u"version");
    const QString sentence = RawClient::message(answer);
    EXPECT_TRUE(sentence.contains(u"version 2") && sentence.contains(u"version 1")) << sentence.toStdString();
    EXPECT_EQ(sentence.count(u'.'), 1) << "one sentence";
    EXPECT_TRUE(spinUntil([&] { return c.closed; }));
}

TEST_F(Protocol, NothingButHelloFirstAndNothingButLoginBeforeALogin)
{
    RawClient c(server->port());
    EXPECT_EQ(RawClient::code(c.request(1, QStringLiteral("accounts.list"))), u"protocol");
    EXPECT_TRUE(c.request(2, QStringLiteral("hello")).value(QStringLiteral("ok")).toBool());
    EXPECT_EQ(RawClient::code(c.request(3, QStringLiteral("accounts.list"))), u"unauthenticated");
    const QJsonObject wrong = c.request(
        4, QStringLiteral("login"),
        {{QStringLiteral("name"), QStringLiteral("店长")}, {QStringLiteral("password"), QStringLiteral("wrong")}});
    EXPECT_EQ(RawClient::code(wrong), u"not_allowed");
    EXPECT_FALSE(RawClient::message(wrong).contains(u"wrong")) << "the password is never said back";
    EXPECT_EQ(RawClient::code(c.request(5, QStringLiteral("accounts.list"))), u"unauthenticated");
    EXPECT_EQ(RawClient::code(c.request(6, QStringLiteral("no.such.op"))), u"unauthenticated");
}

TEST_F(Protocol, AReplayedRequestIsRefusedAndARetriedWriteIsDoneOnce)
{
    RawClient c(server->port());
    ownerLogin(c);
    EXPECT_EQ(RawClient::code(c.request(2, QStringLiteral("accounts.list"))), u"replay") << "the same id again";
    EXPECT_EQ(RawClient::code(c.request(1, QStringLiteral("accounts.list"))), u"replay") << "an older id";
    EXPECT_EQ(RawClient::code(c.request(3, QStringLiteral("no.such.op"))), u"unknown_op");

    const QJsonObject first =
        c.request(10, QStringLiteral("accounts.create"), createArgs(QStringLiteral("小美")), QStringLiteral("rid-1"));
    ASSERT_TRUE(first.value(QStringLiteral("ok")).toBool()) << RawClient::message(first).toStdString();
    // The link dropped before the answer arrived, say: the client sends the write again.
    RawClient again(server->port());
    EXPECT_TRUE(again.request(1, QStringLiteral("hello")).value(QStringLiteral("ok")).toBool());
    EXPECT_TRUE(
        again
            .request(2, QStringLiteral("login"),
                     {{QStringLiteral("name"), QStringLiteral("店长")}, {QStringLiteral("password"), kOwnerPassword}})
            .value(QStringLiteral("ok"))
            .toBool());
    const QJsonObject retry = again.request(3, QStringLiteral("accounts.create"), createArgs(QStringLiteral("小美")),
                                            QStringLiteral("rid-1"));
    EXPECT_TRUE(retry.value(QStringLiteral("ok")).toBool()) << "told the first answer, not 'exists already'";
    EXPECT_EQ(retry.value(QStringLiteral("result")), first.value(QStringLiteral("result")));
    const QJsonObject other = again.request(4, QStringLiteral("accounts.create"), createArgs(QStringLiteral("小美")),
                                            QStringLiteral("rid-2"));
    EXPECT_EQ(RawClient::code(other), u"invalid") << "a new request key is a new write";
    EXPECT_EQ(again.request(5, QStringLiteral("accounts.list")).value(QStringLiteral("result")).toArray().size(), 2);
    const QJsonArray audit = again
                                 .request(6, QStringLiteral("audit.list"),
                                          {{QStringLiteral("actionPrefix"), QStringLiteral("account.create")}})
                                 .value(QStringLiteral("result"))
                                 .toArray();
    int creates = 0;
    for (const QJsonValue& e : audit) {
        creates += e.toObject().value(QStringLiteral("action")).toString() == u"account.create" &&
                   e.toObject().value(QStringLiteral("target")).toString().endsWith(u"小美");
    }
    EXPECT_EQ(creates, 1) << "created and audited once";
}

TEST_F(Protocol, TokensExpireWhenIdleAndEndWhenRevoked)
{
    server.reset();
    startServer(std::chrono::minutes(30));
    RawClient owner(server->port());
    const QString ownerToken = ownerLogin(owner);
    ASSERT_EQ(ownerToken.size(), 43) << "256 random bits, base64url";
    ASSERT_TRUE(owner.request(3, QStringLiteral("accounts.create"), createArgs(QStringLiteral("小美")))
                    .value(QStringLiteral("ok"))
                    .toBool());

    auto resume = [&](const QString& token) {
        RawClient c(server->port());
        c.request(1, QStringLiteral("hello"));
        return c.request(2, QStringLiteral("resume"), {{QStringLiteral("token"), token}});
    };
    EXPECT_TRUE(resume(ownerToken).value(QStringLiteral("ok")).toBool());
    EXPECT_EQ(RawClient::code(resume(QStringLiteral("A").repeated(43))), u"session_ended") << "a guessed token";

    // An agent's session, revoked by a disable.
    RawClient agent(server->port());
    agent.request(1, QStringLiteral("hello"));
    const QString agentToken =
        agent
            .request(2, QStringLiteral("login"),
                     {{QStringLiteral("name"), QStringLiteral("小美")}, {QStringLiteral("password"), kAgentPassword}})
            .value(QStringLiteral("result"))
            .toObject()
            .value(QStringLiteral("token"))
            .toString();
    ASSERT_FALSE(agentToken.isEmpty());
    ASSERT_TRUE(owner
                    .request(4, QStringLiteral("accounts.setDisabled"),
                             {{QStringLiteral("name"), QStringLiteral("小美")}, {QStringLiteral("disabled"), true}})
                    .value(QStringLiteral("ok"))
                    .toBool());
    const QJsonObject revoked = resume(agentToken);
    EXPECT_EQ(RawClient::code(revoked), u"session_ended");
    ASSERT_TRUE(owner
                    .request(5, QStringLiteral("accounts.setDisabled"),
                             {{QStringLiteral("name"), QStringLiteral("小美")}, {QStringLiteral("disabled"), false}})
                    .value(QStringLiteral("ok"))
                    .toBool());
    EXPECT_EQ(RawClient::code(resume(agentToken)), u"session_ended") << "enabling again does not revive it";

    // Logged out: the token is dead.
    RawClient second(server->port());
    second.request(1, QStringLiteral("hello"));
    const QString secondToken =
        second
            .request(2, QStringLiteral("login"),
                     {{QStringLiteral("name"), QStringLiteral("店长")}, {QStringLiteral("password"), kOwnerPassword}})
            .value(QStringLiteral("result"))
            .toObject()
            .value(QStringLiteral("token"))
            .toString();
    EXPECT_TRUE(second.request(3, QStringLiteral("logout")).value(QStringLiteral("ok")).toBool());
    EXPECT_EQ(RawClient::code(resume(secondToken)), u"session_ended");

    // Idle past the expiry: refused with the reason.
    clock.advanceSecs(31 * 60);
    const QJsonObject expired = resume(ownerToken);
    EXPECT_EQ(RawClient::code(expired), u"session_ended");
    EXPECT_TRUE(RawClient::message(expired).contains(u"30 minutes")) << RawClient::message(expired).toStdString();
}

/// A server whose password checks cost what a real one's do, and more.
class SlowLogins : public TeamFixture {
protected:
    crypto::PasswordHasher::Params passwordParams() const override { return {4, 64 * 1024 * 1024}; }
};

TEST_F(SlowLogins, TheServerServesOtherDesksWhilePasswordsAreChecked)
{
    RawClient other(server->port());
    ownerLogin(other);
    std::vector<std::unique_ptr<RawClient>> arriving;
    for (int i = 0; i < 3; ++i) {
        auto c = std::make_unique<RawClient>(server->port());
        ASSERT_TRUE(c->request(1, QStringLiteral("hello")).value(QStringLiteral("ok")).toBool());
        c->send(QStringLiteral(R"({"v":1,"id":2,"op":"login","args":{"name":"店长","password":"%1"}})")
                    .arg(kOwnerPassword));
        arriving.push_back(std::move(c));
    }
    // Three logins are being checked (two at a time); a desk already in is answered meanwhile.
    const QJsonObject pong = other.request(3, QStringLiteral("ping"));
    EXPECT_TRUE(pong.value(QStringLiteral("ok")).toBool()) << RawClient::message(pong).toStdString();
    const auto unanswered =
        std::count_if(arriving.begin(), arriving.end(), [](const auto& c) { return c->frames.empty(); });
    EXPECT_GE(unanswered, 1) << "the ping waited for every password check";
    for (auto& c : arriving) {
        const QJsonObject in = c->next(20000);
        EXPECT_TRUE(in.value(QStringLiteral("ok")).toBool()) << RawClient::message(in).toStdString();
        EXPECT_FALSE(in.value(QStringLiteral("result")).toObject().value(QStringLiteral("token")).toString().isEmpty());
    }
}

} // namespace
} // namespace shopdesk::test
