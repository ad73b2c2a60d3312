#pragma once

#include "domain/Ids.h"

#include <QString>
#include <QTimeZone>

namespace shopdesk {

/// The shop a store belongs to. One store (database) serves one shop.
struct Shop {
    QString name;
    /// Adapter name of the platform the shop sells on: "sim", "taobao", "pdd", "douyin".
    QString platform = QStringLiteral("sim");
    /// Reports and day boundaries use the shop's zone (Chinese shops: Asia/Shanghai).
    QTimeZone timeZone = QTimeZone("Asia/Shanghai");
};

} // namespace shopdesk
