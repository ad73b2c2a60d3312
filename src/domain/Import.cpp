#include "domain/Import.h"

namespace shopdesk {

ImportSummary& ImportSummary::operator+=(const ImportSummary& other)
{
    messagesAdded += other.messagesAdded;
    messagesDuplicate += other.messagesDuplicate;
    ordersAdded += other.ordersAdded;
    ordersUpdated += other.ordersUpdated;
    refundsAdded += other.refundsAdded;
    refundsUpdated += other.refundsUpdated;
    otherAdded += other.otherAdded;
    rejected.insert(rejected.end(), other.rejected.begin(), other.rejected.end());
    return *this;
}

} // namespace shopdesk
