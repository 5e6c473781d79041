// The app's JSON Schema, loaded and compiled once.
//
// A Schema is a cheap, copyable handle to an immutable compiled schema; a
// default-constructed Schema is "no schema" and accepts everything.
//
//   auto schema = tad::Schema::builtIn();             // the shipped schema
//   auto schema = tad::Schema::fromFile(path);        // --schema FILE
//   tad::SchemaViolations v = schema->validate(doc);  // every violation, Ajv-shaped
#pragma once

#include "Result.h"
#include "schema/SchemaViolation.h"

#include "json/Json.h"
#include <QString>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tad {

namespace schema {
struct CompiledSchema;
}

class Schema
{
public:
    // How the schema was given: electron-store's {key: schema} map, which is
    // validated as {type: "object", properties: map}, or a whole schema (a
    // root whose "type" is a string, or that has "$schema").
    enum class Shape
    {
        None,
        PropertyMap,
        WholeSchema
    };

    Schema() = default;

    // Errors are Usage errors naming `origin` (a file name or resource).
    // `shape` None detects the shape as described above.
    static Result<Schema> fromJson(const Json &schemaOrMap, const QString &origin = {},
                                   Shape shape = Shape::None);
    static Result<Schema> fromText(std::string_view text, const QString &origin = {});
    static Result<Schema> fromFile(const QString &path);
    // The schema shipped in the binaries (":/tad/schema/tad-config.schema.json").
    static Result<Schema> builtIn();
    static QString builtInResourcePath();

    bool isNull() const { return !m_compiled; }
    Shape shape() const;
    // The whole schema that documents are validated against.
    const Json &rootSchema() const;
    // What the loader noticed but accepted (unknown formats).
    std::vector<QString> warnings() const;

    // Every violation, the way Ajv reports them with allErrors: true.
    SchemaViolations validate(const Json &document) const;
    bool isValid(const Json &document) const;

    // The violations a change to these key paths (tokens, as
    // KeyPath::segments()) can affect: everything at or under each path,
    // and above it only the checks that concern the path (the parent's
    // type, required and additionalProperties for that member). Schemas that
    // tie siblings together (anyOf, dependencies, ...) widen the check to
    // the whole value they describe. An empty path means the whole document.
    SchemaViolations validatePaths(const Json &document,
                                   const std::vector<std::vector<std::string>> &paths) const;

    // For the other schema modules.
    const schema::CompiledSchema *compiled() const { return m_compiled.get(); }

private:
    explicit Schema(std::shared_ptr<const schema::CompiledSchema> compiled);
    std::shared_ptr<const schema::CompiledSchema> m_compiled;
};

} // namespace tad
