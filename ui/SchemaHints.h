// Per-key editor metadata read straight from a JSON schema (the subset the
// editors need: properties, patternProperties, additionalProperties, items).
// Accepts conf's schema map ({key: schema}) as well as a whole object schema.
#pragma once

#include "EditorSpec.h"

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

    // Reads a schema file; on failure `error` says why and the hints are empty.
    static SchemaHints fromFile(const QString &path, QString *error = nullptr);

    bool isEmpty() const { return m_root.is_null(); }
    const Json &schema() const { return m_root; }
    EditorSpec specFor(const std::vector<std::string> &segments) const;

private:
    const Json *resolve(const std::vector<std::string> &segments) const;
    Json m_root; // object schema; null when there is none
};

} // namespace tad
