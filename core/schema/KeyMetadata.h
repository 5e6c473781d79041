// What an editor needs to know about one key, resolved from the schema
// through properties, patternProperties, additionalProperties, items, $ref
// and the branches of allOf/anyOf/oneOf.
#pragma once

#include "schema/Schema.h"

#include "json/Json.h"
#include <QString>
#include <optional>
#include <string>
#include <vector>

namespace tad {

// A value's JSON Schema type: "null", "boolean", "integer" (a number with
// no fraction), "number", "string", "array" or "object".
const char *schemaTypeName(const Json &value);

struct KeyMetadata
{
    bool known = false;              // some schema describes this key
    std::vector<std::string> types;  // JSON Schema type names in schema order; empty = any
    std::vector<Json> enumValues;    // allowed values, from enum/const or a oneOf/anyOf of consts
    std::vector<QString> enumTitles; // parallel to enumValues; empty where no title is given
    std::optional<double> minimum;
    std::optional<double> maximum;
    bool exclusiveMinimum = false; // minimum is exclusive (exclusiveMinimum keyword)
    bool exclusiveMaximum = false;
    QString format;
    QString pattern;
    std::optional<quint64> minLength;
    std::optional<quint64> maxLength;
    std::optional<quint64> maxItems;
    std::optional<Json> defaultValue;
    QString title;
    QString description;
    bool secret = false;   // isSecretKey(): show masked
    bool readOnly = false; // readOnly: show, do not edit

    bool allowsType(const char *type) const;
    bool allowsTypeOf(const Json &value) const { return allowsType(schemaTypeName(value)); }
    // For `schema KEY`: only the fields that are set.
    Json toJson() const;
};

// `tokens` are the key's segments (KeyPath::segments()); none = the root.
KeyMetadata keyMetadata(const Schema &schema, const std::vector<std::string> &tokens);

} // namespace tad
