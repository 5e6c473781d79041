// Refuses a write that would add schema violations, with Ajv's message. It
// sits on the store (on the worker thread), so nothing the window sends, by
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

private:
    Schema m_schema;
};

} // namespace tad
