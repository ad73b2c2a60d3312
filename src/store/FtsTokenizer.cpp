#include "store/FtsTokenizer.h"

#include "core/Utf8.h"
#include "domain/TextMatch.h"

#include <sqlite3.h>

#include <vector>

namespace shopdesk::store {

namespace {

struct CodePoint {
    char32_t folded;
    int start; ///< byte offset in the input
    int end;
};

/// Decodes `text` leniently: an invalid byte becomes U+FFFD (input is validated on ingest, but the
/// tokenizer must never read past a truncated sequence).
void decode(const char* text, int size, std::vector<CodePoint>& out)
{
    out.clear();
    int i = 0;
    while (i < size) {
        const auto c = static_cast<unsigned char>(text[i]);
        int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        char32_t cp = 0xFFFD;
        if (len == 0 || i + len > size || utf8::firstInvalidByte(QByteArrayView(text + i, len)).has_value()) {
            len = 1;
        } else {
            qsizetype pos = i;
            cp = utf8::decodeNext(text, size, pos);
        }
        out.push_back({textmatch::fold(cp), i, i + len});
        i += len;
    }
}

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

class Emitter {
public:
    Emitter(void* ctx, TokenCallback callback)
        : m_ctx(ctx)
        , m_callback(callback)
    {
    }

    int unigram(const CodePoint& a, int flags)
    {
        const int n = utf8::encode(a.folded, m_buf);
        return m_callback(m_ctx, flags, m_buf, n, a.start, a.end);
    }

    int bigram(const CodePoint& a, const CodePoint& b, int flags)
    {
        int n = utf8::encode(a.folded, m_buf);
        n += utf8::encode(b.folded, m_buf + n);
        return m_callback(m_ctx, flags, m_buf, n, a.start, b.end);
    }

private:
    void* m_ctx;
    TokenCallback m_callback;
    char m_buf[8];
};

int tokenize(bool queryMode, const char* text, int size, void* ctx, TokenCallback callback)
{
    thread_local std::vector<CodePoint> cps;
    decode(text, size, cps);
    Emitter out(ctx, callback);
    const std::size_t n = cps.size();
    std::size_t runStart = 0;
    while (runStart < n) {
        if (textmatch::isSpace(cps[runStart].folded)) {
            ++runStart;
            continue;
        }
        std::size_t runEnd = runStart;
        while (runEnd < n && !textmatch::isSpace(cps[runEnd].folded)) {
            ++runEnd;
        }
        int rc = SQLITE_OK;
        if (queryMode) {
            if (runEnd - runStart == 1) {
                rc = out.unigram(cps[runStart], 0);
            } else {
                for (std::size_t i = runStart; i + 1 < runEnd && rc == SQLITE_OK; ++i) {
                    rc = out.bigram(cps[i], cps[i + 1], 0);
                }
            }
        } else {
            for (std::size_t i = runStart; i < runEnd && rc == SQLITE_OK; ++i) {
                rc = out.unigram(cps[i], 0);
                if (rc == SQLITE_OK && i + 1 < runEnd) {
                    rc = out.bigram(cps[i], cps[i + 1], FTS5_TOKEN_COLOCATED);
                }
            }
        }
        if (rc != SQLITE_OK) {
            return rc;
        }
        runStart = runEnd;
    }
    return SQLITE_OK;
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
