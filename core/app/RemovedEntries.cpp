#include "RemovedEntries.h"

#include "json/JsonText.h"
#include <vector>

namespace tad {

namespace {

bool isContainer(const Json &v)
{
    return v.is_object() || v.is_array();
}

// Collects the outermost values of `before` that `after` no longer holds.
void collectRemoved(const Json &before, const Json &after, std::vector<const Json *> &removed)
{
    if (before.is_object() && after.is_object()) {
        for (const auto &[name, value] : before.items()) {
            if (!after.contains(name))
                removed.push_back(&value);
            else if (isContainer(value))
                collectRemoved(value, after.at(name), removed);
        }
        return;
    }
    if (before.is_array() && after.is_array()) {
        // Items are matched by value, each at most once: a reorder removes nothing.
        std::vector<bool> used(after.size(), false);
        for (const auto &item : before) {
            bool kept = false;
            for (size_t i = 0; i < after.size() && !kept; ++i) {
                if (!used[i] && jsEqual(item, after[i])) {
                    used[i] = true;
                    kept = true;
                }
            }
            if (!kept)
                removed.push_back(&item);
        }
        return;
    }
    if (isContainer(before))
        removed.push_back(&before);
}

} // namespace

bool onlyRemovesEntries(const Json &before, const Json &after)
{
    if (before.is_object() && after.is_object()) {
        if (after.size() >= before.size())
            return false;
        for (const auto &[name, value] : after.items()) {
            if (!before.contains(name) || !jsEqual(before.at(name), value))
                return false;
        }
        return true;
    }
    if (before.is_array() && after.is_array()) {
        // `after` is `before` with some items left out, in the same order.
        if (after.size() >= before.size())
            return false;
        size_t next = 0;
        for (const auto &item : before) {
            if (next < after.size() && jsEqual(item, after[next]))
                ++next;
        }
        return next == after.size();
    }
    return false;
}

size_t countRemovedEntries(const Json *before, const Json *after)
{
    if (!before)
        return 0;
    std::vector<const Json *> removed;
    if (after) {
        collectRemoved(*before, *after, removed);
    } else {
        removed.push_back(before);
    }
    if (removed.size() == 1) {
        const Json &only = *removed.front();
        return isContainer(only) ? only.size() : 1;
    }
    return removed.size();
}

} // namespace tad
