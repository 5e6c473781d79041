// The folders TAD Settings keeps beside the settings file (`backups/`,
// `storeHistory/`) and every file in them. They hold copies of the whole
// settings, API key included, so nothing in them is reached through a
// symbolic link: the folder is opened with O_NOFOLLOW relative to the
// settings file's folder, and every file relative to the folder's descriptor
// with O_NOFOLLOW (read, write, list, stat, remove). A link where a folder or
// file of ours should be is refused with a message that says what to do;
// nothing outside the folder is ever read, written or chmodded. (The
// settings file itself may be a link, see AtomicFile.h; this is only about
// the folders beside it.)
#pragma once

#include "AppendFile.h"
#include "AtomicFile.h"
#include "Result.h"

#include <QString>
#include <string_view>
#include <vector>

namespace tad {

struct SideEntry
{
    enum class Type
    {
        File,
        Link,
        Folder,
        Other // a pipe, socket or device
    };
    QString name;
    Type type = Type::Other;
};

struct SideStat
{
    bool exists = false;
    SideEntry::Type type = SideEntry::Type::Other;
    FileStamp stamp; // of the entry itself, never of what a link points to
};

// Room kept beyond the bytes themselves: block rounding, a meta file, a
// history entry's folder metadata.
inline constexpr quint64 kSideFileSlack = 32 * 1024;

class SideFolder
{
public:
    enum class Mode
    {
        OpenExisting, // a missing folder is no error: exists() is false
        Create        // a missing folder is made, mode 0700
    };

    // `folderName` in the folder of `storePath` (the folder of the path as
    // given: a symlinked settings file keeps its side folders beside the link).
    static QString pathFor(const QString &storePath, const QString &folderName);

    // Opens the folder without following a link; a link or a non-folder is
    // refused. With Create, the folder is also made 0700 through its own
    // descriptor (it holds copies of the API key, and the Electron app makes
    // backups/ with the default mode); opening to read changes nothing.
    static Result<SideFolder> open(const QString &storePath, const QString &folderName, Mode mode);

    SideFolder(SideFolder &&other) noexcept;
    SideFolder &operator=(SideFolder &&other) noexcept;
    SideFolder(const SideFolder &) = delete;
    SideFolder &operator=(const SideFolder &) = delete;
    ~SideFolder();

    const QString &path() const { return m_path; }
    QString filePath(const QString &name) const;
    bool exists() const { return m_fd >= 0; }

    // `name` is a plain name in the folder; anything with a slash, "." or
    // ".." is refused (Usage). A link at `name` is refused (Unreadable).
    // A missing file: ok, stamp.exists == false.
    Result<FileSnapshot> read(const QString &name) const;
    // The one write path (AtomicFile.h) relative to the folder: temp file,
    // fsync, rename, folder fsync. A link at `name` is refused, not replaced.
    Result<ReplaceOutcome> write(const QString &name, std::string_view bytes,
                                 const WriteOptions &options) const;
    // `name` opened for appending (made 0600 when missing), never through a
    // link; see AppendFile.h.
    Result<AppendFile> openAppend(const QString &name) const;
    // Every entry but "." and "..", in no particular order.
    Result<std::vector<SideEntry>> list() const;
    // The entry itself (lstat). Missing: exists == false.
    Result<SideStat> stat(const QString &name) const;
    // Side files must never take the room the settings file needs for its
    // next write (a full disk would then refuse every change). Ok when the
    // folder's file system has `needed` bytes free for us, or cannot say;
    // else Unreadable, naming `what`, both figures and what to do.
    Result<void> checkRoom(quint64 needed, const QString &what) const;
    // Renames `from` to `to` within the folder (replacing `to`), then fsyncs
    // the folder. A link at `from` is moved as a link, never followed.
    Result<void> rename(const QString &from, const QString &to) const;
    // Removes the entry (a link is removed, never what it points to).
    // Returns false if there was nothing to remove.
    Result<bool> remove(const QString &name) const;

private:
    SideFolder(QString path, int fd) : m_path(std::move(path)), m_fd(fd) {}
    Result<QByteArray> checkedName(const QString &name) const;

    QString m_path;
    int m_fd = -1;
};

} // namespace tad
