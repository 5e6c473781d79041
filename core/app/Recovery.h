// Recovery of a settings file that no longer parses: the newest backup that
// parses and passes the schema is written back. The store cannot do this
// itself, since it refuses to write over a file it cannot read. Planned
// first, so a person sees what would come back before anything is written.
#pragma once

#include "Result.h"
#include "history/BackupManager.h"
#include "history/History.h"
#include "schema/Schema.h"

#include "json/Json.h"
#include <QString>
#include <QStringList>
#include <optional>
#include <string>

namespace tad {

struct RecoveryPlan
{
    enum class FileState
    {
        Missing,
        Broken,  // cannot be read or parsed (`problem` says why)
        Invalid, // reads, but breaks the schema (`violations`)
        Healthy  // reads and passes the schema: nothing to recover from
    };
    FileState state = FileState::Missing;
    Error problem;
    SchemaViolations violations;
    std::string currentBytes;            // what the file holds now
    bool currentRead = false;            // currentBytes were read (an empty file too)
    std::optional<Json> currentDocument; // when it reads
    BackupContent backup;                // the one that would be written back
    QStringList skipped;                 // newer backups passed over, "<name>: <why>"
};

struct RecoveryOutcome
{
    QString restoredName; // the backup written back
    QString keptCopy;     // where the file's previous bytes went, if anywhere
    QStringList skipped;
    // The recovery as the history recorded it, when it did: its patch is
    // what the recovery took back from the last state the history knew (the
    // changes made since the backup), and rolling it back puts them back.
    std::optional<HistoryEntry> recorded;
};

// `fromName` empty: the newest backup that parses and passes the schema
// (null schema: that parses). Refuses a name that is not a backup, and a
// named backup that cannot be used, saying why.
Result<RecoveryPlan> planRecovery(const QString &storePath, const BackupManager &backups,
                                  const Schema &schema, const QString &fromName);

// For a missing or broken file: writes the backup's bytes in place of the
// file, after keeping the broken bytes as a `.bad-` copy. Refused (Conflict)
// when the file changed since the plan; the other writer's version stays.
Result<RecoveryOutcome> writeRecovery(const QString &storePath, const RecoveryPlan &plan);

} // namespace tad
