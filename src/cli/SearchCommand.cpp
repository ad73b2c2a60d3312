#include "cli/Commands.h"

#include "core/IsoTime.h"
#include "core/JsonWriter.h"
#include "session/History.h"

namespace shopdesk::cli {

namespace {

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    text.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    text.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    return text;
}

} // namespace

int runSearch(CliContext& ctx, Args& args)
{
    auto buyer = args.option(QStringLiteral("buyer"));
    if (!buyer) {
        return ctx.fail(buyer.error());
    }
    auto limit = args.integer(QStringLiteral("limit"), 1, kMaxSearchLimit);
    if (!limit) {
        return ctx.fail(limit.error());
    }
    const bool json = args.flag(QStringLiteral("json"));
    const QStringList words = args.rest();
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (words.isEmpty()) {
        return ctx.fail(Error::usage(QStringLiteral("search needs a QUERY")));
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    const QTimeZone zone = (*session)->shop().timeZone;

    SearchRequest request;
    request.query = words.join(QLatin1Char(' '));
    request.buyerNick = *buyer;
    request.limit = static_cast<int>(limit->value_or(50));
    auto page = CliContext::wait((*session)->history().search(request));
    if (!page) {
        return ctx.fail(page.error());
    }
    QTextStream& out = ctx.io().out;
    for (const MessageHit& h : page->hits) {
        const Message& m = h.message;
        const QString at = isotime::format(m.sentAt, zone);
        if (json) {
            JsonWriter w;
            w.add(u"conversation", h.conversationKey).add(u"buyer", h.buyerNick).add(u"from", senderName(m.sender));
            if (m.sender == Sender::Agent) {
                w.add(u"agent", m.agent);
            } else {
                w.addNull(u"agent");
            }
            w.add(u"at", at).add(u"text", m.text);
            out << QString::fromUtf8(w.toJson()) << '\n';
        } else {
            const QString from = m.sender == Sender::Agent ? QStringLiteral("agent:") + m.agent : senderName(m.sender);
            out << at << '\t' << h.conversationKey << '\t' << h.buyerNick << '\t' << from << '\t' << oneLine(m.text)
                << '\n';
        }
    }
    out.flush();
    if (page->more && !json) {
        ctx.io().err << "(the first " << page->hits.size() << " matches; there are more: raise --limit)" << Qt::endl;
    }
    return 0;
}

} // namespace shopdesk::cli
