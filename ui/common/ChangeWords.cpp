#include "ChangeWords.h"

#include "history/JsonPatch.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace tad {

namespace {

struct BackupReasonText
{
    const char *name;
    const char *title;   // for a list's column
    const char *purpose; // inside a sentence
};

const BackupReasonText kBackupReasons[] = {
    {"manual", QT_TRANSLATE_NOOP("ChangeWords", "Made by hand"),
     QT_TRANSLATE_NOOP("ChangeWords", "made by hand")},
    {"application-start", QT_TRANSLATE_NOOP("ChangeWords", "When the file was opened"),
     QT_TRANSLATE_NOOP("ChangeWords", "when the file was opened")},
    {"pre-migration", QT_TRANSLATE_NOOP("ChangeWords", "Before a migration"),
     QT_TRANSLATE_NOOP("ChangeWords", "before a migration")},
    {"before-restore", QT_TRANSLATE_NOOP("ChangeWords", "Before a restore"),
     QT_TRANSLATE_NOOP("ChangeWords", "before a restore")},
    {"before-clear", QT_TRANSLATE_NOOP("ChangeWords", "Before clearing the settings"),
     QT_TRANSLATE_NOOP("ChangeWords", "before clearing the settings")},
    {"critical-key", QT_TRANSLATE_NOOP("ChangeWords", "Before an important setting changed"),
     QT_TRANSLATE_NOOP("ChangeWords", "before an important setting changed")},
};

const BackupReasonText *findBackupReason(const QString &reason)
{
    for (const auto &known : kBackupReasons)
        if (reason == QLatin1String(known.name))
            return &known;
    return nullptr;
}

} // namespace

QString ChangeWords::reason(const HistoryEntry &entry)
{
    const std::string &op = entry.operation;
    switch (entry.source) {
    case ChangeSource::Editor:
        return op == "delete" ? tr("Removed in TAD Settings") : tr("Edited in TAD Settings");
    case ChangeSource::Cli:
        if (op == "delete")
            return tr("Removed with the command line");
        if (op == "clear")
            return tr("Cleared with the command line");
        return tr("Changed with the command line");
    case ChangeSource::External:
        return tr("Changed by the app");
    case ChangeSource::Undo:
        return tr("Undo");
    case ChangeSource::Redo:
        return tr("Redo");
    case ChangeSource::Restore:
        return op == "restore-keys" ? tr("Some keys restored from a backup")
                                    : tr("Restored from a backup");
    case ChangeSource::Rollback: {
        const QDateTime undone = entryTime(entry.rollbackOf);
        if (!undone.isValid())
            return tr("Rollback of an earlier change");
        return tr("Rollback of the change from %1")
            .arg(moment(undone, QDateTime::currentDateTimeUtc()));
    }
    case ChangeSource::Migration:
        return entry.version.isEmpty() ? tr("Migration") : tr("Migration to %1").arg(entry.version);
    case ChangeSource::Reset:
        return tr("Reset to default");
    case ChangeSource::Recovery:
        return tr("Recovered from a backup");
    }
    return {};
}

QString ChangeWords::agent(const HistoryEntry &entry)
{
    switch (entry.source) {
    case ChangeSource::Editor:
        return tr("in TAD Settings");
    case ChangeSource::Cli:
        return tr("with the command line");
    case ChangeSource::External:
        return tr("by the app");
    case ChangeSource::Undo:
        return tr("by an undo in TAD Settings");
    case ChangeSource::Redo:
        return tr("by a redo in TAD Settings");
    case ChangeSource::Restore:
        return tr("by a restore");
    case ChangeSource::Rollback:
        return tr("by a rollback");
    case ChangeSource::Migration:
        return entry.version.isEmpty() ? tr("by a migration")
                                       : tr("by the migration to %1").arg(entry.version);
    case ChangeSource::Reset:
        return tr("by a reset to default");
    case ChangeSource::Recovery:
        return tr("by a recovery");
    }
    return {};
}

