// Store operations that turn the current document into another whole
// document, so restores, rollbacks and migrations go through Store::apply
// (its atomic write, its hooks) instead of copying files.
#pragma once

#include "store/Store.h"

#include <vector>

namespace tad {

// Sets and deletes of just the members that differ (descending into objects
// both documents have) when that gives the target's key order; otherwise
// one Replace of the whole document, so the written bytes match the target.
std::vector<StoreOp> opsToReach(const Json &current, const Json &target);

// Set/Delete operations that copy the values of `keys` from `source` (a
// backup) and leave everything else.
Result<std::vector<StoreOp>> opsToCopyKeys(const Json &source, const std::vector<KeyPath> &keys);

} // namespace tad
