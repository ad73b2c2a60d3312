#pragma once

#include <QByteArray>
#include <QFuture>
#include <QIODevice>
#include <QPromise>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace shopdesk {

/// A read-only device fed in chunks from another thread (an upload arriving over the network,
/// read by a worker that parses it): reads block until bytes arrive, the writer finishes (the
/// end of the device) or aborts (a read error naming why). The writer is told when to send more:
/// push() answers a future that is ready once what is buffered is under the bound again, so
/// memory stays flat however fast the sender is.
class ChunkPipe final : public QIODevice {
public:
    explicit ChunkPipe(qsizetype boundBytes = 4 * 1024 * 1024);
    ~ChunkPipe() override;

    // The writer's side (any one thread).
    /// Appends `bytes`; the future is ready when more may be pushed.
    QFuture<void> push(QByteArray bytes);
    /// No more bytes: reads end after what is buffered.
    void finish();
    /// The upload failed: reads fail with `why` (what is buffered is dropped).
    void abort(const QString& why);

    // The reader's side.
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;
    bool waitForReadyRead(int msecs) override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    /// Lets a waiting writer go on when the buffer is under the bound (mutex held).
    void releaseWriter();

    const qsizetype m_bound;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QByteArray> m_chunks;
    qsizetype m_offset = 0; ///< read from the first chunk
    qsizetype m_buffered = 0;
    bool m_finished = false;
    std::optional<QString> m_aborted;
    std::optional<QPromise<void>> m_writer; ///< a push waiting for room
};

} // namespace shopdesk
