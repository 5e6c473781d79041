// Which keys differ between two versions of a document, for change events.
#pragma once

#include "keys/KeyPath.h"

#include "json/Json.h"
#include "json/JsonText.h"
#include <string>
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

// A new version of the document as the old one with some members of one
// object replaced: the members named `removedKeys` (adjacent in the text)
// give way to the members of `added`, in their order. Found from the bytes
// (see watch/TextPatch.h). It fits only the text it was made from: the new
// text's first `prefix` and last `suffix` bytes with `oldMiddle` between.
struct DocumentPatch
{
    std::vector<std::string> objectPath; // all objects, from the root
    std::vector<std::string> removedKeys;
    Json added = Json::object();
    TextStyle style; // of the new text
    size_t prefix = 0;
    size_t suffix = 0;
    std::string oldMiddle;

    // Whether `oldText` is the text the patch was made from, given the new text.
    bool fits(std::string_view oldText, std::string_view newText) const;
};

} // namespace tad
