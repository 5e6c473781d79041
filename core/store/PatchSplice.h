// Puts the members of one object that a DocumentPatch replaces into a
// document in place, without parsing or diffing the whole of it (see
// Store::adoptPatch and watch/TextPatch.h).
#pragma once

#include "DocumentChanges.h"

#include "json/Json.h"
#include <optional>

namespace tad {

class PatchSplice
{
public:
    // The replaced and the new members, each nested under the object's
    // path: a diff of the two gives the same change events as a diff of the
    // whole documents.
    struct Changes
    {
        Json before;
        Json after;
    };

    // std::nullopt, with `doc` untouched: the patch does not fit the
    // document (its object or a removed member is missing, a new member
    // repeats a key, or nothing tells where new members would go).
    static std::optional<Changes> apply(Json &doc, const DocumentPatch &patch);

private:
    static bool fits(const Json::object_t &members, const DocumentPatch &patch);
    static Json replaceMembers(Json::object_t &members, const DocumentPatch &patch);
    static Changes nested(const DocumentPatch &patch, Json before);
};

} // namespace tad
