#include "pg/PgQuickReplyRepository.h"

#include "pg/PgStore.h"

namespace shopdesk::pg {

namespace {

constexpr const char* kColumns =
    "SELECT id, scope, owner, grp, code, text, sort_order, usage_count FROM quick_replies ";

QuickReply phraseFrom(const PgResult& r, int i)
{
    QuickReply p;
    p.id = QuickReplyId(r.integer(i, 0));
    p.scope = r.integer(i, 1) == 0 ? QuickReply::Scope::Team : QuickReply::Scope::Personal;
    p.owner = r.text(i, 2);
    p.group = r.text(i, 3);
    p.code = r.text(i, 4);
    p.text = r.text(i, 5);
    p.sortOrder = static_cast<int>(r.integer(i, 6));
    p.usageCount = r.integer(i, 7);
    return p;
}

qint64 write(PgTx& tx, const QuickReply& p)
{
    const Param scope = param(static_cast<qint64>(p.scope == QuickReply::Scope::Team ? 0 : 1));
    if (p.id.isValid()) {
        auto r =
            tx.q("UPDATE quick_replies SET scope = $3, owner = $4, grp = $5, code = $6, text = $7, sort_order = $8 "
                 "WHERE shop_id = $1 AND id = $2",
                 {tx.shop(), param(p.id.value()), scope, param(p.owner), param(p.group), param(p.code), param(p.text),
                  param(static_cast<qint64>(p.sortOrder))});
        if (r.affected() == 0) {
            throw PgFailure(Error::notFound(QStringLiteral("The quick reply no longer exists.")));
        }
        return p.id.value();
    }
    auto r = tx.q("INSERT INTO quick_replies(shop_id, scope, owner, grp, code, text, sort_order, usage_count) "
                  "VALUES($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                  {tx.shop(), scope, param(p.owner), param(p.group), param(p.code), param(p.text),
                   param(static_cast<qint64>(p.sortOrder)), param(p.usageCount)});
    return r.integer(0, 0);
}

void changed(PgTx& tx)
{
    tx.change(QStringLiteral("phrases"), QByteArray("{}"));
}

} // namespace

Result<std::vector<QuickReply>> PgQuickReplyRepository::phrasesFor(const QString& owner)
{
    return m_store.read<std::vector<QuickReply>>("read quick replies", [&](PgTx& tx) {
        const QByteArray sql = QByteArray(kColumns) +
                               "WHERE shop_id = $1 AND (scope = 0 OR (scope = 1 AND owner = $2)) "
                               "ORDER BY scope, grp, sort_order, id";
        auto r = tx.q(sql.constData(), {tx.shop(), param(owner)});
        std::vector<QuickReply> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back(phraseFrom(r, i));
        }
        return out;
    });
}

Result<std::optional<QuickReply>> PgQuickReplyRepository::find(QuickReplyId id)
{
    return m_store.read<std::optional<QuickReply>>("read a quick reply", [&](PgTx& tx) -> std::optional<QuickReply> {
        const QByteArray sql = QByteArray(kColumns) + "WHERE shop_id = $1 AND id = $2";
        auto r = tx.q(sql.constData(), {tx.shop(), param(id.value())});
        if (r.rows() == 0) {
            return std::nullopt;
        }
        return phraseFrom(r, 0);
    });
}

Result<QuickReplyId> PgQuickReplyRepository::save(const QuickReply& phrase, std::vector<AuditEntry> audit)
{
    return m_store.write<QuickReplyId>("save a quick reply", [&](PgTx& tx) {
        const qint64 id = write(tx, phrase);
        tx.audit(std::move(audit));
        changed(tx);
        return QuickReplyId(id);
    });
}

Status PgQuickReplyRepository::remove(QuickReplyId id, std::vector<AuditEntry> audit)
{
    return m_store.writeStatus("remove a quick reply", [&](PgTx& tx) {
        tx.q("DELETE FROM quick_replies WHERE shop_id = $1 AND id = $2", {tx.shop(), param(id.value())});
        tx.audit(std::move(audit));
        changed(tx);
    });
}

Status PgQuickReplyRepository::saveMany(const std::vector<QuickReply>& phrases, std::vector<AuditEntry> audit)
{
    return m_store.writeStatus("save quick replies", [&](PgTx& tx) {
        for (const QuickReply& p : phrases) {
            write(tx, p);
        }
        tx.audit(std::move(audit));
        changed(tx);
    });
}

Status PgQuickReplyRepository::recordUse(QuickReplyId id)
{
    // Not a change desks need to hear of: the count only orders the picker.
    return m_store.writeStatus("count a quick reply's use", [&](PgTx& tx) {
        tx.q("UPDATE quick_replies SET usage_count = usage_count + 1 WHERE shop_id = $1 AND id = $2",
             {tx.shop(), param(id.value())});
    });
}

} // namespace shopdesk::pg
