#include "CorpusGenerator.h"

namespace shopdesk::bench {

CorpusGenerator::CorpusGenerator(const EcdCorpus& corpus, quint64 seed)
    : m_corpus(corpus)
    , m_rng(seed)
    , m_time(1'760'000'000) // 2025-10-09
{
    for (int i = 1; i <= 20; ++i) {
        m_agents << QStringLiteral("客服%1").arg(i, 2, 10, QLatin1Char('0'));
    }
}

QString CorpusGenerator::randomNick()
{
    static const char* alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    QString nick = QStringLiteral("tb_");
    const int len = 6 + static_cast<int>(m_rng() % 5);
    for (int i = 0; i < len; ++i) {
        nick += QLatin1Char(alphabet[m_rng() % 32]);
    }
    return nick;
}

QString CorpusGenerator::varyNumbers(const QString& text)
{
    QString out = text;
    for (auto& ch : out) {
        if (ch.isDigit() && ch.unicode() < 128) {
            ch = QLatin1Char(static_cast<char>('0' + m_rng() % 10));
        }
    }
    return out;
}

int CorpusGenerator::nextConversation(std::vector<IncomingMessage>& out)
{
    const auto& dialogues = m_corpus.dialogues();
    const auto& dialogue = dialogues[static_cast<std::size_t>(m_conversation) % dialogues.size()];
    ++m_conversation;
    const QString key = QStringLiteral("c%1").arg(m_conversation);
    const QString nick = randomNick();
    const QString agent = m_agents[static_cast<int>(m_rng() % m_agents.size())];
    m_time += 1 + static_cast<qint64>(m_rng() % 8);
    qint64 t = m_time;
    int n = 0;
    for (const auto& turn : dialogue) {
        IncomingMessage m;
        m.conversationKey = key;
        m.buyerNick = nick;
        m.sender = turn.fromBuyer ? Sender::Buyer : Sender::Agent;
        m.agent = turn.fromBuyer ? QString() : agent;
        m.text = varyNumbers(turn.text);
        m.sentAt = Timestamp::fromSecs(t);
        t += 3 + static_cast<qint64>(m_rng() % 90);
        out.push_back(std::move(m));
        ++n;
    }
    if (m_rng() % 4 == 0) {
        // About one conversation in four mentions its order number.
        QString orderNo;
        for (int i = 0; i < 18; ++i) {
            orderNo += QLatin1Char(static_cast<char>('0' + (i == 0 ? 1 + m_rng() % 9 : m_rng() % 10)));
        }
        if (m_orderNumbers.size() < 10000) {
            m_orderNumbers << orderNo;
        }
        IncomingMessage m;
        m.conversationKey = key;
        m.buyerNick = nick;
        m.sender = Sender::Agent;
        m.agent = agent;
        m.text = QStringLiteral("亲，您的订单%1已经发货了哦，请注意查收").arg(orderNo);
        m.sentAt = Timestamp::fromSecs(t);
        out.push_back(std::move(m));
        ++n;
    }
    return n;
}

std::vector<IncomingMessage> CorpusGenerator::bigConversation(int size)
{
    std::vector<IncomingMessage> out;
    out.reserve(static_cast<std::size_t>(size));
    const auto& dialogues = m_corpus.dialogues();
    qint64 t = 1'750'000'000;
    std::size_t d = 0;
    while (static_cast<int>(out.size()) < size) {
        for (const auto& turn : dialogues[d % dialogues.size()]) {
            if (static_cast<int>(out.size()) >= size) {
                break;
            }
            IncomingMessage m;
            m.conversationKey = QStringLiteral("big-1");
            m.buyerNick = QStringLiteral("tb_老客户");
            m.sender = turn.fromBuyer ? Sender::Buyer : Sender::Agent;
            m.agent = turn.fromBuyer ? QString() : QStringLiteral("小美");
            m.text = turn.text;
            m.sentAt = Timestamp::fromSecs(t);
            t += 7;
            out.push_back(std::move(m));
        }
        ++d;
    }
    return out;
}

} // namespace shopdesk::bench
