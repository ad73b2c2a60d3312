#include "cli/CliApp.h"
#include "core/AppPaths.h"
#include "core/Logging.h"

#include <QCoreApplication>
#include <QFile>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    shopdesk::apppaths::setApplicationIdentity();
    shopdesk::logging::Options logOptions;
    logOptions.directory = shopdesk::apppaths::logDir();
    logOptions.fileName = QStringLiteral("shopdeskctl");
    logOptions.stderrLevel = spdlog::level::off; // stderr carries only the command's own one-line errors
    shopdesk::logging::init(logOptions);

    QFile in;
    (void)in.open(stdin, QIODevice::ReadOnly);
    QFile outFile;
    (void)outFile.open(stdout, QIODevice::WriteOnly);
    QFile errFile;
    (void)errFile.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    QTextStream out(&outFile);
    QTextStream err(&errFile);
    shopdesk::cli::CliIo io{out, err, in, QProcessEnvironment::systemEnvironment()};
    const int status = shopdesk::cli::run(app.arguments().mid(1), io);
    out.flush();
    err.flush();
    shopdesk::logging::flush();
    return status;
}
