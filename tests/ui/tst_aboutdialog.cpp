// Help > About on the real main window, offscreen: opened with F1 and with
// the mouse through the Help menu, it names the version, the licence, the
// settings file open, the backups and history folders beside it and the
// window's own layout file; Escape closes it, Copy copies all of it.
#include "GuiTestHelpers.h"
#include "WindowSettings.h"
#include "window/AboutDialog.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <memory>

using namespace tad;

class TestAboutDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void f1OpensItWithTheFacts();
    void helpMenuOpensItByMouse();
    void copyTakesEverything();

private:
    AboutDialog *waitForDialog();
    QString label(AboutDialog *dialog, const char *name) const;
    QString configPath() const { return m_dir->filePath(QStringLiteral("tad-config.json")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestAboutDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    useWindowSettingsNames(); // the names the real program uses
}

void TestAboutDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QFile::copy(guitest::demoConfig(), configPath()));
    MainWindowOptions options;
    options.configPath = configPath();
    options.schemaPath = guitest::testSchema();
    options.rememberState = false;
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestAboutDialog::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

// The dialog once it shows, or nullptr after 5 s.
AboutDialog *TestAboutDialog::waitForDialog()
{
    AboutDialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            dialog = m_window->findChild<AboutDialog *>();
            return dialog && dialog->isVisible();
        },
        5000);
    return shown ? dialog : nullptr;
}

QString TestAboutDialog::label(AboutDialog *dialog, const char *name) const
{
    auto *found = dialog->findChild<QLabel *>(QLatin1String(name));
    return found ? found->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

void TestAboutDialog::f1OpensItWithTheFacts()
{
    QVERIFY(!m_window->findChild<AboutDialog *>());
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    AboutDialog *dialog = waitForDialog();
    QVERIFY(dialog);

    QVERIFY2(
        label(dialog, "aboutVersion").contains(QStringLiteral("TAD Settings " TAD_VERSION_STRING)),
        qPrintable(label(dialog, "aboutVersion")));
    QVERIFY2(label(dialog, "aboutLicence").contains(QStringLiteral("MIT licence")),
             qPrintable(label(dialog, "aboutLicence")));
    QVERIFY(label(dialog, "aboutLicence").contains(QStringLiteral("/LICENSE")));
    QCOMPARE(label(dialog, "aboutConfig"), configPath());
    QCOMPARE(label(dialog, "aboutBackups"), m_dir->filePath(QStringLiteral("backups")));
    QCOMPARE(label(dialog, "aboutHistory"), m_dir->filePath(QStringLiteral("storeHistory")));
    QCOMPARE(label(dialog, "aboutWindowState"), QSettings().fileName());
    QVERIFY(label(dialog, "aboutWindowState")
                .endsWith(QStringLiteral("/tad-settings/tad-settings.conf")));

    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<AboutDialog *>(), 5000);
}

void TestAboutDialog::helpMenuOpensItByMouse()
{
    QMenuBar *bar = m_window->menuBar();
    QAction *helpMenuAction = nullptr;
    for (QAction *action : bar->actions()) {
        if (action->text() == QStringLiteral("&Help"))
            helpMenuAction = action;
    }
    QVERIFY(helpMenuAction);
    QCOMPARE(bar->actions().last(), helpMenuAction); // Help comes last
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(helpMenuAction).center());
    QMenu *menu = helpMenuAction->menu();
    QTRY_VERIFY_WITH_TIMEOUT(menu->isVisible(), 5000);
    auto *about = m_window->findChild<QAction *>(QStringLiteral("aboutAction"));
    QVERIFY(about);
    QCOMPARE(about->shortcut(), QKeySequence(Qt::Key_F1));
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(about).center());

    AboutDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QCOMPARE(label(dialog, "aboutConfig"), configPath());
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<AboutDialog *>(), 5000);
}

void TestAboutDialog::copyTakesEverything()
{
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    AboutDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QApplication::clipboard()->clear();
    auto *copy = dialog->findChild<QPushButton *>(QStringLiteral("aboutCopy"));
    QVERIFY(copy);
    QTest::mouseClick(copy, Qt::LeftButton);
    const QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied, dialog->text());
    for (const QString &part : {QStringLiteral(TAD_VERSION_STRING), QStringLiteral("MIT"),
                                configPath(), m_dir->filePath(QStringLiteral("backups")),
                                m_dir->filePath(QStringLiteral("storeHistory"))})
        QVERIFY2(copied.contains(part), qPrintable(part));
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
