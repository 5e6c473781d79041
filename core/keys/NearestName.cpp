#include "NearestName.h"

#include <algorithm>
#include <vector>

namespace tad {

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[size_t(j)];
            const int replace = diagonal + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            row[size_t(j)] = std::min({above + 1, row[size_t(j - 1)] + 1, replace});
            diagonal = above;
        }
    }
    return row.back();
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
