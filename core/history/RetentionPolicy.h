// Which backups to keep. The seed keeps the 10 newest; this keeps the
// newest few plus a thinning trail of older ones (one a day, a week, a
// month), so a mistake noticed weeks later can still be undone, while the
// folder stays small. See docs/BACKUPS.md.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <map>
#include <vector>

namespace tad {

struct RetentionCandidate
{
    QString name;
    QDateTime time;      // UTC
    bool valid = true;   // false: damaged, useless for a restore
    bool pinned = false; // a restore or migration in progress relies on it
    bool kept = false;   // a person labelled it: kept if valid, and takes no slot
};

struct RetentionDecision
{
    QStringList keep;                  // newest first
    QStringList remove;                // newest first
    std::map<QString, QString> reason; // why each kept one is kept ("last 10", "daily", ...)
};

struct RetentionPolicy
{
    int keepLast = 10;    // the newest N valid backups
    int keepDaily = 7;    // the newest backup of each of the last N days
    int keepWeekly = 5;   // ... of each of the last N ISO weeks
    int keepMonthly = 12; // ... of each of the last N calendar months

    // The seed's rule: the 10 newest, nothing else.
    static RetentionPolicy seedCompatible() { return {10, 0, 0, 0}; }

    // Days, weeks and months are UTC calendar periods counted back from
    // `now` (the current one included). Whatever the numbers, the newest
    // valid backup and every pinned one are kept; damaged ones take no slot.
    RetentionDecision decide(std::vector<RetentionCandidate> candidates,
                             const QDateTime &now) const;
};

} // namespace tad
