// A nearly full disk, for real: a 256 KiB tmpfs holds the settings file and
// its side folders. The side files (backup, history) never take the room the
// settings file needs; what they skip is said; the file stays writable.
#include "CliRunner.h"
#include "FileTestHelpers.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/mount.h>
#include <sys/statvfs.h>

using clitest::Run;
using clitest::runCli;
using filetest::readAll;

namespace {

qint64 freeBytes(const QString &dir)
{
    struct statvfs fs;
    return ::statvfs(QFile::encodeName(dir).constData(), &fs) == 0
               ? qint64(fs.f_bavail) * qint64(fs.f_frsize)
               : -1;
}

} // namespace

class tst_DiskSpaceCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!clitest::cliPath().isEmpty(), "TAD_CLI must be set");
        QVERIFY(m_mountPoint.isValid());
        // Root may mount a tmpfs; the test needs a real full disk.
        QVERIFY2(::mount("tmpfs", QFile::encodeName(m_mountPoint.path()).constData(), "tmpfs", 0,
                         "size=256k,mode=0755") == 0,
                 "mounting a 256 KiB tmpfs needs root (CAP_SYS_ADMIN)");
        m_mounted = true;
    }
    void cleanupTestCase()
    {
        if (m_mounted)
            QCOMPARE(::umount(QFile::encodeName(m_mountPoint.path()).constData()), 0);
    }
    void init()
    {
        // A fresh folder on the small disk for each test.
        m_dir = m_mountPoint.path() + QStringLiteral("/t%1").arg(m_n++);
        QVERIFY(QDir().mkpath(m_dir));
        m_config = m_dir + QStringLiteral("/tad-config.json");
    }
    void cleanup() { QVERIFY(QDir(m_dir).removeRecursively()); }

    void sideFilesNeverTakeTheFilesRoom()
    {
        // 20 KB of settings, its history's first copy, then a filler that
        // leaves room for the file's own write but not for a backup beside it.
        const QByteArray notes(20000, 'n');
        writeFile(m_config,
                  R"({"settings":{"theme":"dark"},"notes":")" + notes + R"(","ui":{"zoom":1}})");
        const QStringList base{QStringLiteral("--config"), m_config, QStringLiteral("--no-schema")};
        QCOMPARE(runCli(base + QStringList{"get", "ui.zoom"}).exitCode, 0); // head.json
        const qint64 size = readAll(m_config).size();
        fill(size + 40 * 1024);

        // A critical change needs its backup first: refused, and why.
        const QByteArray before = readAll(m_config);
        const Run refused = runCli(base + QStringList{"set", "settings.theme", "\"light\""});
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains("not enough free space for a backup"),
                 refused.err.constData());
        QVERIFY2(refused.err.contains("--no-backup"), refused.err.constData());
        QCOMPARE(readAll(m_config), before);
        QVERIFY(freeBytes(m_dir) > size);

        // Without the backup: the file first, the skipped side files said.
        const Run ahead =
            runCli(base + QStringList{"--no-backup", "set", "settings.theme", "\"light\""});
        QVERIFY2(ahead.exitCode == 0, ahead.err.constData());
        QVERIFY(readAll(m_config).contains("\"light\""));
        QVERIFY2(ahead.err.contains("warning: changed without a backup"), ahead.err.constData());
        QVERIFY2(ahead.err.contains("not enough free space"), ahead.err.constData());

        // A key that needs no backup is written; the side files that do not
        // fit are skipped and said; the disk keeps room for the next write.
        for (int zoom = 2; zoom <= 6; ++zoom) {
            const Run set = runCli(base + QStringList{"set", "ui.zoom", QString::number(zoom)});
            QVERIFY2(set.exitCode == 0, set.err.constData());
            QVERIFY(readAll(m_config).contains(("\"zoom\":" + QString::number(zoom)).toUtf8()));
            QVERIFY(freeBytes(m_dir) > size);
        }

        // With room again, everything is kept again.
        QVERIFY(QFile::remove(m_dir + QStringLiteral("/filler")));
        const Run roomy = runCli(base + QStringList{"set", "settings.theme", "\"dark\""});
        QVERIFY2(roomy.exitCode == 0 && roomy.err.isEmpty(), roomy.err.constData());
        QCOMPARE(QDir(m_dir + QStringLiteral("/backups")).entryList(QDir::Files).size(), 2);
    }

    void fileThatNoLongerFitsIsRefusedUnchanged()
    {
        const QByteArray before = R"({"ui":{"zoom":1}})";
        writeFile(m_config, before);
        const QStringList base{QStringLiteral("--config"), m_config, QStringLiteral("--no-schema")};
        fill(4096);
        const Run big = runCli(base + QStringList{"set", "notes", '"' + QString(30000, 'n') + '"'});
        QCOMPARE(big.exitCode, 4);
        // Refused by the file's own write, or first by the history's copy of
        // the file, which a command writes just before its first change.
        QVERIFY2(big.err.contains("Check free space") || big.err.contains("Free some space"),
                 big.err.constData());
        QVERIFY(!QFileInfo::exists(m_dir + QStringLiteral("/storeHistory/journal-000001.base")));
        QCOMPARE(readAll(m_config), before);
        QVERIFY(QDir(m_dir).entryList(QDir::Hidden | QDir::Files).filter("tad-tmp").isEmpty());
    }

private:
    void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(bytes), bytes.size());
    }
    // Fills the disk until `leave` bytes are free.
    void fill(qint64 leave)
    {
        const qint64 free = freeBytes(m_dir);
        QVERIFY(free > leave);
        writeFile(m_dir + QStringLiteral("/filler"), QByteArray(free - leave, 'f'));
        QVERIFY(qAbs(freeBytes(m_dir) - leave) < 8192);
    }

    QTemporaryDir m_mountPoint;
    bool m_mounted = false;
    QString m_dir, m_config;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(tst_DiskSpaceCli)
#include "tst_diskspace_cli.moc"
