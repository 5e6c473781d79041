// Reading with identity: the stamp returned with the bytes describes exactly
// those bytes, so a later statFile() tells whether someone wrote since.
#include "AtomicFile.h"
#include "PosixIo.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tad {

using namespace io;

Result<FileStamp> statFile(const QString &path)
{
    const QByteArray encoded = encodePath(path);
    struct stat st;
    if (::stat(encoded.constData(), &st) != 0) {
        if (errno == ENOENT)
            return FileStamp{};
        return ioError(path, QStringLiteral("look up the file"), errno);
    }
    return stampFromStat(st);
}

static Error notARegularFile(const QString &path, const struct stat &st)
{
    Error error = makeError(
        ErrorCode::Unreadable,
        S_ISDIR(st.st_mode)
            ? QStringLiteral("Cannot read: this is a folder, not a file. Choose the settings file "
                             "inside it.")
            : QStringLiteral("Cannot read: this is not a regular file (a pipe, socket or "
                             "device). Choose a regular file."));
    error.file = path;
    return error;
}

Result<FileSnapshot> readFile(const QString &path)
{
    const QByteArray encoded = encodePath(path);
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    UniqueFd fd(retryOnEintr(
        [&] { return ::open(encoded.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK); }));
    if (!fd.valid()) {
        if (errno == ENOENT)
            return FileSnapshot{};
        return ioError(path, QStringLiteral("read the file"), errno);
    }
    return readOpenFile(std::move(fd), path);
}

namespace io {

Result<FileSnapshot> readOpenFile(UniqueFd fd, const QString &path)
{
    struct stat before;
    if (::fstat(fd.get(), &before) != 0)
        return ioError(path, QStringLiteral("read the file"), errno);
    if (!S_ISREG(before.st_mode))
        return notARegularFile(path, before);

    // Writers that replace the file by rename cannot disturb this descriptor,
    // but an in-place writer can: read again until the file held still.
    constexpr int attempts = 5;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        FileSnapshot snapshot;
        if (::lseek(fd.get(), 0, SEEK_SET) != 0)
            return ioError(path, QStringLiteral("read the file"), errno);
        if (const int err = readToEnd(fd.get(), snapshot.bytes))
            return ioError(path, QStringLiteral("read the file"), err);
        struct stat after;
        if (::fstat(fd.get(), &after) != 0)
            return ioError(path, QStringLiteral("read the file"), errno);
        snapshot.stamp = stampFromStat(after);
        if (snapshot.stamp == stampFromStat(before) &&
            snapshot.stamp.size == qint64(snapshot.bytes.size()))
            return snapshot;
        before = after;
    }
    Error error = makeError(ErrorCode::Unreadable,
                            QStringLiteral("Cannot read: the file kept changing while it was "
                                           "read. Close the program writing it, then try again."));
    error.file = path;
    return error;
}

} // namespace io

} // namespace tad
