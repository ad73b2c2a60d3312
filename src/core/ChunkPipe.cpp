#include "core/ChunkPipe.h"

#include <algorithm>
#include <cstring>

namespace shopdesk {

ChunkPipe::ChunkPipe(qsizetype boundBytes)
    : m_bound(boundBytes)
{
    QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

ChunkPipe::~ChunkPipe()
{
    std::lock_guard lock(m_mutex);
    if (m_writer) {
        m_writer->finish();
        m_writer.reset();
    }
}

QFuture<void> ChunkPipe::push(QByteArray bytes)
{
    std::lock_guard lock(m_mutex);
    if (m_finished || m_aborted || bytes.isEmpty()) {
        return QtFuture::makeReadyFuture();
    }
    m_buffered += bytes.size();
    m_chunks.push_back(std::move(bytes));
    m_changed.notify_all();
    if (m_buffered < m_bound) {
        return QtFuture::makeReadyFuture();
    }
    if (m_writer) {
        m_writer->finish(); // (a writer pushes one at a time; an earlier wait is let go)
    }
    m_writer.emplace();
    m_writer->start();
    return m_writer->future();
}

void ChunkPipe::finish()
{
    std::lock_guard lock(m_mutex);
    m_finished = true;
    m_changed.notify_all();
}

void ChunkPipe::abort(const QString& why)
{
    std::lock_guard lock(m_mutex);
    if (m_finished && m_chunks.empty()) {
        return; // read to its end already
    }
    m_aborted = why;
    m_chunks.clear();
    m_buffered = 0;
    m_offset = 0;
    releaseWriter();
    m_changed.notify_all();
}

void ChunkPipe::releaseWriter()
{
    if (m_writer && (m_buffered < m_bound || m_aborted)) {
        m_writer->finish();
        m_writer.reset();
    }
}

qint64 ChunkPipe::bytesAvailable() const
{
    std::lock_guard lock(m_mutex);
    return m_buffered;
}

bool ChunkPipe::atEnd() const
{
    std::lock_guard lock(m_mutex);
    return m_buffered == 0 && (m_finished || m_aborted);
}

bool ChunkPipe::waitForReadyRead(int msecs)
{
    std::unique_lock lock(m_mutex);
    auto ready = [this] { return m_buffered > 0 || m_finished || m_aborted; };
    if (msecs < 0) {
        m_changed.wait(lock, ready);
    } else {
        m_changed.wait_for(lock, std::chrono::milliseconds(msecs), ready);
    }
    return m_buffered > 0;
}

qint64 ChunkPipe::readData(char* data, qint64 maxSize)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_buffered > 0 || m_finished || m_aborted; });
    if (m_aborted) {
        const QString why = *m_aborted;
        lock.unlock();
        setErrorString(why);
        return -1;
    }
    qint64 copied = 0;
    while (copied < maxSize && !m_chunks.empty()) {
        const QByteArray& front = m_chunks.front();
        const qsizetype n = std::min<qsizetype>(front.size() - m_offset, maxSize - copied);
        std::memcpy(data + copied, front.constData() + m_offset, static_cast<size_t>(n));
        copied += n;
        m_offset += n;
        m_buffered -= n;
        if (m_offset == front.size()) {
            m_chunks.pop_front();
            m_offset = 0;
        }
    }
    releaseWriter();
    return copied;
}

} // namespace shopdesk
