// Recovery of a settings file that no longer parses: the newest backup that
// parses (and passes the schema, when one is given) is written back through
// the one write path. Whatever is in the file now is kept first: broken
// bytes as a `.bad-` copy, a good file as a `before-restore` backup.
//
// Backups are read where and as the seed's BackupManager writes them:
// `backups/backup-<ISO time, ':' and '.' as '-'>-<8 hex of SHA-256>.json`
// beside the store.
#pragma once

#include "Result.h"
#include "schema/Schema.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace tad {

struct RecoveryOptions
{
    QString fromName; // a backup's plain file name; empty: the newest usable one
    Schema schema;    // null: no schema check
};

struct RecoveryOutcome
{
    QString restoredName; // the backup written back
    QString keptCopy;     // where the file's previous bytes went (.bad- copy or backup), if any
    QStringList skipped;  // newer backups passed over, "<name>: <why>"
};

// The folder backups live in for `storePath`.
QString backupFolder(const QString &storePath);

// Backup file names (no folder) in `backupFolder(storePath)`, newest first.
QStringList listBackupNames(const QString &storePath);

// True for a plain name of the backup pattern (no folder parts, no "..").
bool isBackupName(const QString &name);

Result<RecoveryOutcome> recoverFromBackup(const QString &storePath, const RecoveryOptions &options);

} // namespace tad
