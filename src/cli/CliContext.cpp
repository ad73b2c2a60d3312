#include "cli/CliContext.h"

#include "store/SqliteStore.h"

namespace shopdesk::cli {

CliContext::CliContext(CliIo& io, QString databasePath, std::chrono::milliseconds busyWait)
    : m_io(io)
    , m_databasePath(std::move(databasePath))
    , m_busyWait(busyWait)
{
}

CliContext::~CliContext() = default;

Result<store::SqliteStore*> CliContext::store(bool create)
{
    if (!m_store) {
        store::SqliteStore::Options options;
        options.create = create;
        options.busyGiveUp = m_busyWait;
        auto opened = store::SqliteStore::open(m_databasePath, options);
        if (!opened) {
            return opened.error();
        }
        m_store = std::move(*opened);
    }
    return m_store.get();
}

int CliContext::fail(const Error& error)
{
    m_io.err << "shopdeskctl: " << error.message << Qt::endl;
    return exitCodeFor(error.code);
}

} // namespace shopdesk::cli
