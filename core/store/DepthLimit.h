// The deepest document the store writes: no deeper than the reader (and
// conf's JSON.parse) accepts, so every file it writes can be read again.
#pragma once

#include "Store.h"

#include <QString>
#include <vector>

namespace tad {

class DepthLimit
{
public:
    // The refusal of a change under `key` (of `segments` segments) whose
    // value nests `valueDepth` levels (0: the key alone is too deep).
    static Error tooDeep(const QString &key, size_t segments, int valueDepth);
    // Refuses operations whose key and value together nest too deep.
    static Result<void> check(const std::vector<StoreOp> &ops, KeyDialect dialect);
};

} // namespace tad
