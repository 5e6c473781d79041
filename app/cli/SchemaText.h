// The schema and documents as text a person reads: one key's metadata as
// labelled lines, the keys a schema describes, a document as `key = value`
// lines.
#pragma once

#include "schema/KeyMetadata.h"

#include "json/Json.h"
#include <string>

namespace tad::cli {

struct CliContext;

// "type     string", "one of   light (Light), dark (Dark)", ...
void printKeyMetadata(const CliContext &context, const std::string &key, const KeyMetadata &meta);
// Each key the schema describes, nested ones too: "settings.theme  string  Theme".
void printSchemaKeys(const CliContext &context);
// Each leaf of `document` (arrays and empty objects are leaves) as
// "settings.theme = "auto"", secrets masked.
void printLeaves(const CliContext &context, const Json &document);

} // namespace tad::cli
