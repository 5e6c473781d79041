#include "Defaults.h"

#include "RawSchema.h"

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

private:
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
