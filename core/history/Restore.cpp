#include "Restore.h"

#include "DocumentOps.h"

namespace tad {

namespace {

std::optional<Json> valueIn(const Json &doc, const KeyPath &path)
{
    const Json *found = findValue(doc, path);
    return found ? std::optional<Json>(*found) : std::nullopt;
}

// The value each operation's key had in `planned`, to be tested at write time.
std::vector<StoreOp> guardsFor(const std::vector<StoreOp> &ops, const Json &planned)
{
    std::vector<StoreOp> guards;
    for (const auto &op : ops) {
        const KeyPath path = op.isWholeDocument() ? KeyPath() : op.path;
        guards.push_back(StoreOp::test(path, valueIn(planned, path)));
    }
    return guards;
}

} // namespace

Result<RestorePlan> planRestore(HistoryServices &services, const RestoreRequest &request)
{
    Store &store = services.store();
    auto content = services.backups().load(request.backupName);
    if (!content)
        return content.error();
    auto current = request.previewed ? Result<Json>(*request.previewed) : store.getAll();
    if (!current)
        return current.error();

    RestorePlan plan;
    plan.backup = content->info;
    plan.keys = request.keys;
    plan.current = std::move(current.value());
    plan.currentBytes = store.bytes();
    if (request.keys.empty()) {
        plan.ops = opsToReach(plan.current, content->document);
        plan.target = std::move(content->document);
        return plan;
    }
    // A key neither side holds restores nothing: most likely mistyped.
    for (const KeyPath &key : request.keys) {
        if (findValue(content->document, key) || findValue(plan.current, key))
            continue;
        const std::string dotted = key.toDotted(store.options().dialect);
        Error e = makeError(ErrorCode::NotFound,
                            QStringLiteral("not restored: neither %1 nor the file has %2; check "
                                           "the key (backup show %1 lists the backup's)")
                                .arg(content->info.name, QString::fromStdString(dotted)));
        e.key = QString::fromStdString(dotted);
        return e;
    }
    auto chosen = opsToCopyKeys(content->document, request.keys);
    if (!chosen)
        return chosen.error();
    plan.target = plan.current;
    for (auto &op : *chosen) {
        const std::optional<Json> now = valueIn(plan.current, op.path);
        const bool differs =
            op.kind == StoreOp::Kind::Set ? !now || !jsEqual(*now, op.value) : now.has_value();
        if (!differs)
            continue;
        if (op.kind == StoreOp::Kind::Set)
            (void)setValue(plan.target, op.path, op.value, store.options().dialect);
        else
            (void)deleteValue(plan.target, op.path);
        plan.ops.push_back(std::move(op));
    }
    return plan;
}

Result<RestoreOutcome> restoreBackup(HistoryServices &services, const RestorePlan &plan,
                                     ChangeSource source,
                                     std::optional<HistoryRecorder::Annotation> note)
{
    BackupManager &backups = services.backups();
    Store &store = services.store();
    RestoreOutcome outcome;
    outcome.restored = plan.backup;
    if (plan.changesNothing())
        return outcome;

    // A file we may not write is refused before its safety copy is made:
    // a refused restore leaves no backup behind.
    if (auto writable = refuseReadOnly(store.path(), store.stamp()); !writable)
        return writable.error();
    // Both the backup and the safety copy must outlive the write.
    auto pinRestored = backups.pin(plan.backup.name, QStringLiteral("restore"));
    if (!pinRestored)
        return pinRestored.error();
    std::optional<BackupPin> pinSafety;
    if (!store.bytes().empty()) {
        auto safety = backups.createFromBytes(store.bytes(), QStringLiteral("before-restore"),
                                              QStringLiteral("before restoring the backup from %1")
                                                  .arg(backupname::isoTime(plan.backup.time)));
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

    std::vector<StoreOp> ops = guardsFor(plan.ops, plan.current);
    ops.insert(ops.end(), plan.ops.begin(), plan.ops.end());
    const std::string bytesBefore = store.bytes();
    if (!note) {
        note.emplace();
        note->operation = plan.keys.empty() ? "restore" : "restore-keys";
        note->label = QStringLiteral("restore %1").arg(plan.backup.name);
    }
    services.recorder().annotateNextWrite(*note);
    auto applied = store.apply(ops, source, note->operation);
    services.recorder().forgetAnnotations();
    if (!applied) {
        Error e = applied.error();
        if (e.code == ErrorCode::Conflict)
            e.message = QStringLiteral("not restored: another program changed the file since the "
                                       "restore was prepared (%1); nothing was written. Look at "
                                       "what it would change again (the window's preview, or "
                                       "`backup diff`) and restore once more")
                            .arg(e.message);
        else if (e.code == ErrorCode::SchemaRejected)
            e.message = QStringLiteral("not restored: the backup %1 would add schema violations "
                                       "the file does not have now: %2")
                            .arg(plan.backup.name, e.message);
        return e;
    }
    outcome.changed = store.bytes() != bytesBefore;
    if (outcome.changed)
        outcome.recorded = services.recorder().lastRecorded();
    return outcome;
}

} // namespace tad
