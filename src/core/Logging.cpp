#include "core/Logging.h"

#include <QDir>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace shopdesk::logging {

namespace {

struct Registry {
    std::mutex mutex;
    std::vector<spdlog::sink_ptr> sinks;
    std::map<std::string, std::shared_ptr<spdlog::logger>, std::less<>> loggers;
    bool initialised = false;
};

Registry& registry()
{
    static Registry r;
    return r;
}

std::vector<spdlog::sink_ptr> defaultSinks()
{
    auto err = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    err->set_level(spdlog::level::warn);
    return {err};
}

void qtMessageBridge(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    auto log = get("qt");
    const char* category = context.category ? context.category : "default";
    switch (type) {
    case QtDebugMsg:
        log->debug("[{}] {}", category, message);
        break;
    case QtInfoMsg:
        log->info("[{}] {}", category, message);
        break;
    case QtWarningMsg:
        log->warn("[{}] {}", category, message);
        break;
    case QtCriticalMsg:
        log->error("[{}] {}", category, message);
        break;
    case QtFatalMsg:
        log->critical("[{}] {}", category, message);
        log->flush();
        std::abort();
    }
}

} // namespace

void init(const Options& options)
{
    auto& r = registry();
    std::lock_guard lock(r.mutex);

    std::vector<spdlog::sink_ptr> sinks;
    auto err = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    err->set_level(options.stderrLevel);
    err->set_pattern("%n: %v");
    sinks.push_back(err);

    if (!options.directory.isEmpty() && QDir().mkpath(options.directory)) {
        const QString path = QDir(options.directory).filePath(options.fileName + QStringLiteral(".log"));
        try {
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.toStdString(), options.maxFileBytes,
                                                                               options.maxFiles);
            file->set_level(options.fileLevel);
            file->set_pattern("%Y-%m-%d %H:%M:%S.%e %P %^%l%$ [%n] %v");
            sinks.push_back(file);
        } catch (const spdlog::spdlog_ex& e) {
            std::fprintf(stderr, "logging: cannot open log file: %s\n", e.what());
        }
    }

    r.sinks = sinks;
    for (auto& [name, logger] : r.loggers) {
        logger->sinks() = sinks;
    }
    r.initialised = true;
    qInstallMessageHandler(qtMessageBridge);
}

std::shared_ptr<spdlog::logger> get(std::string_view subsystem)
{
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    if (auto it = r.loggers.find(subsystem); it != r.loggers.end()) {
        return it->second;
    }
    if (!r.initialised && r.sinks.empty()) {
        r.sinks = defaultSinks();
    }
    auto logger = std::make_shared<spdlog::logger>(std::string(subsystem), r.sinks.begin(), r.sinks.end());
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::warn);
    r.loggers.emplace(std::string(subsystem), logger);
    return logger;
}

void flush()
{
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    for (auto& [name, logger] : r.loggers) {
        logger->flush();
    }
}

} // namespace shopdesk::logging
