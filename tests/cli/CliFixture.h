// A settings file in a temporary folder with one backup and one history
// entry, for CLI tests that check a command left every file as it was.
#pragma once

#include "CliRunner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

namespace clitest {

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

class CliFixture
{
public:
    CliFixture() : m_path(m_dir.filePath(QStringLiteral("tad-config.json"))) {}

    bool isValid() const { return m_dir.isValid(); }
    const QString &path() const { return m_path; }
    QString dir() const { return m_dir.path(); }

    // The file with the built-in schema's defaults and settings.fontSize 16
    // (one history entry), then one backup.
    bool populate()
    {
        const Run set = run({"set", "settings.fontSize", "16"});
        const Run backup = run({"backup", "create", "--label", "fixture"});
        m_backup = QString::fromUtf8(backup.out).section(QLatin1Char(' '), 0, 0).trimmed();
        const Run list = run({"history", "list"});
        m_entry = QString::fromUtf8(list.out).section(QLatin1Char(' '), 0, 0).trimmed();
        return set.exitCode == 0 && backup.exitCode == 0 && !m_backup.isEmpty() &&
               !m_entry.isEmpty();
    }
    const QString &backupName() const { return m_backup; }
    const QString &entryId() const { return m_entry; }

    Run run(const QStringList &args, const QByteArray &input = {}) const
    {
        return runCli(QStringList{QStringLiteral("--config"), m_path} + args, input);
    }

    // Every file under the folder (config, backups, history) and its bytes.
    QMap<QString, QByteArray> snapshot() const
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            files.insert(QDir(m_dir.path()).relativeFilePath(file), readAll(file));
        }
        return files;
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_backup, m_entry;
};

} // namespace clitest
