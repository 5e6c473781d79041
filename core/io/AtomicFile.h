// The one write path for every file the app writes (store, backups, history),
// and reading with identity, so a caller can tell later whether the file it
// read is still the one on disk.
#pragma once

#include "Result.h"

#include <QString>
#include <QtGlobal>
#include <optional>
#include <string>
#include <string_view>

namespace tad {

// Identity and shape of a file at one moment. Two equal stamps mean "very
// probably the same bytes": device + inode change on every atomic replace,
// size + mtime + ctime on an in-place write.
struct FileStamp
{
    bool exists = false;
    quint64 device = 0, inode = 0;
    qint64 size = 0;
    qint64 mtimeNs = 0, ctimeNs = 0;
    quint32 mode = 0; // permission bits only (07777)

    bool operator==(const FileStamp &) const = default;
};

// Follows symlinks. A missing file is not an error: ok, exists == false.
Result<FileStamp> statFile(const QString &path);

struct FileSnapshot
{
    FileStamp stamp; // describes exactly the bytes below
    std::string bytes;
};

// Reads the whole file. Missing file -> ok with stamp.exists == false. A
// directory, a FIFO or other special file, permission denied, I/O error ->
// Error (code Unreadable) naming the file and saying what to do.
Result<FileSnapshot> readFile(const QString &path);

struct WriteOptions
{
    quint32 newFileMode = 0600; // only for a file that does not exist yet
    bool learnPrevious = false; // report exactly the bytes our rename replaced
    bool durable = true;        // fsync the file and its folder
    // The settings file may be a link (a dotfiles setup) and is followed;
    // a file of ours beside it (a .bad- copy) never is: a link there is
    // refused.
    bool followLink = true;
};

struct ReplaceOutcome
{
    bool exchanged = false;              // renameat2(RENAME_EXCHANGE) was used
    std::optional<std::string> previous; // learnPrevious: the bytes our rename replaced
                                         // (nullopt: there was no file)
    FileStamp stamp;                     // the file we wrote, right after the rename
};

// Writes `bytes` to a hidden temp file next to `path` (".<name>.tad-tmp-<pid>-<hex>"),
// fsyncs it, gives it the permission bits of the file it replaces (new files
// get newFileMode), renames it over `path` and fsyncs the folder. Readers see
// the old or the new bytes, never a torn or empty file. On failure the
// target's bytes are unchanged and the temp file is gone.
//
// With learnPrevious the rename is an exchange (Linux renameat2), so the old
// inode lands at the temp name and is read back: that is the compare-and-swap
// primitive against a writer that takes no lock (conf). Where the file system
// cannot exchange, the target is re-read right before a plain rename
// (exchanged == false, a small window remains).
//
// A symlink at `path` is followed (unless options.followLink is false): the
// file it points to is replaced and the link stays.
Result<ReplaceOutcome> replaceFile(const QString &path, std::string_view bytes,
                                   const WriteOptions &options = {});

// A settings file that exists without write permission for us (chmod 0400)
// is not to be replaced: a rename needs only the folder's permission and
// would silently undo the one a person set. Refused with code Unreadable and
// a message that says how to allow changes; ok for a missing or writable file.
Result<void> refuseReadOnly(const QString &path, const FileStamp &stamp);

// Removes temp files of ours for `targetPath` left by a writer that was
// killed (the pid in their name no longer runs). Failures are ignored: these
// files are hidden litter, never data.
void removeStaleTempFiles(const QString &targetPath);

// True if `fileName` (no folder) is one of our temp files for `targetName`.
bool isTempFileName(const QString &fileName, const QString &targetName);

} // namespace tad
