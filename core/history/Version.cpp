#include "Version.h"

#include <QRegularExpression>
#include <QStringList>

namespace tad {

namespace {

struct Parts
{
    QStringList release;
    QStringList preRelease;
};

Parts split(const QString &version)
{
    QString core = version.section(QLatin1Char('+'), 0, 0);
    Parts parts;
    const qsizetype dash = core.indexOf(QLatin1Char('-'));
    if (dash >= 0) {
        parts.preRelease = core.mid(dash + 1).split(QLatin1Char('.'));
        core = core.left(dash);
    }
    parts.release = core.split(QLatin1Char('.'));
    return parts;
}

bool isNumber(const QString &s)
{
    bool ok = false;
    s.toULongLong(&ok);
    return ok && !s.isEmpty();
}

int compareIdentifiers(const QString &a, const QString &b)
{
    const bool an = isNumber(a), bn = isNumber(b);
    if (an && bn) {
        const auto x = a.toULongLong(), y = b.toULongLong();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (an != bn)
        return an ? -1 : 1; // numeric identifiers sort before alphanumeric ones
    return QString::compare(a, b, Qt::CaseSensitive) < 0 ? -1 : (a == b ? 0 : 1);
}

} // namespace

int compareVersions(const QString &a, const QString &b)
{
    const Parts x = split(a), y = split(b);
    for (qsizetype i = 0; i < qMax(x.release.size(), y.release.size()); ++i) {
        const auto p = i < x.release.size() ? x.release[i].toULongLong() : 0;
        const auto q = i < y.release.size() ? y.release[i].toULongLong() : 0;
        if (p != q)
            return p < q ? -1 : 1;
    }
    if (x.preRelease.isEmpty() != y.preRelease.isEmpty())
        return x.preRelease.isEmpty() ? 1 : -1;
    for (qsizetype i = 0; i < qMin(x.preRelease.size(), y.preRelease.size()); ++i) {
        if (const int c = compareIdentifiers(x.preRelease[i], y.preRelease[i]))
            return c;
    }
    return x.preRelease.size() < y.preRelease.size()
               ? -1
               : (x.preRelease.size() > y.preRelease.size() ? 1 : 0);
}

bool isVersion(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "\\A\\d+(\\.\\d+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z.-]+)?\\z"));
    return pattern.match(text).hasMatch();
}

} // namespace tad
