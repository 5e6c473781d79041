// Store operations that turn the current document into another whole
// document, so restores, rollbacks and migrations go through Store::apply
// (its atomic write, its hooks) instead of copying files.
#pragma once

#include "store/Store.h"

#include <vector>

namespace tad {

// Sets and deletes of the top-level keys that differ when the remaining keys
// keep their order; otherwise a clear followed by every key in the target's
// order, so the written bytes match the target's key order.
std::vector<StoreOp> opsToReach(const Json &current, const Json &target);

// The top-level keys a dotted key list names, as Set/Delete operations that
// copy those values from `source` (a backup) and leave everything else.
Result<std::vector<StoreOp>>
opsToCopyKeys(const Json &source, const std::vector<std::string> &dottedKeys, KeyDialect dialect);

} // namespace tad
