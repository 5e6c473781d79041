// Undoing a history entry, whole or chosen operations, in two steps like a
// restore: a plan that says what would change, then the write of exactly
// that plan. Guarded: a value the entry set that has changed since makes the
// rollback refuse (Conflict), naming every conflicting key, both when the
// plan is made and at the moment of the write. The rollback is itself an
// entry.
#pragma once

#include "HistoryHooks.h"

#include <vector>

namespace tad {

struct RollbackPlan
{
    HistoryEntry entry;           // the entry to undo
    std::vector<int> operations;  // indices into its forward patch; empty: all
    Json inverse = Json::array(); // the inverse operations that will run
    Json current;                 // the document when the plan was made
    Json target;                  // the document the rollback leaves
    std::vector<StoreOp> ops;     // what it writes, guards first

    bool changesNothing() const { return current == target; }
};

struct RollbackOutcome
{
    HistoryEntry undone;
    std::vector<HistoryEntry> recorded; // the rollback's own entry last
    Json applied = Json::array();       // the inverse operations that ran
    bool changed = false;
};

// `ops`: indices into the entry's forward patch; empty for all of it.
Result<RollbackPlan> planRollback(HistoryServices &services, const QString &entryId,
                                  const std::vector<int> &ops = {});
Result<RollbackOutcome> rollbackEntry(HistoryServices &services, const RollbackPlan &plan);

} // namespace tad
