// The window keeps its geometry and dock layout in a folder of its own,
// never in TAD's (~/.config/TAD belongs to the Electron app), and a
// tad-settings.conf that earlier versions left there is moved out once.
// XDG_CONFIG_HOME points at a temporary folder for the whole run, set in
// main() before anything has asked Qt for a path.
#include "WindowSettings.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace tad;

namespace {

QTemporaryDir *configHome = nullptr;

QString inHome(const QString &relative)
{
    return QDir(configHome->path()).filePath(relative);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// What QSettings wrote for the window before: an INI file with its groups.
const QByteArray kOldState = "[window]\ngeometry=@ByteArray(old-geometry)\n";

} // namespace

class TestWindowSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();

    void ownFolderNotTads();
    void oldFileIsMovedOnce();
    void newerFileIsKept();
    void nothingToMove();
    void movedAcrossFileSystems();
    void windowSavesItsLayoutInItsOwnFolder();

private:
    QString newPath() const { return QSettings().fileName(); }
};

void TestWindowSettings::init()
{
    QDir(configHome->path()).removeRecursively();
    QDir().mkpath(configHome->path());
}

void TestWindowSettings::ownFolderNotTads()
{
    QCOMPARE(newPath(), inHome(QStringLiteral("tad-settings/tad-settings.conf")));
    QCOMPARE(legacyWindowSettingsPath(), inHome(QStringLiteral("TAD/tad-settings.conf")));
}

void TestWindowSettings::oldFileIsMovedOnce()
{
    const QString old = legacyWindowSettingsPath();
    writeAll(old, kOldState);
    QVERIFY(QFile::setPermissions(old, QFile::ReadOwner | QFile::WriteOwner));
    writeAll(inHome(QStringLiteral("TAD/tad-config.json")), "{}");

    auto moved = adoptLegacyWindowSettings(newPath());
    QVERIFY2(moved.ok(), qPrintable(moved ? QString() : moved.error().toString()));
    QCOMPARE(*moved, SettingsMove::Moved);
    QVERIFY(!QFileInfo::exists(old));
    QCOMPARE(readAll(newPath()), kOldState);
    struct stat info
    {};
    QVERIFY(::stat(QFile::encodeName(newPath()).constData(), &info) == 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
    // QSettings reads what was moved, and TAD's own file is not touched.
    QSettings settings;
    settings.sync();
    QCOMPARE(settings.value(QStringLiteral("window/geometry")).toByteArray(),
             QByteArray("old-geometry"));
    QCOMPARE(readAll(inHome(QStringLiteral("TAD/tad-config.json"))), QByteArray("{}"));

    auto again = adoptLegacyWindowSettings(newPath());
    QVERIFY(again.ok());
    QCOMPARE(*again, SettingsMove::NothingToMove);
    QCOMPARE(readAll(newPath()), kOldState);
}

void TestWindowSettings::newerFileIsKept()
{
    const QByteArray newer = "[window]\ngeometry=@ByteArray(new-geometry)\n";
    writeAll(legacyWindowSettingsPath(), kOldState);
    writeAll(newPath(), newer);

    auto moved = adoptLegacyWindowSettings(newPath());
    QVERIFY(moved.ok());
    QCOMPARE(*moved, SettingsMove::KeptNewer);
    QCOMPARE(readAll(newPath()), newer);
    QCOMPARE(readAll(legacyWindowSettingsPath()), kOldState);
}

void TestWindowSettings::nothingToMove()
{
    auto moved = adoptLegacyWindowSettings(newPath());
    QVERIFY(moved.ok());
    QCOMPARE(*moved, SettingsMove::NothingToMove);
    QVERIFY(!QFileInfo::exists(newPath()));
    QVERIFY(!QFileInfo::exists(QFileInfo(newPath()).absolutePath()));
}

// /dev/shm is a tmpfs: with the new folder there, rename() fails with EXDEV
// and the file goes through the one write path instead.
void TestWindowSettings::movedAcrossFileSystems()
{
    struct stat here
    {
    }, shm{};
    QVERIFY(::stat(QFile::encodeName(configHome->path()).constData(), &here) == 0);
    if (::stat("/dev/shm", &shm) != 0 || shm.st_dev == here.st_dev)
        QSKIP("no second file system (/dev/shm) on this machine");
    QTemporaryDir elsewhere(QStringLiteral("/dev/shm/tst_windowsettings-XXXXXX"));
    QVERIFY(elsewhere.isValid());
    QVERIFY(QFile::link(elsewhere.path(), inHome(QStringLiteral("tad-settings"))));
    writeAll(legacyWindowSettingsPath(), kOldState);

    auto moved = adoptLegacyWindowSettings(newPath());
    QVERIFY2(moved.ok(), qPrintable(moved ? QString() : moved.error().toString()));
    QCOMPARE(*moved, SettingsMove::Moved);
    QVERIFY(!QFileInfo::exists(legacyWindowSettingsPath()));
    QCOMPARE(readAll(QDir(elsewhere.path()).filePath(QStringLiteral("tad-settings.conf"))),
             kOldState);
}

// The real window, closed: its layout lands in the new place, nothing of it in TAD's folder.
void TestWindowSettings::windowSavesItsLayoutInItsOwnFolder()
{
    QTemporaryDir files;
    const QString config = QDir(files.path()).filePath(QStringLiteral("tad-config.json"));
    writeAll(config, "{\"settings\":{\"theme\":\"dark\"}}");
    {
        MainWindowOptions options;
        options.configPath = config;
        MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.close();
    }
    QSettings settings;
    settings.sync();
    QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
    QVERIFY(QFileInfo::exists(newPath()));
    QVERIFY(!QFileInfo::exists(inHome(QStringLiteral("TAD"))));
}

int main(int argc, char *argv[])
{
    QTemporaryDir home;
    configHome = &home;
    qputenv("XDG_CONFIG_HOME", home.path().toUtf8());
    QApplication app(argc, argv);
    useWindowSettingsNames();
    TestWindowSettings test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_windowsettings.moc"
