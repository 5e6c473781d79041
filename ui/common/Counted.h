// Counted phrases in plain English ("1 change", "3 changes") without a
// plural translation file: each form is its own translatable string.
#pragma once

#include <QString>

namespace tad {

// `one` and `many` hold %1 for the count; later %2... are left for the caller.
inline QString counted(qint64 count, const QString &one, const QString &many)
{
    return (count == 1 ? one : many).arg(count);
}

} // namespace tad
