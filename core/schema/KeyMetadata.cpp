#include "KeyMetadata.h"

#include "RawSchema.h"
#include "SecretMask.h"

#include <algorithm>

namespace tad {

namespace {

const Json *member(const Json *node, const char *name)
{
    auto it = node->find(name);
    return it == node->end() ? nullptr : &*it;
}

QString text(const Json *value)
{
    return value && value->is_string() ? QString::fromStdString(value->get<std::string>())
                                       : QString();
}

void addType(KeyMetadata &meta, const std::string &type)
{
    if (std::find(meta.types.begin(), meta.types.end(), type) == meta.types.end())
        meta.types.push_back(type);
}

// A oneOf/anyOf whose every branch is a const (or an enum) lists choices.
bool collectChoices(const Json &root, const Json &list, KeyMetadata &meta)
{
    std::vector<Json> values;
    std::vector<QString> titles;
    for (const auto &raw : list) {
        const Json *branch = schema::resolveRef(root, &raw);
        if (!branch)
            return false;
        if (const Json *c = member(branch, "const")) {
            values.push_back(*c);
            titles.push_back(text(member(branch, "title")));
        } else if (const Json *e = member(branch, "enum"); e && e->is_array()) {
            for (const auto &v : *e) {
                values.push_back(v);
                titles.push_back({});
            }
        } else {
            return false;
        }
    }
    meta.enumValues = std::move(values);
    meta.enumTitles = std::move(titles);
    return !meta.enumValues.empty();
}

void readNumber(const Json *value, std::optional<double> &into)
{
    if (value && value->is_number() && !into)
        into = value->get<double>();
}

void readCount(const Json *value, std::optional<quint64> &into)
{
    if (value && value->is_number() && !into && value->get<double>() >= 0)
        into = static_cast<quint64>(value->get<double>());
}

// The first schema that says something wins; types accumulate. A branch of
// anyOf/oneOf adds no choices of its own: one const branch beside a format
// branch (user.email: "" or an address) is not a list of choices.
void merge(const Json &root, const Json &node, bool isBranch, KeyMetadata &meta)
{
    if (const Json *type = member(&node, "type")) {
        if (type->is_string())
            addType(meta, type->get<std::string>());
        else if (type->is_array())
            for (const auto &t : *type)
                if (t.is_string())
                    addType(meta, t.get<std::string>());
    }
    if (meta.enumValues.empty() && !isBranch) {
        if (const Json *e = member(&node, "enum"); e && e->is_array()) {
            meta.enumValues.assign(e->begin(), e->end());
            meta.enumTitles.assign(meta.enumValues.size(), QString());
        } else if (const Json *c = member(&node, "const")) {
            meta.enumValues = {*c};
            meta.enumTitles = {text(member(&node, "title"))};
        } else {
            for (const char *combinator : {"oneOf", "anyOf"}) {
                if (const Json *list = member(&node, combinator);
                    list && list->is_array() && collectChoices(root, *list, meta))
                    break;
            }
        }
    }
    if (const Json *v = member(&node, "exclusiveMinimum"); v && v->is_number() && !meta.minimum) {
        meta.minimum = v->get<double>();
        meta.exclusiveMinimum = true;
    }
    if (const Json *v = member(&node, "exclusiveMaximum"); v && v->is_number() && !meta.maximum) {
        meta.maximum = v->get<double>();
        meta.exclusiveMaximum = true;
    }
    readNumber(member(&node, "minimum"), meta.minimum);
    readNumber(member(&node, "maximum"), meta.maximum);
    readCount(member(&node, "minLength"), meta.minLength);
    readCount(member(&node, "maxLength"), meta.maxLength);
    readCount(member(&node, "maxItems"), meta.maxItems);
    if (meta.format.isEmpty())
        meta.format = text(member(&node, "format"));
    if (meta.pattern.isEmpty())
        meta.pattern = text(member(&node, "pattern"));
    if (meta.title.isEmpty())
        meta.title = text(member(&node, "title"));
    if (meta.description.isEmpty())
        meta.description = text(member(&node, "description"));
    if (const Json *d = member(&node, "default"); d && !meta.defaultValue)
        meta.defaultValue = *d;
    if (const Json *r = member(&node, "readOnly"); r && r->is_boolean() && r->get<bool>())
        meta.readOnly = true;
}

} // namespace

const char *schemaTypeName(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return "integer";
    case Json::value_t::number_float:
        return "number";
    case Json::value_t::string:
        return "string";
    case Json::value_t::array:
        return "array";
    default:
        return "object";
    }
}

bool KeyMetadata::allowsType(const char *type) const
{
    if (types.empty())
        return true;
    const bool listed = std::find(types.begin(), types.end(), type) != types.end();
    // "integer" values are numbers too.
    return listed || (std::string_view(type) == "integer" &&
                      std::find(types.begin(), types.end(), "number") != types.end());
}

Json KeyMetadata::toJson() const
{
    Json out = Json::object();
    out["known"] = known;
    if (!title.isEmpty())
        out["title"] = title.toStdString();
    if (!description.isEmpty())
        out["description"] = description.toStdString();
    if (!types.empty())
        out["type"] = types;
    if (!enumValues.empty()) {
        out["enum"] = enumValues;
        if (std::any_of(enumTitles.begin(), enumTitles.end(),
                        [](const QString &t) { return !t.isEmpty(); })) {
            Json titles = Json::array();
            for (const auto &t : enumTitles)
                titles.push_back(t.toStdString());
            out["enumTitles"] = titles;
        }
    }
    if (minimum)
        out[exclusiveMinimum ? "exclusiveMinimum" : "minimum"] = *minimum;
    if (maximum)
        out[exclusiveMaximum ? "exclusiveMaximum" : "maximum"] = *maximum;
    if (!format.isEmpty())
        out["format"] = format.toStdString();
    if (!pattern.isEmpty())
        out["pattern"] = pattern.toStdString();
    if (minLength)
        out["minLength"] = *minLength;
    if (maxLength)
        out["maxLength"] = *maxLength;
    if (maxItems)
        out["maxItems"] = *maxItems;
    if (defaultValue)
        out["default"] = *defaultValue;
    if (secret)
        out["secret"] = true;
    if (readOnly)
        out["readOnly"] = true;
    return out;
}

KeyMetadata keyMetadata(const Schema &schema, const std::vector<std::string> &tokens)
{
    KeyMetadata meta;
    meta.secret = isSecretKey(schema, tokens); // the one rule, in SecretMask
    if (schema.isNull())
        return meta;
    const Json &root = schema.rootSchema();
    const auto nodes =
        tokens.empty() ? std::vector<const Json *>{&root} : schema::schemasAt(root, tokens);
    for (const Json *node : nodes) {
        const auto branches = schema::expandBranches(root, node);
        for (size_t i = 0; i < branches.size(); ++i) {
            meta.known = true;
            merge(root, *branches[i], i > 0, meta);
        }
    }
    return meta;
}

} // namespace tad
