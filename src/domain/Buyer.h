#pragma once

#include "domain/Ids.h"

#include <QString>
#include <QStringList>

namespace shopdesk {

/// A buyer of the shop. Personal data (name, phone, address) lives on orders and is encrypted at
/// rest; a Buyer carries only what every agent may see.
struct Buyer {
    BuyerId id;
    QString platform;
    QString nick;
};

} // namespace shopdesk
