#pragma once

#include "services/demo/EcdCorpus.h"

#include <QString>
#include <QStringList>

#include <random>
#include <vector>

namespace shopdesk::platform::sim {

/// What simulated buyers say and what bot agents answer: the real Taobao dialogues replayed turn
/// by turn, and scripted pre-sales, bargaining, logistics and after-sales conversations in the
/// same register.
class SimScripts {
public:
    enum class Category { Replay, Presales, Bargaining, Logistics, Aftersales };

    struct Script {
        Category category = Category::Replay;
        QStringList buyerTurns;
        /// agentTurns[i] answers buyerTurns[i] (missing ones fall back to generic replies).
        QStringList agentTurns;
    };

    explicit SimScripts(const EcdCorpus& corpus);

    /// A script of `category` about `product`.
    Script script(Category category, const QString& product, std::mt19937_64& rng) const;
    QString genericReply(std::mt19937_64& rng) const;
    QString nudge(std::mt19937_64& rng) const;
    QString comeback(std::mt19937_64& rng) const;
    QString greeting(const QString& shop) const;
    QString closingLine() const;
    QString refundReason(std::mt19937_64& rng) const;
    QString refuseReason(std::mt19937_64& rng) const;
    QString reviewText(int rating, std::mt19937_64& rng) const;

private:
    const EcdCorpus& m_corpus;
};

} // namespace shopdesk::platform::sim
