#include "pg/PgSchema.h"

#include "pg/PgConnection.h"

#include <QString>

namespace shopdesk::pg::schema {

namespace {

struct Step {
    int version;
    const char* what;
    const char* sql;
};

// The first step: what every later one builds on. Accounts and roles as the services keep them;
// the per-shop change sequence (commit-ordered, gapless) that desktops catch up from.
const Step kSteps[] = {
    {1, "shops, accounts, roles, settings, routing groups, the audit chain, sessions, the change sequence", R"sql(
CREATE TABLE shops(
    id              BIGSERIAL PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    platform        TEXT NOT NULL DEFAULT 'sim',
    time_zone       TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    store_id        TEXT NOT NULL,
    key_location    TEXT,
    created_at      BIGINT NOT NULL,
    -- The audit chain's last entry and head MAC (the row is locked by every append).
    audit_last_id   BIGINT NOT NULL DEFAULT 0,
    audit_last_mac  BYTEA,
    audit_head      BYTEA,
    audit_anchored  BOOLEAN NOT NULL DEFAULT false
);
CREATE TABLE roles(
    shop_id     BIGINT NOT NULL REFERENCES shops(id),
    name        TEXT NOT NULL,
    permissions TEXT NOT NULL,
    updated_at  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY(shop_id, name)
);
CREATE TABLE accounts(
    id              BIGSERIAL PRIMARY KEY,
    shop_id         BIGINT NOT NULL REFERENCES shops(id),
    name            TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    grp             TEXT NOT NULL DEFAULT '',
    reception_limit INTEGER,
    disabled        BOOLEAN NOT NULL DEFAULT false,
    must_change     BOOLEAN NOT NULL DEFAULT false,
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    BIGINT,
    last_login_at   BIGINT,
    auth_epoch      BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    deleted_at      BIGINT,
    UNIQUE(shop_id, name)
);
CREATE TABLE account_roles(
    account_id  BIGINT NOT NULL REFERENCES accounts(id),
    role        TEXT NOT NULL,
    PRIMARY KEY(account_id, role)
);
CREATE TABLE login_throttle(
    shop_id      BIGINT NOT NULL REFERENCES shops(id),
    name_key     BYTEA NOT NULL,
    failures     INTEGER NOT NULL,
    locked_until BIGINT,
    PRIMARY KEY(shop_id, name_key)
);
CREATE TABLE settings(
    shop_id     BIGINT NOT NULL REFERENCES shops(id),
    key         TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY(shop_id, key)
);
CREATE TABLE routing_groups(
    shop_id         BIGINT NOT NULL REFERENCES shops(id),
    name            TEXT NOT NULL,
    reception_limit INTEGER NOT NULL,
    PRIMARY KEY(shop_id, name)
);
-- Append-only; each row's mac chains it to the one before (services/audit/AuditChain).
CREATE TABLE audit(
    shop_id     BIGINT NOT NULL REFERENCES shops(id),
    id          BIGINT NOT NULL,
    at          BIGINT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    target      TEXT NOT NULL,
    detail      TEXT NOT NULL,
    mac         BYTEA NOT NULL,
    PRIMARY KEY(shop_id, id)
);
CREATE INDEX audit_actor ON audit(shop_id, actor, id);
CREATE FUNCTION shopdesk_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION shopdesk_audit_append_only();
-- Server-side login sessions: only a hash of the token is kept.
CREATE TABLE sessions(
    token_hash  BYTEA PRIMARY KEY,
    shop_id     BIGINT NOT NULL REFERENCES shops(id),
    account_id  BIGINT NOT NULL REFERENCES accounts(id),
    epoch       BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    last_seen   BIGINT NOT NULL,
    ended_at    BIGINT,
    end_reason  TEXT
);
CREATE INDEX sessions_account ON sessions(account_id) WHERE ended_at IS NULL;
-- Per shop, one row per committed change; seq is assigned under the shop's change_heads row lock
-- so that sequence order is commit order and there are no gaps.
CREATE TABLE changes(
    shop_id     BIGINT NOT NULL REFERENCES shops(id),
    seq         BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    payload     JSONB NOT NULL,
    at          BIGINT NOT NULL,
    PRIMARY KEY(shop_id, seq)
);
CREATE TABLE change_heads(
    shop_id     BIGINT PRIMARY KEY REFERENCES shops(id),
    seq         BIGINT NOT NULL DEFAULT 0
);
)sql"},
    {2, "conversations, messages, assignments with one active owner, agents' load and status", R"sql(
CREATE TABLE conversations(
    id              BIGSERIAL PRIMARY KEY,
    shop_id         BIGINT NOT NULL REFERENCES shops(id),
    platform        TEXT NOT NULL,
    key             TEXT NOT NULL,
    buyer_nick      TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'queued',   -- queued, active, closed
    owner_id        BIGINT REFERENCES accounts(id),
    queue_group     TEXT NOT NULL DEFAULT '',
    queue_reason    TEXT NOT NULL DEFAULT '',
    opened_at       BIGINT NOT NULL,
    last_message_at BIGINT NOT NULL DEFAULT 0,
    UNIQUE(shop_id, platform, key)
);
CREATE INDEX conversations_owner ON conversations(owner_id) WHERE state = 'active';
-- Every owner a conversation had; at most one active (ended_at IS NULL) at any time.
CREATE TABLE assignments(
    id              BIGSERIAL PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations(id),
    account_id      BIGINT NOT NULL REFERENCES accounts(id),
    reason          TEXT NOT NULL,
    started_at      BIGINT NOT NULL,
    ended_at        BIGINT,
    end_reason      TEXT
);
CREATE UNIQUE INDEX assignments_one_active ON assignments(conversation_id) WHERE ended_at IS NULL;
CREATE INDEX assignments_account_active ON assignments(account_id) WHERE ended_at IS NULL;
-- How many conversations an agent holds now (locked and re-checked by every claim) and the
-- status its desktop last reported.
CREATE TABLE agent_load(
    account_id      BIGINT PRIMARY KEY REFERENCES accounts(id),
    active          INTEGER NOT NULL DEFAULT 0 CHECK (active >= 0),
    status          TEXT NOT NULL DEFAULT 'offline',
    seen_at         BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE messages(
    id                  BIGSERIAL PRIMARY KEY,
    conversation_id     BIGINT NOT NULL REFERENCES conversations(id),
    sender              SMALLINT NOT NULL,
    account_id          BIGINT REFERENCES accounts(id),
    agent_name          TEXT NOT NULL DEFAULT '',
    text                TEXT NOT NULL,
    sent_at             BIGINT NOT NULL,
    platform_message_id TEXT,
    card_order_no       TEXT NOT NULL DEFAULT '',
    -- The unigram and bigram tokens the desktop's FTS5 tokenizer makes, so that every query
    -- length is answered from the GIN index.
    tokens              TEXT[] NOT NULL DEFAULT '{}',
    UNIQUE(conversation_id, platform_message_id)
);
CREATE INDEX messages_conversation ON messages(conversation_id, id);
-- Where each platform's event stream was stored up to (moved in the transaction of its events).
CREATE TABLE platform_cursors(
    shop_id     BIGINT NOT NULL REFERENCES shops(id),
    adapter     TEXT NOT NULL,
    cursor      BIGINT NOT NULL,
    rejected    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY(shop_id, adapter)
);
CREATE INDEX messages_tokens ON messages USING GIN(tokens);
)sql"},
    {3, "quick replies: the team's and each agent's own", R"sql(
CREATE TABLE quick_replies(
    id          BIGSERIAL PRIMARY KEY,
    shop_id     BIGINT NOT NULL REFERENCES shops(id),
    scope       SMALLINT NOT NULL CHECK (scope IN (0, 1)),
    owner       TEXT NOT NULL DEFAULT '',
    grp         TEXT NOT NULL DEFAULT '',
    code        TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    usage_count BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX quick_replies_owner ON quick_replies(shop_id, scope, owner);
)sql"},
    {4, "orders, refunds, parcel traces and reviews as the shop's platform reports them", R"sql(
CREATE TABLE orders(
    id                      BIGSERIAL PRIMARY KEY,
    shop_id                 BIGINT NOT NULL REFERENCES shops(id),
    platform                TEXT NOT NULL,
    order_no                TEXT NOT NULL,
    buyer_nick              TEXT NOT NULL,
    status                  TEXT NOT NULL,
    created_at              BIGINT NOT NULL,
    paid_at                 BIGINT,
    amount_fen              BIGINT NOT NULL,
    remark                  TEXT NOT NULL DEFAULT '',
    flag                    SMALLINT NOT NULL DEFAULT 0,
    flagged_by              TEXT NOT NULL DEFAULT '',
    -- The receiver only sealed (AES-256-GCM with the server's key), and the masked form.
    receiver_sealed         BYTEA,
    receiver_masked_name    TEXT NOT NULL DEFAULT '',
    receiver_masked_phone   TEXT NOT NULL DEFAULT '',
    receiver_masked_address TEXT NOT NULL DEFAULT '',
    items                   JSONB NOT NULL DEFAULT '[]',
    UNIQUE(shop_id, platform, order_no)
);
CREATE INDEX orders_buyer ON orders(shop_id, platform, buyer_nick, created_at DESC);
CREATE INDEX orders_paid ON orders(shop_id, paid_at) WHERE paid_at IS NOT NULL;
CREATE TABLE refunds(
    id              BIGSERIAL PRIMARY KEY,
    shop_id         BIGINT NOT NULL REFERENCES shops(id),
    platform        TEXT NOT NULL,
    refund_no       TEXT NOT NULL,
    order_no        TEXT NOT NULL,
    status          TEXT NOT NULL,
    amount_fen      BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    refuse_reason   TEXT NOT NULL DEFAULT '',
    kind            SMALLINT NOT NULL DEFAULT 0,
    deadline_at     BIGINT,
    evidence        INTEGER NOT NULL DEFAULT 0,
    UNIQUE(shop_id, platform, refund_no)
);
CREATE INDEX refunds_order ON refunds(shop_id, platform, order_no);
CREATE TABLE logistics_events(
    shop_id     BIGINT NOT NULL REFERENCES shops(id),
    platform    TEXT NOT NULL,
    order_no    TEXT NOT NULL,
    at          BIGINT NOT NULL,
    carrier     TEXT NOT NULL DEFAULT '',
    tracking_no TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    PRIMARY KEY(shop_id, platform, order_no, at, description)
);
CREATE TABLE reviews(
    shop_id     BIGINT NOT NULL REFERENCES shops(id),
    platform    TEXT NOT NULL,
    order_no    TEXT NOT NULL,
    buyer_nick  TEXT NOT NULL,
    rating      SMALLINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    text        TEXT NOT NULL DEFAULT '',
    at          BIGINT NOT NULL,
    reply       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY(shop_id, platform, order_no)
);
-- What the shop keeps about a buyer (grade, tags).
CREATE TABLE buyer_notes(
    shop_id     BIGINT NOT NULL REFERENCES shops(id),
    platform    TEXT NOT NULL,
    nick        TEXT NOT NULL,
    grade       TEXT NOT NULL DEFAULT '',
    tags        TEXT[] NOT NULL DEFAULT '{}',
    PRIMARY KEY(shop_id, platform, nick)
);
-- The performance report reads the conversations active in a window.
CREATE INDEX messages_sent ON messages(sent_at);
)sql"},
};

constexpr qint64 kMigrationLock = 0x5348444B; // 'SHDK'

} // namespace

int currentVersion()
{
    return kSteps[std::size(kSteps) - 1].version;
}

Result<int> version(PgConnection& c)
{
    auto exists = c.query("SELECT to_regclass('shopdesk_meta') IS NOT NULL");
    if (!exists) {
        return exists.error();
    }
    if (exists->text(0, 0) != u"t") {
        return 0;
    }
    auto v = c.query("SELECT value FROM shopdesk_meta WHERE key = 'schema_version'");
    if (!v) {
        return v.error();
    }
    return v->rows() == 0 ? 0 : static_cast<int>(v->text(0, 0).toInt());
}

Status migrate(PgConnection& c)
{
    // One migrating server at a time; the others wait here and then find nothing to do.
    auto locked = c.query("SELECT pg_advisory_lock($1)", {param(kMigrationLock)});
    if (!locked) {
        return locked.error();
    }
    struct Unlock {
        PgConnection& c;
        ~Unlock() { (void)c.query("SELECT pg_advisory_unlock($1)", {param(kMigrationLock)}); }
    } unlock{c};
    auto at = version(c);
    if (!at) {
        return at.error();
    }
    if (*at > currentVersion()) {
        return Error::invalid(QStringLiteral("The database's schema is version %1, newer than this ShopDesk "
                                             "(version %2): update ShopDesk; the database was not changed.")
                                  .arg(*at)
                                  .arg(currentVersion()));
    }
    for (const Step& step : kSteps) {
        if (step.version <= *at) {
            continue;
        }
        PgTransaction tx(c);
        if (Status st = tx.begin(); !st) {
            return st;
        }
        if (Status st = c.exec("CREATE TABLE IF NOT EXISTS shopdesk_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            !st) {
            return st;
        }
        if (Status st = c.exec(step.sql); !st) {
            return Error{st.error().code, QStringLiteral("Schema step %1 (%2) failed: %3")
                                              .arg(step.version)
                                              .arg(QString::fromLatin1(step.what), st.error().message)};
        }
        auto set = c.query("INSERT INTO shopdesk_meta(key, value) VALUES('schema_version', $1) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           {param(static_cast<qint64>(step.version))});
        if (!set) {
            return set.error();
        }
        if (Status st = tx.commit(); !st) {
            return st;
        }
    }
    return {};
}

} // namespace shopdesk::pg::schema
