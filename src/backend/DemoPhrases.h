#pragma once

#include "auth/Actor.h"
#include "core/Result.h"

namespace shopdesk {
class QuickReplyService;
}

namespace shopdesk::demoshop {

/// The demo shop's team phrase library (快捷短语): greetings, pre-sales, shipping, after-sales and
/// closing lines in the wording the shops use, with short codes and variables.
Status seedPhrases(QuickReplyService& phrases, const auth::Actor& owner);

} // namespace shopdesk::demoshop
