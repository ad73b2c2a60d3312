#include "store/Migrations.h"

#include "core/Logging.h"
#include "store/SqliteConnection.h"

#include <SQLiteCpp/Transaction.h>

namespace shopdesk::store {

namespace {

void v1Core(SqliteConnection& c)
{
    c.db().exec(R"sql(
CREATE TABLE meta(
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE buyers(
    id       INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    nick     TEXT NOT NULL,
    UNIQUE(platform, nick)
);

CREATE TABLE conversations(
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL,
    platform_key TEXT NOT NULL,
    buyer_id     INTEGER NOT NULL REFERENCES buyers(id),
    UNIQUE(platform, platform_key)
);
CREATE INDEX conversations_buyer ON conversations(buyer_id);

-- id = (whole seconds since epoch << 31) | sequence: ordering by id is ordering by time, which
-- makes "newest first" an index walk for both the timeline and full-text search.
CREATE TABLE messages(
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    sender          INTEGER NOT NULL CHECK(sender IN (0, 1, 2)),
    agent           TEXT,
    sent_at         INTEGER NOT NULL,
    text            TEXT NOT NULL,
    platform_msg_id TEXT,
    dedup           INTEGER NOT NULL
);
CREATE UNIQUE INDEX messages_dedup ON messages(dedup);
CREATE INDEX messages_conversation ON messages(conversation_id, id);

CREATE TABLE orders(
    id          INTEGER PRIMARY KEY,
    platform    TEXT NOT NULL,
    order_no    TEXT NOT NULL,
    buyer_id    INTEGER NOT NULL REFERENCES buyers(id),
    status      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    paid_at     INTEGER,
    amount_fen  INTEGER NOT NULL,
    remark      TEXT NOT NULL DEFAULT '',
    flag        INTEGER NOT NULL DEFAULT 0 CHECK(flag BETWEEN 0 AND 5),
    flagged_by  TEXT,
    UNIQUE(platform, order_no)
);
CREATE INDEX orders_buyer ON orders(buyer_id, created_at);
CREATE INDEX orders_paid ON orders(paid_at) WHERE paid_at IS NOT NULL;

CREATE TABLE order_items(
    order_id  INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    line      INTEGER NOT NULL,
    title     TEXT NOT NULL,
    quantity  INTEGER NOT NULL,
    price_fen INTEGER NOT NULL,
    PRIMARY KEY(order_id, line)
) WITHOUT ROWID;

CREATE TABLE refunds(
    id          INTEGER PRIMARY KEY,
    platform    TEXT NOT NULL,
    refund_no   TEXT NOT NULL,
    order_no    TEXT NOT NULL,
    status      TEXT NOT NULL,
    amount_fen  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    UNIQUE(platform, refund_no)
);
CREATE INDEX refunds_order ON refunds(platform, order_no);
CREATE INDEX refunds_created ON refunds(created_at);
)sql");
}

void v2FullText(SqliteConnection& c)
{
    // External-content FTS5 over messages.text with the "shopdesk" unigram+bigram tokenizer.
    // columnsize=0: no ranking is needed (results are newest first), so skip the size table.
    // No INSERT trigger: a statement that fires a trigger runs under a statement savepoint, and
    // FTS5 flushes its pending terms on every savepoint - once per message. The store's writer
    // (RecordWriter) adds each new message to messages_fts with its own single-row statement.
    c.db().exec(R"sql(
CREATE VIRTUAL TABLE messages_fts USING fts5(
    text, content='messages', content_rowid='id', tokenize='shopdesk', columnsize=0
);
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
END;
-- A 32 MiB pending-terms hash and merges of 8 segments: fewer, larger segments while ingesting,
-- with no measurable cost to queries (docs/performance.md).
INSERT INTO messages_fts(messages_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO messages_fts(messages_fts, rank) VALUES ('automerge', 8);
INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
)sql");
}

void v3Accounts(SqliteConnection& c)
{
    c.db().exec(R"sql(
CREATE TABLE accounts(
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE,
    password_hash        TEXT NOT NULL DEFAULT '',
    group_name           TEXT NOT NULL DEFAULT '',
    reception_limit      INTEGER,
    disabled             INTEGER NOT NULL DEFAULT 0,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    failed_logins        INTEGER NOT NULL DEFAULT 0,
    locked_until         INTEGER,
    last_login_at        INTEGER,
    created_at           INTEGER NOT NULL,
    deleted_at           INTEGER
);
CREATE TABLE account_roles(
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    role       TEXT NOT NULL,
    PRIMARY KEY(account_id, role)
) WITHOUT ROWID;
CREATE INDEX account_roles_role ON account_roles(role);
-- Exactly one account holds the owner role: the schema itself refuses a second.
CREATE UNIQUE INDEX account_roles_one_owner ON account_roles(role) WHERE role = 'owner';

CREATE TABLE roles(
    name        TEXT PRIMARY KEY,
    permissions TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE settings(
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Append-only; each row's mac chains it to the one before (services/audit/AuditChain).
CREATE TABLE audit(
    id     INTEGER PRIMARY KEY,
    at     INTEGER NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    mac    BLOB NOT NULL
);
CREATE INDEX audit_actor ON audit(actor, id);
CREATE INDEX audit_action ON audit(action, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Buyer personal data: only sealed (AES-256-GCM) plus the masked forms agents may see.
ALTER TABLE orders ADD COLUMN receiver_sealed BLOB;
ALTER TABLE orders ADD COLUMN receiver_masked_name TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN receiver_masked_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN receiver_masked_address TEXT NOT NULL DEFAULT '';

-- Names this database's master key (kept outside it).
INSERT INTO meta(key, value) VALUES ('store_id', lower(hex(randomblob(16))));
)sql");
}

void v4Routing(SqliteConnection& c)
{
    // Routing settings live in `settings` (routing.*); groups and their default limits here;
    // agents' groups and own limits on `accounts`.
    c.db().exec(R"sql(
CREATE TABLE routing_groups(
    name            TEXT PRIMARY KEY,
    reception_limit INTEGER NOT NULL CHECK(reception_limit >= 0)
) WITHOUT ROWID;
)sql");
}

void v5Platform(SqliteConnection& c)
{
    c.db().exec(R"sql(
ALTER TABLE messages ADD COLUMN card_order_no TEXT;

-- Routing decisions as the platform reported them (append-only; the latest per conversation is
-- its current state).
CREATE TABLE session_events(
    id              INTEGER PRIMARY KEY,
    platform        TEXT NOT NULL,
    event_id        TEXT NOT NULL,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    kind            INTEGER NOT NULL CHECK(kind IN (0, 1, 2)),
    agent           TEXT,
    reason          TEXT NOT NULL DEFAULT '',
    position        INTEGER NOT NULL DEFAULT 0,
    wait_s          INTEGER,
    at              INTEGER NOT NULL,
    UNIQUE(platform, event_id)
);
CREATE INDEX session_events_conversation ON session_events(conversation_id, id);
CREATE INDEX session_events_agent ON session_events(agent, at);

CREATE TABLE logistics_events(
    platform    TEXT NOT NULL,
    order_no    TEXT NOT NULL,
    at          INTEGER NOT NULL,
    carrier     TEXT NOT NULL DEFAULT '',
    tracking_no TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    PRIMARY KEY(platform, order_no, at, description)
) WITHOUT ROWID;

CREATE TABLE reviews(
    platform   TEXT NOT NULL,
    order_no   TEXT NOT NULL,
    buyer_id   INTEGER NOT NULL REFERENCES buyers(id),
    rating     INTEGER NOT NULL CHECK(rating BETWEEN 1 AND 5),
    text       TEXT NOT NULL DEFAULT '',
    at         INTEGER NOT NULL,
    reply      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY(platform, order_no)
) WITHOUT ROWID;

-- Where each adapter's event stream was stored up to, moved in the same transaction as the events.
CREATE TABLE platform_cursors(
    adapter  TEXT PRIMARY KEY,
    cursor   INTEGER NOT NULL,
    rejected INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
)sql");
}

int storedVersion(SqliteConnection& c)
{
    SQLite::Statement q(c.db(), "SELECT value FROM meta WHERE key = 'schema_version'");
    return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

void v6RefundDecisions(SqliteConnection& c)
{
    c.db().exec("ALTER TABLE refunds ADD COLUMN refuse_reason TEXT NOT NULL DEFAULT ''");
}

void v7Workbench(SqliteConnection& c)
{
    c.db().exec(R"sql(
-- Quick replies: scope 0 = the team's, 1 = an agent's own (owner = full account name).
CREATE TABLE quick_replies(
    id          INTEGER PRIMARY KEY,
    scope       INTEGER NOT NULL CHECK(scope IN (0, 1)),
    owner       TEXT NOT NULL DEFAULT '',
    grp         TEXT NOT NULL DEFAULT '',
    code        TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    usage_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX quick_replies_owner ON quick_replies(scope, owner);

-- The shop's own view of a buyer: a grade (VIP/A/B/C) and free tags (newline-separated).
ALTER TABLE buyers ADD COLUMN grade TEXT NOT NULL DEFAULT '';
ALTER TABLE buyers ADD COLUMN tags TEXT NOT NULL DEFAULT '';

CREATE INDEX session_events_at ON session_events(at);
CREATE INDEX orders_status ON orders(status, created_at);
)sql");
}

void v8Sessions(SqliteConnection& c)
{
    c.db().exec(R"sql(
-- A session remembers the epoch it logged in at; a password change or reset, a disable or a
-- delete moves it on and so ends every open session of the account.
ALTER TABLE accounts ADD COLUMN auth_epoch INTEGER NOT NULL DEFAULT 0;

-- Failed logins of typed names that are no account, counted like an account's (so that a lockout
-- tells nobody which names exist). The key is a keyed hash of the folded name, never the name.
CREATE TABLE login_throttle(
    name_key     BLOB PRIMARY KEY,
    failures     INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER
) WITHOUT ROWID;

-- What each account has read of each conversation (unread counts survive a restart).
CREATE TABLE read_marks(
    account         TEXT NOT NULL,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    message_id      INTEGER NOT NULL,
    PRIMARY KEY(account, conversation_id)
) WITHOUT ROWID;

-- Account names are stored in one canonical form, the short name: personal phrases were kept
-- under "shop:name".
UPDATE quick_replies SET owner = substr(owner, instr(owner, ':') + 1) WHERE scope = 1 AND instr(owner, ':') > 0;
)sql");
}

void v9Drafts(SqliteConnection& c)
{
    c.db().exec(R"sql(
-- What an agent typed to a buyer and has not sent: it survives tab switches, restarts and failed
-- sends. One per account and buyer; sending (or clearing the composer) forgets it.
CREATE TABLE drafts(
    account    TEXT NOT NULL,
    platform   TEXT NOT NULL,
    buyer      TEXT NOT NULL,
    text       TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY(account, platform, buyer)
) WITHOUT ROWID;
)sql");
}

void v10QueueGroup(SqliteConnection& c)
{
    c.db().exec("ALTER TABLE session_events ADD COLUMN grp TEXT");
}

void v11RefundDetails(SqliteConnection& c)
{
    c.db().exec(R"sql(
ALTER TABLE refunds ADD COLUMN kind INTEGER NOT NULL DEFAULT 0;      -- 0 refund only, 1 return and refund
ALTER TABLE refunds ADD COLUMN deadline_at INTEGER;                  -- the platform's deadline for the shop
ALTER TABLE refunds ADD COLUMN evidence INTEGER NOT NULL DEFAULT 0;  -- pictures the buyer attached
)sql");
}

} // namespace

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> steps{
        {1, "core tables: buyers, conversations, messages, orders, refunds", v1Core},
        {2, "full-text index over message text", v2FullText},
        {3, "accounts, roles, settings, the audit chain, sealed receivers", v3Accounts},
        {4, "routing groups", v4Routing},
        {5, "platform streams: sessions, logistics, reviews, order cards, cursors", v5Platform},
        {6, "the shop's reason for refusing a refund", v6RefundDecisions},
        {7, "workbench: quick replies, buyer grades and tags", v7Workbench},
        {8, "session epochs, login throttling of unknown names, read marks", v8Sessions},
        {9, "reply drafts", v9Drafts},
        {10, "the group a queued buyer waits for", v10QueueGroup},
        {11, "refund kind, deadline and evidence", v11RefundDetails},
    };
    return steps;
}

int currentSchemaVersion()
{
    return migrations().back().version;
}

Result<int> readSchemaVersion(SqliteConnection& conn)
{
    try {
        const int appId = conn.db().execAndGet("PRAGMA application_id").getInt();
        const int tables = conn.db().execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
        if (appId == 0 && tables == 0) {
            return 0;
        }
        if (appId != kApplicationId) {
            return -1;
        }
        if (!conn.db().tableExists("meta")) {
            return 0;
        }
        return storedVersion(conn);
    } catch (const std::exception& e) {
        return sqliteError(e, "read the database version");
    }
}

Status migrate(SqliteConnection& conn, int upTo)
{
    auto log = logging::get("store");
    const int target = upTo < 0 ? currentSchemaVersion() : upTo;
    auto version = readSchemaVersion(conn);
    if (!version) {
        return version.error();
    }
    if (*version < 0) {
        return Error::invalid(QStringLiteral("%1 is not a ShopDesk database (it holds other data); it was not "
                                             "modified.")
                                  .arg(conn.path()));
    }
    if (*version > currentSchemaVersion()) {
        return Error::invalid(QStringLiteral("This database was written by a newer ShopDesk (schema version %1; this "
                                             "version understands up to %2). Update ShopDesk to open it; the "
                                             "database was not modified.")
                                  .arg(*version)
                                  .arg(currentSchemaVersion()));
    }
    conn.applyWriterPragmas();
    if (*version >= target) {
        return {}; // nothing to do: take no write lock (another process may be writing)
    }
    try {
        for (const Migration& step : migrations()) {
            if (step.version > target) {
                break;
            }
            SQLite::Transaction tx(conn.db(), SQLite::TransactionBehavior::IMMEDIATE);
            // Another process may have migrated while we waited for the write lock.
            const int now = conn.db().tableExists("meta") ? storedVersion(conn) : 0;
            if (step.version <= now) {
                continue;
            }
            if (step.version == 1) {
                conn.db().exec("PRAGMA application_id=" + std::to_string(kApplicationId));
            }
            log->info("migrating database to schema version {} ({})", step.version, step.name);
            step.apply(conn);
            SQLite::Statement set(conn.db(), "INSERT INTO meta(key, value) VALUES('schema_version', ?1) "
                                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            set.bind(1, std::to_string(step.version));
            set.exec();
            tx.commit();
        }
    } catch (const std::exception& e) {
        return sqliteError(e, "upgrade the database");
    }
    return {};
}

} // namespace shopdesk::store
