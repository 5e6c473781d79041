// Version order for migrations: dotted numbers compared part by part as the
// seed's compareVersions does (missing parts are 0), with semver's rules for
// a pre-release tag ("1.1.0-beta.2" < "1.1.0") and build metadata ignored.
#pragma once

#include <QString>

namespace tad {

// <0, 0, >0 like strcmp.
int compareVersions(const QString &a, const QString &b);
// Digits and dots, optionally "-tag" and "+build".
bool isVersion(const QString &text);

} // namespace tad
