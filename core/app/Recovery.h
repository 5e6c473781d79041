// Recovery of a settings file that no longer parses: the newest backup that
// parses (and passes the schema, when one is given) is written back through
// the one write path. The store cannot do this itself, since it refuses to
// write over a file it cannot read. Whatever is in the file now is kept
// first: broken bytes as a `.bad-` copy, a good file as a `before-restore`
// backup.
#pragma once

#include "Result.h"
#include "schema/Schema.h"

#include <QString>
#include <QStringList>

namespace tad {

struct RecoveryOptions
{
    QString fromName; // a backup's plain file name; empty: the newest usable one
    Schema schema;    // null: no schema check
};

struct RecoveryOutcome
{
    QString restoredName; // the backup written back
    QString keptCopy;     // where the file's previous bytes went, if anywhere
    QStringList skipped;  // newer backups passed over, "<name>: <why>"
};

Result<RecoveryOutcome> recoverFromBackup(const QString &storePath, const RecoveryOptions &options);

} // namespace tad
