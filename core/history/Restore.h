// Restoring a backup, whole or chosen keys, through the store's write path.
#pragma once

#include "HistoryHooks.h"

#include <functional>
#include <string>
#include <vector>

namespace tad {

// Checks a whole document (the schema, where one is loaded); an error stops
// the restore. Returns SchemaRejected errors.
using DocumentValidator = std::function<Result<void>(const Json &document)>;

struct RestoreRequest
{
    QString backupName;            // the plain name only
    std::vector<std::string> keys; // dotted; empty: the whole document
    DocumentValidator validate;    // optional
};

struct RestoreOutcome
{
    BackupInfo restored;
    std::optional<BackupInfo> safetyBackup; // the `before-restore` backup
    bool changed = false;                   // false: the file already held it
};

// Refuses unsafe names, damaged or unparsable backups and backups the
// validator rejects; takes a `before-restore` backup; writes through
// Store::apply (source Restore), so the write is atomic and recorded.
Result<RestoreOutcome> restoreBackup(HistoryServices &services, const RestoreRequest &request);

} // namespace tad
