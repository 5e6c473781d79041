// Which keys differ between two versions of a document, for change events.
#pragma once

#include "keys/KeyPath.h"

#include "json/Json.h"
#include <vector>

namespace tad {

struct KeyChange
{
    KeyPath path;
    const Json *before = nullptr; // nullptr: the key is new
    const Json *after = nullptr;  // nullptr: the key was removed
};

// Objects are compared member by member; anything else (arrays included) is
// one value, reported once when it differs by deep equality. The pointers
// point into `before` and `after`, which must outlive the result.
std::vector<KeyChange> changedKeys(const Json &before, const Json &after);

} // namespace tad
