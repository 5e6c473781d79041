#include "WrittenFile.h"

#include "AtomicFile.h"
#include "PosixIo.h"

#include <QByteArray>
#include <QThreadPool>
#include <cerrno>
#include <mutex>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <unordered_map>

#if defined(__linux__)
#include <sys/inotify.h>
#endif

namespace tad {

#if defined(__linux__)
namespace {

// One inotify instance for the whole process, never closed: closing one
// waits for the kernel's grace period (milliseconds), which a write cannot
// afford each time. Each inode watched has one watch descriptor, shared by
// every WrittenFile on it and counted; its writes are counted too, and a
// WrittenFile remembers the count it started from.
class InodeWatches
{
public:
    static InodeWatches &instance()
    {
        // Never destroyed: a file released on a pool thread may be closed
        // while the program exits.
        static InodeWatches *const watches = new InodeWatches;
        return *watches;
    }

    // -1: cannot watch. Else the descriptor, and in `writes` its count now.
    int add(int fd, quint64 &writes)
    {
        std::lock_guard lock(m_mutex);
        if (m_fd < 0)
            return -1;
        drainLocked();
        // The watch goes on the inode behind the descriptor, not on a name
        // that another program could point elsewhere meanwhile.
        const QByteArray self = "/proc/self/fd/" + QByteArray::number(fd);
        const int wd = ::inotify_add_watch(m_fd, self.constData(), IN_MODIFY);
        if (wd < 0)
            return -1;
        Watch &watch = m_watches[wd];
        ++watch.users;
        writes = watch.writes + m_overflows;
        return wd;
    }

    void remove(int wd)
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_watches.find(wd);
        if (it == m_watches.end() || --it->second.users > 0)
            return;
        m_watches.erase(it);
        ::inotify_rm_watch(m_fd, wd);
    }

    // The count of writes seen for `wd` (and of events lost), everything
    // queued so far included.
    quint64 writes(int wd)
    {
        std::lock_guard lock(m_mutex);
        drainLocked();
        const auto it = m_watches.find(wd);
        // A watch the kernel dropped (IN_IGNORED) knows nothing more.
        return it == m_watches.end() ? ~quint64(0) : it->second.writes + m_overflows;
    }

private:
    struct Watch
    {
        int users = 0;
        quint64 writes = 0;
    };

    InodeWatches() : m_fd(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}

    void drainLocked()
    {
        // Events are queued by the write itself, as it returns: one that
        // returned before this call is here (one still running may not be,
        // as a read of the file then could see part of it).
        alignas(struct inotify_event) char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                if (n < 0 && errno != EAGAIN)
                    ++m_overflows; // nothing can be trusted then
                return;
            }
            for (ssize_t at = 0; at < n;) {
                const auto *event = reinterpret_cast<const struct inotify_event *>(buffer + at);
                at += ssize_t(sizeof(struct inotify_event) + event->len);
                if (event->mask & IN_Q_OVERFLOW) {
                    ++m_overflows;
                    continue;
                }
                const auto it = m_watches.find(event->wd);
                if (it == m_watches.end())
                    continue;
                if (event->mask & IN_IGNORED)
                    m_watches.erase(it);
                else
                    ++it->second.writes;
            }
        }
    }

    std::mutex m_mutex;
    int m_fd;
    std::unordered_map<int, Watch> m_watches;
    quint64 m_overflows = 0;
};

} // namespace
#endif

#if defined(__linux__)
namespace {

// inotify sees only the writes made through this kernel: on a network or
// user-space file system another host's writes would go unseen, so only a
// local one is watched.
bool isLocalFileSystem(int fd)
{
    struct statfs fs;
    if (::fstatfs(fd, &fs) != 0)
        return false;
    switch (static_cast<unsigned long>(fs.f_type)) {
    case 0xEF53UL:     // ext2, ext3, ext4
    case 0x58465342UL: // xfs
    case 0x9123683EUL: // btrfs
    case 0x01021994UL: // tmpfs
    case 0xF2F52010UL: // f2fs
    case 0x2FC12FC1UL: // zfs
    case 0x794C7630UL: // overlayfs (containers)
        return true;
    default:
        return false;
    }
}

} // namespace
#endif

std::shared_ptr<WrittenFile> WrittenFile::watch(int fd)
{
#if defined(__linux__)
    struct stat st;
    if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || !isLocalFileSystem(fd)) {
        if (fd >= 0)
            ::close(fd);
        return nullptr;
    }
    quint64 writes = 0;
    const int wd = InodeWatches::instance().add(fd, writes);
    if (wd < 0) {
        ::close(fd);
        return nullptr;
    }
    return std::shared_ptr<WrittenFile>(
        new WrittenFile(fd, wd, writes, quint64(st.st_dev), quint64(st.st_ino)),
        [](WrittenFile *file) {
            QThreadPool *pool = QThreadPool::globalInstance();
            if (!pool || !pool->tryStart([file] { delete file; }))
                delete file; // no thread to spare (or the program is ending): here
        });
#else
    if (fd >= 0)
        ::close(fd);
    return nullptr;
#endif
}

WrittenFile::WrittenFile(int fd, int watch, quint64 writes, quint64 device, quint64 inode)
    : m_fd(fd), m_watch(watch), m_writes(writes), m_device(device), m_inode(inode)
{}

WrittenFile::~WrittenFile()
{
#if defined(__linux__)
    InodeWatches::instance().remove(m_watch);
#endif
    ::close(m_fd);
}

bool WrittenFile::isUnchanged(const struct stat &st)
{
    if (m_changed || quint64(st.st_dev) != m_device || quint64(st.st_ino) != m_inode)
        return false;
#if defined(__linux__)
    m_changed = InodeWatches::instance().writes(m_watch) != m_writes;
#else
    m_changed = true;
#endif
    return !m_changed;
}

bool WrittenFile::standsAt(const QString &path, FileStamp *found)
{
    struct stat st;
    if (::stat(io::encodePath(path).constData(), &st) != 0)
        return false;
    if (found)
        *found = io::stampFromStat(st);
    return isUnchanged(st);
}

} // namespace tad
