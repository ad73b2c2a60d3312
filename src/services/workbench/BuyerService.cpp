#include "services/workbench/BuyerService.h"

#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"

#include <QCoreApplication>

namespace shopdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("shopdesk::BuyerService", text);
}

} // namespace

BuyerService::BuyerService(BuyerRepository& repository, AccessGate& gate, AuditLog& audit)
    : m_repository(repository)
    , m_gate(gate)
    , m_audit(audit)
{
}

const QStringList& BuyerService::grades()
{
    static const QStringList g{QString(), QStringLiteral("VIP"), QStringLiteral("A"), QStringLiteral("B"),
                               QStringLiteral("C")};
    return g;
}

Result<BuyerNotes> BuyerService::notes(const auth::Actor& actor, const QString& platform, const QString& nick)
{
    if (Status st = m_gate.check(actor, auth::Operation::BuyerNotesView); !st) {
        return st.error();
    }
    return m_repository.buyerNotes(platform, nick);
}

Status BuyerService::setNotes(const auth::Actor& actor, const QString& platform, const QString& nick, BuyerNotes notes)
{
    if (Status st = m_gate.check(actor, auth::Operation::BuyerNotesEdit); !st) {
        return st;
    }
    if (!grades().contains(notes.grade)) {
        return Error::invalid(tr("A buyer's grade is VIP, A, B, C or none."));
    }
    QStringList tags;
    for (const QString& raw : notes.tags) {
        const QString tag = raw.simplified();
        if (tag.isEmpty() || tags.contains(tag)) {
            continue;
        }
        if (tag.size() > kMaxTagChars) {
            return Error::invalid(tr("A tag has at most %1 characters: %2").arg(kMaxTagChars).arg(tag));
        }
        tags << tag;
    }
    if (tags.size() > kMaxTags) {
        return Error::invalid(tr("A buyer has at most %1 tags.").arg(kMaxTags));
    }
    notes.tags = tags;
    return m_repository.setBuyerNotes(
        platform, nick, notes,
        {m_audit.entry(actor.fullName(), QStringLiteral("buyer.notes.edit"), nick,
                       QStringLiteral("grade=%1 tags=%2").arg(notes.grade).arg(tags.size()))});
}

Result<qint64> BuyerService::deleteHistory(const auth::Actor& actor, const QString& platform, const QString& nick,
                                           const std::vector<MessageId>& ids)
{
    if (Status st = m_gate.check(actor, auth::Operation::HistoryDelete); !st) {
        return st.error();
    }
    if (ids.empty()) {
        return Error::invalid(tr("Choose the messages to delete: nothing was deleted."));
    }
    return m_repository.deleteMessages(platform, nick, ids,
                                       {m_audit.entry(actor.fullName(), QStringLiteral("history.delete"), nick)});
}

Result<qint64> BuyerService::deleteAllHistory(const auth::Actor& actor, const QString& platform, const QString& nick,
                                              const QString& typedName)
{
    if (Status st = m_gate.check(actor, auth::Operation::HistoryDelete); !st) {
        return st.error();
    }
    if (typedName.trimmed() != nick) {
        return Error::invalid(tr("Nothing was deleted: type the buyer's name, %1, exactly to confirm.").arg(nick));
    }
    return m_repository.deleteAllMessages(platform, nick,
                                          {m_audit.entry(actor.fullName(), QStringLiteral("history.delete"), nick)});
}

} // namespace shopdesk
