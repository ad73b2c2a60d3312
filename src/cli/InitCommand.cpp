#include "cli/Commands.h"

#include "session/LocalShop.h"

namespace shopdesk::cli {

int runInit(CliContext& ctx, Args& args)
{
    auto shopName = args.option(QStringLiteral("shop"));
    auto owner = args.option(QStringLiteral("owner"));
    auto platform = args.option(QStringLiteral("platform"));
    auto zone = args.option(QStringLiteral("tz"));
    for (const auto* r : {&shopName, &owner, &platform, &zone}) {
        if (!*r) {
            return ctx.fail(r->error());
        }
    }
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    if (!*shopName || (*shopName)->trimmed().isEmpty()) {
        return ctx.fail(Error::usage(QStringLiteral("init needs --shop NAME")));
    }
    if (!*owner || (*owner)->trimmed().isEmpty()) {
        return ctx.fail(Error::usage(QStringLiteral("init needs --owner NAME (the main account)")));
    }
    session::ShopInfo shop;
    shop.name = (*shopName)->trimmed();
    if (*platform) {
        shop.platform = **platform;
    }
    if (*zone) {
        QTimeZone tz((*zone)->toUtf8());
        if (!tz.isValid()) {
            return ctx.fail(Error::invalid(QStringLiteral("unknown time zone '%1' (e.g. Asia/Shanghai)").arg(**zone)));
        }
        shop.timeZone = tz;
    }
    auto password = ctx.newPassword();
    if (!password) {
        return ctx.fail(password.error());
    }
    auto local = ctx.shop(true);
    if (!local) {
        return ctx.fail(local.error());
    }
    if (auto st = (*local)->initialise(shop, (*owner)->trimmed(), *password); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << "Created the store for shop " << shop.name << " at " << ctx.databasePath()
                 << "; main account: " << shop.name << ':' << (*owner)->trimmed() << Qt::endl;
    return 0;
}

} // namespace shopdesk::cli
