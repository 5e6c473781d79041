#include "RawSchema.h"

#include "SchemaPaths.h"

#include <QByteArray>
#include <regex>
#include <unordered_set>

namespace tad::schema {

namespace {

const Json *memberOf(const Json *node, const char *name)
{
    if (!node || !node->is_object())
        return nullptr;
    auto it = node->find(name);
    return it == node->end() ? nullptr : &*it;
}

bool isArrayIndex(const std::string &token, size_t &index)
{
    if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0'))
        return false;
    index = 0;
    for (char c : token) {
        if (c < '0' || c > '9')
            return false;
        index = index * 10 + static_cast<size_t>(c - '0');
    }
    return true;
}

} // namespace

bool patternMatches(const std::string &pattern, const std::string &text)
{
    if (pattern.empty() || pattern == ".*")
        return true;
    try {
        return std::regex_search(text, std::regex(pattern, std::regex::ECMAScript));
    } catch (const std::regex_error &) {
        return false;
    }
}

const Json *resolveRef(const Json &root, const Json *node)
{
    // A bound on hops stops a cycle of refs that lead nowhere.
    for (int hops = 0; node && node->is_object() && hops < 32; ++hops) {
        const Json *ref = memberOf(node, "$ref");
        if (!ref || !ref->is_string())
            return node;
        const std::string &text = ref->get_ref<const std::string &>();
        if (text.empty() || text[0] != '#')
            return nullptr;
        const std::string fragment =
            QByteArray::fromPercentEncoding(QByteArray::fromStdString(text.substr(1)))
                .toStdString();
        const Json *target = &root;
        for (const auto &token : pointerTokens(fragment)) {
            if (target->is_object()) {
                auto it = target->find(token);
                target = it == target->end() ? nullptr : &*it;
            } else if (size_t index = 0;
                       target->is_array() && isArrayIndex(token, index) && index < target->size()) {
                target = &(*target)[index];
            } else {
                target = nullptr;
            }
            if (!target)
                return nullptr;
        }
        node = target;
    }
    return node && node->is_object() ? node : nullptr;
}

std::vector<const Json *> expandBranches(const Json &root, const Json *node)
{
    std::vector<const Json *> out;
    std::unordered_set<const Json *> seen;
    std::vector<const Json *> pending{node};
    while (!pending.empty()) {
        const Json *current = resolveRef(root, pending.front());
        pending.erase(pending.begin());
        if (!current || !seen.insert(current).second)
            continue;
        out.push_back(current);
        for (const char *combinator : {"allOf", "anyOf", "oneOf"}) {
            if (const Json *list = memberOf(current, combinator); list && list->is_array()) {
                for (const auto &branch : *list)
                    pending.push_back(&branch);
            }
        }
    }
    return out;
}

std::vector<const Json *> childSchemas(const Json &root, const Json *node, const std::string &token)
{
    std::vector<const Json *> out;
    for (const Json *schema : expandBranches(root, node)) {
        bool matched = false;
        if (const Json *props = memberOf(schema, "properties"); props && props->is_object()) {
            if (auto it = props->find(token); it != props->end()) {
                out.push_back(&*it);
                matched = true;
            }
        }
        if (const Json *patterns = memberOf(schema, "patternProperties");
            patterns && patterns->is_object()) {
            for (auto it = patterns->begin(); it != patterns->end(); ++it) {
                if (patternMatches(it.key(), token)) {
                    out.push_back(&*it);
                    matched = true;
                }
            }
        }
        if (!matched) {
            if (const Json *additional = memberOf(schema, "additionalProperties");
                additional && additional->is_object())
                out.push_back(additional);
        }
        size_t index = 0;
        if (isArrayIndex(token, index)) {
            if (const Json *items = memberOf(schema, "items")) {
                if (items->is_object()) {
                    out.push_back(items);
                } else if (items->is_array()) {
                    if (index < items->size())
                        out.push_back(&(*items)[index]);
                    else if (const Json *more = memberOf(schema, "additionalItems");
                             more && more->is_object())
                        out.push_back(more);
                }
            }
        }
    }
    return out;
}

std::vector<const Json *> schemasAt(const Json &root, const std::vector<std::string> &tokens)
{
    std::vector<const Json *> current{&root};
    for (const auto &token : tokens) {
        std::vector<const Json *> next;
        for (const Json *node : current) {
            for (const Json *child : childSchemas(root, node, token))
                next.push_back(child);
        }
        current = std::move(next);
        if (current.empty())
            break;
    }
    return current;
}

} // namespace tad::schema
