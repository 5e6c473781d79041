// A file that only grows, in a side folder: the history's journal. Each
// record is added at the end with one write(2) under an exclusive lock that
// every process of ours takes (flock), and records are made durable in
// groups (sync()), not one by one. A record cut short by a crash is the
// caller's to find and cut off (truncate()) before it appends again.
#pragma once

#include "AtomicFile.h"
#include "Result.h"

#include <QByteArray>
#include <QString>
#include <string>
#include <string_view>

namespace tad {

class SideFolder;

class AppendFile
{
public:
    AppendFile(AppendFile &&other) noexcept;
    AppendFile &operator=(AppendFile &&other) noexcept;
    AppendFile(const AppendFile &) = delete;
    AppendFile &operator=(const AppendFile &) = delete;
    ~AppendFile();

    const QString &path() const { return m_path; }
    // Identity and size now (fstat of the open file).
    Result<FileStamp> stamp() const;
    // The bytes from `offset` to the end.
    Result<std::string> readFrom(qint64 offset) const;

    // The lock every writer of this file holds while it reads the tail,
    // cuts a torn record and appends; released by unlock() or the destructor.
    Result<void> lock();
    void unlock();
    Result<void> truncate(qint64 size);
    // One write at the end (O_APPEND). Not durable until sync().
    Result<void> append(std::string_view bytes);
    // fdatasync of the file; the first one after the file was created also
    // fsyncs the folder, so the file's name is durable too. Does nothing when
    // nothing was appended since the last sync.
    Result<void> sync();
    bool needsSync() const { return m_dirty || m_folderSyncPending; }

private:
    friend class SideFolder;
    AppendFile(int fd, int dirFd, QByteArray name, QString path, bool created);
    void close();

    int m_fd = -1;
    int m_dirFd = -1; // our own duplicate of the folder's descriptor
    QByteArray m_name;
    QString m_path;
    bool m_folderSyncPending = false;
    bool m_dirty = false;
    bool m_locked = false;
};

} // namespace tad
