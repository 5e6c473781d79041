// Turning typed text into a value of the key's schema type.
#pragma once

#include "Result.h"
#include "schema/KeyMetadata.h"

#include "json/Json.h"
#include <QString>
#include <string_view>

namespace tad {

// Editor text -> value, with Ajv's coerceTypes rules for a string: kept as
// is where the schema allows a string; otherwise the first of the schema's
// types it converts to: number (JavaScript's Number(text), not empty, finite),
// integer (the same, no fraction), boolean ("true"/"false"), null ("").
// With no type in the schema the text is read as JSON, else kept as text.
// Failures are Usage errors that say what the key expects.
Result<Json> coerceEditorText(const KeyMetadata &meta, const QString &text,
                              const QString &key = {});

// `set KEY VALUE` on the command line: VALUE is JSON; where it is not and the
// key's schema allows a string, the text itself is the string; otherwise a
// Usage error that shows how to quote it.
Result<Json> interpretCommandLineValue(const KeyMetadata &meta, std::string_view text,
                                       const QString &key = {});

} // namespace tad
