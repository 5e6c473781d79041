// The JSON value type used throughout the core.
#pragma once

#include "IndexedMap.h"

#include <nlohmann/json.hpp>

namespace tad {

// Objects keep insertion order (as JavaScript objects do) with a hash index
// for large objects; see IndexedMap.h.
using Json = nlohmann::basic_json<IndexedMap>;

} // namespace tad
