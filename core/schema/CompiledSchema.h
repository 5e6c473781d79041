// The compiled form behind tad::Schema (internal to core/schema).
//
// valijson parses the schema (draft-07, $ref resolution) into its
// constraint tree; this adds what validation needs on every call and should
// not rebuild: compiled regular expressions and a hash index of each
// properties keyword.
#pragma once

// valijson aborts the process on a schema it cannot parse unless told to
// throw; every file of ours that includes valijson comes through here first.
#ifndef VALIJSON_USE_EXCEPTIONS
#define VALIJSON_USE_EXCEPTIONS 1
#endif

#include "json/Json.h"
#include <QString>
#include <optional>
#include <regex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/schema.hpp>
#include <vector>

namespace tad::schema {

struct PropertiesIndex
{
    struct Pattern
    {
        std::optional<std::regex> regex; // empty: the pattern matches every name
        const valijson::Subschema *schema = nullptr;
    };
    std::unordered_map<std::string, const valijson::Subschema *> named;
    std::vector<Pattern> patterns;
    // nullptr: additionalProperties is false. Equal to `anything`: absent or true.
    const valijson::Subschema *additional = nullptr;
    bool additionalAcceptsAll = false;
};

struct CompiledSchema
{
    Json root;
    bool propertyMap = false;
    valijson::Schema tree;
    std::unordered_map<const valijson::constraints::PatternConstraint *, std::regex> patterns;
    std::unordered_map<const valijson::constraints::PropertiesConstraint *, PropertiesIndex>
        properties;
    // Subschemas made only of type, properties-family and required
    // constraints: a change to one member can be checked without the others.
    std::unordered_set<const valijson::Subschema *> focusable;
    std::vector<QString> warnings;

    const PropertiesIndex &indexOf(const valijson::constraints::PropertiesConstraint &c) const
    {
        return properties.at(&c);
    }
};

// Fills patterns, properties and focusable from `tree`. Throws
// std::regex_error for a pattern std::regex cannot compile.
void indexSchema(CompiledSchema &compiled);

} // namespace tad::schema
