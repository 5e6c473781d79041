// The one write path: temp file, fsync, permission bits, rename (or
// exchange), folder fsync. See AtomicFile.h for the contract.
#include "AtomicFile.h"

#include "AtomicFileTesting.h"
#include "ContentHash.h"
#include "PosixIo.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>
#include <atomic>
#include <climits>
#include <cstdio>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tad {

using namespace io;

namespace {

std::function<void()> &beforeRenameHook()
{
    static std::function<void()> hook;
    return hook;
}
std::function<void()> &afterExchangeHook()
{
    static std::function<void()> hook;
    return hook;
}
std::atomic<bool> renameFlagsUnsupported{false};

std::function<void(testing::CrashPoint, const QByteArray &)> &crashPointHook()
{
    static std::function<void(testing::CrashPoint, const QByteArray &)> hook;
    return hook;
}

std::function<int(testing::WriteStep, const QByteArray &)> &writeFaultHook()
{
    static std::function<int(testing::WriteStep, const QByteArray &)> hook;
    return hook;
}

// The errno a test injects for this step, else 0.
int injectedFault(testing::WriteStep step, const QByteArray &name)
{
    const auto &hook = writeFaultHook();
    return hook ? hook(step, name) : 0;
}

constexpr char tempMarker[] = ".tad-tmp-";
constexpr char baseMarker[] = ".tad-base-";

enum class RenameMode
{
    Exchange,
    NoReplace
};

// renameat2 where the platform has it. -1 with errno ENOSYS elsewhere, which
// sends the caller to the re-read fallback.
int renameWithMode(int dirFd, const char *from, const char *to, RenameMode mode)
{
    if (renameFlagsUnsupported.load()) {
        errno = EINVAL;
        return -1;
    }
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    const unsigned flags = mode == RenameMode::Exchange ? RENAME_EXCHANGE : RENAME_NOREPLACE;
    return retryOnEintr([&] { return ::renameat2(dirFd, from, dirFd, to, flags); });
#elif defined(__APPLE__) && defined(RENAME_SWAP)
    const unsigned flags = mode == RenameMode::Exchange ? RENAME_SWAP : RENAME_EXCL;
    return retryOnEintr([&] { return ::renameatx_np(dirFd, from, dirFd, to, flags); });
#else
    Q_UNUSED(dirFd);
    Q_UNUSED(from);
    Q_UNUSED(to);
    Q_UNUSED(mode);
    errno = ENOSYS;
    return -1;
#endif
}

bool meansFlagsUnsupported(int err)
{
    return err == EINVAL || err == ENOSYS || err == ENOTSUP || err == EOPNOTSUPP;
}

// Follows symlinks at the last component, so that we replace the file a
// link points to instead of turning the link into a file. Works for a link
// whose target does not exist yet.
Result<QByteArray> resolveFinalSymlinks(const QString &path, QByteArray resolved)
{
    for (int depth = 0; depth < 40; ++depth) {
        struct stat st;
        if (::lstat(resolved.constData(), &st) != 0 || !S_ISLNK(st.st_mode))
            return resolved;
        QByteArray target(st.st_size > 0 ? st.st_size + 1 : PATH_MAX, '\0');
        const ssize_t length = ::readlink(resolved.constData(), target.data(), target.size());
        if (length < 0)
            return ioError(path, QStringLiteral("follow the symbolic link"), errno);
        target.truncate(length);
        if (target.startsWith('/')) {
            resolved = target;
        } else {
            const qsizetype slash = resolved.lastIndexOf('/');
            resolved = (slash < 0 ? QByteArray() : resolved.left(slash + 1)) + target;
        }
    }
    return ioError(path, QStringLiteral("follow the symbolic link"), ELOOP);
}

// A temp file next to the target. Removed on destruction unless dismissed.
class TempFile
{
public:
    TempFile(int dirFd, QByteArray name) : m_dirFd(dirFd), m_name(std::move(name)) {}
    TempFile(const TempFile &) = delete;
    TempFile &operator=(const TempFile &) = delete;
    ~TempFile()
    {
        if (m_present)
            ::unlinkat(m_dirFd, m_name.constData(), 0);
    }

