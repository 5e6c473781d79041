#include "AppendFile.h"

#include "IoCounters.h"
#include "PosixIo.h"

#include <QDir>
#include <QFileInfo>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tad {

using namespace io;
using testing::WriteStep;

AppendFile::AppendFile(int fd, int dirFd, QByteArray name, QString path, bool created)
    : m_fd(fd), m_dirFd(dirFd), m_name(std::move(name)), m_path(std::move(path)),
      m_folderSyncPending(created)
{}

AppendFile::AppendFile(AppendFile &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_dirFd(std::exchange(other.m_dirFd, -1)),
      m_name(std::move(other.m_name)), m_path(std::move(other.m_path)),
      m_folderSyncPending(other.m_folderSyncPending), m_dirty(other.m_dirty),
      m_locked(std::exchange(other.m_locked, false))
{}

AppendFile &AppendFile::operator=(AppendFile &&other) noexcept
{
    if (this != &other) {
        close();
        m_fd = std::exchange(other.m_fd, -1);
        m_dirFd = std::exchange(other.m_dirFd, -1);
        m_name = std::move(other.m_name);
        m_path = std::move(other.m_path);
        m_folderSyncPending = other.m_folderSyncPending;
        m_dirty = other.m_dirty;
        m_locked = std::exchange(other.m_locked, false);
    }
    return *this;
}

AppendFile::~AppendFile()
{
    close();
}

void AppendFile::close()
{
    unlock();
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_dirFd >= 0)
        ::close(m_dirFd);
    m_fd = m_dirFd = -1;
}

static QString folderOf(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absolutePath());
}

Result<FileStamp> AppendFile::stamp() const
{
    struct stat st;
    if (::fstat(m_fd, &st) != 0)
        return ioError(m_path, QStringLiteral("read the file's size"), errno, folderOf(m_path));
    return stampFromStat(st);
}

Result<std::string> AppendFile::readFrom(qint64 offset) const
{
    std::string out;
    char chunk[64 * 1024];
    for (;;) {
        const ssize_t got = retryOnEintr(
            [&] { return ::pread(m_fd, chunk, sizeof chunk, off_t(offset) + off_t(out.size())); });
        if (got < 0)
            return ioError(m_path, QStringLiteral("read the file"), errno, folderOf(m_path));
        if (got == 0)
            return out;
        out.append(chunk, size_t(got));
    }
}

Result<void> AppendFile::lock()
{
    if (m_locked)
        return {};
    if (retryOnEintr([&] { return ::flock(m_fd, LOCK_EX); }) != 0)
        return ioError(m_path, QStringLiteral("lock the file"), errno, folderOf(m_path));
    m_locked = true;
    return {};
}

void AppendFile::unlock()
{
    if (m_locked && m_fd >= 0)
        ::flock(m_fd, LOCK_UN);
    m_locked = false;
}

Result<void> AppendFile::truncate(qint64 size)
{
    if (retryOnEintr([&] { return ::ftruncate(m_fd, off_t(size)); }) != 0)
        return ioError(m_path, QStringLiteral("cut off a torn record"), errno, folderOf(m_path));
    m_dirty = true;
    return {};
}

Result<void> AppendFile::append(std::string_view bytes)
{
    const QString action = QStringLiteral("append to the file");
    if (int err = injectedWriteFault(WriteStep::Write, m_name))
        return ioError(m_path, action, err, folderOf(m_path));
    if (crashPointHookSet()) {
        // A test that ends the process in the middle of a record.
        const std::string_view first = bytes.substr(0, bytes.size() / 2);
        if (const int err = writeAll(m_fd, first))
            return ioError(m_path, action, err, folderOf(m_path));
        m_dirty = true;
        reachCrashPoint(testing::CrashPoint::AppendHalfWritten, m_name);
        bytes.remove_prefix(first.size());
    }
    if (const int err = writeAll(m_fd, bytes))
        return ioError(m_path, action, err, folderOf(m_path));
    m_dirty = true;
    reachCrashPoint(testing::CrashPoint::AppendWritten, m_name);
    return {};
}

Result<void> AppendFile::sync()
{
    const QString action = QStringLiteral("flush the file to disk");
    if (m_dirty) {
        if (int err = injectedWriteFault(WriteStep::Sync, m_name); err) {
            return ioError(m_path, action, err, folderOf(m_path));
        }
#if defined(__APPLE__)
        if (const int err = syncToDisk(m_fd))
            return ioError(m_path, action, err, folderOf(m_path));
#else
        // The data and the size; the times need not reach the disk.
        countFsync();
        if (retryOnEintr([&] { return ::fdatasync(m_fd); }) != 0)
            return ioError(m_path, action, errno, folderOf(m_path));
#endif
        m_dirty = false;
    }
    if (m_folderSyncPending) {
        if (const int err = syncToDisk(m_dirFd))
            return ioError(m_path, QStringLiteral("flush the folder to disk"), err,
                           folderOf(m_path));
        m_folderSyncPending = false;
    }
    return {};
}

} // namespace tad
