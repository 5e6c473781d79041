#include "Rollback.h"

#include "DocumentOps.h"
#include "JsonPatch.h"

#include <algorithm>
#include <set>

namespace tad {

namespace {

// Whether the entry changed `key`, something under it or above it.
bool touches(const HistoryEntry &entry, const KeyPath &key)
{
    for (const Json &op : entry.patch)
        for (const char *member : {"path", "from"}) {
            if (!op.contains(member) || !op[member].is_string())
                continue;
            auto at = KeyPath::fromPointer(op[member].get<std::string>());
            if (at && (at->isPrefixOf(key) || key.isPrefixOf(*at)))
                return true;
        }
    return false;
}

// Why each key refused, from the history: the newest later entry that
// changed it, which may be this entry's own rollback. Keys only, never
// values: a message must not show a secret.
QString conflictMessage(HistoryServices &services, const HistoryEntry &entry, const Json &inverse,
                        const std::vector<PatchFailure> &failures)
{
    std::vector<HistoryEntry> later; // newest first
    if (auto entries = services.history().list()) {
        for (HistoryEntry &e : *entries) {
            if (e.id == entry.id)
                break;
            later.push_back(std::move(e));
        }
    }
    auto forwardIndex = [&](std::size_t i) {
        const Json &op = inverse.at(i);
        return op.contains("of") && op["of"].is_number_integer() ? op["of"].get<long long>() : -1;
    };
    std::set<long long> chosen, refused;
    for (std::size_t i = 0; i < inverse.size(); ++i)
        chosen.insert(forwardIndex(i));
    QStringList reasons;
    QStringList laterChanges; // entries whose change since stands in the way
    bool rolledBack = false;  // a key this entry's own rollback took back
    for (const PatchFailure &failure : failures) {
        QString key = QString::fromStdString(pointerToKey(failure.pointer));
        const long long index = forwardIndex(std::size_t(failure.opIndex));
        refused.insert(index);
        if (index >= 0)
            key += QStringLiteral(" (operation %1)").arg(index);
        const auto parsed = KeyPath::fromPointer(failure.pointer);
        const KeyPath place = parsed ? *parsed : KeyPath(); // "": the whole document
        // This entry's own rollback, anywhere since, is the reason, whatever
        // changed the key after it: rolling those back only brings the key
        // back to what the rollback left.
        auto by = std::find_if(later.begin(), later.end(), [&](const HistoryEntry &e) {
            return e.rollbackOf == entry.id && touches(e, place);
        });
        if (by == later.end())
            by = std::find_if(later.begin(), later.end(),
                              [&](const HistoryEntry &e) { return touches(e, place); });
        if (by == later.end()) {
            reasons << QStringLiteral("%1 changed since, in no recorded change").arg(key);
        } else if (by->rollbackOf == entry.id) {
            rolledBack = true;
            reasons << QStringLiteral("%1 was rolled back already, by entry %2").arg(key, by->id);
        } else {
            if (!laterChanges.contains(by->id))
                laterChanges << by->id;
            // "restore-keys", not "restore restore-keys"; "cli set" as it is.
            const QString source = QString::fromLatin1(changeSourceName(by->source));
            const QString operation = QString::fromStdString(by->operation);
            reasons << QStringLiteral("%1 changed since, in entry %2 (%3)")
                           .arg(key, by->id,
                                operation.startsWith(source) || operation.isEmpty()
                                    ? (operation.isEmpty() ? source : operation)
                                    : source + QLatin1Char(' ') + operation);
        }
    }
    reasons.removeDuplicates();
    QString message = QStringLiteral("not rolled back: entry %1 no longer holds: %2")
                          .arg(entry.id, reasons.join(QStringLiteral("; ")));
    // What can be done: only what gets the person somewhere. Undoing the
    // entry's own rollback is having the change again, not undoing it.
    QStringList next;
    if (!laterChanges.isEmpty())
        next << QStringLiteral("roll back %1 first (newest first), then %2")
                    .arg(laterChanges.join(QStringLiteral(", ")),
                         rolledBack ? QStringLiteral("the operations of this entry not rolled "
                                                     "back yet")
                                    : QStringLiteral("this entry"));
    if (refused.size() < chosen.size())
        next << QStringLiteral("roll back only the other operations");
    if (rolledBack && laterChanges.isEmpty() && refused.size() == chosen.size())
        next << QStringLiteral("there is nothing left to undo (roll back that rollback to have "
                               "the change again)");
    if (!next.isEmpty()) {
        QString advice = next.join(QStringLiteral(", or "));
        advice[0] = advice[0].toUpper();
        message += QStringLiteral(". ") + advice;
    }
    return message;
}

} // namespace

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
    std::vector<PatchFailure> failures;
    if (auto undone = applyPatch(plan.target, plan.inverse,
                                 {.strictAdd = true, .collectConflicts = true}, &failures);
        !undone) {
        Error e = undone.error();
        if (e.code == ErrorCode::Conflict)
            e.message = conflictMessage(services, *entry, plan.inverse, failures);
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
