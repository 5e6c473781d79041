// replaceFile(): bytes, permission bits, stamps, learning the replaced bytes
// (also when another writer gets in first), symlinks and stale temp files.
#include "IoTestHelpers.h"
#include "io/AtomicFile.h"
#include "io/AtomicFileTesting.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tad;
using namespace iotest;

Q_DECLARE_METATYPE(std::optional<std::string>)

class tst_AtomicFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("tad-config.json"));
    }
    void cleanup()
    {
        testing::setBeforeRenameHook({});
        testing::setWriteFaultHook({});
        testing::setRenameFlagsUnsupported(false);
        // Whatever happened, nothing but the target may be left behind.
        const QStringList left = entriesOf(m_dir.path());
        QVERIFY2(left.isEmpty() || left == QStringList{QStringLiteral("tad-config.json")},
                 qPrintable(left.join(u' ')));
        QFile::remove(m_path);
    }

    void writesExactBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("compact json") << QByteArray(R"({"a":1,"b":[true,null]})");
        QTest::newRow("binary with zeros") << QByteArray("x\0y\0\xff", 5);
        QByteArray large(1 << 20, 'q');
        for (int i = 0; i < large.size(); i += 997)
            large[i] = char(i % 251);
        QTest::newRow("1 MB") << large;
    }
    void writesExactBytes()
    {
        QFETCH(QByteArray, bytes);
        const std::string_view view(bytes.constData(), size_t(bytes.size()));
        QVERIFY(writeInPlace(m_path, "old content that is longer than some of the new ones"));
        const Result<ReplaceOutcome> outcome = replaceFile(m_path, view);
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().toString()));
        QCOMPARE(contentsOf(m_path), std::string(view));
        QVERIFY(!outcome->previous.has_value());
        QVERIFY(!outcome->exchanged);
        // The stamp identifies the file now on disk.
        const Result<FileStamp> now = statFile(m_path);
        QVERIFY(now.ok());
        QCOMPARE(outcome->stamp, *now);
        QCOMPARE(outcome->stamp.size, qint64(bytes.size()));
    }

    void newFileGetsMode_data()
    {
        QTest::addColumn<quint32>("requested");
        QTest::newRow("default") << 0u;
        QTest::newRow("0644") << 0644u;
        QTest::newRow("0640") << 0640u;
        QTest::newRow("0666, not reduced by umask") << 0666u;
    }
    void newFileGetsMode()
    {
        QFETCH(quint32, requested);
        WriteOptions options;
        if (requested != 0)
            options.newFileMode = requested;
        const quint32 expected = requested == 0 ? 0600u : requested;
        QVERIFY(replaceFile(m_path, "{}", options).ok());
        QCOMPARE(modeOf(m_path), expected);
        QCOMPARE(statFile(m_path)->mode, expected);
    }

    void existingFileKeepsMode_data()
    {
        QTest::addColumn<quint32>("mode");
        QTest::addColumn<bool>("learnPrevious");
        for (quint32 mode : {0600u, 0644u, 0640u, 0444u}) {
            const QByteArray name = QByteArray::number(mode, 8);
            QTest::newRow(name + " rename") << mode << false;
            QTest::newRow(name + " exchange") << mode << true;
        }
    }
    void existingFileKeepsMode()
    {
        QFETCH(quint32, mode);
        QFETCH(bool, learnPrevious);
        QVERIFY(writeInPlace(m_path, "{}"));
        QVERIFY(::chmod(QFile::encodeName(m_path).constData(), mode) == 0);
        WriteOptions options;
        options.learnPrevious = learnPrevious;
        options.newFileMode = 0666; // must not matter for an existing file
        QVERIFY(replaceFile(m_path, R"({"x":1})", options).ok());
        QCOMPARE(modeOf(m_path), mode);
        QCOMPARE(contentsOf(m_path), std::string(R"({"x":1})"));
    }

    void learnPrevious_data()
    {
        QTest::addColumn<bool>("fileExists");
        QTest::addColumn<bool>("flagsUnsupported");
        QTest::newRow("existing file, exchange") << true << false;
        QTest::newRow("missing file, no-replace") << false << false;
        QTest::newRow("existing file, fallback") << true << true;
        QTest::newRow("missing file, fallback") << false << true;
    }
    void learnPrevious()
    {
        QFETCH(bool, fileExists);
        QFETCH(bool, flagsUnsupported);
        testing::setRenameFlagsUnsupported(flagsUnsupported);
        const std::string old = std::string(200'000, 'o') + "end";
        if (fileExists)
            QVERIFY(writeInPlace(m_path, old));
        const Result<ReplaceOutcome> outcome =
            replaceFile(m_path, "new", WriteOptions{.learnPrevious = true});
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().toString()));
        QCOMPARE(outcome->exchanged, fileExists && !flagsUnsupported);
        QCOMPARE(outcome->previous.has_value(), fileExists);
        if (fileExists)
            QVERIFY(*outcome->previous == old);
        QCOMPARE(contentsOf(m_path), std::string("new"));
        QCOMPARE(outcome->stamp, *statFile(m_path));
    }

    // Another writer replaces the file after our read and before our write:
    // we must learn its bytes, not the ones we read.
    void learnsBytesOfWriterThatGotInFirst()
    {
        QVERIFY(replaceFile(m_path, R"({"v":"ours"})").ok());
        const Result<FileSnapshot> read = readFile(m_path);
        QVERIFY(read.ok());
        QVERIFY(replaceLikeConf(m_path, R"({"v":"theirs"})"));
        QVERIFY(*statFile(m_path) != read->stamp);

        const Result<ReplaceOutcome> outcome =
            replaceFile(m_path, R"({"v":"merged"})", WriteOptions{.learnPrevious = true});
        QVERIFY(outcome.ok());
        QVERIFY(outcome->exchanged);
        QCOMPARE(outcome->previous, std::optional<std::string>(R"({"v":"theirs"})"));
        QCOMPARE(contentsOf(m_path), std::string(R"({"v":"merged"})"));
    }

    // The other writer acts in the narrowest window: after our temp file is
    // complete and right before our rename.
    void learnsBytesOfRaceRightBeforeRename_data()
    {
        QTest::addColumn<QString>("race");
        QTest::addColumn<bool>("flagsUnsupported");
        QTest::addColumn<std::optional<std::string>>("expectedPrevious");
        QTest::addColumn<bool>("expectedExchanged");
        const std::optional<std::string> none;
        const std::string theirs = R"({"by":"them"})";
        QTest::newRow("created meanwhile") << "create" << false << std::optional(theirs) << true;
        QTest::newRow("replaced meanwhile") << "replace" << false << std::optional(theirs) << true;
        QTest::newRow("deleted meanwhile") << "delete" << false << none << false;
        QTest::newRow("created, fallback") << "create" << true << std::optional(theirs) << false;
        QTest::newRow("replaced, fallback") << "replace" << true << std::optional(theirs) << false;
        QTest::newRow("deleted, fallback") << "delete" << true << none << false;
    }
    void learnsBytesOfRaceRightBeforeRename()
    {
        QFETCH(QString, race);
        QFETCH(bool, flagsUnsupported);
        QFETCH(std::optional<std::string>, expectedPrevious);
        QFETCH(bool, expectedExchanged);
        testing::setRenameFlagsUnsupported(flagsUnsupported);
        if (race != QLatin1String("create"))
            QVERIFY(writeInPlace(m_path, R"({"by":"us, before"})"));
        bool hookRan = false;
        testing::setBeforeRenameHook([&] {
            hookRan = true;
            if (race == QLatin1String("delete"))
                QFile::remove(m_path);
            else
                replaceLikeConf(m_path, R"({"by":"them"})");
        });
        const Result<ReplaceOutcome> outcome =
            replaceFile(m_path, R"({"by":"us"})", WriteOptions{.learnPrevious = true});
        QVERIFY(hookRan);
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().toString()));
        QCOMPARE(outcome->previous, expectedPrevious);
        QCOMPARE(outcome->exchanged, expectedExchanged);
        QCOMPARE(contentsOf(m_path), std::string(R"({"by":"us"})"));
    }

    // The exchange is done, and the version it displaced (another writer's)
    // cannot be read back: it is kept in plain sight, never removed.
    void anUnreadableDisplacedVersionIsKept()
    {
        QVERIFY(writeInPlace(m_path, R"({"by":"us, before"})"));
        testing::setBeforeRenameHook([&] { replaceLikeConf(m_path, R"({"by":"them"})"); });
        testing::setWriteFaultHook([](testing::WriteStep step, const QByteArray &) {
            return step == testing::WriteStep::ReadDisplaced ? EIO : 0;
        });
        const Result<ReplaceOutcome> outcome =
            replaceFile(m_path, R"({"by":"us"})", WriteOptions{.learnPrevious = true});
        testing::setWriteFaultHook({});
        QVERIFY(!outcome.ok());
        QCOMPARE(contentsOf(m_path), std::string(R"({"by":"us"})"));
        const QStringList copies =
            QDir(m_dir.path())
                .entryList({QStringLiteral("tad-config.json.displaced-*")}, QDir::Files);
        QCOMPARE(copies.size(), 1);
        const QString copy = m_dir.filePath(copies.first());
        QCOMPARE(contentsOf(copy), std::string(R"({"by":"them"})"));
        const QString message = outcome.error().message;
        QVERIFY2(message.startsWith(QStringLiteral("The new content was written.")),
                 qPrintable(message));
        QVERIFY2(message.contains(copy), qPrintable(message));
        QFile::remove(copy);
    }

    void followsSymlink_data()
    {
        QTest::addColumn<bool>("targetExists");
        QTest::newRow("link to a file") << true;
        QTest::newRow("dangling link") << false;
    }
    void followsSymlink()
    {
        QFETCH(bool, targetExists);
        QTemporaryDir realDir;
        const QString real = realDir.filePath(QStringLiteral("real.json"));
        if (targetExists)
            QVERIFY(writeInPlace(real, "old"));
        QVERIFY(QFile::link(real, m_path));
        const Result<ReplaceOutcome> outcome =
            replaceFile(m_path, "new", WriteOptions{.learnPrevious = true});
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().toString()));
        QVERIFY(QFileInfo(m_path).isSymLink());
        QCOMPARE(contentsOf(real), std::string("new"));
        QCOMPARE(outcome->previous.has_value(), targetExists);
        QCOMPARE(entriesOf(realDir.path()), QStringList{QStringLiteral("real.json")});
    }

    void everyReplaceChangesIdentity()
    {
        QVERIFY(replaceFile(m_path, "same").ok());
        const FileStamp first = *statFile(m_path);
        QVERIFY(replaceFile(m_path, "same").ok());
        const FileStamp second = *statFile(m_path);
        QVERIFY(first.exists && second.exists);
        QVERIFY(first.inode != second.inode || first.ctimeNs != second.ctimeNs);
        QVERIFY(first != second);
    }

    void nonDurableWriteStillReplaces()
    {
        QVERIFY(writeInPlace(m_path, "old"));
        QVERIFY(replaceFile(m_path, "new", WriteOptions{.durable = false}).ok());
        QCOMPARE(contentsOf(m_path), std::string("new"));
    }

    void recognisesTempFileNames_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<bool>("ours");
        QTest::newRow("ours") << ".tad-config.json.tad-tmp-123-9af" << true;
        QTest::newRow("conf's temp") << "tad-config.json.tmp-1234abcd" << false;
        QTest::newRow("other target") << ".other.json.tad-tmp-123-9af" << false;
        QTest::newRow("no random part") << ".tad-config.json.tad-tmp-123-" << false;
        QTest::newRow("no pid") << ".tad-config.json.tad-tmp--9af" << false;
        QTest::newRow("not hex") << ".tad-config.json.tad-tmp-123-xyz" << false;
        QTest::newRow("the target") << "tad-config.json" << false;
    }
    void recognisesTempFileNames()
    {
        QFETCH(QString, fileName);
        QFETCH(bool, ours);
        QCOMPARE(isTempFileName(fileName, QStringLiteral("tad-config.json")), ours);
    }

    void removesOnlyStaleTempFiles()
    {
        // A pid that surely does not run: a child we started and reaped.
        const pid_t deadPid = ::fork();
        if (deadPid == 0)
            ::_exit(0);
        QVERIFY(deadPid > 0);
        ::waitpid(deadPid, nullptr, 0);

        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("tad-config.json"));
        const QString dead = QString::number(deadPid);
        const QStringList kept = {
            QStringLiteral("tad-config.json"),
            QStringLiteral("tad-config.json.tmp-99999abc"),                   // conf's
            QStringLiteral(".other.json.tad-tmp-%1-1f").arg(dead),            // another target's
            QStringLiteral(".tad-config.json.tad-tmp-1-1f"),                  // pid 1 runs
            QStringLiteral(".tad-config.json.tad-tmp-%1-2f").arg(::getpid()), // ours, running
        };
        const QString stale = QStringLiteral(".tad-config.json.tad-tmp-%1-3f").arg(dead);
        for (const QString &name : kept + QStringList{stale})
            QVERIFY(writeInPlace(dir.filePath(name), "x"));

        removeStaleTempFiles(target);
        QStringList expected = kept;
        expected.sort();
        QCOMPARE(entriesOf(dir.path()), expected);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(tst_AtomicFile)
#include "tst_atomicfile.moc"
