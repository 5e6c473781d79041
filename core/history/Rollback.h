// Undoing a history entry, whole or chosen operations, guarded: a value the
// entry set that has changed since makes the rollback refuse (Conflict),
// naming every conflicting key. The rollback is itself an entry.
#pragma once

#include "HistoryHooks.h"

#include <vector>

namespace tad {

struct RollbackOutcome
{
    HistoryEntry undone;
    std::vector<HistoryEntry> recorded; // the rollback's own entry
    Json applied = Json::array();       // the inverse operations that ran
    bool changed = false;
};

// `ops`: indices into the entry's forward patch; empty for all of it.
Result<RollbackOutcome> rollbackEntry(HistoryServices &services, const QString &entryId,
                                      const std::vector<int> &ops = {});

} // namespace tad
