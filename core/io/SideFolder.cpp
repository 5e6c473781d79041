// Side folders opened and used without following links; see SideFolder.h.
#include "SideFolder.h"

#include "PosixIo.h"

#include <QDir>
#include <QFileInfo>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace tad {

using namespace io;

namespace {

SideEntry::Type typeOf(mode_t mode)
{
    if (S_ISREG(mode))
        return SideEntry::Type::File;
    if (S_ISLNK(mode))
        return SideEntry::Type::Link;
    if (S_ISDIR(mode))
        return SideEntry::Type::Folder;
    return SideEntry::Type::Other;
}

// `linkTarget` is what the link says, if it is one; null otherwise.
Error folderRefused(const QString &path, const QString &linkTarget)
{
    const bool isLink = !linkTarget.isNull();
    const QString name = QFileInfo(path).fileName();
    const QString shown = QDir::toNativeSeparators(path);
    // The link's target as written may be relative to the link's folder; the
    // command is run from anywhere, so it names the target absolutely.
    const QString target = isLink ? QDir::toNativeSeparators(QDir::cleanPath(
                                        QFileInfo(linkTarget).isAbsolute()
                                            ? linkTarget
                                            : QFileInfo(path).absoluteDir().filePath(linkTarget)))
                                  : QString();
    Error error = makeError(
        ErrorCode::Unreadable,
        isLink ? QStringLiteral("%1/ is a symbolic link; TAD Settings does not follow links in its "
                                "own folders. Replace it with a real folder: move the folder it "
                                "points to into its place (rm \"%2\" && mv \"%3\" \"%2\"), or "
                                "remove the link and TAD Settings makes a new, empty one.")
                     .arg(name, shown, target)
               : QStringLiteral("%1 is not a folder; TAD Settings keeps its %1/ folder there. "
                                "Move the file \"%2\" away, then try again.")
                     .arg(name, shown));
    error.file = path;
    return error;
}

} // namespace

QString SideFolder::pathFor(const QString &storePath, const QString &folderName)
{
    return QFileInfo(storePath).absoluteDir().filePath(folderName);
}

