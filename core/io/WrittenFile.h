// The file one of our writes put in place, known by its identity: held
// open, so that its inode number cannot go to another file while we hold
// it, and watched (inotify) for writes into it. While the file at the
// settings path is that inode and nothing has written into it, its bytes are
// the ones we wrote, and they need not be read back to know it.
//
// What it cannot see: a change through a shared memory mapping (no program
// writes a settings file that way; the store also checks the mtime). On a
// file system that is not local (NFS, SMB, FUSE, ...), where inotify misses
// other hosts' writes, and without inotify, watch() gives nothing and
// callers read the file as before.
#pragma once

#include <QString>
#include <QtGlobal>
#include <memory>

struct stat;

namespace tad {

struct FileStamp;

class WrittenFile
{
public:
    // Takes `fd` (a descriptor of the new file, opened before its rename and
    // after our last write into it) and starts watching it. nullptr when it
    // cannot be watched (no inotify, no /proc, the user's inotify limit);
    // `fd` is closed then. Dropping the last hold closes the file on a pool
    // thread: closing the last descriptor of a file already replaced frees
    // its blocks, which costs about as much as the write itself.
    static std::shared_ptr<WrittenFile> watch(int fd);
    ~WrittenFile();
    WrittenFile(const WrittenFile &) = delete;
    WrittenFile &operator=(const WrittenFile &) = delete;

    quint64 device() const { return m_device; }
    quint64 inode() const { return m_inode; }
    // True while `st` describes this file (device and inode) and nothing
    // has written into it or truncated it since watch(). Once false, false
    // for good.
    bool isUnchanged(const struct stat &st);
    // The same for the file at `path`, following links as readFile() does;
    // `found` gets the identity of what is there.
    bool standsAt(const QString &path, FileStamp *found = nullptr);

private:
    WrittenFile(int fd, int watch, quint64 writes, quint64 device, quint64 inode);

    int m_fd;
    int m_watch;      // the inode's watch descriptor
    quint64 m_writes; // its count of writes when we started
    quint64 m_device;
    quint64 m_inode;
    bool m_changed = false;
};

} // namespace tad
