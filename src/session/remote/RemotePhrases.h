#pragma once

#include "session/Phrases.h"

namespace shopdesk::session {

class RemoteSession;

/// Quick replies through the team server: the lists answer at once from what the server last
/// sent (fetched again when a change of phrases is pushed); edits go to the server, which checks
/// the scope's permission and audits.
class RemotePhrases final : public Phrases {
public:
    explicit RemotePhrases(RemoteSession& s)
        : m_s(s)
    {
    }
    Result<std::vector<QuickReply>> mine() override { return m_mine; }
    QFuture<Result<QuickReplyId>> save(const QuickReply& phrase) override;
    QFuture<Status> remove(QuickReplyId id) override;
    QFuture<Status> recordUse(QuickReplyId id) override;
    Result<std::vector<QuickReply>> team() override { return m_team; }
    PhraseCsvParse parseCsv(const QByteArray& file) const override;
    QFuture<Result<PhraseImportSummary>> importTeam(const std::vector<PhraseRow>& rows) override;
    Result<QByteArray> exportTeam() override;
    QFuture<Status> moveTeam(QuickReplyId id, int delta) override;

    /// Fetches both lists again; resolves when they are in.
    QFuture<void> refresh();

private:
    QFuture<Status> write(const QString& op, QJsonObject args);

    RemoteSession& m_s;
    Result<std::vector<QuickReply>> m_mine = std::vector<QuickReply>();
    Result<std::vector<QuickReply>> m_team = std::vector<QuickReply>();
};

} // namespace shopdesk::session
