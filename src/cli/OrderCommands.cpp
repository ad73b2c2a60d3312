#include "cli/Commands.h"

#include "core/IsoTime.h"
#include "core/JsonWriter.h"
#include "session/Orders.h"

namespace shopdesk::cli {

int runOrderShow(CliContext& ctx, Args& args)
{
    const bool json = args.flag(QStringLiteral("json"));
    const bool reveal = args.flag(QStringLiteral("reveal"));
    auto platform = args.option(QStringLiteral("platform"));
    if (!platform) {
        return ctx.fail(platform.error());
    }
    const auto orderNo = args.next();
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!orderNo) {
        return ctx.fail(Error::usage(QStringLiteral("order show needs an ORDER number")));
    }
    auto session = ctx.session();
    if (!session) {
        return ctx.fail(session.error());
    }
    session::ShopSession& s = **session;
    const QString plat = platform->value_or(s.shop().platform);
    auto found = s.orders().find(plat, *orderNo);
    if (!found) {
        return ctx.fail(found.error());
    }
    if (!*found) {
        return ctx.fail(Error::notFound(QStringLiteral("There is no order %1.").arg(*orderNo)));
    }
    const Order* order = &**found;
    Receiver receiver = order->receiverMasked;
    if (reveal) {
        auto full = CliContext::wait(s.orders().reveal(plat, *orderNo));
        if (!full) {
            return ctx.fail(full.error());
        }
        receiver = *full;
    }
    const QTimeZone zone = s.shop().timeZone;
    if (json) {
        QStringList items;
        for (const OrderItem& it : order->items) {
            JsonWriter w;
            w.add(u"title", it.title).add(u"qty", it.quantity).add(u"price_fen", it.priceFen);
            items << QString::fromUtf8(w.toJson());
        }
        JsonWriter w;
        w.add(u"id", order->orderNo)
            .add(u"buyer", order->buyerNick)
            .add(u"status", orderStatusCode(order->status))
            .add(u"amount_fen", order->amountFen)
            .add(u"created_at", isotime::format(order->createdAt, zone));
        if (order->paidAt) {
            w.add(u"paid_at", isotime::format(*order->paidAt, zone));
        } else {
            w.addNull(u"paid_at");
        }
        w.add(u"remark", order->remark)
            .add(u"flag", order->flag)
            .add(u"flagged_by", order->flaggedBy)
            .add(u"receiver_name", receiver.name)
            .add(u"receiver_phone", receiver.phone)
            .add(u"receiver_address", receiver.address)
            .addBool(u"revealed", reveal)
            .addRaw(u"items", (QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']')).toUtf8());
        ctx.printJson(w);
    } else {
        QTextStream& out = ctx.io().out;
        out << order->orderNo << "  " << orderStatusCode(order->status) << "  " << formatYuan(order->amountFen)
            << "  buyer " << order->buyerNick << '\n';
        for (const OrderItem& it : order->items) {
            out << "  " << it.title << " x" << it.quantity << "  " << formatYuan(it.priceFen) << '\n';
        }
        out << "  receiver: " << receiver.name << "  " << receiver.phone << "  " << receiver.address
            << (reveal ? "" : "  (masked)") << '\n';
        if (!order->remark.isEmpty()) {
            out << "  remark: " << order->remark << '\n';
        }
    }
    ctx.io().out.flush();
    return 0;
}

} // namespace shopdesk::cli
