#pragma once

#include <QString>

namespace shopdesk::pii {

/// Masked forms shown to agents without buyer.pii.view, when the platform gives none:
/// 13812345678 -> 138****5678; other numbers keep their first 3 and last 4 digits.
QString maskPhone(QStringView phone);
/// 张三 -> 张*, 欧阳娜娜 -> 欧***.
QString maskName(QStringView name);
/// Province and city only: 浙江省杭州市西湖区文三路90号 -> 浙江省杭州市****;
/// 上海市浦东新区... -> 上海市****.
QString maskAddress(QStringView address);

} // namespace shopdesk::pii
