#include "store/MessageKeys.h"

#include <QByteArray>

namespace shopdesk::store::keys {

namespace {

class Fnv1a64 {
public:
    void add(const QByteArray& bytes)
    {
        // Length-prefix every field so that ("ab","c") and ("a","bc") differ.
        addRaw(QByteArray::number(bytes.size()));
        addRaw(":");
        addRaw(bytes);
    }
    void add(qint64 value) { add(QByteArray::number(value)); }
    quint64 value() const { return m_hash; }

private:
    void addRaw(const QByteArray& bytes)
    {
        for (const char c : bytes) {
            m_hash ^= static_cast<unsigned char>(c);
            m_hash *= 0x100000001b3ULL;
        }
    }
    quint64 m_hash = 0xcbf29ce484222325ULL;
};

} // namespace

qint64 dedupKey(const IncomingMessage& m, int salt)
{
    Fnv1a64 h;
    h.add(m.platform.toUtf8());
    if (!m.platformMessageId.isEmpty()) {
        h.add(QByteArrayLiteral("id"));
        h.add(m.platformMessageId.toUtf8());
    } else {
        h.add(QByteArrayLiteral("content"));
        h.add(m.conversationKey.toUtf8());
        h.add(m.sentAt.ms());
        h.add(static_cast<qint64>(m.sender));
        h.add(m.agent.toUtf8());
        h.add(m.text.toUtf8());
    }
    if (salt > 0) {
        h.add(static_cast<qint64>(salt));
    }
    return static_cast<qint64>(h.value());
}

} // namespace shopdesk::store::keys
