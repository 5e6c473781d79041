// How much a change of one key takes away, for the rule that a person
// confirms a reset or a removal which takes away more than one entry (a
// reset of the map of workspaces, the removal of a workspace with its
// settings). The window asks before writing such a change; anything
// smaller, and any other edit, is written at once.
#pragma once

#include "json/Json.h"
#include <cstddef>

namespace tad {

// The entries (object members, array items) that go when `before` becomes
// `after` (nullptr: absent). When the change takes away one container, its
// own entries are what go.
size_t countRemovedEntries(const Json *before, const Json *after);

// True when `after` is `before` with entries taken away and nothing else
// changed (a removal from a map or a list, not an edit of its text).
bool onlyRemovesEntries(const Json &before, const Json &after);

// True when a change that removes `removedEntries` is confirmed first.
inline bool removalNeedsConfirmation(size_t removedEntries)
{
    return removedEntries > 1;
}

} // namespace tad
