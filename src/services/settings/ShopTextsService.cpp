#include "services/settings/ShopTextsService.h"

#include "services/audit/AuditLog.h"
#include "services/auth/AccessGate.h"
#include "services/settings/SettingsRepository.h"

#include <QCoreApplication>

namespace shopdesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("shopdesk::ShopTextsService", text);
}

QString* field(ShopTexts& t, const QString& key)
{
    if (key == ShopTexts::kClosingLine) {
        return &t.closingLine;
    }
    if (key == ShopTexts::kRatingInvitation) {
        return &t.ratingInvitation;
    }
    if (key == ShopTexts::kPaymentReminder) {
        return &t.paymentReminder;
    }
    return nullptr;
}

} // namespace

ShopTextsService::ShopTextsService(SettingsRepository& settings, AccessGate& gate, AuditLog& audit)
    : m_settings(settings)
    , m_gate(gate)
    , m_audit(audit)
{
}

Result<ShopTexts> ShopTextsService::load()
{
    ShopTexts t;
    for (const QString& key : ShopTexts::keys()) {
        auto v = m_settings.value(key);
        if (!v) {
            return v.error();
        }
        if (*v) {
            *field(t, key) = **v;
        }
    }
    return t;
}

Status ShopTextsService::set(const auth::Actor& actor, const QString& key, const QString& value)
{
    auto current = load();
    if (!current) {
        return current.error();
    }
    QString* f = field(*current, key);
    if (!f) {
        return Error::notFound(tr("There is no setting %1.").arg(key));
    }
    *f = value;
    return save(actor, *current);
}

Status ShopTextsService::save(const auth::Actor& actor, const ShopTexts& texts)
{
    if (Status st = m_gate.check(actor, auth::Operation::ShopTextsEdit); !st) {
        return st;
    }
    ShopTexts clean = texts;
    for (const QString& key : ShopTexts::keys()) {
        QString* f = field(clean, key);
        *f = f->trimmed();
        if (f->size() > ShopTexts::kMaxChars) {
            return Error::invalid(tr("%1 has at most %2 characters.").arg(key).arg(ShopTexts::kMaxChars));
        }
    }
    if (clean.paymentReminder.isEmpty()) {
        return Error::invalid(tr("The payment reminder cannot be empty: it is what the reminder button sends."));
    }
    auto before = load();
    if (!before) {
        return before.error();
    }
    std::vector<std::pair<QString, QString>> values;
    QStringList changed;
    for (const QString& key : ShopTexts::keys()) {
        if (*field(clean, key) != *field(*before, key)) {
            values.emplace_back(key, *field(clean, key));
            changed << key;
        }
    }
    if (values.empty()) {
        return {};
    }
    // The audit names what changed, not the wording (it is the shop's, and may be long).
    return m_settings.setValues(values, {m_audit.entry(actor.fullName(), QStringLiteral("shop.texts.edit"),
                                                       QStringLiteral("shop"), changed.join(QLatin1Char(',')))});
}

} // namespace shopdesk
