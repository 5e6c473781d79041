#pragma once

namespace tad {
// Makes the embedded resources (:/tad/...) available; safe to call often.
void ensureResources();
} // namespace tad
