#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace shopdesk {

/// The real Taobao customer-service dialogues of the E-commerce Dialogue Corpus sample
/// (resources/ecd, embedded as :/ecd/...): the wording the simulator, demo data, tests and
/// benchmarks use.
class EcdCorpus {
public:
    struct Turn {
        bool fromBuyer = true;
        QString text;
    };
    using Dialogue = std::vector<Turn>;

    /// The embedded copy.
    static Result<EcdCorpus> embedded();
    /// A dialogues.jsonl file.
    static Result<EcdCorpus> fromFile(const QString& dialoguesPath, const QString& sellerLinesPath = {});

    const std::vector<Dialogue>& dialogues() const { return m_dialogues; }
    const QStringList& sellerLines() const { return m_sellerLines; }

private:
    static Result<EcdCorpus> parse(const QByteArray& dialogues, const QByteArray& sellerLines);
    std::vector<Dialogue> m_dialogues;
    QStringList m_sellerLines;
};

} // namespace shopdesk
