// What an RFC 6902 patch changed, key by key, with the value before and
// after: for a history entry (old values from its guarded inverse), or
// between two documents. For the command line's and the window's listings.
#pragma once

#include "json/Json.h"
#include <optional>
#include <string>
#include <vector>

namespace tad {

struct PatchChange
{
    std::string pointer;        // RFC 6901, "" for the whole document
    std::optional<Json> before; // nullopt: the key was absent
    std::optional<Json> after;  // nullopt: the key is gone
    std::string op;             // the patch operation: add, remove, replace, move, copy
    int index = -1;             // the operation's position in the patch
};

// The changes of a forward patch; `inverse` is its guarded inverse, whose
// private "of" member links each undo to the forward operation it undoes.
std::vector<PatchChange> changesOf(const Json &patch, const Json &inverse);
// The changes of a forward patch made to `before`, old values looked up at
// each operation's path in it (a diff of two documents, whose patch has no
// inverse beside it).
std::vector<PatchChange> changesTo(const Json &before, const Json &patch);
// The value at an RFC 6901 pointer in `doc`, null when there is none.
const Json *valueAt(const Json &doc, const std::string &pointer);
// The changes that turn `before` into `after`.
std::vector<PatchChange> changesBetween(const Json &before, const Json &after);
// The dotted keys a patch touches, each once, in patch order.
std::vector<std::string> patchedKeys(const Json &patch);
// `patch` with only RFC 6902's members (op, path, from, value).
Json standardPatch(const Json &patch);

} // namespace tad
