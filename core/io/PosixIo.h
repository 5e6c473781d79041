// Small POSIX helpers shared by the io sources: EINTR-safe calls, an owning
// file descriptor and errors a person can act on. Internal to core/io.
#pragma once

#include "AtomicFile.h"
#include "AtomicFileTesting.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>
#include <cerrno>
#include <string>
#include <string_view>

struct stat;

namespace tad::io {

Q_DECLARE_LOGGING_CATEGORY(lcIo)

// Retries a system call interrupted by a signal.
template <class Call> auto retryOnEintr(Call call)
{
    decltype(call()) result;
    do {
        result = call();
    } while (result == -1 && errno == EINTR);
    return result;
}

// Owns a file descriptor; closes it once.
class UniqueFd
{
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : m_fd(fd) {}
    UniqueFd(UniqueFd &&other) noexcept : m_fd(other.release()) {}
    UniqueFd &operator=(UniqueFd &&other) noexcept;
    UniqueFd(const UniqueFd &) = delete;
    UniqueFd &operator=(const UniqueFd &) = delete;
    ~UniqueFd() { reset(); }

    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    int release();
    void reset();

private:
    int m_fd = -1;
};

// 0 on success, else the errno value. Partial writes and EINTR are retried.
int writeAll(int fd, std::string_view bytes);
// Reads from the current offset to end of file. 0 on success, else errno.
int readToEnd(int fd, std::string &out);
// fsync, with F_FULLFSYNC where fsync alone does not reach the disk (macOS).
int syncToDisk(int fd);

// The errno a test injects for this step of a write of `name`, else 0
// (see AtomicFileTesting.h).
int injectedWriteFault(testing::WriteStep step, const QByteArray &name);
// Calls a test's crash point hook, if one is set (see AtomicFileTesting.h).
bool crashPointHookSet();
void reachCrashPoint(testing::CrashPoint point, const QByteArray &name);

FileStamp stampFromStat(const struct stat &st);

QByteArray encodePath(const QString &path);
QString decodePath(const QByteArray &path);

// The write path of AtomicFile.h relative to an open folder: `name` is a
// plain name in it, and a symbolic link at `name` is refused, never followed
// (replaceFile() resolves the settings file's own links before it calls this).
// `path` and `folder` are for messages.
Result<ReplaceOutcome> replaceInFolder(int dirFd, const QByteArray &name, std::string_view bytes,
                                       const WriteOptions &options, const QString &path,
                                       const QString &folder);

// Reads a whole open file the way readFile() does (a regular file only,
// again until it held still). `path` is for messages.
Result<FileSnapshot> readOpenFile(UniqueFd fd, const QString &path);

// "<folder>/<name> is a symbolic link; ... not followed", code Unreadable.
Error linkRefused(const QString &path);

// "cannot <action>: <system text>. <what to do>", code Unreadable, file set.
// `folder` is named in the advice when the folder is the likely cause.
Error ioError(const QString &file, const QString &action, int err, const QString &folder = {});

} // namespace tad::io
