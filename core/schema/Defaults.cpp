#include "Defaults.h"

#include "RawSchema.h"

#include <cstdlib>

namespace tad {

namespace {

using schema::resolveRef;

class DefaultFiller
{
public:
    explicit DefaultFiller(const Json &root) : m_root(root) {}

    bool fill(const Json *node, Json &data, int depth = 0)
    {
        node = resolveRef(m_root, node);
        if (!node || depth > 64)
            return false;
        bool added = false;
        if (data.is_object())
            added = fillObject(*node, data, depth);
        else if (data.is_array())
            added = fillArray(*node, data, depth);
        // allOf is not a composite rule for Ajv: its defaults apply.
        if (auto all = node->find("allOf"); all != node->end() && all->is_array()) {
            for (const auto &branch : *all)
                added = fill(&branch, data, depth + 1) || added;
        }
        return added;
    }

    // Only along `tokens` (from `level` on): each object on the way gets the
    // defaults of its own missing properties (the change may have made it or
    // removed one of them) and the value at the end is filled whole. In a
    // document that had every default before the change, that adds exactly
    // what fill() of the whole document adds, in the same order.
    bool fillAlong(const Json *node, Json &data, const std::vector<std::string> &tokens,
                   size_t level, int depth)
    {
        node = resolveRef(m_root, node);
        if (!node || depth > 64)
            return false;
        if (level == tokens.size())
            return fill(node, data, depth);
        bool added = false;
        const std::string &token = tokens[level];
        if (data.is_object()) {
            std::vector<std::string> missing;
            added = addMissingDefaults(*node, data, depth, &missing);
            forEachMemberSchema(*node, data, token, [&](const Json *child, Json &member) {
                added = fillAlong(child, member, tokens, level + 1, depth + 1) || added;
            });
            // What fillObject's second loop does for the members just added.
            for (const std::string &name : missing) {
                if (name == token)
                    continue;
                forEachMemberSchema(
                    *node, data, name,
                    [&](const Json *child, Json &member) {
                        added = fill(child, member, depth + 1) || added;
                    },
                    /*patternsOnly=*/true);
            }
        } else if (data.is_array()) {
            auto items = node->find("items");
            char *end = nullptr;
            const unsigned long index = std::strtoul(token.c_str(), &end, 10);
            if (items != node->end() && items->is_object() && !token.empty() && *end == '\0' &&
                index < data.size())
                added = fillAlong(&*items, data[index], tokens, level + 1, depth + 1) || added;
        }
        if (auto all = node->find("allOf"); all != node->end() && all->is_array()) {
            for (const auto &branch : *all)
                added = fillAlong(&branch, data, tokens, level, depth + 1) || added;
        }
        return added;
    }

private:
    // fillObject's first loop without descending into members that were
    // there: a missing property with a default gets it, filled inside.
    bool addMissingDefaults(const Json &node, Json &data, int depth,
                            std::vector<std::string> *addedNames)
    {
        auto props = node.find("properties");
        if (props == node.end() || !props->is_object())
            return false;
        bool added = false;
        for (auto it = props->begin(); it != props->end(); ++it) {
            if (data.contains(it.key()) || !it->is_object())
                continue;
            auto def = it->find("default");
            if (def == it->end())
                continue;
            data[it.key()] = *def;
            addedNames->push_back(it.key());
            fill(&*it, data[it.key()], depth + 1);
            added = true;
        }
        return added;
    }

