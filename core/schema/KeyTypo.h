// A key typed by hand that is likely a typo: the schema does not describe
// it, the document does not hold it, and one of its segments is a near miss
// (keys/NearestName) of a name the schema gives at that place.
// `settings.them` -> `settings.theme`, `settigns.fontSize` -> `settings.fontSize`.
#pragma once

#include "keys/KeyPath.h"
#include "schema/Schema.h"

#include "json/Json.h"
#include <QString>
#include <optional>

namespace tad {

// The key probably meant, or nothing when `path` is described by the
// schema, present in `document`, or no name is near enough to its first
// unknown segment (a new key, then, not a typo). A segment of digits is an
// index or an id and never a typo.
std::optional<KeyPath> likelyMeantKey(const Schema &schema, const Json &document,
                                      const KeyPath &path);

// "; did you mean settings.theme?" for likelyMeantKey's answer, "" for none:
// the words every message that names a missing key ends with.
QString meantKeyHint(const Schema &schema, const Json &document, const KeyPath &path,
                     KeyDialect dialect);

} // namespace tad
