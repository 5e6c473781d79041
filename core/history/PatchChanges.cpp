#include "PatchChanges.h"

#include "history/JsonPatch.h"
#include "schema/SchemaPaths.h"

#include "json/JsonText.h"
#include <algorithm>
#include <unordered_map>

namespace tad {

std::vector<PatchChange> changesOf(const Json &patch, const Json &inverse)
{
    // The undo of forward operation i puts back its old value.
    std::unordered_map<long long, Json> oldValues;
    if (inverse.is_array()) {
        for (const Json &undo : inverse) {
            const std::string op = undo.value("op", std::string());
            if ((op == "replace" || op == "add") && undo.contains("of") &&
                undo["of"].is_number_integer() && undo.contains("value"))
                oldValues[undo["of"].get<long long>()] = undo["value"];
        }
    }
    std::vector<PatchChange> changes;
    if (!patch.is_array())
        return changes;
    for (size_t i = 0; i < patch.size(); ++i) {
        const Json &raw = patch[i];
        if (!raw.is_object())
            continue;
        PatchChange change;
        change.op = raw.value("op", std::string());
        if (change.op == "test")
            continue;
        change.pointer = raw.value("path", std::string());
        change.index = int(i);
        if (auto it = oldValues.find((long long)i); it != oldValues.end())
            change.before = it->second;
        if (change.op != "remove" && raw.contains("value"))
            change.after = raw["value"];
        changes.push_back(std::move(change));
    }
    return changes;
}

std::vector<PatchChange> changesTo(const Json &before, const Json &patch)
{
    std::vector<PatchChange> changes = changesOf(patch, Json());
    for (PatchChange &change : changes) {
        if (change.op == "add")
            continue;
        if (const Json *old = valueAt(before, change.pointer))
            change.before = *old;
    }
    return changes;
}

const Json *valueAt(const Json &doc, const std::string &pointer)
{
    const Json *at = &doc;
    for (const std::string &token : schema::pointerTokens(pointer)) {
        if (at->is_object()) {
            auto it = at->find(token);
            if (it == at->end())
                return nullptr;
            at = &*it;
        } else if (at->is_array()) {
            if (!isArrayIndexKey(token))
                return nullptr;
            const size_t index = std::stoul(token);
            if (index >= at->size())
                return nullptr;
            at = &(*at)[index];
        } else {
            return nullptr;
        }
    }
    return at;
}

std::vector<PatchChange> changesBetween(const Json &before, const Json &after)
{
    const ChangeSet set = makeChangeSet(before, after);
    return changesOf(set.patch, set.inverse);
}

std::vector<std::string> patchedKeys(const Json &patch)
{
    std::vector<std::string> keys;
    if (!patch.is_array())
        return keys;
    for (const Json &op : patch) {
        if (!op.is_object() || op.value("op", std::string()) == "test")
            continue;
        const std::string key = pointerToKey(op.value("path", std::string()));
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            keys.push_back(key);
    }
    return keys;
}

Json standardPatch(const Json &patch)
{
    Json out = Json::array();
    if (!patch.is_array())
        return out;
    for (const Json &op : patch) {
        Json kept = Json::object();
        for (const char *member : {"op", "path", "from", "value"}) {
            if (op.is_object() && op.contains(member))
                kept[member] = op[member];
        }
        out.push_back(std::move(kept));
    }
    return out;
}

} // namespace tad
