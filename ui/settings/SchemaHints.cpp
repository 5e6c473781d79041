#include "SchemaHints.h"

#include "schema/Defaults.h"
#include "schema/KeyMetadata.h"
#include "schema/SecretMask.h"

#include "json/JsonText.h"
#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace tad {

namespace {

QStringList typeList(const Json &node)
{
    QStringList types;
    if (node.is_string())
        types << QString::fromStdString(node.get<std::string>());
    else if (node.is_array()) {
        for (const auto &t : node) {
            if (t.is_string())
                types << QString::fromStdString(t.get<std::string>());
        }
    }
    return types;
}

std::optional<double> numberAt(const Json &schema, const char *name)
{
    auto it = schema.find(name);
    if (it != schema.end() && it->is_number())
        return it->get<double>();
    return std::nullopt;
}

std::optional<qint64> countAt(const Json &schema, const char *name)
{
    auto it = schema.find(name);
    if (it != schema.end() && it->is_number())
        return qint64(it->get<double>());
    return std::nullopt;
}

QString stringAt(const Json &schema, const char *name)
{
    auto it = schema.find(name);
    if (it != schema.end() && it->is_string())
        return QString::fromStdString(it->get<std::string>());
    return {};
}

bool flagAt(const Json &schema, const char *name)
{
    auto it = schema.find(name);
    return it != schema.end() && it->is_boolean() && it->get<bool>();
}

} // namespace

SchemaHints::SchemaHints(Json schema)
{
    if (!schema.is_object())
        return;
    const bool isObjectSchema = schema.contains("properties") || schema.contains("type") ||
                                schema.contains("patternProperties");
    if (isObjectSchema) {
        m_root = std::move(schema);
    } else {
        // conf's `schema` option: a map of top-level keys to their schemas.
        m_root = Json::object();
        m_root["type"] = "object";
        m_root["properties"] = std::move(schema);
    }
}

SchemaHints::SchemaHints(Schema compiled)
    : SchemaHints(compiled.isNull() ? Json() : compiled.rootSchema())
{
    m_compiled = std::move(compiled);
}

SchemaHints SchemaHints::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("SchemaHints", "cannot read the schema %1: %2")
                         .arg(path, file.errorString());
        return {};
    }
    const QByteArray bytes = file.readAll();
    auto parsed = parseValue(std::string_view(bytes.constData(), size_t(bytes.size())));
    if (!parsed) {
        if (error)
            *error = QCoreApplication::translate("SchemaHints", "the schema %1 is not JSON: %2")
                         .arg(path, parsed.error().message);
        return {};
    }
    auto compiled = Schema::fromJson(parsed.value(), path);
    if (!compiled) {
        if (error)
            *error = compiled.error().message;
        return SchemaHints(std::move(parsed.value()));
    }
    return SchemaHints(std::move(compiled.value()));
}

const Json *SchemaHints::resolve(const std::vector<std::string> &segments) const
{
    const Json *node = &m_root;
    for (const auto &segment : segments) {
        if (!node->is_object())
            return nullptr;
        const Json *next = nullptr;
        if (auto props = node->find("properties"); props != node->end() && props->is_object()) {
            if (auto it = props->find(segment); it != props->end())
                next = &*it;
        }
        if (!next) {
            if (auto patterns = node->find("patternProperties");
                patterns != node->end() && patterns->is_object()) {
                for (auto it = patterns->begin(); it != patterns->end() && !next; ++it) {
                    const QRegularExpression re(QString::fromStdString(it.key()));
                    if (re.match(QString::fromStdString(segment)).hasMatch())
                        next = &it.value();
                }
            }
        }
        if (!next) {
            if (auto extra = node->find("additionalProperties");
                extra != node->end() && extra->is_object())
                next = &*extra;
        }
        if (!next) {
            if (auto items = node->find("items"); items != node->end() && items->is_object())
                next = &*items;
        }
        if (!next)
            return nullptr;
        node = next;
    }
    return node;
}

