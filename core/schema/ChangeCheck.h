// Which schema violations a change adds. A file that already breaks the
// schema (the Electron app may have written it) must stay editable: only
// changes that make things worse are refused.
#pragma once

#include "schema/Schema.h"

#include "json/Json.h"
#include <string>
#include <vector>

namespace tad {

// The violations of `after` that `before` did not have, compared by
// (instance pointer, keyword, detail) and counted, so a second copy of an
// existing violation is new too. Only what the changed key paths (tokens;
// an empty path = the whole document, as for clear) can affect is
// validated, in both documents.
SchemaViolations addedSchemaViolations(const Schema &schema, const Json &before, const Json &after,
                                       const std::vector<std::vector<std::string>> &changedPaths);

} // namespace tad
