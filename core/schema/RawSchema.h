// Walking the schema's own JSON (for defaults and editor metadata, which
// valijson's constraint tree does not keep): local $ref resolution and the
// subschemas that apply below a given key.
#pragma once

#include "json/Json.h"
#include <string>
#include <vector>

namespace tad::schema {

// Follows "$ref" chains that point into the same document ("#",
// "#/definitions/x", "#/$defs/x"); nullptr for a dangling or remote ref.
const Json *resolveRef(const Json &root, const Json *node);

// The node itself plus, recursively, the branches of its allOf, anyOf and
// oneOf, every $ref resolved. The node comes first.
std::vector<const Json *> expandBranches(const Json &root, const Json *node);

// Subschemas that apply to member `token` of a value described by `node`
// (properties, patternProperties, additionalProperties, items, additionalItems),
// looking through allOf/anyOf/oneOf/$ref.
std::vector<const Json *> childSchemas(const Json &root, const Json *node,
                                       const std::string &token);

// Subschemas that apply at a key path (tokens), from the root down.
std::vector<const Json *> schemasAt(const Json &root, const std::vector<std::string> &tokens);

// std::regex search of a JSON Schema pattern; false for a pattern std::regex rejects.
bool patternMatches(const std::string &pattern, const std::string &text);

} // namespace tad::schema