Result<SideFolder> SideFolder::open(const QString &storePath, const QString &folderName, Mode mode)
{
    const QString path = pathFor(storePath, folderName);
    const QString parent = QFileInfo(path).absolutePath();
    const QString shownParent = QDir::toNativeSeparators(parent);
    // The settings file's own folder may be reached through links (a
    // dotfiles setup); only our folder in it must not be one.
    const UniqueFd parentFd(retryOnEintr([&] {
        return ::open(encodePath(parent).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }));
    if (!parentFd.valid()) {
        if (errno == ENOENT && mode == Mode::OpenExisting)
            return SideFolder(path, -1);
        return ioError(path, QStringLiteral("open the folder"), errno, shownParent);
    }
    const QByteArray name = encodePath(folderName);
    for (int attempt = 0; attempt < 3; ++attempt) {
        const int fd = retryOnEintr([&] {
            return ::openat(parentFd.get(), name.constData(),
                            O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        });
        if (fd >= 0) {
            SideFolder folder(path, fd);
            struct stat st;
            // Tightened only when we are about to write into it; through the
            // descriptor, so it is this very folder and nothing it points to.
            if (mode == Mode::Create && ::fstat(fd, &st) == 0 && (st.st_mode & 07777) != 0700 &&
                ::fchmod(fd, 0700) != 0)
                qCWarning(lcIo) << "could not make" << path << "private:" << qt_error_string(errno);
            return folder;
        }
        const int err = errno;
        if (err == ENOENT) {
            if (mode == Mode::OpenExisting)
                return SideFolder(path, -1);
            if (::mkdirat(parentFd.get(), name.constData(), 0700) != 0 && errno != EEXIST)
                return ioError(path, QStringLiteral("create the folder"), errno, shownParent);
            continue;
        }
        struct stat st;
        if ((err == ELOOP || err == ENOTDIR) &&
            ::fstatat(parentFd.get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
            if (!S_ISLNK(st.st_mode))
                return folderRefused(path, QString());
            char target[4096];
            const ssize_t length =
                ::readlinkat(parentFd.get(), name.constData(), target, sizeof target);
            return folderRefused(path, length > 0 ? decodePath(QByteArray(target, int(length)))
                                                  : QStringLiteral("TARGET"));
        }
        return ioError(path, QStringLiteral("open the folder"), err, shownParent);
    }
    return ioError(path, QStringLiteral("create the folder"), ENOENT, shownParent);
}

SideFolder::SideFolder(SideFolder &&other) noexcept
    : m_path(std::move(other.m_path)), m_fd(std::exchange(other.m_fd, -1))
{}

SideFolder &SideFolder::operator=(SideFolder &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_path = std::move(other.m_path);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

SideFolder::~SideFolder()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QString SideFolder::filePath(const QString &name) const
{
    return m_path + QLatin1Char('/') + name;
}

Result<QByteArray> SideFolder::checkedName(const QString &name) const
{
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String("..") ||
        name.contains(QLatin1Char('/')) || name.contains(QChar(0)))
        return makeError(ErrorCode::Usage,
                         QStringLiteral("\"%1\" is not a plain file name in %2")
                             .arg(name.left(120), QDir::toNativeSeparators(m_path)));
    return encodePath(name);
}

Result<FileSnapshot> SideFolder::read(const QString &name) const
{
    auto encoded = checkedName(name);
    if (!encoded)
        return encoded.error();
    if (!exists())
        return FileSnapshot{};
    UniqueFd fd(retryOnEintr([&] {
        return ::openat(m_fd, encoded->constData(),
                        O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | O_NOFOLLOW);
    }));
    if (!fd.valid()) {
        const int err = errno;
        if (err == ENOENT)
            return FileSnapshot{};
        struct stat st;
        if (err == ELOOP && ::fstatat(m_fd, encoded->constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISLNK(st.st_mode))
            return linkRefused(filePath(name));
        return ioError(filePath(name), QStringLiteral("read the file"), err,
                       QDir::toNativeSeparators(m_path));
    }
    return readOpenFile(std::move(fd), filePath(name));
}

Result<ReplaceOutcome> SideFolder::write(const QString &name, std::string_view bytes,
                                         const WriteOptions &options) const
{
    auto encoded = checkedName(name);
    if (!encoded)
        return encoded.error();
    if (!exists())
        return ioError(filePath(name), QStringLiteral("write the file"), ENOENT,
                       QDir::toNativeSeparators(m_path));
    return replaceInFolder(m_fd, *encoded, bytes, options, filePath(name),
                           QDir::toNativeSeparators(m_path));
}

Result<AppendFile> SideFolder::openAppend(const QString &name) const
{
    auto encoded = checkedName(name);
    if (!encoded)
        return encoded.error();
    const QString path = filePath(name);
    const QString folder = QDir::toNativeSeparators(m_path);
    if (!exists())
        return ioError(path, QStringLiteral("open the file"), ENOENT, folder);
    if (const int err = injectedWriteFault(testing::WriteStep::Open, *encoded))
        return ioError(path, QStringLiteral("open the file"), err, folder);
    bool created = false;
    int fd = -1;
    for (int attempt = 0; attempt < 3 && fd < 0; ++attempt) {
        fd = retryOnEintr([&] {
            return ::openat(m_fd, encoded->constData(), O_RDWR | O_APPEND | O_NOFOLLOW | O_CLOEXEC);
        });
        if (fd >= 0 || errno != ENOENT)
            break;
        fd = retryOnEintr([&] {
            return ::openat(m_fd, encoded->constData(),
                            O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        });
        created = fd >= 0;
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        const int err = errno;
        struct stat st;
        if (err == ELOOP && ::fstatat(m_fd, encoded->constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISLNK(st.st_mode))
            return linkRefused(path);
        return ioError(path, QStringLiteral("open the file"), err, folder);
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return ioError(path, QStringLiteral("open the file"), EISDIR, folder);
    }
    const int dirFd = ::fcntl(m_fd, F_DUPFD_CLOEXEC, 0);
    if (dirFd < 0) {
        const int err = errno;
        ::close(fd);
        return ioError(path, QStringLiteral("open the file"), err, folder);
    }
    return AppendFile(fd, dirFd, *encoded, path, created);
}

Result<void> SideFolder::rename(const QString &from, const QString &to) const
{
    auto source = checkedName(from);
    if (!source)
        return source.error();
    auto target = checkedName(to);
    if (!target)
        return target.error();
    const QString folder = QDir::toNativeSeparators(m_path);
    reachCrashPoint(testing::CrashPoint::BeforeSideRename, *source);
    if (::renameat(m_fd, source->constData(), m_fd, target->constData()) != 0)
        return ioError(filePath(from), QStringLiteral("rename the file"), errno, folder);
    reachCrashPoint(testing::CrashPoint::AfterSideRename, *source);
    if (const int err = syncToDisk(m_fd))
        return ioError(m_path, QStringLiteral("flush the folder to disk"), err, folder);
    return {};
}

Result<std::vector<SideEntry>> SideFolder::list() const
{
    std::vector<SideEntry> entries;
    if (!exists())
        return entries;
    // A descriptor of its own: one shared with m_fd would share the read offset.
    const int fd = retryOnEintr(
        [&] { return ::openat(m_fd, ".", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC); });
    DIR *dir = fd >= 0 ? ::fdopendir(fd) : nullptr;
    if (!dir) {
        const int err = errno;
        if (fd >= 0)
            ::close(fd);
        return ioError(m_path, QStringLiteral("list the folder"), err);
    }
    errno = 0;
    while (const dirent *entry = ::readdir(dir)) {
        const char *raw = entry->d_name;
        if (raw[0] == '.' && (raw[1] == '\0' || (raw[1] == '.' && raw[2] == '\0')))
            continue;
        SideEntry out;
        out.name = decodePath(QByteArray(raw));
        switch (entry->d_type) {
        case DT_REG:
            out.type = SideEntry::Type::File;
            break;
        case DT_LNK:
            out.type = SideEntry::Type::Link;
            break;
        case DT_DIR:
            out.type = SideEntry::Type::Folder;
            break;
        case DT_UNKNOWN: {
            struct stat st;
            out.type = ::fstatat(::dirfd(dir), raw, &st, AT_SYMLINK_NOFOLLOW) == 0
                           ? typeOf(st.st_mode)
                           : SideEntry::Type::Other;
            break;
        }
        default:
            out.type = SideEntry::Type::Other;
        }
        entries.push_back(std::move(out));
    }
    const int err = errno;
    ::closedir(dir);
    if (err != 0)
        return ioError(m_path, QStringLiteral("list the folder"), err);
    return entries;
}

Result<SideStat> SideFolder::stat(const QString &name) const
{
    auto encoded = checkedName(name);
    if (!encoded)
        return encoded.error();
    SideStat out;
    if (!exists())
        return out;
    struct stat st;
    if (::fstatat(m_fd, encoded->constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT)
            return out;
        return ioError(filePath(name), QStringLiteral("look up the file"), errno);
    }
    out.exists = true;
    out.type = typeOf(st.st_mode);
    out.stamp = stampFromStat(st);
    return out;
}

Result<void> SideFolder::checkRoom(quint64 needed, const QString &what) const
{
    struct statvfs fs;
    if (!exists() || ::fstatvfs(m_fd, &fs) != 0)
        return {};
    const quint64 available = quint64(fs.f_bavail) * quint64(fs.f_frsize);
    if (available >= needed)
        return {};
    const auto kib = [](quint64 bytes) {
        return QString::number((bytes + 1023) / 1024);
    };
    Error error = makeError(
        ErrorCode::Unreadable,
        QStringLiteral("not enough free space for %1: %2 KiB free on the disk of %3, %4 KiB "
                       "needed so that the settings file stays writable. Free some space, then "
                       "try again.")
            .arg(what, kib(available), QDir::toNativeSeparators(m_path), kib(needed)));
    error.file = m_path;
    return error;
}

Result<bool> SideFolder::remove(const QString &name) const
{
    auto encoded = checkedName(name);
    if (!encoded)
        return encoded.error();
    if (!exists())
        return false;
    if (::unlinkat(m_fd, encoded->constData(), 0) != 0) {
        if (errno == ENOENT)
            return false;
        return ioError(filePath(name), QStringLiteral("remove the file"), errno,
                       QDir::toNativeSeparators(m_path));
    }
    return true;
}

} // namespace tad
