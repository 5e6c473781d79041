// WrittenFile: the file a write of ours put in place, known without reading
// it back for as long as nothing writes into it or replaces it.
#include "IoTestHelpers.h"
#include "io/AtomicFile.h"
#include "io/WrittenFile.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace tad;
using namespace iotest;

class tst_WrittenFile : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<WrittenFile> writeOurs(const std::string &bytes)
    {
        WriteOptions options;
        options.learnPrevious = true;
        auto outcome = replaceFile(m_path, bytes, options);
        if (!outcome)
            return nullptr;
        return outcome->written;
    }

    static std::shared_ptr<WrittenFile> watchPath(const QString &path)
    {
        return WrittenFile::watch(::open(QFile::encodeName(path).constData(), O_RDONLY));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("tad-config.json"));
        QFile::remove(m_path);
    }

    void standsUntilWrittenInPlace_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("same size") << QStringLiteral("same size");
        QTest::newRow("appended") << QStringLiteral("appended");
        QTest::newRow("truncated") << QStringLiteral("truncated");
    }
    void standsUntilWrittenInPlace()
    {
        QFETCH(QString, how);
        auto ours = writeOurs(R"({"a":1})");
        QVERIFY(ours);
        QVERIFY(ours->standsAt(m_path));
        QVERIFY(ours->standsAt(m_path)); // asking changes nothing
        FileStamp found;
        QVERIFY(ours->standsAt(m_path, &found));
        QCOMPARE(found.inode, ours->inode());

        const int fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY);
        QVERIFY(fd >= 0);
        if (how == QLatin1String("same size"))
            QCOMPARE(::pwrite(fd, "2", 1, 5), ssize_t(1));
        else if (how == QLatin1String("appended"))
            QCOMPARE(::pwrite(fd, "\n", 1, 7), ssize_t(1));
        else
            QCOMPARE(::ftruncate(fd, 0), 0);
        ::close(fd);
        QVERIFY(!ours->standsAt(m_path));
        // Once changed, for good, even if the bytes come back.
        QVERIFY(writeInPlace(m_path, R"({"a":1})"));
        QVERIFY(!ours->standsAt(m_path));
    }

    void replacedIsNotOurs()
    {
        auto ours = writeOurs(R"({"a":1})");
        QVERIFY(ours);
        // The same bytes under another inode: someone else's file.
        QVERIFY(replaceLikeConf(m_path, R"({"a":1})"));
        QVERIFY(!ours->standsAt(m_path));
        QVERIFY(QFile::remove(m_path));
        QVERIFY(!ours->standsAt(m_path));
    }

    void permissionsAndLinksChangeNoByte()
    {
        auto ours = writeOurs(R"({"a":1})");
        QVERIFY(ours);
        QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner));
        const QString link = m_dir.filePath(QStringLiteral("second-name"));
        QCOMPARE(::link(QFile::encodeName(m_path).constData(), QFile::encodeName(link).constData()),
                 0);
        QVERIFY(QFile::remove(link));
        QVERIFY(ours->standsAt(m_path));
        QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner));
    }

    void eachWriteOfOursHasItsOwnIdentity()
    {
        auto first = writeOurs(R"({"a":1})");
        auto second = writeOurs(R"({"a":2})");
        QVERIFY(first && second);
        QVERIFY(first->inode() != second->inode());
        QVERIFY(!first->standsAt(m_path));
        QVERIFY(second->standsAt(m_path));
    }

    // Two holders of one inode share its watch: a write before the second
    // began counts for the first only, and the first going away leaves the
    // second watching.
    void twoHoldersOfOneFile()
    {
        QVERIFY(writeInPlace(m_path, R"({"a":1})"));
        auto first = watchPath(m_path);
        QVERIFY(first);
        QVERIFY(writeInPlace(m_path, R"({"a":2})"));
        auto second = watchPath(m_path);
        QVERIFY(second);
        QVERIFY(!first->standsAt(m_path));
        QVERIFY(second->standsAt(m_path));
        first.reset();
        QVERIFY(second->standsAt(m_path));
        QVERIFY(writeInPlace(m_path, R"({"a":3})"));
        QVERIFY(!second->standsAt(m_path));
    }

    // The last hold closes the file on a pool thread; a hold shared with
    // someone else stays open.
    void releasedLaterClosesTheLastHold()
    {
        // Descriptors of this process open on the settings file.
        QString file;
        const auto openFiles = [&file] {
            int count = 0;
            const QDir fds(QStringLiteral("/proc/self/fd"));
            for (const QString &fd :
                 fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
                char target[4096];
                const ssize_t n = ::readlink(QFile::encodeName(fds.filePath(fd)).constData(),
                                             target, sizeof target);
                if (n > 0 && QFile::decodeName(QByteArray(target, int(n))) == file)
                    ++count;
            }
            return count;
        };
        auto ours = writeOurs(R"({"a":1})");
        QVERIFY(ours);
        file = QFileInfo(m_path).canonicalFilePath();
        auto shared = ours;
        const auto before = openFiles();
        ours.reset();
        QVERIFY(shared->standsAt(m_path));
        QCOMPARE(before, 1);
        QCOMPARE(openFiles(), 1);
        shared.reset();
        QTRY_COMPARE(openFiles(), 0);
    }

    void onlyRegularFilesAreHeld()
    {
        QVERIFY(!WrittenFile::watch(-1));
        QVERIFY(!WrittenFile::watch(
            ::open(QFile::encodeName(m_dir.path()).constData(), O_RDONLY | O_DIRECTORY)));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(tst_WrittenFile)
#include "tst_writtenfile.moc"
