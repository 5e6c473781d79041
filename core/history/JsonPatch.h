// RFC 6902 patches between two versions of the store, and their guarded
// inverses, for history entries, rollback, backup diffs and migration
// previews.
//
// The forward patch comes from nlohmann's diff with every array position
// made concrete (no "/-"), so each operation names the exact place it
// changed. The inverse undoes it operation by operation, in reverse order,
// and is guarded: a `test` of the value the change left behind comes before
// each undo, so a rollback refuses to run over a later change. Two members
// outside RFC 6902 ride along (RFC 6902 tells other tools to ignore them):
//   "of": i      the forward operation this inverse operation undoes;
//   "index": n   for an `add` that restores a deleted object member, its
//                original position, so the key order (and the bytes) come back.
// An `add` that restores a deleted member is itself a guard: it is refused
// when a member of that name exists again.
#pragma once

#include "Result.h"

#include "json/Json.h"
#include <string>
#include <vector>

namespace tad {

struct ChangeSet
{
    Json patch = Json::array();   // before -> after
    Json inverse = Json::array(); // after -> before, guarded
    bool empty() const { return patch.empty(); }
};

// The patch and guarded inverse that turn `before` into `after`.
ChangeSet makeChangeSet(const Json &before, const Json &after);

// Plain RFC 6902 diff (concrete array positions).
Json diffJson(const Json &before, const Json &after);

struct PatchOptions
{
    // Refuse an `add` onto an object member that exists (rollback guard).
    bool strictAdd = false;
    // Keep going after a failing operation, skipping the remaining operations
    // that undo the same forward operation, and report every failure.
    bool collectConflicts = false;
};

struct PatchFailure
{
    int opIndex = -1;    // position in the patch
    std::string pointer; // where it failed
    std::string reason;  // "test failed", "path not found", ...
};

// Applies `patch` to `doc` in place. Errors (Conflict for failed tests and
// guards, Usage for malformed patches) leave `doc` unspecified: apply to a
// copy when the original matters.
Result<void> applyPatch(Json &doc, const Json &patch, const PatchOptions &options = {},
                        std::vector<PatchFailure> *failures = nullptr);

// The inverse operations that undo only the chosen forward operations
// (indices into the forward patch), in the order they must run. Operations
// on one array's length belong together: choosing one chooses its run.
Json selectInverse(const Json &inverse, const std::vector<int> &forwardOps);

// Dot-notation keys of JSON Pointers, for messages ("settings.theme").
std::string pointerToKey(const std::string &pointer);

} // namespace tad
