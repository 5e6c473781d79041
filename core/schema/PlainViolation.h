// Schema violations said plainly, one line per key, with what the key
// allows: `settings.theme: "blue" is not one of light, dark, auto`,
// `settings.fontSize: 40 is above the maximum 24 (8 to 24)`. Ajv's own
// words stay as they are (scripts match them); these lines come after them,
// in the command line's messages and the window's alike.
#pragma once

#include "schema/Schema.h"
#include "schema/SchemaViolation.h"

#include "json/Json.h"
#include <QString>
#include <QStringList>

namespace tad {

// One line for each key that has violations, in their order; `document` is
// the one validated (the values are read from it, secrets masked).
QStringList plainViolationLines(const Schema &schema, const Json &document,
                                const SchemaViolations &violations);

} // namespace tad
