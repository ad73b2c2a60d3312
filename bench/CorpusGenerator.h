#pragma once

#include "domain/Message.h"
#include "services/demo/EcdCorpus.h"

#include <QStringList>

#include <random>
#include <vector>

namespace shopdesk::bench {

/// Builds a large, deterministic message corpus from the real dialogues: conversations replayed
/// with varied buyer nicks, agents, times and numbers, some carrying order numbers, plus one
/// long-running conversation with `bigConversationSize` messages.
class CorpusGenerator {
public:
    CorpusGenerator(const EcdCorpus& corpus, quint64 seed);

    /// Appends the next conversation's messages to `out`; returns how many.
    int nextConversation(std::vector<IncomingMessage>& out);
    /// The messages of the long conversation (key "big-1", buyer "tb_老客户").
    std::vector<IncomingMessage> bigConversation(int size);

    const QStringList& orderNumbers() const { return m_orderNumbers; }

private:
    QString varyNumbers(const QString& text);
    QString randomNick();

    const EcdCorpus& m_corpus;
    std::mt19937_64 m_rng;
    qint64 m_time;
    qint64 m_conversation = 0;
    QStringList m_agents;
    QStringList m_orderNumbers;
};

} // namespace shopdesk::bench
