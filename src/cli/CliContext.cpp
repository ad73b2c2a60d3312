#include "cli/CliContext.h"

#include "core/JsonWriter.h"

namespace shopdesk::cli {

CliContext::CliContext(CliIo& io, Globals globals)
    : m_io(io)
    , m_globals(std::move(globals))
{
}

CliContext::~CliContext()
{
    // The session before the shop it belongs to.
    m_session.reset();
    m_shop.reset();
}

Result<session::LocalShop*> CliContext::shop(bool create, bool inspectDamagedAudit)
{
    if (remote()) {
        return Error::usage(QStringLiteral("this command works on a local database, not through --server; on the "
                                           "server use shopdesk-server"));
    }
    if (!m_shop) {
        session::LocalShop::Options options;
        options.databasePath = m_globals.databasePath;
        options.create = create;
        options.busyWait = m_globals.busyWait;
        options.inspectDamagedAudit = inspectDamagedAudit;
        auto opened = session::LocalShop::open(options);
        if (!opened) {
            return opened.error();
        }
        m_shop = std::move(*opened);
    }
    return m_shop.get();
}

std::optional<QString> CliContext::readLine()
{
    if (!m_io.in.isOpen() || m_io.in.atEnd()) {
        // A pipe may not have data yet; readLine blocks until a line or EOF.
        if (!m_io.in.isOpen() || (!m_io.in.isSequential() && m_io.in.atEnd())) {
            return std::nullopt;
        }
    }
    QByteArray line = m_io.in.readLine();
    if (line.isEmpty()) {
        return std::nullopt;
    }
    if (line.endsWith('\n')) {
        line.chop(1);
    }
    if (line.endsWith('\r')) {
        line.chop(1);
    }
    return QString::fromUtf8(line);
}

Result<session::ShopSession*> CliContext::session(bool passwordChangeOnly, bool inspectDamagedAudit)
{
    if (m_session) {
        return m_session.get();
    }
    if (!m_globals.actingAs || m_globals.actingAs->trimmed().isEmpty()) {
        return Error::usage(QStringLiteral("this command needs --as NAME (the acting sub-account)"));
    }
    if (m_io.env.contains(QStringLiteral("SHOPDESK_PASSWORD"))) {
        m_actingPassword = m_io.env.value(QStringLiteral("SHOPDESK_PASSWORD"));
    } else if (auto line = readLine()) {
        m_actingPassword = *line;
    } else {
        return Error::usage(QStringLiteral("no password for %1: set SHOPDESK_PASSWORD or give it as the first line of "
                                           "standard input")
                                .arg(*m_globals.actingAs));
    }
    Result<std::shared_ptr<session::ShopSession>> session = Error::internal(QString());
    if (remote()) {
        QString trustNote;
        session = session::RemoteShop::loginNow(*m_globals.server, *m_globals.actingAs, m_actingPassword, &trustNote);
        if (!trustNote.isEmpty()) {
            m_io.err << "shopdeskctl: " << trustNote << Qt::endl;
        }
    } else {
        auto s = shop(false, inspectDamagedAudit);
        if (!s) {
            return s.error();
        }
        session = (*s)->loginNow(*m_globals.actingAs, m_actingPassword);
    }
    if (!session) {
        return session.error();
    }
    if ((*session)->me().mustChangePassword && !passwordChangeOnly) {
        return Error::notAllowed(
            QStringLiteral("%1 must choose a new password first: shopdeskctl --as %1 account passwd "
                           "%1")
                .arg((*session)->me().fullName()));
    }
    m_session = std::move(*session);
    return m_session.get();
}

QString CliContext::fullName(const QString& shortName) const
{
    const QString shopName = m_session ? m_session->shop().name : QString();
    return shopName.isEmpty() ? shortName : shopName + QLatin1Char(':') + shortName;
}

QString CliContext::shortName(const QString& name)
{
    return name.trimmed().section(QLatin1Char(':'), -1);
}

Result<QString> CliContext::newPassword()
{
    if (m_io.env.contains(QStringLiteral("SHOPDESK_NEW_PASSWORD"))) {
        return m_io.env.value(QStringLiteral("SHOPDESK_NEW_PASSWORD"));
    }
    if (auto line = readLine()) {
        return *line;
    }
    return Error::usage(
        QStringLiteral("no new password: set SHOPDESK_NEW_PASSWORD or give it as the next line of standard input"));
}

int CliContext::fail(const Error& error)
{
    m_io.err << "shopdeskctl: " << error.message << Qt::endl;
    return exitCodeFor(error.code);
}

void CliContext::printJson(const JsonWriter& object)
{
    m_io.out << QString::fromUtf8(object.toJson()) << '\n';
}

} // namespace shopdesk::cli
