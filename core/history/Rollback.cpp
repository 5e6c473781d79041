#include "Rollback.h"

#include "DocumentOps.h"
#include "JsonPatch.h"

namespace tad {

Result<RollbackPlan> planRollback(HistoryServices &services, const QString &entryId,
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

    RollbackPlan plan;
    plan.entry = *entry;
    plan.operations = ops;
    plan.inverse = ops.empty() ? entry->inverse : selectInverse(entry->inverse, ops);
    plan.current = std::move(current.value());
    plan.target = plan.current;
    if (auto undone =
            applyPatch(plan.target, plan.inverse, {.strictAdd = true, .collectConflicts = true});
        !undone) {
        Error e = undone.error();
        if (e.code == ErrorCode::Conflict)
            e.message =
                QStringLiteral("not rolled back: changed since entry %1: %2")
                    .arg(entry->id, e.message.mid(e.message.indexOf(QStringLiteral(": ")) + 2));
        // The likeliest change since: this entry's own rollback, still
        // standing (not rolled back in turn), said as such.
        if (e.code == ErrorCode::Conflict) {
            if (auto entries = services.history().list()) {
                QStringList undoneLater; // entries newest first
                for (const HistoryEntry &later : *entries) {
                    if (later.rollbackOf == entry->id && !undoneLater.contains(later.id)) {
                        e.message = QStringLiteral("not rolled back: entry %1 was rolled back "
                                                   "already, by entry %2; roll back %2 to have it "
                                                   "again")
                                        .arg(entry->id, later.id);
                        break;
                    }
                    if (!later.rollbackOf.isEmpty())
                        undoneLater << later.rollbackOf;
                }
            }
        }
        e.file = store.path();
        return e;
    }
    if (!plan.target.is_object())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("the rollback would leave no settings object"));

    // The values the rollback was checked against must still be there when
    // it is written; the store tests them against the file at that moment.
    for (const auto &op : plan.inverse) {
        for (const char *member : {"path", "from"}) {
            if (!op.contains(member) || !op[member].is_string())
                continue;
            auto path = KeyPath::fromPointer(op[member].get<std::string>());
            if (!path || path->isEmpty())
                continue;
            const Json *now = findValue(plan.current, *path);
            plan.ops.push_back(
                StoreOp::test(*path, now ? std::optional<Json>(*now) : std::nullopt));
        }
    }
    for (auto &op : opsToReach(plan.current, plan.target))
        plan.ops.push_back(std::move(op));
    return plan;
}

Result<RollbackOutcome> rollbackEntry(HistoryServices &services, const RollbackPlan &plan)
{
    RollbackOutcome outcome;
    outcome.undone = plan.entry;
    outcome.applied = plan.inverse;
    if (plan.changesNothing())
        return outcome;

    Store &store = services.store();
    HistoryRecorder::Annotation note;
    note.operation = "rollback";
    note.rollbackOf = plan.entry.id;
    note.label = plan.operations.empty()
                     ? QStringLiteral("rollback of %1").arg(plan.entry.id)
                     : QStringLiteral("rollback of part of %1").arg(plan.entry.id);
    services.recorder().annotateNextWrite(note);
    const std::string bytesBefore = store.bytes();
    auto applied = store.apply(plan.ops, ChangeSource::Rollback, "rollback");
    services.recorder().forgetAnnotations();
    if (!applied) {
        Error e = applied.error();
        if (e.code == ErrorCode::Conflict)
            e.message = QStringLiteral("not rolled back: another program changed the file since "
                                       "(%1); look at the change again")
                            .arg(e.message);
        return e;
    }
    outcome.changed = store.bytes() != bytesBefore;
    if (outcome.changed)
        outcome.recorded = services.recorder().lastRecorded();
    return outcome;
}

} // namespace tad
