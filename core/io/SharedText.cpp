#include "SharedText.h"

namespace tad {

const SharedText &emptyText()
{
    static const SharedText empty = std::make_shared<const std::string>();
    return empty;
}

} // namespace tad
