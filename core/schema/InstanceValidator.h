// Walks a document against the compiled schema and reports violations the
// way Ajv does (allErrors: true): same keywords, instance paths and wording.
#pragma once

#include "CompiledSchema.h"
#include "schema/SchemaViolation.h"

#include <string>
#include <vector>

namespace tad::schema {

// With out == nullptr the walk stops at the first failure (a yes/no check).
//
// `focus`, when given, is a key path (tokens): the walk checks the value at
// that path in full, and above it only what concerns the path (type, the
// focus member's properties and required entries), as long as the schemas
// on the way are "focusable" (nothing in them depends on sibling members).
// Where one is not, the whole value at that level is checked.
bool validateInstance(const CompiledSchema &compiled, const Json &document, SchemaViolations *out,
                      const std::vector<std::string> *focus = nullptr);

} // namespace tad::schema
