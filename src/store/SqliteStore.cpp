#include "store/SqliteStore.h"

#include "core/Logging.h"
#include "services/audit/AuditHead.h"
#include "store/AuditWriter.h"
#include "store/Migrations.h"
#include "store/RecordWriter.h"
#include "store/SqliteAccountRepository.h"
#include "store/SqliteAuditRepository.h"
#include "store/SqliteConnection.h"
#include "store/SqliteHistoryRepository.h"
#include "store/SqliteMessageRepository.h"
#include "store/SqliteOrderRepository.h"
#include "store/SqliteQuickReplyRepository.h"
#include "store/SqliteReportRepository.h"
#include "store/SqliteRoleRepository.h"
#include "store/SqliteRoutingRepository.h"
#include "store/SqliteSettingsRepository.h"
#include "store/SqliteShopRepository.h"
#include "store/SqliteWorkbenchRepository.h"
#include "store/StoreWriter.h"

#include <QFileInfo>

namespace shopdesk::store {

SqliteStore::SqliteStore(QString path, std::unique_ptr<StoreWriter> writer, std::unique_ptr<RecordWriter> recordWriter)
    : m_path(std::move(path))
    , m_recordWriter(std::move(recordWriter))
    , m_writer(std::move(writer))
{
    m_shop = std::make_unique<SqliteShopRepository>(*this);
    m_history = std::make_unique<SqliteHistoryRepository>(*this);
    m_messages = std::make_unique<SqliteMessageRepository>(*this);
    m_accounts = std::make_unique<SqliteAccountRepository>(*this);
    m_roles = std::make_unique<SqliteRoleRepository>(*this);
    m_audit = std::make_unique<SqliteAuditRepository>(*this);
    m_settings = std::make_unique<SqliteSettingsRepository>(*this);
    m_orders = std::make_unique<SqliteOrderRepository>(*this);
    m_routing = std::make_unique<SqliteRoutingRepository>(*this);
    m_quickReplies = std::make_unique<SqliteQuickReplyRepository>(*this);
    m_workbench = std::make_unique<SqliteWorkbenchRepository>(*this);
    m_reports = std::make_unique<SqliteReportRepository>(*this);
}

void SqliteStore::setAudit(std::shared_ptr<const AuditChain> chain, std::shared_ptr<AuditHead> head)
{
    std::lock_guard lock(m_chainMutex);
    m_chain = std::move(chain);
    m_head = std::move(head);
}

AuditHead* SqliteStore::auditHead() const
{
    std::lock_guard lock(m_chainMutex);
    return m_head.get();
}

const AuditChain* SqliteStore::auditChain() const
{
    std::lock_guard lock(m_chainMutex);
    return m_chain.get();
}

Status SqliteStore::writeAndWait(std::function<void(SqliteConnection&)> work)
{
    auto r = writeAndWait<std::monostate>([w = std::move(work)](SqliteConnection& c) -> Result<std::monostate> {
        w(c);
        return std::monostate{};
    });
    return r ? Status() : Status(r.error());
}

SqliteStore::~SqliteStore()
{
    // The writer finishes its queue before the repositories and readers go away.
    m_writer.reset();
    std::lock_guard lock(m_readersMutex);
    m_readers.clear();
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const QString& path, const Options& options)
{
    if (!options.create && !QFileInfo::exists(path)) {
        return Error::notFound(QStringLiteral("No ShopDesk database at %1. Create one with: shopdeskctl --db %1 init "
                                              "--shop NAME")
                                   .arg(path));
    }
    SqliteConnection::Options connOptions;
    connOptions.role = SqliteConnection::Role::Writer;
    connOptions.create = options.create;
    auto conn = SqliteConnection::open(path, connOptions);
    if (!conn) {
        return conn.error();
    }
    if (auto st = migrate(**conn); !st) {
        return st.error();
    }
    SqliteConnection& writerConn = **conn;
    auto recordWriter = std::make_unique<RecordWriter>(writerConn);
    StoreWriter::Options writerOptions;
    writerOptions.busyGiveUp = options.busyGiveUp;
    auto writer = std::make_unique<StoreWriter>(std::move(*conn), writerOptions);
    RecordWriter* rw = recordWriter.get();
    SqliteConnection* wc = &writerConn;
    auto store = std::unique_ptr<SqliteStore>(new SqliteStore(path, std::move(writer), std::move(recordWriter)));
    SqliteStore* s = store.get();
    s->m_writer->setTransactionHooks(
        [rw] { rw->forgetSequences(); },
        [rw, s, wc](bool transactionOpen) {
            rw->forgetRowIds();
            if (AuditHead* head = s->auditHead(); head && head->pending()) {
                const AuditTail tail = readAuditTail(*wc);
                head->rolledBack(transactionOpen ? std::optional<AuditHead::Mark>({tail.id, tail.mac}) : std::nullopt);
            }
        },
        [s] {
            if (AuditHead* head = s->auditHead()) {
                head->committed();
            }
        });
    logging::get("store")->info("opened database (schema version {})", currentSchemaVersion());
    return store;
}

Result<SqliteConnection*> SqliteStore::reader()
{
    std::lock_guard lock(m_readersMutex);
    auto& slot = m_readers[std::this_thread::get_id()];
    if (!slot) {
        SqliteConnection::Options o;
        o.role = SqliteConnection::Role::Reader;
        auto conn = SqliteConnection::open(m_path, o);
        if (!conn) {
            m_readers.erase(std::this_thread::get_id());
            return conn.error();
        }
        slot = std::move(*conn);
    }
    return slot.get();
}

} // namespace shopdesk::store
