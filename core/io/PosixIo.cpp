#include "PosixIo.h"

#include "IoCounters.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tad::io {

Q_LOGGING_CATEGORY(lcIo, "tad.io")

UniqueFd &UniqueFd::operator=(UniqueFd &&other) noexcept
{
    if (this != &other) {
        reset();
        m_fd = other.release();
    }
    return *this;
}

int UniqueFd::release()
{
    const int fd = m_fd;
    m_fd = -1;
    return fd;
}

void UniqueFd::reset()
{
    if (m_fd >= 0) {
        // Not retried on EINTR: on Linux the descriptor is gone either way.
        ::close(m_fd);
        m_fd = -1;
    }
}

int writeAll(int fd, std::string_view bytes)
{
    countWrite(bytes.size());
    while (!bytes.empty()) {
        const ssize_t written =
            retryOnEintr([&] { return ::write(fd, bytes.data(), bytes.size()); });
        if (written < 0)
            return errno;
        if (written == 0)
            return EIO; // a regular file never accepts zero bytes without an error
        bytes.remove_prefix(static_cast<size_t>(written));
    }
    return 0;
}

int readToEnd(int fd, std::string &out)
{
    out.clear();
    struct stat st;
    if (::fstat(fd, &st) == 0 && st.st_size > 0)
        out.reserve(static_cast<size_t>(st.st_size) + 1);
    char chunk[64 * 1024];
    for (;;) {
        const ssize_t got = retryOnEintr([&] { return ::read(fd, chunk, sizeof chunk); });
        if (got < 0)
            return errno;
        if (got == 0)
            return 0;
        out.append(chunk, static_cast<size_t>(got));
    }
}

int syncToDisk(int fd)
{
    countFsync();
#if defined(__APPLE__)
    // On macOS fsync only reaches the drive's cache.
    if (retryOnEintr([&] { return ::fcntl(fd, F_FULLFSYNC); }) == 0)
        return 0;
#endif
    return retryOnEintr([&] { return ::fsync(fd); }) == 0 ? 0 : errno;
}

FileStamp stampFromStat(const struct stat &st)
{
    FileStamp stamp;
    stamp.exists = true;
    stamp.device = static_cast<quint64>(st.st_dev);
    stamp.inode = static_cast<quint64>(st.st_ino);
    stamp.size = static_cast<qint64>(st.st_size);
#if defined(__APPLE__)
    const auto &mtime = st.st_mtimespec;
    const auto &ctime = st.st_ctimespec;
#else
    const auto &mtime = st.st_mtim;
    const auto &ctime = st.st_ctim;
#endif
    stamp.mtimeNs = qint64(mtime.tv_sec) * 1'000'000'000 + mtime.tv_nsec;
    stamp.ctimeNs = qint64(ctime.tv_sec) * 1'000'000'000 + ctime.tv_nsec;
    stamp.mode = static_cast<quint32>(st.st_mode & 07777);
    return stamp;
}

QByteArray encodePath(const QString &path)
{
    return QFile::encodeName(path);
}

QString decodePath(const QByteArray &path)
{
    return QFile::decodeName(path);
}

static QString adviceFor(int err, const QString &folder)
{
    const QString where = folder.isEmpty() ? QStringLiteral("the folder") : folder;
    switch (err) {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
        return QStringLiteral("Check free space (and disk quota), then try again.");
    case EACCES:
    case EPERM:
        return QStringLiteral("Check the permissions of %1 and of the file.").arg(where);
    case EROFS:
        return QStringLiteral("%1 is on a read-only file system; choose a writable location.")
            .arg(where);
    case EISDIR:
        return QStringLiteral("A folder has this name; rename it or choose another file.");
    case ENOENT:
    case ENOTDIR:
        return QStringLiteral("Check that %1 exists.").arg(where);
    case EIO:
        return QStringLiteral("The disk reported an error; check the disk and try again.");
    case EFBIG:
        return QStringLiteral("The file is larger than this system allows; check the file "
                              "size limit (ulimit -f) and the file system.");
    case EBUSY:
    case EXDEV:
        return QStringLiteral("The file cannot be replaced in one step (is it a mount point?); "
                              "choose a file inside a normal folder.");
    case ENAMETOOLONG:
        return QStringLiteral("Choose a shorter path.");
    case ELOOP:
        return QStringLiteral("Check the symbolic links along the path.");
    case EMFILE:
    case ENFILE:
        return QStringLiteral("Too many files are open; close some programs and try again.");
    default:
        return QStringLiteral("Try again; if it keeps failing, check the disk and %1.").arg(where);
    }
}

Error linkRefused(const QString &path)
{
    const QFileInfo info(path);
    Error error = makeError(
        ErrorCode::Unreadable,
        QStringLiteral("%1/%2 is a symbolic link; TAD Settings does not follow links in its own "
                       "folders, so it was neither read nor written. Remove the link (rm \"%3\") "
                       "or put a real file in its place, then try again.")
            .arg(info.dir().dirName(), info.fileName(), QDir::toNativeSeparators(path)));
    error.file = path;
    return error;
}

Error ioError(const QString &file, const QString &action, int err, const QString &folder)
{
    Error error = makeError(ErrorCode::Unreadable,
                            QStringLiteral("Cannot %1: %2. %3")
                                .arg(action, qt_error_string(err), adviceFor(err, folder)));
    error.file = file;
    return error;
}

} // namespace tad::io
