// How long ago something happened, in words: "5 minutes ago", "yesterday",
// "3 weeks ago".
#pragma once

#include <QDateTime>
#include <QString>

namespace tad {

QString relativeTime(const QDateTime &time, const QDateTime &now);

} // namespace tad
