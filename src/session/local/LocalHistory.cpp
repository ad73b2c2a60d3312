#include "backend/Backend.h"
#include "services/history/HistoryImporter.h"
#include "services/privacy/PiiVault.h"
#include "services/search/SearchService.h"
#include "services/workbench/BuyerService.h"
#include "services/workbench/WorkbenchService.h"
#include "session/local/LocalDesks.h"
#include "session/local/LocalSession.h"

namespace shopdesk::session {

QFuture<Result<SearchPage>> LocalHistory::search(const SearchRequest& request)
{
    auto a = m_s.actor();
    return QtFuture::makeReadyFuture(a ? m_s.backend().search().search(*a, request) : Result<SearchPage>(a.error()));
}

QFuture<Result<SearchPage>> LocalHistory::records(const QString& platform, const QString& nick, const QString& query,
                                                  int limit)
{
    auto a = m_s.actor();
    return QtFuture::makeReadyFuture(a ? m_s.backend().search().records(*a, platform, nick, query, limit)
                                       : Result<SearchPage>(a.error()));
}

QFuture<Result<qint64>> LocalHistory::remove(const QString& platform, const QString& nick,
                                             const std::vector<MessageId>& ids)
{
    LocalSession& s = m_s;
    return s.later<Result<qint64>>([&s, platform, nick, ids]() -> Result<qint64> {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return s.backend().buyers().deleteHistory(*a, platform, nick, ids);
    });
}

QFuture<Result<qint64>> LocalHistory::removeAll(const QString& platform, const QString& nick, const QString& typedName)
{
    LocalSession& s = m_s;
    return s.later<Result<qint64>>([&s, platform, nick, typedName]() -> Result<qint64> {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        return s.backend().buyers().deleteAllHistory(*a, platform, nick, typedName);
    });
}

QFuture<Result<ImportReport>> LocalHistory::import(QIODevice& input, const ImportOptions& options)
{
    LocalSession& s = m_s;
    QIODevice* device = &input;
    return s.later<Result<ImportReport>>([&s, device, options]() -> Result<ImportReport> {
        auto a = s.actor();
        if (!a) {
            return a.error();
        }
        Backend& b = s.backend();
        HistoryImporter::Options o;
        o.skipBad = options.skipBad;
        if (auto shop = b.shop()) {
            o.defaultPlatform = shop->platform;
        }
        const PiiVault& vault = b.vault();
        o.sealOrder = [&vault](Order& order) { vault.seal(order); };
        return b.importer().import(*a, *device, o);
    });
}

} // namespace shopdesk::session
