#include "Schema.h"

#include "CompiledSchema.h"
#include "InstanceValidator.h"
#include "JsonAdapter.h"
#include "Resources.h"

#include "json/JsonText.h"
#include <QFile>
#include <algorithm>
#include <valijson/schema_parser.hpp>

namespace tad {

namespace {

Error schemaError(const QString &origin, const QString &what)
{
    Error e = makeError(ErrorCode::Usage, origin.isEmpty()
                                              ? QStringLiteral("schema: %1").arg(what)
                                              : QStringLiteral("schema %1: %2").arg(origin, what));
    e.file = origin;
    return e;
}

bool isWholeSchema(const Json &value)
{
    return value.is_object() &&
           ((value.contains("type") && value["type"].is_string()) || value.contains("$schema"));
}

} // namespace

Schema::Schema(std::shared_ptr<const schema::CompiledSchema> compiled)
    : m_compiled(std::move(compiled))
{}

Result<Schema> Schema::fromJson(const Json &schemaOrMap, const QString &origin, Shape shape)
{
    if (!schemaOrMap.is_object() && !(shape == Shape::WholeSchema && schemaOrMap.is_boolean()))
        return schemaError(
            origin, QStringLiteral("must be a JSON object ({key: schema} or a whole schema)"));
    auto compiled = std::make_shared<schema::CompiledSchema>();
    if (shape == Shape::WholeSchema || (shape == Shape::None && isWholeSchema(schemaOrMap))) {
        compiled->root = schemaOrMap;
    } else {
        // electron-store's form: a property map validated as the properties
        // of an object.
        for (auto it = schemaOrMap.begin(); it != schemaOrMap.end(); ++it) {
            if (!it->is_object() && !it->is_boolean())
                return schemaError(origin,
                                   QStringLiteral("the schema of key \"%1\" must be an object")
                                       .arg(QString::fromStdString(it.key())));
        }
        compiled->propertyMap = true;
        compiled->root = Json::object();
        compiled->root["type"] = "object";
        compiled->root["properties"] = schemaOrMap;
    }
    try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        parser.populateSchema(schema::JsonAdapterT<Json>(compiled->root), compiled->tree);
        schema::indexSchema(*compiled);
    } catch (const std::regex_error &e) {
        return schemaError(origin,
                           QStringLiteral("a pattern is not a valid regular expression (%1)")
                               .arg(QString::fromLocal8Bit(e.what())));
    } catch (const std::exception &e) {
        return schemaError(
            origin, QStringLiteral("cannot be compiled: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    return Schema(std::move(compiled));
}

Result<Schema> Schema::fromText(std::string_view text, const QString &origin)
{
    auto value = parseValue(text);
    if (!value.ok()) {
        // A file that does not parse (exit 4), said as a file's error is:
        // its line and column, no advice meant for a value typed in.
        auto asFile = parseDocument(text, origin);
        Error e = asFile ? value.error() : asFile.error();
        e.code = ErrorCode::Unreadable;
        e.message = QStringLiteral("schema %1 does not parse: %2").arg(origin, e.message);
        e.file = origin;
        return e;
    }
    return fromJson(*value, origin);
}

Result<Schema> Schema::fromFile(const QString &path)
{
    ensureResources();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Error e =
            makeError(ErrorCode::Unreadable,
                      QStringLiteral("cannot read schema %1: %2").arg(path, file.errorString()));
        e.file = path;
        return e;
    }
    const QByteArray bytes = file.readAll();
    return fromText(std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())), path);
}

QString Schema::builtInResourcePath()
{
    return QStringLiteral(":/tad/schema/tad-config.schema.json");
}

Result<Schema> Schema::builtIn()
{
    return fromFile(builtInResourcePath());
}

Schema::Shape Schema::shape() const
{
    if (!m_compiled)
        return Shape::None;
    return m_compiled->propertyMap ? Shape::PropertyMap : Shape::WholeSchema;
}

const Json &Schema::rootSchema() const
{
    static const Json empty = Json::object();
    return m_compiled ? m_compiled->root : empty;
}

std::vector<QString> Schema::warnings() const
{
    return m_compiled ? m_compiled->warnings : std::vector<QString>{};
}

SchemaViolations Schema::validate(const Json &document) const
{
    SchemaViolations out;
    if (m_compiled)
        schema::validateInstance(*m_compiled, document, &out);
    return out;
}

bool Schema::isValid(const Json &document) const
{
    return !m_compiled || schema::validateInstance(*m_compiled, document, nullptr);
}

SchemaViolations Schema::validatePaths(const Json &document,
                                       const std::vector<std::vector<std::string>> &paths) const
{
    if (!m_compiled)
        return {};
    SchemaViolations out;
    for (const auto &path : paths) {
        if (path.empty())
            return validate(document);
    }
    for (size_t i = 0; i < paths.size(); ++i) {
        // A path under another one is covered by it.
        bool covered = false;
        for (size_t j = 0; j < paths.size() && !covered; ++j) {
            const auto &a = paths[i], &b = paths[j];
            covered = j != i && b.size() <= a.size() && std::equal(b.begin(), b.end(), a.begin()) &&
                      (b.size() < a.size() || j < i);
        }
        if (covered)
            continue;
        SchemaViolations found;
        schema::validateInstance(*m_compiled, document, &found, &paths[i]);
        if (out.empty()) {
            out = std::move(found);
            continue;
        }
        // Checks above the paths (a parent's type) are seen once per path:
        // keep as many copies of each as the run that saw it most.
        const size_t before = out.size();
        for (auto &v : found) {
            const auto seenHere = std::count(found.begin(), found.end(), v);
            const auto seenBefore =
                std::count(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(before), v);
            const auto addedNow =
                std::count(out.begin() + static_cast<std::ptrdiff_t>(before), out.end(), v);
            if (seenBefore + addedNow < seenHere)
                out.push_back(v);
        }
    }
    return out;
}

} // namespace tad
