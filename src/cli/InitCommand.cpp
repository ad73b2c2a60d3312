#include "cli/Commands.h"

#include "services/shop/ShopRepository.h"
#include "store/SqliteStore.h"

namespace shopdesk::cli {

int runInit(CliContext& ctx, Args& args)
{
    auto shopName = args.option(QStringLiteral("shop"));
    auto platform = args.option(QStringLiteral("platform"));
    auto zone = args.option(QStringLiteral("tz"));
    for (const auto* r : {&shopName, &platform, &zone}) {
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
    Shop shop;
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
    auto store = ctx.store(true);
    if (!store) {
        return ctx.fail(store.error());
    }
    if (auto st = (*store)->shop().initialise(shop); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << "Created the store for shop " << shop.name << " at " << ctx.databasePath() << Qt::endl;
    return 0;
}

} // namespace shopdesk::cli
