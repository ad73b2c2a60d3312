#pragma once

#include <QByteArrayView>

#include <optional>

namespace shopdesk::utf8 {

/// Byte offset of the first byte that makes `bytes` invalid UTF-8 (overlong forms, surrogates, code
/// points above U+10FFFF and truncated sequences are invalid), or nullopt when all of it is valid.
std::optional<qsizetype> firstInvalidByte(QByteArrayView bytes);

inline bool isValid(QByteArrayView bytes)
{
    return !firstInvalidByte(bytes).has_value();
}

/// Decodes one code point at `pos` of valid UTF-8 and advances `pos`. Precondition: valid input.
char32_t decodeNext(const char* data, qsizetype size, qsizetype& pos);

/// Appends the UTF-8 encoding of `cp` to `out` (buffer of at least 4 bytes); returns bytes written.
int encode(char32_t cp, char* out);

} // namespace shopdesk::utf8
