#include "NearestName.h"

#include <algorithm>
#include <vector>

namespace tad {

int editDistance(const QString &a, const QString &b)
{
    // Three rows: the one before the previous is where a swap of two
    // neighbours ("nmae" for "name") comes from, at the cost of one edit.
    const size_t width = size_t(b.size()) + 1;
    std::vector<int> before(width), previous(width), row(width);
    for (size_t j = 0; j < width; ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const size_t at = size_t(j);
            const int replace = previous[at - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            int best = std::min({previous[at] + 1, row[at - 1] + 1, replace});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                best = std::min(best, before[at - 2] + 1);
            row[at] = best;
        }
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return previous.back();
}

QString nearest(const QString &typed, const QStringList &candidates)
{
    QString best;
    int bestDistance = 3;
    for (const QString &candidate : candidates) {
        const int d = editDistance(typed, candidate);
        if (d < bestDistance && d * 2 < typed.size()) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace tad
