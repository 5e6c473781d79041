// Turning a command-line value into a value of the key's schema type.
#pragma once

#include "Result.h"
#include "schema/KeyMetadata.h"

#include "json/Json.h"
#include <QString>
#include <string_view>

namespace tad {

// `set KEY VALUE` on the command line: VALUE is JSON; where it is not and the
// key's schema allows a string, the text itself is the string; otherwise a
// Usage error that shows how to quote it.
Result<Json> interpretCommandLineValue(const KeyMetadata &meta, std::string_view text,
                                       const QString &key = {});

} // namespace tad
