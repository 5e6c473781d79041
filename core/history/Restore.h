// Restoring a backup, whole or chosen keys, through the store's write path,
// in two steps: a plan that says exactly what would change (what a person
// previews), then the write of exactly that plan, guarded so that a key
// another program changed since the plan was made is not overwritten.
#pragma once

#include "HistoryHooks.h"

#include <optional>
#include <vector>

namespace tad {

struct RestoreRequest
{
    QString backupName;        // the plain name only
    std::vector<KeyPath> keys; // empty: the whole document
    // The document the person saw in a preview. The plan is made against
    // it, so a key another program changed since is refused by
    // restoreBackup()'s guard (Conflict), not written over unseen.
    std::optional<Json> previewed;
};

struct RestorePlan
{
    BackupInfo backup;
    std::vector<KeyPath> keys; // as requested
    Json current;              // the document when the plan was made
    Json target;               // the document the restore leaves
    std::vector<StoreOp> ops;  // what it writes: only the members that differ
    std::string currentBytes;  // the file's bytes when the plan was made

    bool changesNothing() const { return ops.empty(); }
};

struct RestoreOutcome
{
    BackupInfo restored;
    std::optional<BackupInfo> safetyBackup; // the `before-restore` backup
    bool changed = false;                   // false: the file already held it
    std::vector<HistoryEntry> recorded;     // the restore's own history entry last
};

// Refuses unsafe names, damaged or unparsable backups; reads nothing but the
// backup and the store's own document.
Result<RestorePlan> planRestore(HistoryServices &services, const RestoreRequest &request);

// Takes a `before-restore` backup and writes the plan through Store::apply
// (source Restore). Every key the plan changes must still hold the value it
// had when the plan was made, or nothing is written (Conflict): the other
// writer's newer value is never replaced by a restore nobody previewed.
// Keys the plan does not touch keep whatever they hold now. A recovery of a
// readable file is written this way too, under its own source and note.
Result<RestoreOutcome> restoreBackup(HistoryServices &services, const RestorePlan &plan,
                                     ChangeSource source = ChangeSource::Restore,
                                     std::optional<HistoryRecorder::Annotation> note = {});

} // namespace tad
