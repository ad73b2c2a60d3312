#pragma once

#include "core/Result.h"
#include "platform/ShopPlatform.h"

#include <QHash>
#include <QStringList>

#include <functional>
#include <memory>

namespace shopdesk::platform {

/// Adapters by name ("sim" now; "taobao", "pdd", "douyin" next). A shop's configuration names
/// its adapter; its settings and secrets (tokens, app secrets; kept in the OS keychain) are read by
/// the adapter's factory. Owned by the composition root, not a singleton.
template <typename Context>
class AdapterRegistry {
public:
    using Factory = std::function<Result<std::unique_ptr<ShopPlatform>>(const Context&)>;

    void add(const QString& name, Factory factory) { m_factories.insert(name, std::move(factory)); }
    QStringList names() const
    {
        QStringList n = m_factories.keys();
        n.sort();
        return n;
    }
    Result<std::unique_ptr<ShopPlatform>> create(const QString& name, const Context& context) const
    {
        auto it = m_factories.constFind(name);
        if (it == m_factories.constEnd()) {
            return Error::notFound(QStringLiteral("There is no platform adapter '%1' (available: %2).")
                                       .arg(name, names().join(QStringLiteral(", "))));
        }
        return it.value()(context);
    }

private:
    QHash<QString, Factory> m_factories;
};

} // namespace shopdesk::platform
