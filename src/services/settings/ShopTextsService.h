#pragma once

#include "auth/Actor.h"
#include "core/Result.h"
#include "domain/ShopTexts.h"

namespace shopdesk {

class AccessGate;
class AuditLog;
class SettingsRepository;

/// The shop's own wording (closing line, rating invitation, payment reminder): read by the chat
/// service when it speaks to a buyer, changed by the team (shop.texts.edit, audited).
class ShopTextsService {
public:
    ShopTextsService(SettingsRepository& settings, AccessGate& gate, AuditLog& audit);

    /// The texts as stored, defaults where never set; needs no permission (the services use it).
    Result<ShopTexts> load();
    /// Sets one text by key (text.closing_line, text.rating_invitation, text.payment_reminder).
    Status set(const auth::Actor& actor, const QString& key, const QString& value);
    /// Sets all three.
    Status save(const auth::Actor& actor, const ShopTexts& texts);

private:
    SettingsRepository& m_settings;
    AccessGate& m_gate;
    AuditLog& m_audit;
};

} // namespace shopdesk
