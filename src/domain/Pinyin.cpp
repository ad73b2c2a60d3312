#include "domain/Pinyin.h"

#include <QList>

#include <iconv.h>

#include <array>
#include <vector>

namespace shopdesk::pinyin {

namespace {

constexpr char32_t kFirst = 0x4E00;
constexpr char32_t kLast = 0x9FFF;

/// The first GB 2312 code of each initial in the pinyin-ordered level 1 (no i, u, v initials).
struct Boundary {
    unsigned code;
    char initial;
};
constexpr std::array<Boundary, 23> kBoundaries{{
    {0xB0A1, 'a'}, {0xB0C5, 'b'}, {0xB2C1, 'c'}, {0xB4EE, 'd'}, {0xB6EA, 'e'}, {0xB7A2, 'f'},
    {0xB8C1, 'g'}, {0xB9FE, 'h'}, {0xBBF7, 'j'}, {0xBFA6, 'k'}, {0xC0AC, 'l'}, {0xC2E8, 'm'},
    {0xC4C3, 'n'}, {0xC5B6, 'o'}, {0xC5BE, 'p'}, {0xC6DA, 'q'}, {0xC8BB, 'r'}, {0xC8F6, 's'},
    {0xCBFA, 't'}, {0xCDDA, 'w'}, {0xCEF4, 'x'}, {0xD1B9, 'y'}, {0xD4D1, 'z'},
}};
constexpr unsigned kLevel1End = 0xD7F9;

char initialOfGbCode(unsigned code)
{
    if (code < kBoundaries.front().code || code > kLevel1End) {
        return 0;
    }
    char found = 0;
    for (const auto& b : kBoundaries) {
        if (code >= b.code) {
            found = b.initial;
        }
    }
    return found;
}

/// Built once: the CJK Unified Ideographs block mapped through the C library's GB 2312 converter.
std::vector<char> buildTable()
{
    std::vector<char> table(kLast - kFirst + 1, 0);
    iconv_t cd = iconv_open("GB2312", "UTF-32LE");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        return table;
    }
    for (char32_t c = kFirst; c <= kLast; ++c) {
        std::array<unsigned char, 4> in{static_cast<unsigned char>(c & 0xFF),
                                        static_cast<unsigned char>((c >> 8) & 0xFF), 0, 0};
        std::array<unsigned char, 8> out{};
        char* inPtr = reinterpret_cast<char*>(in.data());
        char* outPtr = reinterpret_cast<char*>(out.data());
        size_t inLeft = in.size();
        size_t outLeft = out.size();
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
        if (iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != static_cast<size_t>(-1) && out.size() - outLeft == 2) {
            table[c - kFirst] = initialOfGbCode((unsigned(out[0]) << 8) | out[1]);
        }
    }
    iconv_close(cd);
    return table;
}

const std::vector<char>& table()
{
    static const std::vector<char> t = buildTable();
    return t;
}

} // namespace

char initialOf(char32_t c)
{
    if (c < kFirst || c > kLast) {
        return 0;
    }
    return table()[c - kFirst];
}

QString initials(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const uint c : text.toUcs4()) {
        if (c < 0x80) {
            const char ch = static_cast<char>(c);
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                out += QLatin1Char(ch);
            } else if (ch >= 'A' && ch <= 'Z') {
                out += QLatin1Char(static_cast<char>(ch - 'A' + 'a'));
            }
        } else if (const char i = initialOf(c)) {
            out += QLatin1Char(i);
        }
    }
    return out;
}

} // namespace shopdesk::pinyin
