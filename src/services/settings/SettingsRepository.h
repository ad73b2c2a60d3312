#pragma once

#include "core/Result.h"
#include "domain/Account.h"

#include <optional>
#include <vector>

namespace shopdesk {

/// Shop-wide settings (login lockout, later routing) as key/value text.
class SettingsRepository {
public:
    virtual ~SettingsRepository() = default;
    virtual Result<std::optional<QString>> value(const QString& key) = 0;
    /// Sets every pair and writes the audit entries, all in one transaction.
    virtual Status setValues(const std::vector<std::pair<QString, QString>>& values, std::vector<AuditEntry> audit) = 0;
};

} // namespace shopdesk
