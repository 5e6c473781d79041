// A change to one member written into the text that holds the document,
// instead of writing the whole document again: a set of one key in a 10 MB
// file costs a scan to the member and a copy, not a walk of every value.
//
// Exact only when `before` is exactly stringify(document, style) (the store
// knows that of the bytes it wrote itself) and the change replaced the
// value of a member that was there, every step of the path an object
// member: then JSON.stringify of the changed document differs from
// `before` only in that member's value, which keeps its place. Anything
// else (a new or removed member, a path through an array, a text that
// does not hold the path) gives nullopt, and the caller stringifies the
// whole document.
#pragma once

#include "JsonText.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tad {

// The byte range [first, second) of the value of the member at `path` (one
// object member name per level) in `text`, a valid JSON text with an object
// at its root; nullopt if a step is missing or is not an object.
std::optional<std::pair<size_t, size_t>> locateMember(std::string_view text,
                                                      const std::vector<std::string> &path);

// The root object's members of `text` (a valid JSON text), in order: each
// name with the byte range [first, second) of its value. nullopt if the
// root is not an object or the text cannot be scanned.
struct MemberRange
{
    std::string name;
    size_t first = 0, second = 0;
};
std::optional<std::vector<MemberRange>> rootMembers(std::string_view text);

// `before` with the bytes [first, second) replaced by the JSON.stringify
// text of `value` at `depth` in `style`.
std::string replaceRange(std::string_view before, std::pair<size_t, size_t> range,
                         const Json &value, const TextStyle &style, int depth);

// `before` with the value at `path` replaced by the JSON.stringify text of
// `value` at that depth in `style`.
std::optional<std::string> spliceMember(std::string_view before,
                                        const std::vector<std::string> &path, const Json &value,
                                        const TextStyle &style);

} // namespace tad
