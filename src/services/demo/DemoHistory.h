#pragma once

#include "core/Timestamp.h"
#include "services/demo/EcdCorpus.h"
#include "services/history/ImportRecord.h"

#include <vector>

namespace shopdesk {

/// A small, deterministic history for the demo shop: the real dialogues as past conversations of
/// named buyers with two agents, plus their orders and a refund, ending at `now`.
std::vector<ImportRecord> demoHistory(const EcdCorpus& corpus, Timestamp now);

} // namespace shopdesk
