// Per-key editor metadata. With a compiled core Schema, the core's
// KeyMetadata (which follows $ref and allOf/anyOf/oneOf) decides; the raw
// schema text adds what only the editors care about (is this object a map
// of entries, what type are an array's items, enum titles given as a
// parallel `enumTitles` array). Accepts conf's schema map ({key: schema})
// as well as a whole object schema.
#pragma once

#include "EditorSpec.h"
#include "schema/Schema.h"

#include "json/Json.h"
#include <QString>
#include <string>
#include <vector>

namespace tad {

class SchemaHints
{
public:
    SchemaHints() = default;
    explicit SchemaHints(Json schema);
    explicit SchemaHints(Schema compiled);

    // Reads a schema file; on failure `error` says why and the hints are empty.
    static SchemaHints fromFile(const QString &path, QString *error = nullptr);

    bool isEmpty() const { return m_root.is_null(); }
    const Schema &compiled() const { return m_compiled; }
    const Json &schema() const { return m_root; }
    EditorSpec specFor(const std::vector<std::string> &segments) const;

private:
    const Json *resolve(const std::vector<std::string> &segments) const;
    EditorSpec rawSpecFor(const std::vector<std::string> &segments) const;
    Json m_root; // object schema; null when there is none
    Schema m_compiled;
};

} // namespace tad
