#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QFuture>
#include <QString>
#include <QThreadPool>

#include <map>

namespace shopdesk::session {

/// What an agent typed and did not send yet, per buyer, kept in a file of this desktop (one per
/// server and account), so that a restart or a dropped link loses nothing. Each change is
/// written whole and atomically (a crash leaves the last complete book), in order, on a writer
/// thread of its own: the desktop never waits on the disk.
class DraftBook {
    Q_DECLARE_TR_FUNCTIONS(shopdesk::session::DraftBook)
public:
    DraftBook();
    /// Waits for the last write (a draft typed just before closing is on disk).
    ~DraftBook();
    /// Opens the book at `path` ("" keeps it in memory only); an unreadable book starts empty
    /// and is kept aside (path + ".unreadable"), never overwritten unseen.
    void open(const QString& path);
    QString text(const QString& platform, const QString& buyer) const;
    /// An empty text removes the draft; text() answers the new draft at once. The future fails
    /// (the draft still in memory) when the file cannot be written, saying why.
    QFuture<Status> set(const QString& platform, const QString& buyer, const QString& text);
    /// Where this desktop keeps the drafts of `account` on `server` under `cacheDir`.
    static QString pathFor(const QString& cacheDir, const QString& server, const QString& shop, qint64 account);

private:
    QString m_path;
    std::map<std::pair<QString, QString>, QString> m_drafts;
    QThreadPool m_writer; ///< one thread: the writes land in the order they were made
};

} // namespace shopdesk::session