    // The schemas fillObject applies to member `name` of `data`, in its order:
    // the property's, then each matching pattern's, else additionalProperties.
    template <typename Visit>
    void forEachMemberSchema(const Json &node, Json &data, const std::string &name, Visit visit,
                             bool patternsOnly = false)
    {
        auto member = data.find(name);
        if (member == data.end())
            return;
        auto props = node.find("properties");
        const bool hasProps = props != node.end() && props->is_object();
        bool matched = hasProps && props->contains(name);
        if (matched && !patternsOnly)
            visit(&(*props)[name], *member);
        if (auto patterns = node.find("patternProperties");
            patterns != node.end() && patterns->is_object()) {
            for (auto p = patterns->begin(); p != patterns->end(); ++p) {
                if (schema::patternMatches(p.key(), name)) {
                    matched = true;
                    visit(&*p, *member);
                }
            }
        }
        auto additional = node.find("additionalProperties");
        if (!matched && !patternsOnly && additional != node.end() && additional->is_object())
            visit(&*additional, *member);
    }

    bool fillObject(const Json &node, Json &data, int depth)
    {
        bool added = false;
        auto props = node.find("properties");
        const bool hasProps = props != node.end() && props->is_object();
        if (hasProps) {
            for (auto it = props->begin(); it != props->end(); ++it) {
                if (!data.contains(it.key()) && it->is_object()) {
                    if (auto def = it->find("default"); def != it->end()) {
                        data[it.key()] = *def;
                        added = true;
                    }
                }
                if (auto child = data.find(it.key()); child != data.end())
                    added = fill(&*it, *child, depth + 1) || added;
            }
        }
        auto patterns = node.find("patternProperties");
        const bool hasPatterns = patterns != node.end() && patterns->is_object();
        auto additional = node.find("additionalProperties");
        const bool hasAdditional = additional != node.end() && additional->is_object();
        if (!hasPatterns && !hasAdditional)
            return added;
        for (auto member = data.begin(); member != data.end(); ++member) {
            bool matched = hasProps && props->contains(member.key());
            if (hasPatterns) {
                for (auto p = patterns->begin(); p != patterns->end(); ++p) {
                    if (schema::patternMatches(p.key(), member.key())) {
                        matched = true;
                        added = fill(&*p, *member, depth + 1) || added;
                    }
                }
            }
            if (!matched && hasAdditional)
                added = fill(&*additional, *member, depth + 1) || added;
        }
        return added;
    }

    bool fillArray(const Json &node, Json &data, int depth)
    {
        auto items = node.find("items");
        if (items == node.end() || !items->is_object())
            return false;
        bool added = false;
        for (auto &element : data)
            added = fill(&*items, element, depth + 1) || added;
        return added;
    }

    const Json &m_root;
};

} // namespace

bool applySchemaDefaults(const Schema &schema, Json &document)
{
    if (schema.isNull())
        return false;
    DefaultFiller filler(schema.rootSchema());
    return filler.fill(&schema.rootSchema(), document);
}

bool applySchemaDefaultsAlong(const Schema &schema, Json &document,
                              const std::vector<std::string> &tokens)
{
    if (schema.isNull())
        return false;
    DefaultFiller filler(schema.rootSchema());
    return filler.fillAlong(&schema.rootSchema(), document, tokens, 0, 0);
}

std::function<bool(Json &)> schemaDefaultsFiller(Schema schema)
{
    return [schema = std::move(schema)](Json &document) {
        return applySchemaDefaults(schema, document);
    };
}

Json schemaDefaultsDocument(const Schema &schema)
{
    Json document = Json::object();
    applySchemaDefaults(schema, document);
    return document;
}

std::optional<Json> schemaDefaultFor(const Schema &schema, const std::vector<std::string> &tokens)
{
    if (schema.isNull())
        return std::nullopt;
    if (tokens.empty())
        return schemaDefaultsDocument(schema);
    const Json &root = schema.rootSchema();
    for (const Json *node : schema::schemasAt(root, tokens)) {
        // The default written on the property itself wins over one behind
        // its $ref, as with Ajv.
        const Json *withDefault =
            node->is_object() && node->contains("default") ? node : resolveRef(root, node);
        if (!withDefault || !withDefault->contains("default"))
            continue;
        Json value = (*withDefault)["default"];
        DefaultFiller(root).fill(node, value);
        return value;
    }
    return std::nullopt;
}

} // namespace tad
