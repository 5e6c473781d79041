// replaceFile() failures: each one leaves the target's bytes as they were,
// leaves no temp file behind and tells the person what to do. These tests
// run as root here, so every "cannot write" situation is made with something
// root cannot override (immutable flag, a child that drops root, a file size
// limit, /proc), and a probe checks that the situation really refuses writes.
#include "IoTestHelpers.h"
#include "io/AtomicFile.h"

#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/resource.h>

using namespace tad;
using namespace iotest;

namespace {

const std::string original = R"({"keep":"me"})";

// Makes a folder refuse new entries for as long as it lives: as root with the
// immutable attribute (root cannot bypass it), otherwise with mode 0555.
class ReadOnlyFolder
{
public:
    explicit ReadOnlyFolder(const QString &path) : m_path(QFile::encodeName(path))
    {
        if (::geteuid() == 0) {
            m_fd = ::open(m_path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            int flags = 0;
            if (m_fd >= 0 && ::ioctl(m_fd, FS_IOC_GETFLAGS, &flags) == 0) {
                flags |= FS_IMMUTABLE_FL;
                m_immutable = ::ioctl(m_fd, FS_IOC_SETFLAGS, &flags) == 0;
            }
        } else {
            ::chmod(m_path.constData(), 0555);
        }
    }
    ~ReadOnlyFolder()
    {
        if (m_immutable) {
            int flags = 0;
            ::ioctl(m_fd, FS_IOC_GETFLAGS, &flags);
            flags &= ~FS_IMMUTABLE_FL;
            ::ioctl(m_fd, FS_IOC_SETFLAGS, &flags);
        }
        if (m_fd >= 0)
            ::close(m_fd);
        ::chmod(m_path.constData(), 0700);
    }
    // Proves the setup: creating any file in the folder fails.
    bool refusesNewFiles() const
    {
        const QByteArray probe = m_path + "/probe";
        const int fd = ::open(probe.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
            return true;
        ::close(fd);
        ::unlink(probe.constData());
        return false;
    }

private:
    QByteArray m_path;
    int m_fd = -1;
    bool m_immutable = false;
};

QString describe(const Result<ReplaceOutcome> &outcome)
{
    return outcome.ok() ? QStringLiteral("unexpectedly succeeded") : outcome.error().toString();
}

} // namespace

class tst_WriteFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(::chmod(QFile::encodeName(m_dir.path()).constData(), 0755) == 0);
        m_folder = m_dir.filePath(QStringLiteral("settings"));
        QVERIFY(QDir().mkpath(m_folder));
        m_path = m_folder + QStringLiteral("/tad-config.json");
        QVERIFY(writeInPlace(m_path, original));
        QVERIFY(::chmod(QFile::encodeName(m_path).constData(), 0644) == 0);
    }
    void cleanup()
    {
        ::chmod(QFile::encodeName(m_folder).constData(), 0755);
        QDir(m_folder).removeRecursively();
    }

    void readOnlyFolder_data()
    {
        QTest::addColumn<bool>("learnPrevious");
        QTest::newRow("rename") << false;
        QTest::newRow("exchange") << true;
    }
    void readOnlyFolder()
    {
        QFETCH(bool, learnPrevious);
        const QStringList before = entriesOf(m_folder);
        ReadOnlyFolder readOnly(m_folder);
        QVERIFY2(readOnly.refusesNewFiles(), "the test setup did not make the folder read-only");

        const Result<ReplaceOutcome> outcome =
            replaceFile(m_path, "{}", WriteOptions{.learnPrevious = learnPrevious});
        QVERIFY2(!outcome.ok(), qPrintable(describe(outcome)));
        QCOMPARE(outcome.error().code, ErrorCode::Unreadable);
        QCOMPARE(outcome.error().file, m_path);
        QVERIFY2(outcome.error().message.contains(QStringLiteral("permissions of ") + m_folder),
                 qPrintable(outcome.error().message));
        QCOMPARE(contentsOf(m_path), original);
        QCOMPARE(entriesOf(m_folder), before);
    }

