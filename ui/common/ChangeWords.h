// History entries and backups said in words a person uses: why a change
// was made ("Edited in TAD Settings", "Changed by the app", "Undo",
// "Migration to 2.0.0"), by whom, which keys, and when ("5 minutes ago",
// "1 Dec 14:03"). The panels' lists, confirmations and diff titles all
// speak through here, so one change reads the same everywhere.
#pragma once

#include "history/BackupManager.h"
#include "history/History.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace tad {

class ChangeWords
{
    Q_DECLARE_TR_FUNCTIONS(ChangeWords)
public:
    // "Edited in TAD Settings", "Undo", "Migration to 2.0.0", ...
    static QString reason(const HistoryEntry &entry);
    // Who made it, to follow "made 5 minutes ago": "by the app", "in this window".
    static QString agent(const HistoryEntry &entry);
    // "settings.theme", "settings.theme and user.name", "a, b and 3 more keys";
    // "the whole file" for a change of the root.
    static QString keys(const QStringList &keys);
    // The keys an entry's patch touches, in order.
    static QStringList touchedKeys(const HistoryEntry &entry);

    // A backup's reason as stored (`manual`, `pre-migration`, ...) in words.
    static QString backupReason(const QString &reason);
    // "the backup from 1 Dec 14:03 (before a migration)".
    static QString backup(const BackupInfo &backup, const QDateTime &now);
    // "Backup from 1 Dec 14:03", for a diff pane's title.
    static QString backupTitle(const BackupInfo &backup, const QDateTime &now);

    // For what is known by name only: "the backup from 1 Dec 14:03", "the
    // change from 14:03" (the time is in a backup's name and an entry's id).
    static QString backupNamed(const QString &name, const QDateTime &now);
    static QString changeNamed(const QString &entryId, const QDateTime &now);
    // "Not rolled back: <why>" from `heading` and the core's reason, whose
    // own lead ("not rolled back: ", `coreLead`) is dropped rather than said
    // twice.
    static QString refusal(const QString &heading, const QString &coreLead, const QString &message);
    // The UTC time an entry id begins with; invalid for anything else.
    static QDateTime entryTime(const QString &entryId);

    // "14:03" today, "1 Dec 14:03" this year, "1 Dec 2025 14:03" before.
    static QString moment(const QDateTime &time, const QDateTime &now);
    // The exact local time with seconds, for tooltips.
    static QString exactTime(const QDateTime &time);
};

} // namespace tad
