#include "RetentionPolicy.h"

#include <algorithm>
#include <functional>
#include <set>

namespace tad {

namespace {

// Calendar periods as integers, so "N periods back" is a subtraction.
qint64 dayNumber(const QDateTime &t)
{
    return t.toUTC().date().toJulianDay();
}

qint64 weekNumber(const QDateTime &t)
{
    // Julian day 0 is a Monday, so weeks start on Mondays like ISO weeks.
    return dayNumber(t) / 7;
}

qint64 monthNumber(const QDateTime &t)
{
    const QDate d = t.toUTC().date();
    return qint64(d.year()) * 12 + d.month() - 1;
}

} // namespace

RetentionDecision RetentionPolicy::decide(std::vector<RetentionCandidate> candidates,
                                          const QDateTime &now) const
{
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const RetentionCandidate &a, const RetentionCandidate &b) {
                         return a.time != b.time ? a.time > b.time : a.name > b.name;
                     });
    RetentionDecision decision;
    auto keep = [&](const RetentionCandidate &c, const QString &why) {
        if (!decision.reason.count(c.name))
            decision.reason[c.name] = why;
    };

    int last = 0;
    bool newestValidSeen = false;
    for (const auto &c : candidates) {
        if (c.pinned)
            keep(c, QStringLiteral("pinned"));
        if (!c.valid)
            continue;
        if (c.kept) {
            keep(c, QStringLiteral("labelled"));
            continue;
        }
        if (!newestValidSeen) {
            newestValidSeen = true;
            keep(c, QStringLiteral("newest"));
        }
        if (last < keepLast) {
            ++last;
            keep(c, QStringLiteral("last %1").arg(keepLast));
        }
    }

    // The newest valid backup of each period within the window.
    auto thin = [&](int periods, const std::function<qint64(const QDateTime &)> &periodOf,
                    const QString &label) {
        if (periods <= 0)
            return;
        const qint64 current = periodOf(now);
        std::set<qint64> covered;
        for (const auto &c : candidates) {
            if (!c.valid)
                continue;
            const qint64 period = periodOf(c.time);
            if (period > current || current - period >= periods || covered.count(period))
                continue;
            covered.insert(period);
            keep(c, label);
        }
    };
    thin(keepDaily, dayNumber, QStringLiteral("daily"));
    thin(keepWeekly, weekNumber, QStringLiteral("weekly"));
    thin(keepMonthly, monthNumber, QStringLiteral("monthly"));

    for (const auto &c : candidates)
        (decision.reason.count(c.name) ? decision.keep : decision.remove).push_back(c.name);
    return decision;
}

} // namespace tad
