// The one write path for every file the app writes (store, backups, history),
// and reading with identity, so a caller can tell later whether the file it
// read is still the one on disk.
#pragma once

#include "Result.h"
#include "SharedText.h"
#include "WrittenFile.h"

#include <QString>
#include <QtGlobal>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    // With learnPrevious, for the settings file shared with another writer:
    // once the temp file exists (still empty), the file being replaced gets a
    // second, hidden name (a hard link,
    // ".<name>.tad-base-<pid>-<hex>-<tag>-<temp inode>"), removed
    // once the exchange is complete. A writer killed right after its exchange
    // leaves that link beside the temp file holding the version it displaced,
    // so the next run can tell the other writer's change from ours (see
    // findStrandedWrites). No data is written and nothing is flushed for it.
    bool keepBaseRecord = false;
    // With keepBaseRecord: what the caller expects the exchange to displace
    // (a null text inside: no file). When it displaces something else, the
    // base record and the temp file holding that version are kept, and named
    // in ReplaceOutcome::keptRecord, until the caller has written the merge.
    const SharedText *expectedPrevious = nullptr;
    // With expectedPrevious: that text's file as an earlier write of ours
    // left it, if the caller holds it. An exchange that displaces that file
    // unchanged displaced the expected text, and it is not read back.
    WrittenFile *expectedWritten = nullptr;
    // With keepBaseRecord: the file the caller read (device and inode). When
    // the record finds another file there, nothing is written and the
    // outcome says baseChanged: the caller reads the file again first.
    const FileStamp *expectedBase = nullptr;
    // The settings file may be a link (a dotfiles setup) and is followed;
    // a file of ours beside it (a .bad- copy) never is: a link there is
    // refused.
    bool followLink = true;
};

// A base record and the temp file holding the version an exchange displaced.
struct WriteRecord
{
    QString basePath;
    QString tempPath;
};
// Removes a kept record once its displaced version is safely merged.
void discardWriteRecord(const WriteRecord &record);

struct ReplaceOutcome
{
    bool exchanged = false; // renameat2(RENAME_EXCHANGE) was used
    // learnPrevious: the bytes our rename replaced (nullopt: there was no
    // file, or previousAsExpected was known from expectedWritten, unread).
    std::optional<std::string> previous;
    FileStamp stamp;                       // the file we wrote, right after the rename
    std::optional<WriteRecord> keptRecord; // see WriteOptions::expectedPrevious
    // The exchange displaced exactly *WriteOptions::expectedPrevious (found
    // while the displaced bytes were compared for keptRecord).
    bool previousAsExpected = false;
    bool baseChanged = false; // see WriteOptions::expectedBase
    // With learnPrevious: the file now in place, held and watched (nullptr
    // where it cannot be, see WrittenFile.h).
    std::shared_ptr<WrittenFile> written;
};

// Writes `bytes` to a hidden temp file next to `path` (".<name>.tad-tmp-<pid>-<hex>"),
// fsyncs it, gives it the permission bits of the file it replaces (new files
// get newFileMode), renames it over `path` and fsyncs the folder. Readers see
// the old or the new bytes, never a torn or empty file. On failure the
// target's bytes are unchanged and the temp file is gone, with one
// exception: an exchange done whose displaced version cannot be read back
// (EMFILE, ENOMEM, EIO). The error says so; that version is never removed:
// with a base record both stay, for the next run to merge (see
// findStrandedWrites), and without one it is kept in plain sight at
// displacedCopyPath().
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

// Where a version of the settings file at `targetPath` that is not ours to
// judge is kept for a person to compare: "<name>.displaced-<UTC time>".
QString displacedCopyPath(const QString &targetPath);

// fsync of the file at `path` and of its folder, for a version that was
// written with durable == false. Failures are ignored (the next durable
// write tries again); counted in IoCounters like every other fsync.
void syncFileAndFolder(const QString &path);

// A settings file that exists without write permission for us (chmod 0400)
// is not to be replaced: a rename needs only the folder's permission and
// would silently undo the one a person set. Refused with code Unreadable and
// a message that says how to allow changes; ok for a missing or writable file.
Result<void> refuseReadOnly(const QString &path, const FileStamp &stamp);

// Removes temp files of ours for `targetPath` left by a writer that was
// killed (the pid in their name no longer runs). Failures are ignored: these
// files are hidden litter, never data. A temp file that has a base record
// beside it (see keepBaseRecord) is not litter and is left for
// findStrandedWrites.
void removeStaleTempFiles(const QString &targetPath);

// What a killed writer of ours left between its base record and its cleanup.
struct StrandedWrite
{
    // basePath: the version that write was based on (a hard link); tempPath:
    // its temp file, "" when there is none.
    WriteRecord files;
    quint64 tag = 0;       // contentTag() of the bytes that write meant to put in place
    quint64 tempInode = 0; // the inode of its own temp file, 0 if not recorded
};
// The stranded writes for `targetPath`: base records whose writer no longer runs.
std::vector<StrandedWrite> findStrandedWrites(const QString &targetPath);

// True if `fileName` (no folder) is one of our temp files for `targetName`.
bool isTempFileName(const QString &fileName, const QString &targetName);

} // namespace tad
