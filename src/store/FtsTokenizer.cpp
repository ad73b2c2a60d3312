#include "store/FtsTokenizer.h"

#include "domain/SearchTokens.h"

#include <sqlite3.h>

namespace shopdesk::store {

namespace {

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

struct Fts5Sink {
    void* ctx;
    TokenCallback callback;
};

int toFts5(void* ctx, const searchtokens::Token& t)
{
    auto* sink = static_cast<Fts5Sink*>(ctx);
    return sink->callback(sink->ctx, t.colocated ? FTS5_TOKEN_COLOCATED : 0, t.bytes, t.size, t.start, t.end);
}

int tokenize(bool queryMode, const char* text, int size, void* ctx, TokenCallback callback)
{
    Fts5Sink sink{ctx, callback};
    return searchtokens::tokenize(text, size, queryMode, &sink, toFts5);
}

// The tokenizer has no state; FTS5 still wants a distinct non-null handle.
int xCreate(void*, const char**, int, Fts5Tokenizer** out)
{
    static int instance = 0;
    *out = reinterpret_cast<Fts5Tokenizer*>(&instance);
    return SQLITE_OK;
}

void xDelete(Fts5Tokenizer*) {}

int xTokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int size, TokenCallback callback)
{
    return tokenize((flags & FTS5_TOKENIZE_QUERY) != 0, text, size, ctx, callback);
}

fts5_api* fts5Api(sqlite3* db)
{
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
        return nullptr;
    }
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

} // namespace

Status registerShopdeskTokenizer(sqlite3* db)
{
    fts5_api* api = fts5Api(db);
    if (api == nullptr || api->iVersion < 2) {
        return Error::internal(QStringLiteral("This SQLite library has no FTS5 full-text search; ShopDesk needs it."));
    }
    static fts5_tokenizer tokenizer{xCreate, xDelete, xTokenize};
    if (api->xCreateTokenizer(api, "shopdesk", nullptr, &tokenizer, nullptr) != SQLITE_OK) {
        return Error::internal(QStringLiteral("Could not register the full-text tokenizer."));
    }
    return {};
}

std::vector<EmittedToken> tokenizeForTest(std::string_view utf8Text, bool queryMode)
{
    std::vector<EmittedToken> out;
    auto collect = [](void* ctx, int flags, const char* token, int size, int, int) -> int {
        static_cast<std::vector<EmittedToken>*>(ctx)->push_back(
            {std::string(token, static_cast<std::size_t>(size)), (flags & FTS5_TOKEN_COLOCATED) != 0});
        return SQLITE_OK;
    };
    tokenize(queryMode, utf8Text.data(), static_cast<int>(utf8Text.size()), &out, collect);
    return out;
}

} // namespace shopdesk::store
