#include "Resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initTadData()
{
    Q_INIT_RESOURCE(tad_data);
}

namespace tad {
void ensureResources()
{
    static const bool done = (initTadData(), true);
    Q_UNUSED(done);
}
} // namespace tad
