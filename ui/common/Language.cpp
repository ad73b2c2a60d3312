#include "common/Language.h"

#include "common/Gates.h"

#include <QCoreApplication>
#include <QTranslator>

namespace shopdesk::ui {

QString installLanguage(QCoreApplication& app, const QString& language)
{
    const QString lang = language == u"en" ? QStringLiteral("en") : QStringLiteral("zh_CN");
    if (lang == u"zh_CN") {
        for (const char* catalogue : {":/i18n/shopdesk_zh_CN.qm", ":/i18n/qtbase_zh_CN.qm"}) {
            auto* t = new QTranslator(&app);
            if (t->load(QString::fromLatin1(catalogue))) {
                QCoreApplication::installTranslator(t);
            } else {
                delete t;
            }
        }
    }
    gates::setLanguage(lang);
    return lang;
}

} // namespace shopdesk::ui
