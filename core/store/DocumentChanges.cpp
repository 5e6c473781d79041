#include "DocumentChanges.h"

#include "json/JsonText.h"

namespace tad {
namespace {

void collect(const Json &before, const Json &after, std::vector<std::string> &segments,
             std::vector<KeyChange> &out)
{
    if (!before.is_object() || !after.is_object()) {
        if (!jsEqual(before, after))
            out.push_back({KeyPath::fromSegments(segments), &before, &after});
        return;
    }
    const auto &a = before.get_ref<const Json::object_t &>();
    const auto &b = after.get_ref<const Json::object_t &>();
    for (const auto *member : jsMemberOrder(a)) {
        segments.push_back(member->first);
        const auto it = b.find(member->first);
        if (it == b.end())
            out.push_back({KeyPath::fromSegments(segments), &member->second, nullptr});
        else
            collect(member->second, it->second, segments, out);
        segments.pop_back();
    }
    for (const auto *member : jsMemberOrder(b)) {
        if (a.find(member->first) != a.end())
            continue;
        segments.push_back(member->first);
        out.push_back({KeyPath::fromSegments(segments), nullptr, &member->second});
        segments.pop_back();
    }
}

} // namespace

std::vector<KeyChange> changedKeys(const Json &before, const Json &after)
{
    std::vector<KeyChange> out;
    std::vector<std::string> segments;
    collect(before, after, segments, out);
    return out;
}

} // namespace tad
