#include "server/RequestLanguage.h"

#include <QCoreApplication>
#include <QTranslator>

#include <mutex>

namespace shopdesk::server {

namespace {

constexpr const char* kChinese = "zh_CN";
constexpr const char* kEnglish = "en";

thread_local const char* t_language = nullptr;

/// Answers in the language of the current thread's scope: Chinese from the catalogue, English as
/// the source says it (so that no other translator turns it into Chinese), nothing outside a scope.
class ScopedTranslator final : public QTranslator {
public:
    explicit ScopedTranslator(QObject* parent)
        : QTranslator(parent)
    {
    }
    bool loadCatalogue() { return m_chinese.load(QStringLiteral(":/i18n/shopdesk_zh_CN.qm")); }
    QString translate(const char* context, const char* source, const char* disambiguation, int n) const override
    {
        if (t_language == kChinese) {
            return m_chinese.translate(context, source, disambiguation, n);
        }
        if (t_language == kEnglish) {
            return QString::fromUtf8(source);
        }
        return {};
    }
    bool isEmpty() const override { return false; }

private:
    QTranslator m_chinese;
};

} // namespace

RequestLanguage::Scope::Scope(const QString& language)
    : m_previous(t_language)
{
    t_language = normalise(language) == QLatin1String(kChinese) ? kChinese : kEnglish;
}

RequestLanguage::Scope::~Scope()
{
    t_language = m_previous;
}

QString RequestLanguage::normalise(const QString& asked)
{
    return asked.startsWith(QLatin1String("zh"), Qt::CaseInsensitive) ? QString::fromLatin1(kChinese)
                                                                      : QString::fromLatin1(kEnglish);
}

QString RequestLanguage::current()
{
    return t_language ? QString::fromLatin1(t_language) : QString();
}

Status RequestLanguage::install()
{
    static std::mutex once;
    static bool installed = false;
    std::lock_guard<std::mutex> hold(once);
    if (installed) {
        return {};
    }
    auto* translator = new ScopedTranslator(QCoreApplication::instance());
    if (!translator->loadCatalogue()) {
        delete translator;
        return Error::internal(QStringLiteral("The server's Chinese catalogue is missing from its build."));
    }
    QCoreApplication::installTranslator(translator);
    installed = true;
    return {};
}

} // namespace shopdesk::server
