#include "SetChanges.h"

namespace tad {

namespace {

// Moves a change set found for the value at `pointer` to its place in the
// whole document: paths get the prefix, operation numbers the offset.
void rebase(ChangeSet &part, const std::string &pointer, int offset)
{
    auto move = [&](Json &op) {
        op["path"] = pointer + op["path"].get<std::string>();
        if (auto of = op.find("of"); of != op.end())
            *of = of->get<int>() + offset;
        if (auto run = op.find("run"); run != op.end())
            for (auto &index : *run)
                index = index.get<int>() + offset;
    };
    for (auto &op : part.patch)
        move(op);
    for (auto &op : part.inverse)
        move(op);
}

} // namespace

ChangeSet changeSetOfSets(const std::vector<SetChange> &sets)
{
    ChangeSet whole;
    std::vector<Json> inverses;
    for (const SetChange &set : sets) {
        ChangeSet part = makeChangeSet(set.before, set.after);
        rebase(part, set.pointer, int(whole.patch.size()));
        for (auto &op : part.patch)
            whole.patch.push_back(std::move(op));
        inverses.push_back(std::move(part.inverse));
    }
    for (auto it = inverses.rbegin(); it != inverses.rend(); ++it)
        for (auto &op : *it)
            whole.inverse.push_back(std::move(op));
    return whole;
}

Json setChangesToJson(const std::vector<SetChange> &sets)
{
    Json out = Json::array();
    for (const SetChange &set : sets)
        out.push_back(Json::array({set.pointer, set.before, set.after}));
    return out;
}

std::optional<std::vector<SetChange>> setChangesFromJson(const Json &json)
{
    if (!json.is_array())
        return std::nullopt;
    std::vector<SetChange> sets;
    for (const Json &item : json) {
        if (!item.is_array() || item.size() != 3 || !item[0].is_string())
            return std::nullopt;
        sets.push_back({item[0].get<std::string>(), item[1], item[2]});
    }
    return sets;
}

} // namespace tad
