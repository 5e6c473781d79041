// TextStyle::detect and jsEqual. The reader is in JsonParser.cpp, the writer
// in JsonWriter.cpp.
#include "JsonText.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace tad {

int jsonDepth(const Json &value, int stopAbove)
{
    int deepest = 0;
    std::vector<std::pair<const Json *, int>> pending{{&value, 0}};
    while (!pending.empty()) {
        const auto [node, level] = pending.back();
        pending.pop_back();
        if (!node->is_structured())
            continue;
        deepest = std::max(deepest, level + 1);
        if (deepest > stopAbove)
            return deepest;
        if (node->is_object()) {
            for (const auto &member : *node->get_ptr<const Json::object_t *>())
                pending.emplace_back(&member.second, level + 1);
        } else {
            for (const auto &element : *node->get_ptr<const Json::array_t *>())
                pending.emplace_back(&element, level + 1);
        }
    }
    return deepest;
}

TextStyle TextStyle::detect(std::string_view bytes)
{
    if (bytes.starts_with("\xEF\xBB\xBF"))
        bytes.remove_prefix(3);
    TextStyle style;
    style.trailingNewline = bytes.ends_with('\n');
    // JSON.stringify puts one indentation unit on the second line; a file
    // touched by hand may start its indentation later, so take the first
    // line that is indented at all.
    size_t lineStart = bytes.find('\n');
    while (lineStart != std::string_view::npos) {
        ++lineStart;
        if (lineStart >= bytes.size())
            break;
        if (bytes[lineStart] == '\t') {
            style.indent = Indent::Tabs;
            return style;
        }
        if (bytes[lineStart] == ' ') {
            const size_t end = bytes.find_first_not_of(' ', lineStart);
            const size_t width = (end == std::string_view::npos ? bytes.size() : end) - lineStart;
            // A line of nothing but spaces says nothing about the indentation.
            if (end != std::string_view::npos && bytes[end] != '\n' && bytes[end] != '\r') {
                style.indent = Indent::Spaces;
                style.spaces = static_cast<int>(std::min<size_t>(width, 10));
                return style;
            }
        }
        lineStart = bytes.find('\n', lineStart);
    }
    return style;
}

bool jsEqual(const Json &a, const Json &b)
{
    // An explicit stack: values built in code are not bound by the parser's
    // depth limit.
    std::vector<std::pair<const Json *, const Json *>> pending{{&a, &b}};
    while (!pending.empty()) {
        const auto [x, y] = pending.back();
        pending.pop_back();
        if (x->is_number() && y->is_number()) {
            if (x->get<double>() != y->get<double>())
                return false;
            continue;
        }
        if (x->type() != y->type())
            return false;
        switch (x->type()) {
        case Json::value_t::object: {
            const auto &xo = *x->get_ptr<const Json::object_t *>();
            const auto &yo = *y->get_ptr<const Json::object_t *>();
            if (xo.size() != yo.size())
                return false;
            for (const auto &member : xo) {
                const auto other = yo.find(member.first);
                if (other == yo.end())
                    return false;
                pending.emplace_back(&member.second, &other->second);
            }
            break;
        }
        case Json::value_t::array: {
            const auto &xa = *x->get_ptr<const Json::array_t *>();
            const auto &ya = *y->get_ptr<const Json::array_t *>();
            if (xa.size() != ya.size())
                return false;
            for (size_t i = 0; i < xa.size(); ++i)
                pending.emplace_back(&xa[i], &ya[i]);
            break;
        }
        default:
            if (*x != *y)
                return false;
            break;
        }
    }
    return true;
}

} // namespace tad
