#pragma once

#include <QString>

class QCoreApplication;

namespace shopdesk::ui {

/// Installs the catalogues for `language` ("zh_CN", the default, or "en"): ShopDesk's own and
/// Qt's (OK, Cancel, the file dialog), both built into the binary. Returns the language used.
QString installLanguage(QCoreApplication& app, const QString& language);

} // namespace shopdesk::ui
