#pragma once

#include "core/Result.h"

#include <QString>

namespace shopdesk::server {

/// The language the team server answers the request being handled on this thread in. A scope is
/// set around each request of a connection (the language its hello asked for: a desktop's
/// language, the command line's English), and what the services say through
/// QCoreApplication::translate then comes in that language. Outside a scope the process's other
/// translators answer as usual (a desktop's, when a test runs both in one process).
class RequestLanguage {
public:
    class Scope {
    public:
        explicit Scope(const QString& language);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        const char* m_previous;
    };
    /// "zh_CN" for Chinese (zh, zh_CN, zh-Hans…), else "en".
    static QString normalise(const QString& asked);
    /// The current thread's language ("" outside a scope).
    static QString current();
    /// Installs the translator once per process; an error when the Chinese catalogue is missing.
    static Status install();
};

} // namespace shopdesk::server
