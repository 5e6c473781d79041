#include "RelativeTime.h"

#include "Counted.h"

#include <QObject>

namespace tad {

QString relativeTime(const QDateTime &time, const QDateTime &now)
{
    const qint64 seconds = time.secsTo(now);
    if (seconds < 0)
        return QObject::tr("in the future");
    if (seconds < 60)
        return QObject::tr("just now");
    if (seconds < 3600)
        return counted(int(seconds / 60), QObject::tr("%1 minute ago"),
                       QObject::tr("%1 minutes ago"));
    if (seconds < 86400)
        return counted(int(seconds / 3600), QObject::tr("%1 hour ago"),
                       QObject::tr("%1 hours ago"));
    if (seconds < 2 * 86400)
        return QObject::tr("yesterday");
    if (seconds < 14 * 86400)
        return counted(int(seconds / 86400), QObject::tr("%1 day ago"), QObject::tr("%1 days ago"));
    if (seconds < 60 * 86400)
        return counted(int(seconds / (7 * 86400)), QObject::tr("%1 week ago"),
                       QObject::tr("%1 weeks ago"));
    return counted(int(seconds / (30 * 86400)), QObject::tr("%1 month ago"),
                   QObject::tr("%1 months ago"));
}

} // namespace tad
