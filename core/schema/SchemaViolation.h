// One schema violation, shaped like an Ajv error object.
#pragma once

#include "json/Json.h"
#include <QString>
#include <string>
#include <vector>

namespace tad {

struct SchemaViolation
{
    std::string
        pointer; // instance location as a JSON Pointer, "" for the root (Ajv's instancePath)
    std::string keyword; // the failing keyword: "maximum", "required", "format", ...
    std::string message; // Ajv's wording: "must be <= 24"
    // Tells apart violations of one keyword at one place: the missing or
    // additional property name for required / additionalProperties /
    // dependencies, empty otherwise.
    std::string detail;
    // What the schema asked for, as Ajv's `params` name it: {limit,
    // comparison} for the number bounds, {limit} for lengths and counts,
    // {allowedValues}, {allowedValue}, {pattern}, {format}, {type},
    // {missingProperty}, ... Empty object for keywords without any.
    Json params = Json::object();

    // Dot-notation key of `pointer` ("settings.fontSize"; "" for the root).
    QString key() const;
    // One line for a person: "settings.fontSize: must be <= 24", or for the
    // root "(root): must NOT have additional properties 'x'".
    QString toString() const;
    // Same place, keyword and detail: the identity used to tell which
    // violations a change adds.
    bool sameViolation(const SchemaViolation &other) const
    {
        return pointer == other.pointer && keyword == other.keyword && detail == other.detail;
    }
    // The params follow from the keyword at that place in one schema.
    bool operator==(const SchemaViolation &other) const
    {
        return sameViolation(other) && message == other.message;
    }
};

using SchemaViolations = std::vector<SchemaViolation>;

} // namespace tad
