// Opening another settings file from the real window, as a person does it:
// Ctrl+O and the file dialog, File > Open Recent by keyboard, a file dropped
// on the window, the demo notice's Open button, and a plain argument to the
// tad-settings binary. A file already open is raised, not opened twice; a
// file that cannot be opened is refused with a message.
#include "GuiTestHelpers.h"
#include "window/MainWindow.h"
#include "window/RecentFiles.h"
#include "window/WindowLauncher.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QDropEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

using namespace tad;

class TestFileOpening : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void ctrlOOpensTheChosenFileInItsOwnWindow();
    void openRecentByKeyboard();
    void recentFilesAreNewestFirstAndBounded();
    void droppedFileOpens();
    void fileAlreadyOpenIsRaisedNotOpenedTwice();
    void folderOrMissingFileIsRefusedWithAMessage();
    void demoNoticeOffersOpenAndGivesWay();
    void plainArgumentOpensThatFile();
    void argumentMistakesExitWithAStatus();

private:
    QString makeConfig(const QString &name);
    MainWindow *startWindow(const QString &path, bool demo = false);
    MainWindow *waitForWindowOf(const QString &path);
    static void chooseInDialog(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WindowLauncher> m_launcher;
};

void TestFileOpening::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("tad-settings-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_fileopening"));
}

void TestFileOpening::init()
{
    RecentFiles().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_launcher = std::make_unique<WindowLauncher>(guitest::testSchema(), false);
}

void TestFileOpening::cleanup()
{
    for (MainWindow *window : m_launcher->windows())
        delete window;
    m_launcher.reset();
    m_dir.reset();
}

QString TestFileOpening::makeConfig(const QString &name)
{
    const QString folder = m_dir->filePath(name);
    QDir().mkpath(folder);
    const QString path = folder + QStringLiteral("/tad-config.json");
    QFile::remove(path);
    if (!QFile::copy(guitest::demoConfig(), path))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

MainWindow *TestFileOpening::startWindow(const QString &path, bool demo)
{
    MainWindowOptions options;
    options.configPath = path;
    options.demo = demo;
    if (demo)
        options.notice = QStringLiteral("This is a demo copy.");
    MainWindow *window = m_launcher->show(options);
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window) ||
        !QTest::qWaitFor([window] { return window->isReady(); }))
        return nullptr;
    return window;
}

MainWindow *TestFileOpening::waitForWindowOf(const QString &path)
{
    MainWindow *found = nullptr;
    (void)QTest::qWaitFor([&] {
        for (MainWindow *window : m_launcher->windows()) {
            if (window->configPath() == path && window->isReady())
                found = window;
        }
        return found != nullptr;
    });
    return found;
}

// Types the path into the open dialog (Qt's own, offscreen) and presses Enter.
void TestFileOpening::chooseInDialog(const QString &path)
{
    QFileDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor([&] {
        dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        return dialog != nullptr;
    }));
    // As the desktop would: the new dialog is the active window, its name field has focus.
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    QVERIFY(QTest::qWaitFor([name] { return name->hasFocus(); }));
    QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier); // over the name it suggests
    QTest::keyClicks(name, path);
    // Enter would go to the completer's popup first; the Open button is what a
    // person clicks after typing a whole path.
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons && buttons->button(QDialogButtonBox::Open));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Open), Qt::LeftButton);
    // The dialog took the file and closed.
    QPointer<QFileDialog> closing = dialog;
    QVERIFY(QTest::qWaitFor([&] { return closing.isNull() || !closing->isVisible(); }));
}

void TestFileOpening::ctrlOOpensTheChosenFileInItsOwnWindow()
{
    const QString first = makeConfig(QStringLiteral("first"));
    const QString second = makeConfig(QStringLiteral("second"));
    const QByteArray secondBefore = guitest::readBytes(second);
    MainWindow *window = startWindow(first);
    QVERIFY(window);

    QTest::keyClick(window, Qt::Key_O, Qt::ControlModifier);
    chooseInDialog(second);
    MainWindow *opened = waitForWindowOf(second);
    QVERIFY(opened);
    QVERIFY(opened != window);
    QCOMPARE(m_launcher->windows().size(), 2); // the first stays open
    QCOMPARE(opened->statusError(), QString());
    // Opening reads; it writes nothing.
    QCOMPARE(guitest::readBytes(second), secondBefore);
    QVERIFY(QTest::qWaitFor([&] { return RecentFiles().paths().value(0) == second; }));
}

