// The names the seed's BackupManager gives backups, so that TAD Settings and
// the Electron app list and restore each other's:
//   backup-<new Date().toISOString() with ':' and '.' -> '-'>-<8 hex of SHA-256>.json
//   backup-2024-05-01T09-30-00-123Z-1a2b3c4d.json  (+ ".meta.json" beside it)
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <functional>
#include <optional>
#include <string_view>

namespace tad {

// The clock, injectable so tests can live through a year in a second.
using Clock = std::function<QDateTime()>;
Clock systemClock();

namespace backupname {

inline constexpr const char *kMetaSuffix = ".meta.json";
inline constexpr const char *kFolder = "backups";

// Date.prototype.toISOString: "2024-05-01T09:30:00.123Z" (UTC, milliseconds).
QString isoTime(const QDateTime &time);
std::optional<QDateTime> parseIsoTime(const QString &text);

QString make(const QDateTime &time, const QString &sha256Hex);
// True only for a plain name that matches the pattern exactly (no folder,
// no "..", no NUL, no other characters).
bool isBackupName(const QString &name);
std::optional<QDateTime> timeOf(const QString &name);
QString hashPrefixOf(const QString &name); // the 8 hex digits
QString metaNameOf(const QString &name);

// Lower-case hex SHA-256, as node's crypto digest('hex').
QString sha256Hex(std::string_view bytes);

} // namespace backupname
} // namespace tad
