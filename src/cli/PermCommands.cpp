#include "cli/Commands.h"

#include "auth/PermissionMatrix.h"
#include "core/JsonWriter.h"

namespace shopdesk::cli {

int runPermList(CliContext& ctx, Args& args)
{
    const bool json = args.flag(QStringLiteral("json"));
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    for (const auth::PermissionInfo& p : auth::permissionCatalogue()) {
        if (json) {
            JsonWriter w;
            w.add(u"key", p.key)
                .add(u"group", auth::groupLabelEn(p.group))
                .add(u"group_zh", QString::fromUtf8(auth::groupLabelZh(p.group)))
                .add(u"zh", QString::fromUtf8(p.zh))
                .add(u"en", p.en);
            ctx.printJson(w);
        } else {
            ctx.io().out << p.key << '\t' << QString::fromUtf8(p.zh) << '\t' << p.en << '\n';
        }
    }
    ctx.io().out.flush();
    return 0;
}

int runPermMatrix(CliContext& ctx, Args& args)
{
    if (auto st = args.finish(); !st) {
        return ctx.fail(st);
    }
    ctx.io().out << auth::permissionMatrixMarkdown();
    ctx.io().out.flush();
    return 0;
}

} // namespace shopdesk::cli
