#include "domain/SearchTokens.h"

#include "core/Utf8.h"
#include "domain/TextMatch.h"

#include <set>
#include <string>
#include <vector>

namespace shopdesk::searchtokens {

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

class Emitter {
public:
    Emitter(void* ctx, Sink sink)
        : m_ctx(ctx)
        , m_sink(sink)
    {
    }

    int unigram(const CodePoint& a)
    {
        const int n = utf8::encode(a.folded, m_buf);
        return m_sink(m_ctx, Token{m_buf, n, a.start, a.end, false});
    }

    int bigram(const CodePoint& a, const CodePoint& b, bool colocated)
    {
        int n = utf8::encode(a.folded, m_buf);
        n += utf8::encode(b.folded, m_buf + n);
        return m_sink(m_ctx, Token{m_buf, n, a.start, b.end, colocated});
    }

private:
    void* m_ctx;
    Sink m_sink;
    char m_buf[8];
};

int collect(void* ctx, const Token& t)
{
    static_cast<std::set<std::string>*>(ctx)->emplace(t.bytes, static_cast<std::size_t>(t.size));
    return 0;
}

QStringList listOf(const std::set<std::string>& tokens)
{
    QStringList out;
    out.reserve(static_cast<qsizetype>(tokens.size()));
    for (const std::string& t : tokens) {
        out << QString::fromUtf8(t.data(), static_cast<qsizetype>(t.size()));
    }
    return out;
}

} // namespace

int tokenize(const char* text, int size, bool queryMode, void* ctx, Sink sink)
{
    thread_local std::vector<CodePoint> cps;
    decode(text, size, cps);
    Emitter out(ctx, sink);
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
        int rc = 0;
        if (queryMode) {
            if (runEnd - runStart == 1) {
                rc = out.unigram(cps[runStart]);
            } else {
                for (std::size_t i = runStart; i + 1 < runEnd && rc == 0; ++i) {
                    rc = out.bigram(cps[i], cps[i + 1], false);
                }
            }
        } else {
            for (std::size_t i = runStart; i < runEnd && rc == 0; ++i) {
                rc = out.unigram(cps[i]);
                if (rc == 0 && i + 1 < runEnd) {
                    rc = out.bigram(cps[i], cps[i + 1], true);
                }
            }
        }
        if (rc != 0) {
            return rc;
        }
        runStart = runEnd;
    }
    return 0;
}

QStringList documentTokens(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    std::set<std::string> tokens;
    tokenize(utf8.constData(), static_cast<int>(utf8.size()), false, &tokens, collect);
    return listOf(tokens);
}

QStringList queryTokens(const QStringList& terms)
{
    std::set<std::string> tokens;
    for (const QString& term : terms) {
        const QByteArray utf8 = term.toUtf8();
        tokenize(utf8.constData(), static_cast<int>(utf8.size()), true, &tokens, collect);
    }
    return listOf(tokens);
}

} // namespace shopdesk::searchtokens
