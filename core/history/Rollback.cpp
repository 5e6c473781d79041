#include "Rollback.h"

#include "DocumentOps.h"
#include "JsonPatch.h"

namespace tad {

Result<RollbackOutcome> rollbackEntry(HistoryServices &services, const QString &entryId,
                                      const std::vector<int> &ops)
{
    auto entry = services.history().find(entryId);
    if (!entry)
        return entry.error();
    const int count = int(entry->patch.size());
    for (int index : ops) {
        if (index < 0 || index >= count)
            return makeError(ErrorCode::Usage,
                             QStringLiteral("entry %1 has operations 0 to %2; there is no %3")
                                 .arg(entry->id)
                                 .arg(count - 1)
                                 .arg(index));
    }
    Store &store = services.store();
    auto current = store.getAll();
    if (!current)
        return current.error();

    RollbackOutcome outcome;
    outcome.undone = *entry;
    outcome.applied = ops.empty() ? entry->inverse : selectInverse(entry->inverse, ops);
    Json target = std::move(current.value());
    const Json before = target;
    if (auto undone =
            applyPatch(target, outcome.applied, {.strictAdd = true, .collectConflicts = true});
        !undone) {
        Error e = undone.error();
        if (e.code == ErrorCode::Conflict)
            e.message =
                QStringLiteral("not rolled back: changed since entry %1: %2")
                    .arg(entry->id, e.message.mid(e.message.indexOf(QStringLiteral(": ")) + 2));
        e.file = store.path();
        return e;
    }
    if (!target.is_object())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("the rollback would leave no settings object"));

    HistoryRecorder::Annotation note;
    note.operation = "rollback";
    note.rollbackOf = entry->id;
    note.label = ops.empty() ? QStringLiteral("rollback of %1").arg(entry->id)
                             : QStringLiteral("rollback of part of %1").arg(entry->id);
    services.recorder().annotateNextWrite(note);
    const std::string bytesBefore = store.bytes();
    // The values the rollback was checked against must still be there when
    // it is written; the store tests them against the file at that moment.
    std::vector<StoreOp> guarded;
    for (const auto &op : outcome.applied) {
        for (const char *member : {"path", "from"}) {
            if (!op.contains(member) || !op[member].is_string())
                continue;
            auto path = KeyPath::fromPointer(op[member].get<std::string>());
            if (!path || path->isEmpty())
                continue;
            const Json *now = findValue(before, *path);
            guarded.push_back(StoreOp::test(*path, now ? std::optional<Json>(*now) : std::nullopt));
        }
    }
    for (auto &op : opsToReach(before, target))
        guarded.push_back(std::move(op));
    auto applied = store.apply(guarded, ChangeSource::Rollback, "rollback");
    services.recorder().forgetAnnotations();
    if (!applied)
        return applied.error();
    outcome.changed = store.bytes() != bytesBefore;
    if (outcome.changed)
        outcome.recorded = services.recorder().lastRecorded();
    return outcome;
}

} // namespace tad
