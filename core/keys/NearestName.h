// "did you mean --dry-run?", "did you mean settings.theme?": the nearest of
// some names by edit distance, the one rule for a likely typo.
#pragma once

#include <QString>
#include <QStringList>

namespace tad {

// Edit distance: insert, delete or replace one character, or swap two
// neighbours ("nmae" is one edit from "name", as a typist sees it).
int editDistance(const QString &a, const QString &b);
// The candidate nearest to `typed`, if near enough to be a likely typo (at
// most 2 edits, and fewer than half the typed length); else null.
QString nearest(const QString &typed, const QStringList &candidates);

} // namespace tad
