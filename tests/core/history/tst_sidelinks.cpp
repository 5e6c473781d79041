// Each folder and file TAD Settings keeps beside the settings file, replaced
// by a symbolic link to somewhere else, through the real command line: the
// command refuses or skips it and says so, and the place the link points to
// keeps its bytes and its mode.
#include "CliRunner.h"
#include "FileTestHelpers.h"
#include "HistoryTestHelpers.h"
#include "history/BackupManager.h"
#include "history/History.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace tad;
using namespace historytest;
using clitest::runCli;
using filetest::entries;
using filetest::isLink;
using filetest::rawMode;

namespace {

const std::string kOutside = R"({"ai":{"apiKey":"sk-outside-do-not-touch"}})";

} // namespace

class tst_SideLinks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!clitest::cliPath().isEmpty(), "TAD_CLI must be set"); }

    void linkIsRefusedOrSkipped_data()
    {
        // what: the side entry replaced by a link; %BACKUP%, %META%, %JOURNAL%, %BASE% name
        // the fixture's files. command: CLI arguments after --config.
        QTest::addColumn<QString>("what");
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("configChanges");
        QTest::addColumn<bool>("linkStays");

        const QString link = QStringLiteral("is a symbolic link");
        // A change whose history record cannot be written is refused, unless
        // the person goes ahead without it.
        QTest::newRow("journal, set")
            << "storeHistory/%JOURNAL%" << QStringList{"set", "ui.zoom", "3"} << 4 << link << false
            << true;
        QTest::newRow("journal, set --no-backup")
            << "storeHistory/%JOURNAL%" << QStringList{"--no-backup", "set", "ui.zoom", "3"} << 0
            << link << true << true;
        QTest::newRow("journal, history list")
            << "storeHistory/%JOURNAL%" << QStringList{"history", "list"} << 0 << link << false
            << true;
        QTest::newRow("journal, history show")
            << "storeHistory/%JOURNAL%" << QStringList{"history", "show", "%ID%"} << 4 << link
            << false << true;
        QTest::newRow("journal, rollback")
            << "storeHistory/%JOURNAL%" << QStringList{"rollback", "%ID%"} << 4 << link << false
            << true;
        QTest::newRow("base, set") << "storeHistory/%BASE%" << QStringList{"set", "ui.zoom", "3"}
                                   << 4 << link << false << true;
        QTest::newRow("base, history list")
            << "storeHistory/%BASE%" << QStringList{"history", "list"} << 0 << link << false
            << true;
        QTest::newRow("backup, backup list")
            << "backups/%BACKUP%" << QStringList{"backup", "list"} << 0 << link << false << true;
        QTest::newRow("backup, backup show")
            << "backups/%BACKUP%" << QStringList{"backup", "show", "%BACKUP%"} << 1 << link << false
            << true;
        QTest::newRow("backup, backup restore")
            << "backups/%BACKUP%" << QStringList{"backup", "restore", "%BACKUP%"} << 1 << link
            << false << true;
        QTest::newRow("backup, recover")
            << "backups/%BACKUP%" << QStringList{"recover", "--from", "%BACKUP%"} << 1 << link
            << false << true;
        QTest::newRow("meta, backup list")
            << "backups/%META%" << QStringList{"backup", "list", "--json"} << 0 << link << false
            << true;
        // A pin of a process that is gone is removed as a link, not followed.
        QTest::newRow("stale pin, backup create")
            << "backups/.pin-%BACKUP%-99999999" << QStringList{"backup", "create"} << 0 << QString()
            << false << false;
        QTest::newRow("backups/, backup create")
            << "backups" << QStringList{"backup", "create"} << 4 << "backups/ is a symbolic link"
            << false << true;
        QTest::newRow("backups/, backup list") << "backups" << QStringList{"backup", "list"} << 4
                                               << "backups/ is a symbolic link" << false << true;
        QTest::newRow("backups/, set a critical key")
            << "backups" << QStringList{"set", "settings.theme", "\"light\""} << 4
            << "backups/ is a symbolic link" << false << true;
        QTest::newRow("backups/, set a critical key --no-backup")
            << "backups" << QStringList{"--no-backup", "set", "settings.theme", "\"light\""} << 0
            << "backups/ is a symbolic link" << true << true;
        QTest::newRow("storeHistory/, set")
            << "storeHistory" << QStringList{"set", "ui.zoom", "3"} << 4
            << "storeHistory/ is a symbolic link" << false << true;
        QTest::newRow("storeHistory/, set --no-backup")
            << "storeHistory" << QStringList{"--no-backup", "set", "ui.zoom", "3"} << 0
            << "storeHistory/ is a symbolic link" << true << true;
        QTest::newRow("storeHistory/, history list")
            << "storeHistory" << QStringList{"history", "list"} << 4
            << "storeHistory/ is a symbolic link" << false << true;
    }
    void linkIsRefusedOrSkipped()
    {
        QFETCH(QString, what);
        QFETCH(QStringList, command);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QFETCH(bool, configChanges);
        QFETCH(bool, linkStays);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cfg = dir.filePath(QStringLiteral("cfg"));
        QVERIFY(QDir().mkpath(cfg));
        const QString config = cfg + QStringLiteral("/tad-config.json");
        writeBytes(config, R"({"settings":{"theme":"dark"},"ui":{"zoom":1}})");
        const QStringList base{QStringLiteral("--config"), config, QStringLiteral("--no-schema")};
        // The fixture: a backup, then a change with its history entry.
        const clitest::Run backup = runCli(base + QStringList{"backup", "create"});
        QCOMPARE(backup.exitCode, 0);
        QCOMPARE(runCli(base + QStringList{"set", "ui.zoom", "2"}).exitCode, 0);
        const QString backupName = QString::fromUtf8(backup.out.trimmed());
        auto recorded = History(config).list();
        QVERIFY(recorded.ok());
        QCOMPARE(recorded->size(), size_t(1));
        const QString id = recorded->front().id;

        // Somewhere else, with a mode of its own.
        const QString outside = dir.filePath(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(outside));
        QVERIFY(::chmod(QFile::encodeName(outside).constData(), 0755) == 0);
        const QString outsideFile = outside + QStringLiteral("/secret.json");
        writeBytes(outsideFile, kOutside);
        QVERIFY(::chmod(QFile::encodeName(outsideFile).constData(), 0644) == 0);
        const QStringList outsideEntries = entries(outside);

        auto expand = [&](QString text) {
            return text.replace(QStringLiteral("%BACKUP%"), backupName)
                .replace(QStringLiteral("%META%"), backupName + QStringLiteral(".meta.json"))
                .replace(QStringLiteral("%JOURNAL%"), QStringLiteral("journal-000001.jsonl"))
                .replace(QStringLiteral("%BASE%"), QStringLiteral("journal-000001.base"))
                .replace(QStringLiteral("%ID%"), id);
        };
        const QString linkPath = cfg + QLatin1Char('/') + expand(what);
        const bool folderLink = !what.contains(QLatin1Char('/'));
        if (folderLink)
            QVERIFY(QDir(linkPath).removeRecursively());
        else
            QFile::remove(linkPath);
        const QString target = folderLink ? outside : outsideFile;
        QVERIFY(::symlink(QFile::encodeName(target).constData(),
                          QFile::encodeName(linkPath).constData()) == 0);

        const std::string configBefore = readBytes(config);
        QStringList args = base;
        for (const QString &arg : command)
            args << expand(arg);
        const clitest::Run run = runCli(args);
        const QString shown = QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
                                  .arg(run.exitCode)
                                  .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
        QVERIFY2(run.exitCode == exitCode, qPrintable(shown));
        if (!message.isEmpty())
            QVERIFY2(run.err.contains(message.toUtf8()) || run.out.contains(message.toUtf8()),
                     qPrintable(shown));
        QCOMPARE(readBytes(config) != configBefore, configChanges);
        QCOMPARE(isLink(linkPath), linkStays);

        // The place the link points to: not read into the output, not written, not chmodded.
        QVERIFY2(!run.out.contains("sk-outside"), qPrintable(shown));
        QCOMPARE(readBytes(outsideFile), kOutside);
        QCOMPARE(rawMode(outsideFile), 0644u);
        QCOMPARE(rawMode(outside), 0755u);
        QCOMPARE(entries(outside), outsideEntries);
    }

    // A pin is written under our own pid; a link already there is refused.
    void pinThatIsALinkIsRefused()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("tad-config.json"));
        writeBytes(config, R"({"a":1})");
        BackupManager backups(config);
        auto made = backups.create(QStringLiteral("manual"));
        QVERIFY(made.ok());
        const QString outsideFile = dir.filePath(QStringLiteral("secret.json"));
        writeBytes(outsideFile, kOutside);
        QVERIFY(::chmod(QFile::encodeName(outsideFile).constData(), 0644) == 0);
        const QString pinPath =
            dir.filePath(QStringLiteral("backups/.pin-%1-%2").arg(made->info.name).arg(::getpid()));
        QVERIFY(::symlink(QFile::encodeName(outsideFile).constData(),
                          QFile::encodeName(pinPath).constData()) == 0);
        auto pinned = backups.pin(made->info.name, QStringLiteral("restore"));
        QVERIFY(!pinned.ok());
        QVERIFY2(pinned.error().message.contains(QStringLiteral("is a symbolic link")),
                 qPrintable(pinned.error().message));
        QVERIFY(isLink(pinPath));
        QCOMPARE(readBytes(outsideFile), kOutside);
        QCOMPARE(rawMode(outsideFile), 0644u);
    }
};

QTEST_GUILESS_MAIN(tst_SideLinks)
#include "tst_sidelinks.moc"
