#include "session/remote/DraftBook.h"

#include "core/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QtConcurrent>

namespace shopdesk::session {

namespace {

QString safeName(QString s)
{
    for (QChar& c : s) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'.' && c != u'-') {
            c = u'_';
        }
    }
    return s;
}

} // namespace

DraftBook::DraftBook()
{
    m_writer.setMaxThreadCount(1);
}

DraftBook::~DraftBook()
{
    m_writer.waitForDone();
}

QString DraftBook::pathFor(const QString& cacheDir, const QString& server, const QString& shop, qint64 account)
{
    // The shop's name may be Chinese: the account's number names the folder, the shop is a hash.
    const QString shopTag = QString::number(qHash(shop), 16);
    return QDir(cacheDir).filePath(QStringLiteral("%1/%2-%3/drafts.json").arg(safeName(server), shopTag).arg(account));
}

void DraftBook::open(const QString& path)
{
    m_path = path;
    m_drafts.clear();
    if (path.isEmpty()) {
        return;
    }
    QFile f(path);
    if (!f.exists()) {
        return;
    }
    QJsonParseError error{};
    const QJsonDocument doc =
        f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll(), &error) : QJsonDocument();
    if (!doc.isArray()) {
        f.close();
        QFile::remove(path + QStringLiteral(".unreadable"));
        QFile::rename(path, path + QStringLiteral(".unreadable"));
        logging::get("session")->warn("the drafts file could not be read; kept aside as .unreadable");
        return;
    }
    for (const QJsonValue& v : doc.array()) {
        const QJsonObject d = v.toObject();
        const QString text = d.value(QStringLiteral("text")).toString();
        if (!text.isEmpty()) {
            m_drafts[{d.value(QStringLiteral("platform")).toString(), d.value(QStringLiteral("buyer")).toString()}] =
                text;
        }
    }
}

QString DraftBook::text(const QString& platform, const QString& buyer) const
{
    auto it = m_drafts.find({platform, buyer});
    return it == m_drafts.end() ? QString() : it->second;
}

QFuture<Status> DraftBook::set(const QString& platform, const QString& buyer, const QString& text)
{
    auto it = m_drafts.find({platform, buyer});
    if ((it == m_drafts.end() && text.isEmpty()) || (it != m_drafts.end() && it->second == text)) {
        return QtFuture::makeReadyFuture(Status());
    }
    if (text.isEmpty()) {
        m_drafts.erase(it);
    } else {
        m_drafts[{platform, buyer}] = text;
    }
    if (m_path.isEmpty()) {
        return QtFuture::makeReadyFuture(Status());
    }
    QJsonArray all;
    for (const auto& [key, draft] : m_drafts) {
        all.append(QJsonObject{{QStringLiteral("platform"), key.first},
                               {QStringLiteral("buyer"), key.second},
                               {QStringLiteral("text"), draft}});
    }
    const QByteArray bytes = QJsonDocument(all).toJson(QJsonDocument::Compact);
    const QString path = m_path;
    return QtConcurrent::run(&m_writer, [path, bytes]() -> Status {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile f(path);
        // What an agent typed to buyers: readable by this PC's account only.
        if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            f.write(bytes) < 0 || !f.commit()) {
            return Error::internal(tr("The draft could not be kept on this computer (%1); it stays in the reply box.")
                                       .arg(f.errorString()));
        }
        return {};
    });
}

} // namespace shopdesk::session
