#pragma once

#include <QString>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

namespace shopdesk::store::sql {

/// Binds UTF-8 text with its explicit length (embedded NULs survive).
inline void bind(SQLite::Statement& st, int index, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    st.bind(index, std::string(utf8.constData(), static_cast<std::size_t>(utf8.size())));
}

inline void bind(SQLite::Statement& st, int index, const QString& text)
{
    bind(st, index, QStringView(text));
}

inline void bindOrNull(SQLite::Statement& st, int index, const QString& text)
{
    if (text.isEmpty()) {
        st.bind(index);
    } else {
        bind(st, index, text);
    }
}

inline void bind(SQLite::Statement& st, int index, qint64 value)
{
    st.bind(index, static_cast<int64_t>(value));
}

inline void bind(SQLite::Statement& st, int index, std::optional<qint64> value)
{
    if (value) {
        bind(st, index, *value);
    } else {
        st.bind(index);
    }
}

/// Column `index` of the current row as QString (NULL -> empty).
inline QString text(SQLite::Statement& st, int index)
{
    const SQLite::Column c = st.getColumn(index);
    const char* data = c.getText(nullptr);
    return data ? QString::fromUtf8(data, c.getBytes()) : QString();
}

inline qint64 integer(SQLite::Statement& st, int index)
{
    return st.getColumn(index).getInt64();
}

inline bool isNull(SQLite::Statement& st, int index)
{
    return st.getColumn(index).isNull();
}

} // namespace shopdesk::store::sql
