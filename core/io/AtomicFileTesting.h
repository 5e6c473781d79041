// Hooks that let tests put another writer exactly into the window between
// our temp file and our rename, and pretend the file system cannot exchange.
// Not for production code; not thread-safe.
#pragma once

#include <QByteArray>
#include <functional>

namespace tad::testing {

// The steps of the write path, for injecting failures.
enum class WriteStep
{
    Open,          // creating the temp file
    Link,          // the base record's hard link to the file the write is based on
    Write,         // writing the bytes into it
    Sync,          // fsync of the temp file
    Close,         // closing it, before the rename
    Rename,        // the rename (or exchange) over the target
    ReadDisplaced, // reading back the version an exchange displaced
};

// Called before each step of every write through the write path with the
// target's plain name in its folder ("tad-config.json", "head.json", a
// backup's name); a nonzero return fails that step with that errno, as the
// system would. An empty function removes the hook.
void setWriteFaultHook(std::function<int(WriteStep step, const QByteArray &name)> hook);

// Called by replaceFile() once the temp file is complete, right before the
// rename. An empty function removes the hook.
void setBeforeRenameHook(std::function<void()> hook);

// Called by replaceFile() right after an exchange put the new file in place,
// before the displaced version is read back or its records are removed (a
// test can end the process here, as a kill would).
void setAfterExchangeHook(std::function<void()> hook);

// Points between two steps of the history's writes where a test can end
// the process, as a kill or a power cut would (tst_journalcrash).
enum class CrashPoint
{
    AppendHalfWritten, // AppendFile::append: the first half of a record is in the file
    AppendWritten,     // AppendFile::append: the whole record, not yet synced
    BeforeSideRename,  // SideFolder::rename: nothing renamed yet
    AfterSideRename,   // SideFolder::rename: renamed, the folder not yet synced
};

// Called at each CrashPoint with the plain name of the file appended to or
// renamed. While a hook is set, AppendFile::append writes a record in two
// write(2) calls with AppendHalfWritten between them, so a test can leave a
// torn record. An empty function removes the hook.
void setCrashPointHook(std::function<void(CrashPoint point, const QByteArray &name)> hook);

// Makes replaceFile() behave as on a file system without renameat2 flags.
void setRenameFlagsUnsupported(bool unsupported);

} // namespace tad::testing