    // A folder that belongs to someone else: the child is not root.
    void folderOfAnotherUser()
    {
        // Run by a normal user, the folder is that user's own: take away the
        // write bit, which binds a normal user (and the child).
        if (::geteuid() != 0)
            QVERIFY(::chmod(QFile::encodeName(m_folder).constData(), 0555) == 0);
        const QString report = inUnprivilegedChild([&] {
            const Result<ReplaceOutcome> outcome = replaceFile(m_path, "{}");
            return outcome.ok() ? QStringLiteral("ok") : outcome.error().message;
        });
        QVERIFY2(report.contains(QStringLiteral("Permission denied")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("Check the permissions of ") + m_folder),
                 qPrintable(report));
        QCOMPARE(contentsOf(m_path), original);
        QCOMPARE(entriesOf(m_folder), QStringList{QStringLiteral("tad-config.json")});
    }

    // The write of the temp file fails half-way: what a full disk does.
    void writeFailsHalfWay()
    {
        struct rlimit saved;
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
        struct rlimit small = saved;
        small.rlim_cur = 100'000;
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        const Result<ReplaceOutcome> outcome =
            replaceFile(m_path, std::string(1 << 20, 'x'), WriteOptions{.learnPrevious = true});
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY2(!outcome.ok(), qPrintable(describe(outcome)));
        QVERIFY2(outcome.error().message.contains(QStringLiteral("File too large")),
                 qPrintable(outcome.error().message));
        QVERIFY2(outcome.error().message.contains(QStringLiteral("file size limit")),
                 qPrintable(outcome.error().message));
        QCOMPARE(contentsOf(m_path), original);
        QCOMPARE(entriesOf(m_folder), QStringList{QStringLiteral("tad-config.json")});
    }

    void badTargets_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectedText");
        QTest::newRow("target is a folder") << "folder"
                                            << "A folder has this name";
        QTest::newRow("target is a fifo") << "fifo"
                                          << "not a regular file";
        QTest::newRow("missing folder") << "missing-folder"
                                        << "Check that ";
        QTest::newRow("folder is a file") << "folder-is-file"
                                          << "Not a directory";
        QTest::newRow("under /proc") << "proc"
                                     << "Cannot";
        QTest::newRow("path ends with a slash") << "slash"
                                                << "A folder has this name";
    }
    void badTargets()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expectedText);
        QString target = m_folder + QStringLiteral("/other.json");
        if (kind == QLatin1String("folder"))
            QVERIFY(QDir().mkdir(target));
        else if (kind == QLatin1String("fifo"))
            QVERIFY(::mkfifo(QFile::encodeName(target).constData(), 0600) == 0);
        else if (kind == QLatin1String("missing-folder"))
            target = m_folder + QStringLiteral("/missing/tad-config.json");
        else if (kind == QLatin1String("folder-is-file"))
            target = m_path + QStringLiteral("/tad-config.json");
        else if (kind == QLatin1String("proc"))
            target = QStringLiteral("/proc/self/tad-config.json");
        else if (kind == QLatin1String("slash"))
            target = m_folder + QStringLiteral("/");
        const QStringList before = entriesOf(m_folder);

        for (bool learnPrevious : {false, true}) {
            const Result<ReplaceOutcome> outcome =
                replaceFile(target, "{}", WriteOptions{.learnPrevious = learnPrevious});
            QVERIFY2(!outcome.ok(), qPrintable(describe(outcome)));
            QCOMPARE(outcome.error().code, ErrorCode::Unreadable);
            QCOMPARE(outcome.error().file, target);
            QVERIFY2(outcome.error().message.contains(expectedText),
                     qPrintable(outcome.error().message));
            QCOMPARE(entriesOf(m_folder), before);
            QCOMPARE(contentsOf(m_path), original);
        }
        if (kind == QLatin1String("missing-folder"))
            QVERIFY(!QFileInfo::exists(m_folder + QStringLiteral("/missing")));
    }

    void emptyPathIsAUsageError()
    {
        const Result<ReplaceOutcome> outcome = replaceFile(QString(), "{}");
        QVERIFY2(!outcome.ok(), qPrintable(describe(outcome)));
        QCOMPARE(outcome.error().code, ErrorCode::Usage);
        QCOMPARE(entriesOf(m_folder), QStringList{QStringLiteral("tad-config.json")});
    }

private:
    QTemporaryDir m_dir;
    QString m_folder;
    QString m_path;
};

QTEST_GUILESS_MAIN(tst_WriteFailures)
#include "tst_writefailures.moc"