EditorSpec SchemaHints::specFor(const std::vector<std::string> &segments) const
{
    EditorSpec spec = rawSpecFor(segments);
    // Which keys hold a secret is the core's rule, the same as the CLI's.
    spec.secret = isSecretKey(m_compiled, segments);
    if (m_compiled.isNull())
        return spec;
    const KeyMetadata meta = keyMetadata(m_compiled, segments);
    if (!meta.known)
        return spec;
    spec.known = true;
    spec.types.clear();
    for (const auto &t : meta.types)
        spec.types << QString::fromStdString(t);
    if (!meta.enumValues.empty()) {
        std::vector<EnumOption> options;
        for (size_t i = 0; i < meta.enumValues.size(); ++i) {
            QString title = i < meta.enumTitles.size() ? meta.enumTitles[i] : QString();
            if (title.isEmpty())
                title = spec.enumTitle(meta.enumValues[i]);
            options.push_back(
                {meta.enumValues[i], title.isEmpty() ? displayText(meta.enumValues[i]) : title});
        }
        spec.enumOptions = std::move(options);
    }
    spec.minimum = spec.maximum = spec.exclusiveMinimum = spec.exclusiveMaximum = std::nullopt;
    (meta.exclusiveMinimum ? spec.exclusiveMinimum : spec.minimum) = meta.minimum;
    (meta.exclusiveMaximum ? spec.exclusiveMaximum : spec.maximum) = meta.maximum;
    spec.format = meta.format;
    spec.pattern = meta.pattern;
    if (meta.minLength)
        spec.minLength = qint64(*meta.minLength);
    if (meta.maxLength)
        spec.maxLength = qint64(*meta.maxLength);
    if (meta.maxItems)
        spec.maxItems = qint64(*meta.maxItems);
    // What a reset writes, as the core fills it: an object's own default
    // with its members' defaults in it ({} for settings is its four keys).
    spec.defaultValue =
        meta.defaultValue ? schemaDefaultFor(m_compiled, segments) : std::optional<Json>();
    if (!meta.title.isEmpty())
        spec.title = meta.title;
    if (!meta.description.isEmpty())
        spec.description = meta.description;
    spec.readOnly = meta.readOnly;
    return spec;
}

EditorSpec SchemaHints::rawSpecFor(const std::vector<std::string> &segments) const
{
    EditorSpec spec;
    const Json *schema = isEmpty() ? nullptr : resolve(segments);
    if (!schema || !schema->is_object())
        return spec;
    spec.known = true;
    if (auto type = schema->find("type"); type != schema->end())
        spec.types = typeList(*type);
    spec.title = stringAt(*schema, "title");
    spec.description = stringAt(*schema, "description");
    spec.format = stringAt(*schema, "format");
    spec.pattern = stringAt(*schema, "pattern");
    spec.minimum = numberAt(*schema, "minimum");
    spec.maximum = numberAt(*schema, "maximum");
    spec.exclusiveMinimum = numberAt(*schema, "exclusiveMinimum");
    spec.exclusiveMaximum = numberAt(*schema, "exclusiveMaximum");
    spec.minLength = countAt(*schema, "minLength");
    spec.maxLength = countAt(*schema, "maxLength");
    spec.minItems = countAt(*schema, "minItems");
    spec.maxItems = countAt(*schema, "maxItems");
    if (auto def = schema->find("default"); def != schema->end())
        spec.defaultValue = *def;
    spec.readOnly = flagAt(*schema, "readOnly");
    spec.isMap =
        schema->contains("patternProperties") ||
        (schema->contains("additionalProperties") && (*schema)["additionalProperties"].is_object());
    if (auto items = schema->find("items"); items != schema->end() && items->is_object()) {
        if (auto t = items->find("type"); t != items->end())
            spec.itemTypes = typeList(*t);
    }
    if (auto values = schema->find("enum"); values != schema->end() && values->is_array()) {
        // Titles come from a parallel `enumTitles` / `x-enumTitles` array when present.
        const Json *titles = nullptr;
        for (const char *name : {"enumTitles", "x-enumTitles", "enumNames"}) {
            if (auto t = schema->find(name); t != schema->end() && t->is_array())
                titles = &*t;
        }
        for (size_t i = 0; i < values->size(); ++i) {
            EnumOption option{(*values)[i], {}};
            if (titles && i < titles->size() && (*titles)[i].is_string())
                option.title = QString::fromStdString((*titles)[i].get<std::string>());
            else
                option.title = displayText(option.value);
            spec.enumOptions.push_back(std::move(option));
        }
    }
    if (auto oneOf = schema->find("oneOf");
        spec.enumOptions.empty() && oneOf != schema->end() && oneOf->is_array()) {
        // oneOf: [{const, title}, ...] is the standard way to title enum values.
        for (const auto &branch : *oneOf) {
            if (!branch.is_object() || !branch.contains("const"))
                continue;
            QString title = stringAt(branch, "title");
            spec.enumOptions.push_back(
                {branch["const"], title.isEmpty() ? displayText(branch["const"]) : title});
        }
    }
    return spec;
}

} // namespace tad
