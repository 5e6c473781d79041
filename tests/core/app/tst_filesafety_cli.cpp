// The settings file's own safety rules through the real command line: a
// symlinked config (dotfiles) is updated through the link and the link kept;
// a read-only config is refused; keys and values deeper than the reader's
// limit are refused; a critical change whose backup cannot be written is
// refused unless --no-backup.
#include "CliRunner.h"
#include "FileTestHelpers.h"
#include "history/History.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using clitest::Run;
using clitest::runCli;
using filetest::entries;
using filetest::isLink;
using filetest::rawMode;
using filetest::readAll;

namespace {

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

} // namespace

class tst_FileSafetyCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!clitest::cliPath().isEmpty(), "TAD_CLI must be set"); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_config = m_dir->filePath(QStringLiteral("tad-config.json"));
    }

    // A dotfiles setup: ~/.config/TAD/tad-config.json links into a repository.
    void symlinkedConfigKeepsItsLink_data()
    {
        QTest::addColumn<bool>("relative");
        QTest::newRow("absolute link") << false;
        QTest::newRow("relative link") << true;
    }
    void symlinkedConfigKeepsItsLink()
    {
        QFETCH(bool, relative);
        const QString dotfiles = m_dir->filePath(QStringLiteral("dotfiles"));
        QVERIFY(QDir().mkpath(dotfiles));
        const QString target = dotfiles + QStringLiteral("/tad-config.json");
        writeAll(target, R"({"settings":{"theme":"dark"},"ui":{"zoom":1}})");
        QVERIFY(::chmod(QFile::encodeName(target).constData(), 0640) == 0);
        const QByteArray linkText =
            relative ? QByteArray("dotfiles/tad-config.json") : QFile::encodeName(target);
        QVERIFY(::symlink(linkText.constData(), QFile::encodeName(m_config).constData()) == 0);

        const QStringList base{QStringLiteral("--config"), m_config, QStringLiteral("--no-schema")};
        const Run plain = runCli(base + QStringList{"set", "ui.zoom", "2"});
        QCOMPARE(plain.exitCode, 0);
        // A critical key: the backup and the history go beside the link.
        const Run critical = runCli(base + QStringList{"set", "settings.theme", "\"light\""});
        QVERIFY2(critical.exitCode == 0, critical.err.constData());

        QVERIFY(isLink(m_config));
        char buffer[4096];
        const ssize_t length =
            ::readlink(QFile::encodeName(m_config).constData(), buffer, sizeof buffer);
        QCOMPARE(QByteArray(buffer, int(qMax<ssize_t>(length, 0))), linkText);
        QCOMPARE(readAll(target), QByteArray(R"({"settings":{"theme":"light"},"ui":{"zoom":2}})"));
        QCOMPARE(rawMode(target), 0640u);
        // Nothing of ours beside the target; our folders beside the link.
        QCOMPARE(entries(dotfiles), QStringList{QStringLiteral("tad-config.json")});
        QCOMPARE(entries(m_dir->path()),
                 (QStringList{"backups", "dotfiles", "storeHistory", "tad-config.json"}));
        QVERIFY(!entries(m_dir->filePath(QStringLiteral("backups"))).isEmpty());
        const Run got = runCli(base + QStringList{"get", "settings.theme"});
        QCOMPARE(got.exitCode, 0);
        QCOMPARE(got.out.trimmed(), QByteArray("\"light\""));
    }

    // chmod 0400 says "do not change this file": a rename would change it anyway.
    void readOnlyConfigIsRefused_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("set") << QStringList{"set", "ui.zoom", "2"};
        QTest::newRow("set a critical key") << QStringList{"set", "settings.theme", "\"light\""};
        QTest::newRow("delete") << QStringList{"delete", "ui"};
        QTest::newRow("clear") << QStringList{"clear"};
        QTest::newRow("set-multiple") << QStringList{"set-multiple", R"({"ui.zoom":3})"};
        QTest::newRow("migrate") << QStringList{"migrate"};
    }

    // The commands that back the file up before they write: refused before
    // the backup too, and an identical older backup is not labelled for a
    // change that never happened.
    void readOnlyConfigGetsNoBackupFromARefusal_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("migrate") << QStringList{"migrate"};
        QTest::newRow("backup restore") << QStringList{"backup", "restore", "%NAME%"};
        QTest::newRow("recover --force") << QStringList{"recover", "--force", "--from", "%NAME%"};
    }
    void readOnlyConfigGetsNoBackupFromARefusal()
    {
        QFETCH(QStringList, command);
        const QStringList base{QStringLiteral("--config"), m_config, QStringLiteral("--no-schema")};
        writeAll(m_config, R"({"settings":{"theme":"light"}})");
        const Run made = runCli(base + QStringList{"backup", "create"});
        QCOMPARE(made.exitCode, 0);
        const QString name = QString::fromUtf8(made.out.trimmed());
        const QByteArray bytes = R"({"settings":{"theme":"dark"},"ui":{"zoom":1}})";
        writeAll(m_config, bytes);
        QVERIFY(runCli(base + QStringList{"backup", "create"}).exitCode == 0);
        QVERIFY(::chmod(QFile::encodeName(m_config).constData(), 0400) == 0);
        const QDir backups(m_dir->filePath(QStringLiteral("backups")));
        auto folder = [&backups] {
            QByteArray all;
            for (const QString &file : backups.entryList(QDir::Files, QDir::Name))
                all += file.toUtf8() + '\n' + readAll(backups.filePath(file)) + '\n';
            return all;
        };
        const QByteArray before = folder();
        command.replaceInStrings(QStringLiteral("%NAME%"), name);
        const Run refused = runCli(base + command);
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains("read-only (mode 0400)"), refused.err.constData());
        QCOMPARE(readAll(m_config), bytes);
        QCOMPARE(folder(), before);
    }
    void readOnlyConfigIsRefused()
    {
        QFETCH(QStringList, command);
        const QByteArray bytes = R"({"settings":{"theme":"dark"},"ui":{"zoom":1}})";
        writeAll(m_config, bytes);
        QVERIFY(::chmod(QFile::encodeName(m_config).constData(), 0400) == 0);
        const QStringList base{QStringLiteral("--config"), m_config, QStringLiteral("--no-schema")};
        const Run refused = runCli(base + command);
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains("read-only (mode 0400)"), refused.err.constData());
        QVERIFY2(refused.err.contains("chmod u+w"), refused.err.constData());
        QCOMPARE(readAll(m_config), bytes);
        QCOMPARE(rawMode(m_config), 0400u);
        // Refused before any safety net: no backup, and no history: not even
        // its copy of the file as first read (the file's secrets with it).
        QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("backups"))));
        QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("storeHistory"))));
        const auto recorded = tad::History(m_config).list();
        QVERIFY(recorded.ok());
        QVERIFY(recorded->empty());
        // Reads go on; a value it already holds is no write and no error.
        QCOMPARE(runCli(base + QStringList{"get", "ui.zoom"}).out.trimmed(), QByteArray("1"));
        QCOMPARE(runCli(base + QStringList{"set", "ui.zoom", "1"}).exitCode, 0);
        // As the message says:
        QVERIFY(::chmod(QFile::encodeName(m_config).constData(), 0600) == 0);
        QCOMPARE(runCli(base + command).exitCode, 0);
        QVERIFY(readAll(m_config) != bytes);
        // The history starts with that write, from the file as it was.
        const auto after = tad::History(m_config).list();
        QVERIFY(after.ok());
        QCOMPARE(int(after->size()), 1);
        const Run back = runCli(base + QStringList{"rollback", after->front().id});
        QVERIFY2(back.exitCode == 0, back.err.constData());
        QCOMPARE(readAll(m_config), bytes);
    }

    // One limit, the reader's 1,000 levels, for the key's segments and the
    // value's depth together: a write the reader would refuse is refused.
    void depthLimit_data()
    {
        QTest::addColumn<int>("segments");
        QTest::addColumn<int>("valueDepth");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("1,000 segments") << 1000 << 0 << 0;
        QTest::newRow("1,001 segments") << 1001 << 0 << 1;
        QTest::newRow("65,000 segments") << 65000 << 0 << 1;
        QTest::newRow("a value 999 deep under one segment") << 1 << 999 << 0;
        QTest::newRow("a value 1,000 deep under one segment") << 1 << 1000 << 1;
        QTest::newRow("500 segments, a value 500 deep") << 500 << 500 << 0;
        QTest::newRow("500 segments, a value 501 deep") << 500 << 501 << 1;
        QTest::newRow("a value 60,000 deep") << 1 << 60000 << 1;
    }
    void depthLimit()
    {
        QFETCH(int, segments);
        QFETCH(int, valueDepth);
        QFETCH(int, exitCode);
        const QByteArray before = R"({"ui":{"zoom":1}})";
        writeAll(m_config, before);
        const QStringList base{QStringLiteral("--config"), m_config, QStringLiteral("--no-schema")};
        QStringList parts(segments, QStringLiteral("k"));
        const QString key = parts.join(QLatin1Char('.'));
        const QString value = valueDepth == 0 ? QStringLiteral("1")
                                              : QString(valueDepth, QLatin1Char('[')) +
                                                    QString(valueDepth, QLatin1Char(']'));
        const Run set = runCli(base + QStringList{"set", key, value});
        QVERIFY2(set.exitCode == exitCode, set.err.left(400).constData());
        if (exitCode != 0) {
            QVERIFY2(set.err.contains("1000 levels"), set.err.left(400).constData());
            QCOMPARE(readAll(m_config), before);
        } else {
            // What was written reads back, through every command.
            const Run got = runCli(base + QStringList{"get", key});
            QCOMPARE(got.exitCode, 0);
            QCOMPARE(got.out.trimmed(), value.toUtf8());
            QCOMPARE(runCli(base + QStringList{"get-all"}).exitCode, 0);
            QCOMPARE(runCli(base + QStringList{"history", "list"}).exitCode, 0);
            QCOMPARE(runCli(base + QStringList{"delete", key}).exitCode, 0);
        }
        // Reading a key far deeper than any file can hold is a plain "not there".
        QCOMPARE(runCli(base + QStringList{"get", QStringList(65000, "k").join('.')}).exitCode, 3);
        QCOMPARE(runCli(base + QStringList{"has", QStringList(65000, "k").join('.')}).exitCode, 3);
    }

    // The backup before a critical change is a safety net: when it cannot be
    // written the change is refused and says why; --no-backup goes ahead.
    void criticalChangeWithoutItsBackup_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("what");
        QTest::newRow("critical key")
            << QStringList{"set", "settings.theme", "\"light\""} << "changing an important setting";
        QTest::newRow("api key") << QStringList{"set", "ai.apiKey", "\"sk-new\""}
                                 << "changing an important setting";
        QTest::newRow("clear") << QStringList{"clear"} << "clearing the settings";
    }
    void criticalChangeWithoutItsBackup()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, what);
        const QByteArray before = R"({"settings":{"theme":"dark"},"ai":{"apiKey":"sk-old"}})";
        writeAll(m_config, before);
        // A file where the folder should be: nothing can be written into it.
        writeAll(m_dir->filePath(QStringLiteral("backups")), "not a folder");
        const QStringList base{QStringLiteral("--config"), m_config, QStringLiteral("--no-schema")};

        const Run refused = runCli(base + command);
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains(("not changed: the backup taken before " + what).toUtf8()),
                 refused.err.constData());
        QVERIFY2(refused.err.contains("backups is not a folder"), refused.err.constData());
        QVERIFY2(refused.err.contains("--no-backup"), refused.err.constData());
        QCOMPARE(readAll(m_config), before);

        // A key that is not critical needs no backup.
        QCOMPARE(runCli(base + QStringList{"set", "ui.zoom", "2"}).exitCode, 0);
        const QByteArray withZoom = readAll(m_config);

        const Run ahead = runCli(base + QStringList{"--no-backup"} + command);
        QCOMPARE(ahead.exitCode, 0);
        QVERIFY(readAll(m_config) != withZoom);
        // Said, not silent: what was skipped, and why.
        QVERIFY2(ahead.err.contains("warning: changed without a backup"), ahead.err.constData());
        QVERIFY2(ahead.err.contains("backups is not a folder"), ahead.err.constData());
        QVERIFY(!ahead.err.contains("sk-"));
    }

    // A secret is masked whole whatever its JSON type, in every output that
    // shows values: the document, one key, a backup, the history, diffs.
    void secretsOfAnyTypeAreMaskedEverywhere()
    {
        writeAll(m_config,
                 R"({"ai":{"apiKey":["sk-one-aaaaaaaaaaaa",{"k":"sk-two-bbbbbbbbbbbb"}]},)"
                 R"("user":{"token":{"v":"sk-three-cccccccccccc"}},"ui":{"zoom":1}})");
        const QStringList base{QStringLiteral("--config"), m_config, QStringLiteral("--no-schema")};
        QCOMPARE(runCli(base + QStringList{"backup", "create"}).exitCode, 0);
        QCOMPARE(
            runCli(base + QStringList{"set", "ai.apiKey", R"({"nested":"sk-four-dddddddddddd"})"})
                .exitCode,
            0);
        const Run listed = runCli(base + QStringList{"backup", "list", "--json"});
        const QString backup = QString::fromUtf8(listed.out)
                                   .section(QStringLiteral("\"name\":\""), 1)
                                   .section('"', 0, 0);
        QVERIFY2(!backup.isEmpty(), listed.out.constData());
        const Run history = runCli(base + QStringList{"history", "list", "--json"});
        const QString entry = QString::fromUtf8(history.out)
                                  .section(QStringLiteral("\"id\":\""), 1)
                                  .section('"', 0, 0);
        QVERIFY2(!entry.isEmpty(), history.out.constData());
        const QString other = m_dir->filePath(QStringLiteral("other.json"));
        writeAll(other, R"({"ai":{"apiKey":[1,2,"sk-five-eeeeeeeeeeee"]}})");

        const QList<QStringList> commands = {
            {"get-all"},
            {"get", "ai"},
            {"get", "ai.apiKey"},
            {"get", "user"},
            {"backup", "show", backup},
            {"backup", "diff", backup},
            {"history", "list", "--json"},
            {"history", "show", entry},
            {"diff", m_config, other},
        };
        for (const QStringList &command : commands) {
            const Run run = runCli(base + command);
            QVERIFY2(run.exitCode == 0, qPrintable(command.join(' ') + ": " + run.err));
            QVERIFY2(!run.out.isEmpty(), qPrintable(command.join(' ')));
            for (const char *secret : {"aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd", "eeeeeeee"})
                QVERIFY2(!run.out.contains(secret) && !run.err.contains(secret),
                         qPrintable(command.join(' ') + ": " + run.out));
        }
        // Asked for, they show.
        QVERIFY(runCli(base + QStringList{"--show-secrets", "get", "ai.apiKey"})
                    .out.contains("dddddddd"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_config;
};

QTEST_GUILESS_MAIN(tst_FileSafetyCli)
#include "tst_filesafety_cli.moc"
