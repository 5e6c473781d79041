// A change made only of sets of keys that existed before, none inside
// another: each one's old and new value say the whole change. The history
// records such a change in that short form, and the patch and guarded
// inverse are found from it the same way on every read.
#pragma once

#include "JsonPatch.h"

#include "json/Json.h"
#include <string>
#include <vector>

namespace tad {

struct SetChange
{
    std::string pointer; // JSON Pointer of the key
    Json before;
    Json after;
};

// The patch and inverse of the whole change: each set's own change set
// (makeChangeSet of its two values) moved to its key; the inverse undoes
// the last set first.
ChangeSet changeSetOfSets(const std::vector<SetChange> &sets);

// [["/ui/zoom",1,2],...] and back; nullopt for anything else.
Json setChangesToJson(const std::vector<SetChange> &sets);
std::optional<std::vector<SetChange>> setChangesFromJson(const Json &json);

} // namespace tad
