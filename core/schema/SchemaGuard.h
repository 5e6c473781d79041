// Refuses a write that would add schema violations, listing every one in
// conf's words ("Config schema violation: `settings/fontSize` must be <= 24").
// It sits on the store, so nothing the window or the command line sends, by
// whatever path, reaches the file unchecked. Violations already in the file
// do not block unrelated edits.
#pragma once

#include "schema/Schema.h"
#include "store/Store.h"

namespace tad {

class SchemaGuard : public StoreHook
{
public:
    explicit SchemaGuard(Schema schema) : m_schema(std::move(schema)) {}
    Result<void> beforeWrite(const PendingChange &change) override;
    const Schema &schema() const { return m_schema; }

    // The violations `change` adds, which are why beforeWrite refuses it
    // (empty: it is written). ValueCheck asks the same question of a value
    // before anything is sent to the store.
    static SchemaViolations addedViolations(const Schema &schema, const PendingChange &change);

    // The SchemaRejected error for these violations (not empty) of
    // `document`: conf's words on the first line, then one plain line per key.
    static Error rejection(const Schema &schema, const Json &document,
                           const SchemaViolations &violations);

private:
    Schema m_schema;
};

} // namespace tad
