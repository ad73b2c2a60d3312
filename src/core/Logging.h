#pragma once

#include <QString>

#include <spdlog/logger.h>

#include <memory>
#include <string_view>

// Lets spdlog/fmt format QString arguments: logger->info("opened {}", path).
template <>
struct fmt::formatter<QString> : fmt::formatter<std::string_view> {
    template <typename Ctx>
    auto format(const QString& s, Ctx& ctx) const
    {
        const QByteArray utf8 = s.toUtf8();
        return fmt::formatter<std::string_view>::format(std::string_view(utf8.constData(), utf8.size()), ctx);
    }
};

namespace shopdesk::logging {

struct Options {
    /// Directory of the rotating log file; empty = no file.
    QString directory;
    /// Base name of the file, e.g. "shopdesk" -> shopdesk.log, shopdesk.1.log ...
    QString fileName = QStringLiteral("shopdesk");
    /// Messages at or above this level also go to stderr.
    spdlog::level::level_enum stderrLevel = spdlog::level::warn;
    spdlog::level::level_enum fileLevel = spdlog::level::info;
    std::size_t maxFileBytes = 5 * 1024 * 1024;
    std::size_t maxFiles = 3;
};

/// Sets up the shared sinks and bridges Qt's qDebug/qWarning into the "qt" logger. May be called
/// again (e.g. once the data directory is known); loggers created earlier pick up the new sinks.
/// Never pass message text, passwords, tokens, keys or buyer personal data to a logger.
void init(const Options& options);

/// The logger of one subsystem ("store", "import", "search", "auth", "routing", "platform", "ui").
std::shared_ptr<spdlog::logger> get(std::string_view subsystem);

/// Flushes every logger (called before exit).
void flush();

} // namespace shopdesk::logging
