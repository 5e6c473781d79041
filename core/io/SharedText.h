// The text of one version of the file, held once and shared: the store, a
// write in progress, the watcher's reader and the history's head all point
// at the same bytes instead of copying them (a copy of a 1 MB file costs as
// much as hashing it). A text never changes once shared.
#pragma once

#include <memory>
#include <string>

namespace tad {

using SharedText = std::shared_ptr<const std::string>;

inline SharedText shareText(std::string bytes)
{
    return std::make_shared<const std::string>(std::move(bytes));
}

// The empty text, shared too, for a store that holds no file.
const SharedText &emptyText();

} // namespace tad
