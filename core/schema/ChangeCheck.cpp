#include "ChangeCheck.h"

#include <algorithm>

namespace tad {

SchemaViolations addedSchemaViolations(const Schema &schema, const Json &before, const Json &after,
                                       const std::vector<std::vector<std::string>> &changedPaths)
{
    if (schema.isNull() || changedPaths.empty())
        return {};
    SchemaViolations existing = schema.validatePaths(before, changedPaths);
    SchemaViolations added;
    for (auto &violation : schema.validatePaths(after, changedPaths)) {
        auto same = std::find_if(existing.begin(), existing.end(), [&](const SchemaViolation &old) {
            return old.sameViolation(violation);
        });
        if (same != existing.end())
            existing.erase(same); // matched once: a second copy counts as new
        else
            added.push_back(std::move(violation));
    }
    return added;
}

} // namespace tad
