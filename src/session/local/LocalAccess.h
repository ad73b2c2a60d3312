#pragma once

// Test and benchmark access to what a LocalShop runs on. Not in the public include tree: the UI and
// the command-line tool cannot reach it.

#include "auth/Actor.h"

#include <memory>

namespace shopdesk {
class Backend;
class LiveShop;
} // namespace shopdesk

namespace shopdesk::session {

class LocalShop;
class ShopSession;

Backend& backendOf(LocalShop& shop);
/// The platform connection, null before connectPlatform().
LiveShop* liveOf(LocalShop& shop);
/// A session for an account a test logged in already (its actor, from AccountService::login).
std::shared_ptr<ShopSession> sessionOf(LocalShop& shop, const auth::Actor& actor);

} // namespace shopdesk::session
