#include "cli/CliTestSupport.h"

#include <QFile>

#include <gtest/gtest.h>

namespace shopdesk::test {

CliStore::CliStore()
{
    auto r = run({QStringLiteral("init"), QStringLiteral("--shop"), QStringLiteral("果果旗舰店"),
                  QStringLiteral("--owner"), QStringLiteral("店长")},
                 QByteArray(kOwnerPassword) + "\n");
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
}

QString CliStore::write(const QString& name, const QByteArray& content) const
{
    QFile f(m_dir.filePath(name));
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(content);
    return f.fileName();
}

ProcessResult CliStore::run(const QStringList& args, const QByteArray& input, const QStringList& env) const
{
    return runProcess(binary("shopdeskctl"), QStringList{QStringLiteral("--db"), db()} + args, input, 120000, env);
}

ProcessResult CliStore::as(const QString& account, const QString& password, const QStringList& args,
                           const QStringList& env) const
{
    return run(QStringList{QStringLiteral("--as"), account} + args, {},
               QStringList{QStringLiteral("SHOPDESK_PASSWORD=") + password} + env);
}

} // namespace shopdesk::test
