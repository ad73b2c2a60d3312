#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace shopdesk {

/// Builds one JSON object with keys in the order they are added (QJsonObject sorts them, and the
/// CLI's documented output lists keys in a fixed, readable order). Non-ASCII text is written as UTF-8.
class JsonWriter {
public:
    JsonWriter& add(QStringView key, QStringView value);
    JsonWriter& add(QStringView key, const QString& value) { return add(key, QStringView(value)); }
    JsonWriter& add(QStringView key, const char* value) { return add(key, QString::fromUtf8(value)); }
    JsonWriter& add(QStringView key, const char16_t* value) { return add(key, QStringView(value)); }
    JsonWriter& add(QStringView key, qint64 value);
    JsonWriter& add(QStringView key, int value) { return add(key, static_cast<qint64>(value)); }
    JsonWriter& add(QStringView key, double value, int decimals);
    /// Named apart from add(): a string literal would otherwise convert to bool.
    JsonWriter& addBool(QStringView key, bool value);
    JsonWriter& addNull(QStringView key);
    /// Adds a value that is already JSON text (an array or nested object).
    JsonWriter& addRaw(QStringView key, const QByteArray& json);

    template <typename T>
    JsonWriter& add(QStringView key, const std::optional<T>& value)
    {
        return value ? add(key, *value) : addNull(key);
    }

    QByteArray toJson() const { return m_body + '}'; }

    /// `s` as a JSON string literal, quotes included.
    static QByteArray quote(QStringView s);
    /// A JSON array of strings.
    static QByteArray stringArray(const QStringList& items);

private:
    void key(QStringView key);
    QByteArray m_body = QByteArrayLiteral("{");
};

} // namespace shopdesk
