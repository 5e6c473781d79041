#include "DocumentChanges.h"

#include "json/JsonText.h"

namespace tad {
namespace {

// `segments` points at keys inside the documents; strings are made only for
// the keys that changed.
void collect(const Json &before, const Json &after, std::vector<const std::string *> &segments,
             std::vector<KeyChange> &out)
{
    const auto pathHere = [&segments] {
        std::vector<std::string> parts;
        parts.reserve(segments.size());
        for (const auto *segment : segments)
            parts.push_back(*segment);
        return KeyPath::fromSegments(std::move(parts));
    };
    if (!before.is_object() || !after.is_object()) {
        if (!jsEqual(before, after))
            out.push_back({pathHere(), &before, &after});
        return;
    }
    const auto &a = before.get_ref<const Json::object_t &>();
    const auto &b = after.get_ref<const Json::object_t &>();
    // Two versions of a file mostly hold the same keys in the same order:
    // walk them side by side, without lookups. Array-index keys would need
    // JavaScript's order, so they take the general way below.
    if (a.size() == b.size()) {
        bool sameKeys = true;
        for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
            if (ia->first != ib->first || isArrayIndexKey(ia->first)) {
                sameKeys = false;
                break;
            }
        }
        if (sameKeys) {
            for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
                segments.push_back(&ia->first);
                collect(ia->second, ib->second, segments, out);
                segments.pop_back();
            }
            return;
        }
    }
    for (const auto *member : jsMemberOrder(a)) {
        segments.push_back(&member->first);
        const auto it = b.find(member->first);
        if (it == b.end())
            out.push_back({pathHere(), &member->second, nullptr});
        else
            collect(member->second, it->second, segments, out);
        segments.pop_back();
    }
    for (const auto *member : jsMemberOrder(b)) {
        if (a.find(member->first) != a.end())
            continue;
        segments.push_back(&member->first);
        out.push_back({pathHere(), nullptr, &member->second});
        segments.pop_back();
    }
}

} // namespace

std::vector<KeyChange> changedKeys(const Json &before, const Json &after)
{
    std::vector<KeyChange> out;
    std::vector<const std::string *> segments;
    collect(before, after, segments, out);
    return out;
}

bool DocumentPatch::fits(std::string_view oldText, std::string_view newText) const
{
    if (prefix + suffix > newText.size() || oldText.size() != prefix + oldMiddle.size() + suffix)
        return false;
    return oldText.substr(0, prefix) == newText.substr(0, prefix) &&
           oldText.substr(prefix, oldMiddle.size()) == oldMiddle &&
           oldText.substr(oldText.size() - suffix) == newText.substr(newText.size() - suffix);
}

} // namespace tad