QStringList ChangeWords::touchedKeys(const HistoryEntry &entry)
{
    QStringList keys;
    for (const auto &op : entry.patch) {
        const QString key = QString::fromStdString(pointerToKey(op.value("path", std::string())));
        if (!keys.contains(key))
            keys << key;
    }
    return keys;
}

QString ChangeWords::keys(const QStringList &keys)
{
    if (keys.isEmpty())
        return tr("no key");
    if (keys.contains(QString()))
        return tr("the whole file");
    if (keys.size() == 1)
        return keys.first();
    if (keys.size() == 2)
        return tr("%1 and %2").arg(keys[0], keys[1]);
    if (keys.size() == 3)
        return tr("%1, %2 and %3").arg(keys[0], keys[1], keys[2]);
    return tr("%1, %2 and %3 more keys").arg(keys[0], keys[1]).arg(keys.size() - 2);
}

QString ChangeWords::backupReason(const QString &reason)
{
    if (reason.isEmpty())
        return tr("No details");
    if (const auto *known = findBackupReason(reason))
        return tr(known->title);
    return reason;
}

QString ChangeWords::backup(const BackupInfo &backup, const QDateTime &now)
{
    const QString when = moment(backup.time, now);
    if (!backup.label.isEmpty())
        return tr("the backup from %1 (\u201c%2\u201d)").arg(when, backup.label);
    if (const auto *known = findBackupReason(backup.reason))
        return tr("the backup from %1 (%2)").arg(when, tr(known->purpose));
    return tr("the backup from %1").arg(when);
}

QString ChangeWords::backupTitle(const BackupInfo &backup, const QDateTime &now)
{
    return tr("Backup from %1").arg(moment(backup.time, now));
}

// An entry id begins with its UTC time: "20261201T140312345Z-0aec".
QDateTime ChangeWords::entryTime(const QString &entryId)
{
    QDateTime time = QDateTime::fromString(entryId.left(18), QStringLiteral("yyyyMMddTHHmmsszzz"));
    if (time.isValid())
        time.setTimeZone(QTimeZone::utc());
    return time;
}

QString ChangeWords::backupNamed(const QString &name, const QDateTime &now)
{
    BackupInfo info;
    info.name = name;
    info.time = backupname::timeOf(name).value_or(QDateTime());
    if (!info.time.isValid())
        return name;
    return backup(info, now);
}

QString ChangeWords::refusal(const QString &heading, const QString &coreLead,
                             const QString &message)
{
    QString why =
        message.startsWith(coreLead, Qt::CaseInsensitive) ? message.mid(coreLead.size()) : message;
    // The core names history entries by id, for the CLI; the window by
    // their time, as its History list does.
    static const QRegularExpression id(
        QStringLiteral("(?:entry )?\\b(\\d{8}T\\d{9}Z-[0-9a-f]{4})\\b"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString named;
    qsizetype last = 0;
    for (auto it = id.globalMatch(why); it.hasNext();) {
        const auto match = it.next();
        named += why.mid(last, match.capturedStart() - last) + changeNamed(match.captured(1), now);
        last = match.capturedEnd();
    }
    named += why.mid(last);
    return heading.arg(named);
}

QString ChangeWords::changeNamed(const QString &entryId, const QDateTime &now)
{
    const QDateTime time = entryTime(entryId);
    return time.isValid() ? tr("the change from %1").arg(moment(time, now)) : entryId;
}

QString ChangeWords::moment(const QDateTime &time, const QDateTime &now)
{
    const QDateTime local = time.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QLocale locale;
    const QString clock = locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today)
        return clock;
    if (local.date().year() == today.year())
        return tr("%1 %2", "day and month, then the time")
            .arg(locale.toString(local.date(), tr("d MMM", "date format: day and month")), clock);
    return tr("%1 %2", "date, then the time")
        .arg(locale.toString(local.date(), tr("d MMM yyyy", "date format with the year")), clock);
}

QString ChangeWords::exactTime(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::LongFormat);
}

} // namespace tad
