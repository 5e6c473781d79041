// Copies of a settings file that stopped parsing, kept beside it as
// `<name>.bad-<time>` so a person can see what went wrong. One copy per
// distinct content: the same broken bytes seen again (by this process or
// an earlier one) reuse the copy already there.
#pragma once

#include "Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <string>
#include <string_view>

namespace tad {

// "tad-config.json.bad-2024-05-01T12-03-04-005Z": the time in UTC, ':' and
// '.' replaced by '-' as in backup names, so names sort by time.
QString badCopyName(const QString &fileName, const QDateTime &time);

// The .bad- copies of `storePath`, newest first.
QStringList listBadCopies(const QString &storePath);

// Writes `bytes` to a new .bad- copy beside `storePath` (mode 0600, through
// the one write path) unless a copy with these exact bytes exists already.
// Returns the copy's path either way.
Result<QString> keepBadCopy(const QString &storePath, std::string_view bytes,
                            const QDateTime &time = QDateTime::currentDateTimeUtc());

} // namespace tad
