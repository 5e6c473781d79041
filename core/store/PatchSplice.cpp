#include "PatchSplice.h"

#include <string_view>
#include <unordered_set>

namespace tad {

std::optional<PatchSplice::Changes> PatchSplice::apply(Json &doc, const DocumentPatch &patch)
{
    Json *object = &doc;
    for (const auto &segment : patch.objectPath) {
        auto it = object->find(segment);
        if (it == object->end() || !it->is_object())
            return std::nullopt;
        object = &*it;
    }
    auto &members = object->get_ref<Json::object_t &>();
    if (!fits(members, patch))
        return std::nullopt;
    return nested(patch, replaceMembers(members, patch));
}

bool PatchSplice::fits(const Json::object_t &members, const DocumentPatch &patch)
{
    if (patch.removedKeys.empty())
        return false; // nothing tells where new members would go
    const auto &added = patch.added.get_ref<const Json::object_t &>();
    const std::unordered_set<std::string_view> removed(patch.removedKeys.begin(),
                                                       patch.removedKeys.end());
    for (const auto &key : patch.removedKeys) {
        if (!members.contains(key))
            return false;
    }
    for (const auto &member : added) {
        if (!removed.contains(member.first) && members.contains(member.first))
            return false; // a repeated key: JSON.parse rules, left to a full parse
    }
    return true;
}

// Returns the replaced members, kept for the change events. Members whose
// key stays take their new value in place; new keys after the object's
// last member are appended; anything else rebuilds the object.
Json PatchSplice::replaceMembers(Json::object_t &members, const DocumentPatch &patch)
{
    const auto &added = patch.added.get_ref<const Json::object_t &>();
    const std::unordered_set<std::string_view> removed(patch.removedKeys.begin(),
                                                       patch.removedKeys.end());
    Json before = Json::object();
    size_t kept = 0;
    while (kept < added.size() && kept < patch.removedKeys.size() &&
           (added.begin() + long(kept))->first == patch.removedKeys[kept])
        ++kept;
    const bool inPlace = kept == patch.removedKeys.size() &&
                         (kept == added.size() || members.back().first == patch.removedKeys.back());
    if (inPlace) {
        for (size_t i = 0; i < kept; ++i) {
            Json &slot = members.find(patch.removedKeys[i])->second;
            before[patch.removedKeys[i]] = std::move(slot);
            slot = (added.begin() + long(i))->second;
        }
        for (auto fresh = added.begin() + long(kept); fresh != added.end(); ++fresh)
            members.emplace(fresh->first, fresh->second);
        return before;
    }
    Json::object_t rebuilt;
    rebuilt.reserve(members.size() + added.size());
    bool placed = false;
    for (auto &member : members) {
        if (!removed.contains(member.first)) {
            rebuilt.emplace(member.first, std::move(member.second));
            continue;
        }
        if (!placed) {
            for (const auto &fresh : added)
                rebuilt.emplace(fresh.first, fresh.second);
            placed = true;
        }
        before[member.first] = std::move(member.second);
    }
    members = std::move(rebuilt);
    return before;
}

PatchSplice::Changes PatchSplice::nested(const DocumentPatch &patch, Json before)
{
    Json after = patch.added;
    for (auto it = patch.objectPath.rbegin(); it != patch.objectPath.rend(); ++it) {
        Json outerBefore = Json::object();
        outerBefore[*it] = std::move(before);
        before = std::move(outerBefore);
        Json outerAfter = Json::object();
        outerAfter[*it] = std::move(after);
        after = std::move(outerAfter);
    }
    return {std::move(before), std::move(after)};
}

} // namespace tad
