// Schema defaults, filled the way Ajv's useDefaults fills them when
// electron-store validates: a property's default is added only where the
// property is missing from an object that exists (or was just given its own
// default); nothing is filled inside anyOf, oneOf, not or if/then/else.
#pragma once

#include "schema/Schema.h"

#include "json/Json.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tad {

// Adds missing defaults to `document` in place, in schema order (as Ajv
// would on electron-store's next read or write). Returns true if anything
// was added.
bool applySchemaDefaults(const Schema &schema, Json &document);

// What applySchemaDefaults would add after a change at `tokens` (a key's
// segments; the member set, or the one deleted) to a document that had every
// default before it: only the objects on the way to the key and the value at
// its end are visited, so a change costs the size of the change, not of the
// file. On a document that lacked defaults elsewhere, use the whole fill.
bool applySchemaDefaultsAlong(const Schema &schema, Json &document,
                              const std::vector<std::string> &tokens);

// applySchemaDefaults bound to `schema`, for StoreOptions::fillDefaults: the
// defaults electron-store's Ajv adds on each of its writes, added on ours.
std::function<bool(Json &)> schemaDefaultsFiller(Schema schema);

// What electron-store writes for a new, empty store (and what clear()
// leaves): {} with every reachable default filled.
Json schemaDefaultsDocument(const Schema &schema);

// The value `reset KEY` writes: the key's own default with the defaults
// nested under it filled in; nullopt when the schema gives the key no
// default. `tokens` are the key's segments (KeyPath::segments()).
std::optional<Json> schemaDefaultFor(const Schema &schema, const std::vector<std::string> &tokens);

} // namespace tad
