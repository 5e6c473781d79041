// tad-settings-cli as a script sees it: output, exit codes, and bad input
// that must never crash it or change the file.
#include "CliRunner.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using clitest::cliPath;
using clitest::Run;
using clitest::runCli;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// As root, permission bits do not stop writes; an immutable folder does.
bool makeFolderReadOnly(const QString &dir, bool readOnly)
{
    if (::getuid() != 0)
        return ::chmod(QFile::encodeName(dir).constData(), readOnly ? 0555 : 0755) == 0;
    return QProcess::execute(QStringLiteral("chattr"),
                             {readOnly ? QStringLiteral("+i") : QStringLiteral("-i"), dir}) == 0;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!cliPath().isEmpty(), "TAD_CLI must name tad-settings-cli (ctest sets it)");
        QVERIFY(m_dir.isValid());
    }

    void init() { m_path = m_dir.filePath(QStringLiteral("c%1.json").arg(m_n++)); }

    QStringList with(QStringList args) const
    {
        return QStringList{QStringLiteral("--config"), m_path, QStringLiteral("--no-schema")} +
               args;
    }

    void basicCommands()
    {
        QCOMPARE(runCli(with({"set", "settings.fontSize", "16"})).exitCode, 0);
        QCOMPARE(runCli(with({"set", "n", "-5"})).exitCode, 0);
        QCOMPARE(runCli(with({"set", "ui\\.theme", "\"dark\""})).exitCode, 0);
        QCOMPARE(readAll(m_path),
                 QByteArray(R"({"settings":{"fontSize":16},"n":-5,"ui.theme":"dark"})"));

        Run get = runCli(with({"get", "settings"}));
        QCOMPARE(get.exitCode, 0);
        QCOMPARE(get.out, QByteArray("{\"fontSize\":16}\n"));

        Run missing = runCli(with({"get", "settings.nope"}));
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(missing.err.contains("--default"));
        Run fallback = runCli(with({"get", "settings.nope", "--default", "[1]"}));
        QCOMPARE(fallback.exitCode, 0);
        QCOMPARE(fallback.out, QByteArray("[1]\n"));

        QCOMPARE(runCli(with({"has", "n"})).exitCode, 0);
        Run hasNot = runCli(with({"has", "m"}));
        QCOMPARE(hasNot.exitCode, 3);
        QCOMPARE(hasNot.out, QByteArray("false\n"));

        QCOMPARE(runCli(with({"delete", "n"})).exitCode, 0);
        QCOMPARE(runCli(with({"set-multiple", R"({"a.b":true,"c":null})"})).exitCode, 0);
        Run all = runCli(with({"get-all"}));
        QCOMPARE(
            all.out,
            QByteArray(R"({"settings":{"fontSize":16},"ui.theme":"dark","a":{"b":true},"c":null})"
                       "\n"));
        Run info = runCli(with({"info", "--json"}));
        QCOMPARE(info.exitCode, 0);
        QVERIFY(info.out.contains("\"keys\":[\"settings\",\"ui.theme\",\"a\",\"c\"]"));
        QCOMPARE(runCli(with({"clear"})).exitCode, 0);
        QCOMPARE(readAll(m_path), QByteArray("{}"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("hint");
        QTest::newRow("no command") << QStringList{} << "Usage";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << "unknown command";
        QTest::newRow("set without value") << QStringList{"set", "a"} << "set KEY VALUE";
        QTest::newRow("text that is not JSON")
            << QStringList{"set", "a", "dark"} << "double quotes";
        QTest::newRow("refused segment") << QStringList{"set", "a.__proto__.b", "1"} << "__proto__";
        QTest::newRow("reserved key") << QStringList{"set", "__internal__.x", "1"} << "reserved";
        QTest::newRow("set-multiple not an object")
            << QStringList{"set-multiple", "[1]"} << "object";
        QTest::newRow("bad compat") << QStringList{"--compat", "conf9", "get-all"} << "conf10";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, hint);
        QVERIFY(writeAll(m_path, "{\"a\":1}"));
        Run r = runCli(with(args));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(QString::fromUtf8(r.err).contains(hint), r.err.constData());
        QCOMPARE(readAll(m_path), QByteArray("{\"a\":1}"));
    }

    void compatChangesParentCreation()
    {
        QCOMPARE(runCli(with({"set", "list.2", "\"x\""})).exitCode, 0);
        QCOMPARE(readAll(m_path), QByteArray(R"({"list":[null,null,"x"]})"));
        init();
        QCOMPARE(runCli(with({"--compat", "conf10", "set", "list.2", "\"x\""})).exitCode, 0);
        QCOMPARE(readAll(m_path), QByteArray(R"({"list":{"2":"x"}})"));
    }

    void batchAnswersEachLine()
    {
        const QByteArray input = R"({"op":"set","key":"a.b","value":[1,2],"id":7}
{"op":"get","key":"a.b"}
not json
{"op":"get","key":"zz"}
{"op":"has","key":"a"}
{"op":"delete","key":"a.b"}
{"op":"get-all"}
)";
        Run r = runCli(with({"batch"}), input);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 7);
        QCOMPARE(lines[0], QByteArray(R"({"ok":true,"value":null,"id":7})"));
        QCOMPARE(lines[1], QByteArray(R"({"ok":true,"value":[1,2]})"));
        QVERIFY(lines[2].startsWith(R"({"ok":false,"code":1,)"));
        QVERIFY(lines[3].startsWith(R"({"ok":false,"code":3,)"));
        QCOMPARE(lines[4], QByteArray(R"({"ok":true,"value":true})"));
        QCOMPARE(lines[6], QByteArray(R"({"ok":true,"value":{"a":{}}})"));
    }

    // Requests come as they are typed or piped: a line in pieces, several
    // in one read, the last one without its newline.
    void batchTakesLinesAsTheyCome()
    {
        QProcess p;
        p.start(clitest::cliPath(), with({"batch"}));
        QVERIFY(p.waitForStarted());
        p.write("{\"op\":\"set\",\"ke");
        QTest::qWait(100);
        p.write("y\":\"a\",\"value\":1}\n{\"op\":\"get\",\"key\":\"a\"}\n{\"op\":\"ha");
        QTest::qWait(100);
        p.write("s\",\"key\":\"b\"}");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines,
                 QList<QByteArray>({R"({"ok":true,"value":null})", R"({"ok":true,"value":1})",
                                    R"({"ok":true,"value":false})"}));
    }

    // Started with standard input closed, batch has nothing to read and
    // ends; it never takes a file of its own for its input.
    void batchWithInputClosedEnds()
    {
        QProcess p;
        p.start(QStringLiteral("/bin/sh"),
                QStringList{QStringLiteral("-c"), QStringLiteral("exec \"$0\" \"$@\" <&-"),
                            clitest::cliPath()} +
                    with({"batch"}));
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(p.readAllStandardOutput(), QByteArray());
    }

    void badInputNeverChangesTheFile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expect");
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("truncated") << QByteArray("{\"a\":{\"b\":[1,2") << ":1:";
        QTest::newRow("invalid UTF-8") << QByteArray("{\"a\":\"caf\xe9\"}") << "UTF-8";
        QTest::newRow("non-object root") << QByteArray("\"just a string\"") << "object";
        QTest::newRow("100000-deep")
            << (QByteArray(100000, '[') + QByteArray(100000, ']')) << "deep";
        QTest::newRow("duplicate keys") << QByteArray("{\"a\":1,\"a\":2}") << "more than once";
        QTest::newRow("NUL bytes") << QByteArray("{\"a\":\"x\0y\"}", 11) << ":1:";
    }
    void badInputNeverChangesTheFile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expect);
        QVERIFY(writeAll(m_path, bytes));
        for (const QStringList &args :
             {QStringList{"set", "a", "1"}, QStringList{"clear"}, QStringList{"delete", "a"}}) {
            Run r = runCli(with(args));
            QCOMPARE(r.exitCode, 4);
            const QString err = QString::fromUtf8(r.err);
            QVERIFY2(err.contains(m_path), r.err.constData());
            QVERIFY2(err.contains(expect, Qt::CaseInsensitive), r.err.constData());
            QVERIFY2(err.count(QLatin1Char('\n')) <= 2, "one line per error");
            QCOMPARE(readAll(m_path), bytes);
        }
    }

    void fiftyMegabyteString()
    {
        QByteArray big = "{\"blob\":\"" + QByteArray(50 * 1024 * 1024, 'x') + "\",\"n\":1}";
        QVERIFY(writeAll(m_path, big));
        QCOMPARE(runCli(with({"set", "n", "2"})).exitCode, 0);
        big.replace(big.size() - 2, 1, "2");
        QCOMPARE(readAll(m_path), big);
    }

    void directoryWhereTheFileShouldBe()
    {
        QVERIFY(QDir().mkpath(m_path));
        Run r = runCli(with({"set", "a", "1"}));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains("directory") || r.err.contains("folder"), r.err.constData());
        QVERIFY(QFileInfo(m_path).isDir());
    }

    void readOnlyFolder()
    {
        const QString folder = m_dir.filePath(QStringLiteral("ro%1").arg(m_n));
        QVERIFY(QDir().mkpath(folder));
        m_path = folder + QStringLiteral("/tad-config.json");
        QVERIFY(writeAll(m_path, "{\"a\":1}"));
        QVERIFY2(makeFolderReadOnly(folder, true), "could not make the folder read-only");
        Run r = runCli(with({"set", "a", "2"}));
        QVERIFY(makeFolderReadOnly(folder, false));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(folder.toUtf8()), r.err.constData());
        QCOMPARE(readAll(m_path), QByteArray("{\"a\":1}"));
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