    int create()
    {
        m_fd = UniqueFd(retryOnEintr([&] {
            return ::openat(m_dirFd, m_name.constData(),
                            O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        }));
        m_present = m_fd.valid();
        return m_present ? 0 : errno;
    }
    // Closes the descriptor we wrote through: 0, or the errno close() gave
    // (on some file systems the last write error shows only here).
    int close()
    {
        const int fd = m_fd.release();
        return fd >= 0 && ::close(fd) != 0 && errno != EINTR ? errno : 0;
    }
    // Nothing of ours is left at the temp name (a plain rename moved it).
    void dismiss() { m_present = false; }
    void remove()
    {
        if (m_present)
            ::unlinkat(m_dirFd, m_name.constData(), 0);
        m_present = false;
    }

    int fd() const { return m_fd.get(); }
    const QByteArray &name() const { return m_name; }

private:
    int m_dirFd;
    QByteArray m_name;
    UniqueFd m_fd;
    bool m_present = false;
};

// "<pid>-<hex>": one write of one process.
QByteArray makeWriteId()
{
    return QByteArray::number(qint64(::getpid())) + '-' +
           QByteArray::number(QRandomGenerator::global()->generate(), 16);
}

QByteArray tempNameFor(const QByteArray &targetName, const QByteArray &writeId)
{
    return '.' + targetName + tempMarker + writeId;
}

// The base record of a write: a hard link to the file it replaces. Removed
// on destruction.
class BaseRecord
{
public:
    // `tempInode` names the write's own temp file: found at the temp name
    // after a kill, it was never exchanged, whatever it holds.
    BaseRecord(int dirFd, const QByteArray &targetName, const QByteArray &writeId, quint64 tag,
               quint64 tempInode)
        : m_dirFd(dirFd),
          m_name('.' + targetName + baseMarker + writeId + '-' + QByteArray::number(tag, 16) + '-' +
                 QByteArray::number(tempInode, 16))
    {
        // Where the file system has no hard links the write goes on without
        // a record, as it did before records existed.
        m_error = injectedFault(testing::WriteStep::Link, targetName);
        if (m_error == 0)
            m_error = ::linkat(dirFd, targetName.constData(), dirFd, m_name.constData(), 0) == 0
                          ? 0
                          : errno;
        m_present = m_error == 0;
    }
    BaseRecord(const BaseRecord &) = delete;
    BaseRecord &operator=(const BaseRecord &) = delete;
    ~BaseRecord()
    {
        if (m_present)
            ::unlinkat(m_dirFd, m_name.constData(), 0);
    }
    bool present() const { return m_present; }
    int error() const { return m_error; } // link's errno, 0 if linked
    // The record stays: the caller removes it (discardWriteRecord).
    void dismiss() { m_present = false; }
    const QByteArray &name() const { return m_name; }

private:
    int m_dirFd;
    QByteArray m_name;
    bool m_present = false;
    int m_error = 0;
};

// The pid of a writer from the "<pid>-..." part of a file name, 0 if none.
pid_t writerPid(QStringView rest)
{
    const qsizetype dash = rest.indexOf(QLatin1Char('-'));
    bool ok = false;
    const qint64 pid = dash > 0 ? rest.left(dash).toLongLong(&ok) : 0;
    return ok && pid > 0 ? pid_t(pid) : 0;
}

bool isRunning(pid_t pid)
{
    // EPERM means the process exists under another user: still running.
    return pid == ::getpid() || ::kill(pid, 0) == 0 || errno == EPERM;
}

struct FolderOf
{
    QByteArray dirPath;
    QString targetName;
};

FolderOf folderOf(const QString &targetPath)
{
    const QByteArray encoded = encodePath(targetPath);
    const qsizetype slash = encoded.lastIndexOf('/');
    return {slash < 0    ? QByteArray(".")
            : slash == 0 ? QByteArray("/")
                         : encoded.left(slash),
            decodePath(encoded.mid(slash + 1))};
}

// The names in a folder.
QStringList namesIn(const QByteArray &dirPath)
{
    QStringList names;
    DIR *dir = ::opendir(dirPath.constData());
    if (!dir)
        return names;
    while (const dirent *entry = ::readdir(dir))
        names << decodePath(QByteArray(entry->d_name));
    ::closedir(dir);
    return names;
}

// The bytes now at the temp name: the file our exchange displaced.
int readDisplaced(int dirFd, const QByteArray &name, std::string &out)
{
    UniqueFd fd(retryOnEintr([&] {
        return ::openat(dirFd, name.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    }));
    if (!fd.valid())
        return errno;
    return readToEnd(fd.get(), out);
}

// An exchange is done but the version it displaced cannot be read: it may
// be another writer's, so it stays, and the error says where.
Error unreadDisplaced(int dirFd, const QByteArray &name, TempFile &temp,
                      std::optional<BaseRecord> &baseRecord, int err, const QString &path,
                      const QString &folder)
{
    Error error = ioError(path, QStringLiteral("read back the replaced content"), err, folder);
    QString kept;
    if (baseRecord && baseRecord->present()) {
        // Its record: the next run of this app merges it back.
        baseRecord->dismiss();
        temp.dismiss();
        kept = QStringLiteral("The version it replaced is kept beside the file, and the next "
                              "run that opens the file merges it back.");
    } else {
        // The same naming as displacedCopyPath(), in the folder we hold.
        const QByteArray copyName = encodePath(displacedCopyPath(decodePath(name)));
        const bool moved = renameWithMode(dirFd, temp.name().constData(), copyName.constData(),
                                          RenameMode::NoReplace) == 0;
        temp.dismiss(); // at its hidden name if the rename failed: never removed
        kept = QStringLiteral("The version it replaced is kept as %1 for you to compare.")
                   .arg(folder + QLatin1Char('/') + decodePath(moved ? copyName : temp.name()));
    }
    error.message =
        QStringLiteral("The new content was written. ") + error.message + QLatin1Char(' ') + kept;
    return error;
}

} // namespace

QString displacedCopyPath(const QString &targetPath)
{
    return targetPath + QStringLiteral(".displaced-") +
           QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz"));
}

namespace testing {
void setBeforeRenameHook(std::function<void()> hook)
{
    beforeRenameHook() = std::move(hook);
}
void setAfterExchangeHook(std::function<void()> hook)
{
    afterExchangeHook() = std::move(hook);
}
void setRenameFlagsUnsupported(bool unsupported)
{
    renameFlagsUnsupported.store(unsupported);
}
void setWriteFaultHook(std::function<int(WriteStep, const QByteArray &)> hook)
{
    writeFaultHook() = std::move(hook);
}
void setCrashPointHook(std::function<void(CrashPoint, const QByteArray &)> hook)
{
    crashPointHook() = std::move(hook);
}
} // namespace testing

Result<ReplaceOutcome> replaceFile(const QString &path, std::string_view bytes,
                                   const WriteOptions &options)
{
    const QByteArray requested = encodePath(path);
    if (requested.isEmpty())
        return makeError(ErrorCode::Usage, QStringLiteral("Cannot write: no file name given."));
    if (requested.endsWith('/'))
        return ioError(path, QStringLiteral("write the file"), EISDIR);
    Result<QByteArray> resolved =
        options.followLink ? resolveFinalSymlinks(path, requested) : Result<QByteArray>(requested);
    if (!resolved)
        return resolved.error();

    const qsizetype slash = resolved->lastIndexOf('/');
    const QByteArray dirPath = slash < 0    ? QByteArray(".")
                               : slash == 0 ? QByteArray("/")
                                            : resolved->left(slash);
    const QByteArray name = resolved->mid(slash + 1);
    const QString folder = QDir::toNativeSeparators(decodePath(dirPath));
    if (name == "." || name == "..")
        return ioError(path, QStringLiteral("write the file"), EISDIR);

    const UniqueFd dirFd(retryOnEintr(
        [&] { return ::open(dirPath.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); }));
    if (!dirFd.valid())
        return ioError(path, QStringLiteral("open the folder"), errno, folder);
    return io::replaceInFolder(dirFd.get(), name, bytes, options, path, folder);
}

namespace io {

int injectedWriteFault(testing::WriteStep step, const QByteArray &name)
{
    return injectedFault(step, name);
}

bool crashPointHookSet()
{
    return bool(crashPointHook());
}

void reachCrashPoint(testing::CrashPoint point, const QByteArray &name)
{
    if (const auto &hook = crashPointHook())
        hook(point, name);
}

Result<ReplaceOutcome> replaceInFolder(int dirFd, const QByteArray &name, std::string_view bytes,
                                       const WriteOptions &options, const QString &path,
                                       const QString &folder)
{
    struct stat existing;
    bool targetExisted = false;
    quint32 mode = options.newFileMode & 07777;
    if (::fstatat(dirFd, name.constData(), &existing, AT_SYMLINK_NOFOLLOW) == 0) {
        if (S_ISDIR(existing.st_mode))
            return ioError(path, QStringLiteral("write the file"), EISDIR);
        if (S_ISLNK(existing.st_mode))
            return linkRefused(path);
        if (!S_ISREG(existing.st_mode)) {
            Error error = makeError(ErrorCode::Unreadable,
                                    QStringLiteral("Cannot write: this is not a regular file (a "
                                                   "pipe, socket or device). Choose a regular "
                                                   "file."));
            error.file = path;
            return error;
        }
        targetExisted = true;
        mode = quint32(existing.st_mode & 07777);
    } else if (errno != ENOENT) {
        return ioError(path, QStringLiteral("look up the file"), errno, folder);
    }

    using testing::WriteStep;
    const QByteArray writeId = makeWriteId();
    TempFile temp(dirFd, tempNameFor(name, writeId));
    const QString writeTemp = QStringLiteral("write a temporary file in %1").arg(folder);
    if (const int err = injectedFault(WriteStep::Open, name))
        return ioError(path, writeTemp, err, folder);
    if (const int err = temp.create())
        return ioError(path, writeTemp, err, folder);
    std::optional<BaseRecord> baseRecord;
    struct stat tempStat;
    if (options.keepBaseRecord && options.learnPrevious && targetExisted &&
        ::fstat(temp.fd(), &tempStat) == 0) {
        baseRecord.emplace(dirFd, name, writeId, contentTag(bytes), quint64(tempStat.st_ino));
        struct stat now;
        if (baseRecord->error() == ENOENT && options.expectedBase &&
            (::fstatat(dirFd, name.constData(), &now, AT_SYMLINK_NOFOLLOW) != 0 ||
             quint64(now.st_dev) != options.expectedBase->device ||
             quint64(now.st_ino) != options.expectedBase->inode)) {
            // link(2) fails so on an inode whose last name is going: another
            // writer's rename replaced the file at that instant (or it was
            // deleted). Going on without a record would leave that writer's
            // version unrecorded once our exchange displaces it. (The file
            // still there as it was read: a file system's own refusal, and
            // the write goes on without a record, as without hard links.)
            ReplaceOutcome stale;
            stale.baseChanged = true;
            return stale;
        }
        struct stat linked;
        if (baseRecord->present() && options.expectedBase &&
            ::fstatat(dirFd, baseRecord->name().constData(), &linked, AT_SYMLINK_NOFOLLOW) == 0 &&
            (quint64(linked.st_dev) != options.expectedBase->device ||
             quint64(linked.st_ino) != options.expectedBase->inode)) {
            // Another writer replaced the file since the caller read it: a
            // record of this write would not show its base.
            ReplaceOutcome stale;
            stale.baseChanged = true;
            return stale;
        }
    }
    if (int err = injectedFault(WriteStep::Write, name); err || (err = writeAll(temp.fd(), bytes)))
        return ioError(path, writeTemp, err, folder);
    if (::fchmod(temp.fd(), mode) != 0)
        return ioError(path, QStringLiteral("set the permissions of the new file"), errno, folder);
    // Root editing someone's file must not hand it to root. Best effort.
    if (targetExisted && ::geteuid() == 0 &&
        (existing.st_uid != ::geteuid() || existing.st_gid != ::getegid()) &&
        ::fchown(temp.fd(), existing.st_uid, existing.st_gid) != 0)
        qCWarning(lcIo) << "could not keep the owner of" << path << qt_error_string(errno);
    if (options.durable) {
        if (int err = injectedFault(WriteStep::Sync, name); err || (err = syncToDisk(temp.fd())))
            return ioError(path, writeTemp, err, folder);
    }
    // The stamp after the rename comes from a descriptor that only reads
    // (the rename changes the ctime); the one we wrote through is closed and
    // checked before the rename, so a late write error never reaches the file.
    const UniqueFd written(retryOnEintr([&] {
        return ::openat(dirFd, temp.name().constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    }));
    if (!written.valid())
        return ioError(path, writeTemp, errno, folder);
    if (int err = injectedFault(WriteStep::Close, name); err || (err = temp.close()))
        return ioError(path, writeTemp, err, folder);
    // Watched from here on: every write into it after this is someone else's.
    std::shared_ptr<WrittenFile> watched;
    if (options.learnPrevious)
        watched = WrittenFile::watch(::fcntl(written.get(), F_DUPFD_CLOEXEC, 0));

    if (const auto &hook = beforeRenameHook())
        hook();
    if (const int err = injectedFault(WriteStep::Rename, name))
        return ioError(path, QStringLiteral("replace the file"), err, folder);

    ReplaceOutcome outcome;
    const QString replaceAction = QStringLiteral("replace the file");
    bool renamed = false;
    if (options.learnPrevious) {
        // Exchange tells us exactly which file we displaced; NOREPLACE proves
        // there was none. A file appearing or vanishing meanwhile switches mode.
        RenameMode renameMode = targetExisted ? RenameMode::Exchange : RenameMode::NoReplace;
        bool flagsWork = true;
        for (int attempt = 0; attempt < 16 && !renamed && flagsWork; ++attempt) {
            if (renameWithMode(dirFd, temp.name().constData(), name.constData(), renameMode) == 0) {
                renamed = true;
            } else if (meansFlagsUnsupported(errno)) {
                flagsWork = false;
            } else if (renameMode == RenameMode::Exchange && errno == ENOENT) {
                renameMode = RenameMode::NoReplace;
            } else if (renameMode == RenameMode::NoReplace && errno == EEXIST) {
                renameMode = RenameMode::Exchange;
            } else {
                return ioError(path, replaceAction, errno, folder);
            }
        }
        if (renamed && renameMode == RenameMode::Exchange) {
            if (const auto &hook = afterExchangeHook())
                hook();
            outcome.exchanged = true;
            // Our own earlier write, untouched since: known without a read.
            struct stat displacedStat;
            const bool knownUnchanged =
                options.expectedPrevious && *options.expectedPrevious && options.expectedWritten &&
                ::fstatat(dirFd, temp.name().constData(), &displacedStat, AT_SYMLINK_NOFOLLOW) ==
                    0 &&
                options.expectedWritten->isUnchanged(displacedStat);
            std::optional<std::string> displaced;
            if (!knownUnchanged) {
                displaced.emplace();
                int err = injectedFault(WriteStep::ReadDisplaced, name);
                if (err == 0)
                    err = readDisplaced(dirFd, temp.name(), *displaced);
                if (err != 0)
                    return unreadDisplaced(dirFd, name, temp, baseRecord, err, path, folder);
            }
            // Compared in place: a copy of the displaced bytes costs as much
            // as the compare on a large file.
            outcome.previousAsExpected =
                knownUnchanged || (options.expectedPrevious && *options.expectedPrevious &&
                                   *displaced == **options.expectedPrevious);
            if (baseRecord && baseRecord->present() && options.expectedPrevious &&
                !outcome.previousAsExpected) {
                // Another writer's version is now only at the temp name: both
                // names stay until the caller has merged it back.
                outcome.keptRecord =
                    WriteRecord{folder + QLatin1Char('/') + decodePath(baseRecord->name()),
                                folder + QLatin1Char('/') + decodePath(temp.name())};
                baseRecord->dismiss();
                temp.dismiss();
            } else {
                // Before the folder fsync, so that it covers the removal too.
                temp.remove();
            }
            outcome.previous = std::move(displaced);
        } else if (renamed) {
            temp.dismiss();
        } else if (flagsWork) {
            Error error = makeError(ErrorCode::Conflict,
                                    QStringLiteral("Cannot write: another program keeps "
                                                   "creating and deleting the file. Try again."));
            error.file = path;
            return error;
        } else {
            // No exchange on this file system: the closest we can get is to
            // look right before a plain rename.
            std::string current;
            const int err = readDisplaced(dirFd, name, current);
            if (err == 0)
                outcome.previous = std::move(current);
            else if (err != ENOENT)
                return ioError(path, QStringLiteral("read the file"), err, folder);
        }
    }
    if (!renamed) {
        if (retryOnEintr([&] {
                return ::renameat(dirFd, temp.name().constData(), dirFd, name.constData());
            }) != 0)
            return ioError(path, replaceAction, errno, folder);
        temp.dismiss();
    }

    struct stat st;
    if (::fstat(written.get(), &st) == 0)
        outcome.stamp = stampFromStat(st);
    outcome.written = std::move(watched);
    if (options.durable) {
        // The new bytes are in place already; a failure here only weakens the
        // guarantee after a power loss, so it is reported but not an error.
        if (const int err = syncToDisk(dirFd))
            qCWarning(lcIo) << "could not flush the folder of" << path << qt_error_string(err);
    }
    return outcome;
}

} // namespace io

void syncFileAndFolder(const QString &path)
{
    const QByteArray file = encodePath(path);
    const QByteArray dir = encodePath(QFileInfo(path).absolutePath());
    for (const QByteArray &name : {file, dir}) {
        UniqueFd fd(retryOnEintr([&] { return ::open(name.constData(), O_RDONLY | O_CLOEXEC); }));
        if (fd.valid())
            syncToDisk(fd.get());
    }
}

Result<void> refuseReadOnly(const QString &path, const FileStamp &stamp)
{
    if (!stamp.exists)
        return {};
    // access() says yes to root whatever the bits; a file nobody may write
    // is read-only for root too.
    const bool noWriteBits = (stamp.mode & 0222) == 0;
    const bool denied =
        ::faccessat(AT_FDCWD, encodePath(path).constData(), W_OK, AT_EACCESS) != 0 &&
        errno == EACCES;
    if (!noWriteBits && !denied)
        return {};
    const QString shown = QDir::toNativeSeparators(path);
    const QString mode = QString::number(stamp.mode, 8).rightJustified(4, QLatin1Char('0'));
    // Not readable either (mode 0000 for another user): both are needed.
    const bool unreadable =
        ::faccessat(AT_FDCWD, encodePath(path).constData(), R_OK, AT_EACCESS) != 0 &&
        errno == EACCES;
    Error error = makeError(
        ErrorCode::Unreadable,
        unreadable ? QStringLiteral("the file can be neither read nor written by this user (mode "
                                    "%1), so it was not changed. Its owner can allow both "
                                    "(chmod u+rw \"%2\" when that is this user)")
                         .arg(mode, shown)
                   : QStringLiteral("the file is read-only (mode %1), so it was not changed. "
                                    "To allow changes: chmod u+w \"%2\"")
                         .arg(mode, shown));
    error.file = path;
    return error;
}

bool isTempFileName(const QString &fileName, const QString &targetName)
{
    const QString prefix = QLatin1Char('.') + targetName + QLatin1String(tempMarker);
    if (!fileName.startsWith(prefix))
        return false;
    const QStringView rest = QStringView(fileName).mid(prefix.size());
    const qsizetype dash = rest.indexOf(QLatin1Char('-'));
    if (dash <= 0 || dash == rest.size() - 1)
        return false;
    bool pidOk = false, randomOk = false;
    const qint64 pid = rest.left(dash).toLongLong(&pidOk);
    const quint64 random = rest.mid(dash + 1).toULongLong(&randomOk, 16);
    Q_UNUSED(random);
    return pidOk && randomOk && pid > 0;
}

void removeStaleTempFiles(const QString &targetPath)
{
    const FolderOf where = folderOf(targetPath);
    const QString basePrefix = QLatin1Char('.') + where.targetName + QLatin1String(baseMarker);
    const QString tempPrefix = QLatin1Char('.') + where.targetName + QLatin1String(tempMarker);
    const QStringList names = namesIn(where.dirPath);
    QSet<QString> recorded; // "<pid>-<hex>" of writes with a base record
    for (const QString &name : names) {
        if (name.startsWith(basePrefix))
            recorded.insert(name.mid(basePrefix.size()).section(QLatin1Char('-'), 0, 1));
    }
    for (const QString &name : names) {
        if (!isTempFileName(name, where.targetName) ||
            recorded.contains(name.mid(tempPrefix.size())))
            continue;
        if (!isRunning(writerPid(QStringView(name).mid(tempPrefix.size()))))
            ::unlink((where.dirPath + '/' + encodePath(name)).constData());
    }
}

void discardWriteRecord(const WriteRecord &record)
{
    for (const QString &path : {record.tempPath, record.basePath}) {
        if (!path.isEmpty())
            ::unlink(encodePath(path).constData());
    }
}

std::vector<StrandedWrite> findStrandedWrites(const QString &targetPath)
{
    const FolderOf where = folderOf(targetPath);
    const QString basePrefix = QLatin1Char('.') + where.targetName + QLatin1String(baseMarker);
    const QString tempPrefix = QLatin1Char('.') + where.targetName + QLatin1String(tempMarker);
    const QString folder = decodePath(where.dirPath);
    const QStringList names = namesIn(where.dirPath);
    std::vector<StrandedWrite> stranded;
    for (const QString &name : names) {
        if (!name.startsWith(basePrefix))
            continue;
        // "<pid>-<hex>-<tag>-<temp inode>" (older records: "<pid>-<hex>-<tag>")
        const QStringList parts = name.mid(basePrefix.size()).split(QLatin1Char('-'));
        bool tagOk = false;
        const quint64 tag =
            parts.size() == 3 || parts.size() == 4 ? parts[2].toULongLong(&tagOk, 16) : 0;
        bool inodeOk = false;
        const quint64 tempInode = parts.size() == 4 ? parts[3].toULongLong(&inodeOk, 16) : 0;
        const pid_t pid = writerPid(name.mid(basePrefix.size()));
        if (!tagOk || pid == 0 || isRunning(pid))
            continue;
        StrandedWrite write;
        write.files.basePath = folder + QLatin1Char('/') + name;
        write.tag = tag;
        write.tempInode = inodeOk ? tempInode : 0;
        const QString temp = tempPrefix + parts[0] + QLatin1Char('-') + parts[1];
        if (names.contains(temp))
            write.files.tempPath = folder + QLatin1Char('/') + temp;
        stranded.push_back(std::move(write));
    }
    return stranded;
}

} // namespace tad