void TestFileOpening::openRecentByKeyboard()
{
    const QString first = makeConfig(QStringLiteral("first"));
    const QString earlier = makeConfig(QStringLiteral("earlier"));
    RecentFiles().add(earlier);
    MainWindow *window = startWindow(first);
    QVERIFY(window);
    QVERIFY(QTest::qWaitFor([&] { return RecentFiles().paths().value(0) == first; }));

    // Alt+F opens File; R opens Open Recent; its second entry (&2) is `earlier`.
    QTest::keyClick(window, Qt::Key_F, Qt::AltModifier);
    QMenu *fileMenu = window->findChild<QMenu *>(QStringLiteral("fileMenu"));
    QVERIFY(fileMenu);
    QVERIFY(QTest::qWaitFor([&] { return fileMenu->isVisible(); }));
    QTest::keyClick(fileMenu, Qt::Key_R);
    QMenu *recent = window->findChild<QMenu *>(QStringLiteral("recentMenu"));
    QVERIFY(recent);
    QVERIFY(QTest::qWaitFor([&] { return recent->isVisible(); }));
    QStringList listed;
    for (QAction *action : recent->actions()) {
        if (!action->data().toString().isEmpty())
            listed << action->data().toString();
    }
    QCOMPARE(listed, (QStringList{first, earlier}));
    QTest::keyClick(recent, Qt::Key_2);
    MainWindow *opened = waitForWindowOf(earlier);
    QVERIFY(opened);
    QVERIFY(QTest::qWaitFor([&] { return RecentFiles().paths().value(0) == earlier; }));
}

void TestFileOpening::recentFilesAreNewestFirstAndBounded()
{
    RecentFiles recent;
    QStringList added;
    for (int i = 0; i < RecentFiles::kMaximum + 3; ++i) {
        const QString path = m_dir->filePath(QStringLiteral("f%1.json").arg(i));
        recent.add(path);
        added.prepend(path);
    }
    QCOMPARE(recent.paths(), added.mid(0, RecentFiles::kMaximum));
    recent.add(added.at(5)); // opening a listed file moves it to the front, once
    QCOMPARE(recent.paths().value(0), added.at(5));
    QCOMPARE(recent.paths().count(added.at(5)), 1);
    QCOMPARE(recent.paths().size(), RecentFiles::kMaximum);

    // A file that went away is shown as missing and cannot be chosen.
    const QString first = makeConfig(QStringLiteral("first"));
    MainWindow *window = startWindow(first);
    QVERIFY(window);
    QMenu *menu = window->findChild<QMenu *>(QStringLiteral("recentMenu"));
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    bool sawMissing = false;
    for (QAction *action : menu->actions()) {
        if (action->data().toString() == added.at(5)) {
            sawMissing = true;
            QVERIFY(!action->isEnabled());
            QVERIFY(action->text().contains(QStringLiteral("missing")));
        }
    }
    QVERIFY(sawMissing);
}

void TestFileOpening::droppedFileOpens()
{
    const QString first = makeConfig(QStringLiteral("first"));
    const QString dropped = makeConfig(QStringLiteral("dropped"));
    MainWindow *window = startWindow(first);
    QVERIFY(window);

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dropped)});
    const QPoint at = window->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(waitForWindowOf(dropped));

    // Text, or several files at once, is not taken.
    QMimeData text;
    text.setText(QStringLiteral("{}"));
    QDragEnterEvent refused(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    refused.ignore();
    QApplication::sendEvent(window, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestFileOpening::fileAlreadyOpenIsRaisedNotOpenedTwice()
{
    const QString first = makeConfig(QStringLiteral("first"));
    MainWindow *window = startWindow(first);
    QVERIFY(window);
    QTest::keyClick(window, Qt::Key_O, Qt::ControlModifier);
    // The same file by another spelling of its path.
    chooseInDialog(QFileInfo(first).absolutePath() + QStringLiteral("/./tad-config.json"));
    QTest::qWait(200);
    QCOMPARE(m_launcher->windows().size(), 1);
}

void TestFileOpening::folderOrMissingFileIsRefusedWithAMessage()
{
    const QString first = makeConfig(QStringLiteral("first"));
    MainWindow *window = startWindow(first);
    QVERIFY(window);
    for (const QString &bad : {m_dir->path(), m_dir->filePath(QStringLiteral("nothing.json"))}) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(bad)});
        QDragEnterEvent enter(window->rect().center(), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(window->rect().center(), Qt::CopyAction, &mime, Qt::LeftButton,
                        Qt::NoModifier);
        QApplication::sendEvent(window, &drop);
        QMessageBox *box = nullptr;
        QVERIFY(QTest::qWaitFor([&] {
            box = window->findChild<QMessageBox *>(QStringLiteral("openRefusedMessage"));
            return box && box->isVisible();
        }));
        QVERIFY2(box->text().contains(bad), qPrintable(box->text()));
        QVERIFY(box->text().contains(QStringLiteral("folder")) ||
                box->text().contains(QStringLiteral("no such file")));
        QTest::keyClick(box, Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([&] {
            return !window->findChild<QMessageBox *>(QStringLiteral("openRefusedMessage"));
        }));
        QCOMPARE(m_launcher->windows().size(), 1);
    }
    QVERIFY(!RecentFiles().paths().contains(m_dir->path()));
}

