// statFile() and readFile(): identity that matches the bytes, and errors a
// person can act on for everything that is not a readable regular file.
#include "IoTestHelpers.h"
#include "io/AtomicFile.h"

#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace tad;
using namespace iotest;

class tst_FileSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingFileIsNotAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("absent.json"));
        const Result<FileSnapshot> read = readFile(path);
        QVERIFY(read.ok());
        QVERIFY(!read->stamp.exists);
        QVERIFY(read->bytes.empty());
        const Result<FileStamp> stamp = statFile(path);
        QVERIFY(stamp.ok());
        QCOMPARE(*stamp, FileStamp{});
    }

    void readsBytesWithTheirStamp_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty file") << QByteArray();
        QTest::newRow("small") << QByteArray(R"({"theme":"dark"})");
        QTest::newRow("300 KB") << QByteArray(300'000, 'z');
    }
    void readsBytesWithTheirStamp()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.json"));
        QVERIFY(writeInPlace(path, bytes.toStdString()));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);

        const Result<FileSnapshot> read = readFile(path);
        QVERIFY(read.ok());
        QCOMPARE(read->bytes, bytes.toStdString());
        QVERIFY(read->stamp.exists);
        QCOMPARE(read->stamp.size, qint64(bytes.size()));
        QCOMPARE(read->stamp.mode, 0640u);
        QCOMPARE(read->stamp, *statFile(path));
    }

    void stampSeesEveryKindOfWrite_data()
    {
        QTest::addColumn<bool>("inPlace");
        QTest::newRow("in place, same size") << true;
        QTest::newRow("replaced by rename") << false;
    }
    void stampSeesEveryKindOfWrite()
    {
        QFETCH(bool, inPlace);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.json"));
        QVERIFY(writeInPlace(path, R"({"a":1})"));
        const FileStamp before = readFile(path)->stamp;
        QVERIFY(inPlace ? writeInPlace(path, R"({"a":2})") : replaceLikeConf(path, R"({"a":2})"));
        const FileStamp after = *statFile(path);
        QVERIFY(after != before);
        QCOMPARE(after.size, before.size);
    }

    void statFollowsSymlinks()
    {
        QTemporaryDir dir;
        const QString real = dir.filePath(QStringLiteral("real.json"));
        const QString link = dir.filePath(QStringLiteral("link.json"));
        QVERIFY(writeInPlace(real, "12345"));
        QVERIFY(QFile::link(real, link));
        QCOMPARE(*statFile(link), *statFile(real));
        QCOMPARE(readFile(link)->bytes, std::string("12345"));
    }

    void refusesWhatIsNotARegularFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("advice");
        QTest::newRow("folder") << "folder"
                                << "folder, not a file";
        QTest::newRow("fifo") << "fifo"
                              << "not a regular file";
        QTest::newRow("path through a file") << "through-file"
                                             << "Check that";
    }
    void refusesWhatIsNotARegularFile()
    {
        QFETCH(QString, kind);
        QFETCH(QString, advice);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("thing"));
        if (kind == QLatin1String("folder")) {
            QVERIFY(QDir().mkdir(path));
        } else if (kind == QLatin1String("fifo")) {
            // Opening a FIFO without a writer must neither block nor succeed.
            QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
        } else {
            QVERIFY(writeInPlace(path, "{}"));
            path += QStringLiteral("/inner.json");
        }
        const Result<FileSnapshot> read = readFile(path);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, ErrorCode::Unreadable);
        QCOMPARE(read.error().file, path);
        QVERIFY2(read.error().message.contains(advice), qPrintable(read.error().message));
        QVERIFY(read.error().toString().startsWith(path + QStringLiteral(": ")));
    }

    // Root ignores permission bits, so the read runs in a child that is not root.
    void permissionDeniedSaysWhatToDo()
    {
        QTemporaryDir dir;
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0755) == 0);
        const QString path = dir.filePath(QStringLiteral("secret.json"));
        QVERIFY(writeInPlace(path, R"({"token":"x"})"));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0000) == 0);

        const QString report = inUnprivilegedChild([&] {
            const Result<FileSnapshot> read = readFile(path);
            if (read.ok())
                return QStringLiteral("read ok");
            return QStringLiteral("%1|%2|%3")
                .arg(int(read.error().code))
                .arg(read.error().file, read.error().message);
        });
        const QStringList parts = report.split(u'|');
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts[0].toInt(), int(ErrorCode::Unreadable));
        QCOMPARE(parts[1], path);
        QVERIFY2(parts[2].contains(QStringLiteral("permissions")), qPrintable(parts[2]));
    }
};

QTEST_GUILESS_MAIN(tst_FileSnapshot)
#include "tst_filesnapshot.moc"
