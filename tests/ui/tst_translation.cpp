// The window speaks German under a German system locale: the program's
// own translation is found from the locale (as tad-settings' main does it)
// and the real window's menus, panels and words read in German.
#include "GuiTestHelpers.h"
#include "common/ChangeWords.h"
#include "common/Translations.h"
#include "editors/EditorPanel.h"
#include "history/HistoryPanels.h"
#include "history/HistoryView.h"
#include "session/StoreSession.h"
#include "window/MainWindow.h"

#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeView>
#include <cstdlib>

using namespace tad;

class TestTranslation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void systemLocaleChoosesGerman();
    void windowReadsInGerman();
    void englishNeedsNoTranslation();
};

void TestTranslation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTranslation::systemLocaleChoosesGerman()
{
    QCOMPARE(QLocale::system().language(), QLocale::German);
    QCOMPARE(installTranslations(qApp), QStringLiteral("de_DE"));
}

void TestTranslation::windowReadsInGerman()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(QFile::copy(guitest::demoConfig(), config));
    QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner);
    MainWindowOptions options;
    options.configPath = config;
    options.schemaPath = guitest::testSchema();
    options.rememberState = false;
    MainWindow window(options);
    window.show();
    QSignalSpy ready(&window, &MainWindow::ready);
    window.open();
    QVERIFY(ready.wait(20000));

    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus << action->text();
    QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(QLatin1Char(' '))));
    QVERIFY(menus.contains(QStringLiteral("&Bearbeiten")));
    QVERIFY(menus.contains(QStringLiteral("&Hilfe")));
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("resetAction"))->text(),
             QStringLiteral("Auf &Standard zurücksetzen"));
    // The panel with no key to show, and the history's words.
    window.tree()->setCurrentIndex(QModelIndex());
    QCOMPARE(window.panel()->findChild<QLabel *>(QStringLiteral("title"))->text(),
             QStringLiteral("Keine Einstellung ausgewählt"));
    QCOMPARE(window.historyPanels()
                 ->history()
                 ->findChild<QPushButton *>(QStringLiteral("rollbackEntry"))
                 ->text(),
             QStringLiteral("Diese Änderung &zurücknehmen"));
    HistoryEntry undo;
    undo.source = ChangeSource::Undo;
    QCOMPARE(ChangeWords::reason(undo), QStringLiteral("Rückgängig"));
    window.session()->waitForIdle();
}

// Without a translator, the words are the sources' own.
void TestTranslation::englishNeedsNoTranslation()
{
    QCOMPARE(installTranslations(qApp, QLocale(QLocale::English, QLocale::UnitedStates)),
             QString());
}

int main(int argc, char **argv)
{
    // A German desktop, as the session's environment says it.
    qputenv("LC_ALL", "de_DE.UTF-8");
    qputenv("LANG", "de_DE.UTF-8");
    qputenv("LANGUAGE", "de_DE:de");
    QApplication app(argc, argv);
    TestTranslation test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translation.moc"