void TestFileOpening::demoNoticeOffersOpenAndGivesWay()
{
    const QString demo = makeConfig(QStringLiteral("demo"));
    const QString real = makeConfig(QStringLiteral("real"));
    QPointer<MainWindow> window = startWindow(demo, true);
    QVERIFY(window);
    auto *button = window->findChild<QPushButton *>(QStringLiteral("noticeOpenButton"));
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    chooseInDialog(real);
    QVERIFY(waitForWindowOf(real));
    // The demo copy's window closes once the real file is open, and the demo
    // copy is not a recent file.
    QVERIFY(QTest::qWaitFor([&] { return window.isNull(); }));
    QCOMPARE(m_launcher->windows().size(), 1);
    QVERIFY(!RecentFiles().paths().contains(demo));

    // A window on a real file has no such button.
    QVERIFY(!waitForWindowOf(real)->findChild<QPushButton *>(QStringLiteral("noticeOpenButton")));
}

namespace {

QString guiBinary()
{
    return QStringLiteral(TAD_GUI_BINARY);
}

QProcessEnvironment isolatedEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.remove(QStringLiteral("TAD_CONFIG"));
    return env;
}

} // namespace

// The binary itself: a plain FILE opens that file. The window lists the file
// among its recent files once it has read it, which is what we look for in
// its own settings file.
void TestFileOpening::plainArgumentOpensThatFile()
{
    const QString config = makeConfig(QStringLiteral("plain"));
    const QByteArray before = guitest::readBytes(config);
    QTemporaryDir home;
    QProcess gui;
    gui.setProcessEnvironment(isolatedEnvironment(home.path()));
    gui.start(guiBinary(), {config});
    QVERIFY(gui.waitForStarted());
    const QString settingsFolder = home.path() + QStringLiteral("/.config");
    auto listedFiles = [&] {
        QStringList found;
        QDirIterator it(settingsFolder, {QStringLiteral("*.conf")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QSettings settings(it.next(), QSettings::IniFormat);
            found << settings.value(QStringLiteral("recent/files")).toStringList();
        }
        return found;
    };
    const bool listed = QTest::qWaitFor([&] { return listedFiles().contains(config); }, 20000);
    gui.terminate();
    gui.waitForFinished(5000);
    QVERIFY2(listed, qPrintable(QString::fromLocal8Bit(gui.readAllStandardError())));
    QCOMPARE(guitest::readBytes(config), before);
    // No demo copy was made: the named file was opened, not the fallback.
    QDirIterator demoCopies(home.path(), {QStringLiteral("tad-config.json")}, QDir::Files,
                            QDirIterator::Subdirectories);
    QVERIFY(!demoCopies.hasNext());
}

void TestFileOpening::argumentMistakesExitWithAStatus()
{
    const QString config = makeConfig(QStringLiteral("one"));
    const QString other = makeConfig(QStringLiteral("two"));
    QTemporaryDir home;
    struct Case
    {
        QStringList arguments;
        int status;
        QString says;
    };
    const QList<Case> cases = {
        {{config, other}, 1, QStringLiteral("one settings file at a time")},
        {{QStringLiteral("--config"), config, other}, 1, QStringLiteral("two settings files")},
        {{m_dir->filePath(QStringLiteral("typo.json"))}, 4, QStringLiteral("no such file")},
        {{m_dir->path()}, 4, QStringLiteral("folder")},
    };
    for (const Case &c : cases) {
        QProcess gui;
        gui.setProcessEnvironment(isolatedEnvironment(home.path()));
        gui.start(guiBinary(), c.arguments);
        QVERIFY(gui.waitForFinished(20000));
        const QString err = QString::fromLocal8Bit(gui.readAllStandardError());
        QVERIFY2(gui.exitStatus() == QProcess::NormalExit && gui.exitCode() == c.status,
                 qPrintable(c.arguments.join(' ') + QStringLiteral(" -> %1: ").arg(gui.exitCode()) +
                            err));
        QVERIFY2(err.contains(c.says), qPrintable(err));
    }
}

QTEST_MAIN(TestFileOpening)
#include "tst_fileopening.moc"
