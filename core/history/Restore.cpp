#include "Restore.h"

#include "DocumentOps.h"

namespace tad {

Result<RestoreOutcome> restoreBackup(HistoryServices &services, const RestoreRequest &request)
{
    BackupManager &backups = services.backups();
    Store &store = services.store();
    auto content = backups.load(request.backupName);
    if (!content)
        return content.error();
    if (request.validate) {
        if (auto valid = request.validate(content->document); !valid) {
            Error e = valid.error();
            e.message =
                QStringLiteral("the backup %1 does not pass the schema, so it was not restored: %2")
                    .arg(request.backupName, e.message);
            return e;
        }
    }
    // Both the backup and the safety copy must outlive the write.
    auto pinRestored = backups.pin(request.backupName, QStringLiteral("restore"));
    if (!pinRestored)
        return pinRestored.error();

    auto current = store.getAll();
    if (!current)
        return current.error();
    std::vector<StoreOp> ops;
    if (request.keys.empty()) {
        ops = opsToReach(*current, content->document);
    } else {
        auto chosen = opsToCopyKeys(content->document, request.keys, store.options().dialect);
        if (!chosen)
            return chosen.error();
        ops = std::move(chosen.value());
    }

    RestoreOutcome outcome;
    outcome.restored = content->info;
    std::optional<BackupPin> pinSafety;
    if (!store.bytes().empty()) {
        auto safety =
            backups.createFromBytes(store.bytes(), QStringLiteral("before-restore"),
                                    QStringLiteral("before restoring %1").arg(request.backupName));
        if (!safety) {
            Error e = safety.error();
            e.message =
                QStringLiteral("not restored: the backup of the current file failed: ") + e.message;
            return e;
        }
        outcome.safetyBackup = safety->info;
        if (auto pinned = backups.pin(safety->info.name, QStringLiteral("restore")))
            pinSafety = std::move(pinned.value());
    }

    const std::string bytesBefore = store.bytes();
    HistoryRecorder::Annotation note;
    note.operation = request.keys.empty() ? "restore" : "restore-keys";
    note.label = QStringLiteral("restore %1").arg(request.backupName);
    services.recorder().annotateNextWrite(note);
    auto applied = store.apply(ops, ChangeSource::Restore, note.operation);
    services.recorder().forgetAnnotations();
    if (!applied)
        return applied.error();
    outcome.changed = store.bytes() != bytesBefore;
    return outcome;
}

} // namespace tad
