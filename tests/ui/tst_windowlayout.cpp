// The window's layout at the smallest size it is made for (1024x700), on
// the real MainWindow, offscreen: each panel opened from the View menu's
// keys leaves the window its size and the tree its columns; the problems
// panel comes and goes with problems; the conflict bar is one line and
// leaves the splitter alone; the layout is there again after a restart.
#include "GuiTestHelpers.h"
#include "editors/EditorPanel.h"
#include "editors/ValueEditor.h"
#include "history/BackupTimelineView.h"
#include "history/HistoryPanels.h"
#include "history/HistoryView.h"
#include "session/StoreSession.h"
#include "settings/SettingsTreeModel.h"
#include "window/MainWindow.h"
#include "window/PanelDocks.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTreeView>
#include <QTreeWidget>
#include <memory>

using namespace tad;

class TestWindowLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void treeColumnsFitAt1024();
    void eachPanelKeepsTheWindowAndTheTree_data();
    void eachPanelKeepsTheWindowAndTheTree();
    void aPanelOpenedComesToTheFront();
    void backupTimesAreNotCut();
    void viewMenuListsEveryPanel();
    void problemsPanelOnlyWithProblems();
    void conflictBarIsOneLineAndKeepsTheSplitter();
    void layoutIsRemembered();

private:
    void openWindow(bool rememberState = false);
    bool waitReady();
    // Every column of the tree inside its viewport, none narrower than its text.
    QString clippedColumns() const;
    QMenu *viewMenu() const
    {
        return m_window->menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    }
    QAction *viewAction(const QString &title) const;
    QString configPath() const { return m_dir->filePath(QStringLiteral("tad-config.json")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestWindowLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestWindowLayout::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QFile::copy(guitest::demoConfig(), configPath()));
    QFile::setPermissions(configPath(), QFile::ReadOwner | QFile::WriteOwner);
}

void TestWindowLayout::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestWindowLayout::openWindow(bool rememberState)
{
    MainWindowOptions options;
    options.configPath = configPath();
    options.schemaPath = guitest::testSchema();
    options.rememberState = rememberState;
    m_window = std::make_unique<MainWindow>(options);
    if (!rememberState)
        m_window->resize(1024, 700);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->open();
}

bool TestWindowLayout::waitReady()
{
    if (m_window->isReady())
        return true;
    QSignalSpy ready(m_window.get(), &MainWindow::ready);
    return ready.wait(10000);
}

QString TestWindowLayout::clippedColumns() const
{
    QTreeView *tree = m_window->tree();
    QHeaderView *header = tree->header();
    const int room = tree->viewport()->width();
    QStringList problems;
    for (int column = 0; column < header->count(); ++column) {
        const int right = header->sectionViewportPosition(column) + header->sectionSize(column);
        if (header->sectionViewportPosition(column) < 0 || right > room)
            problems
                << QStringLiteral("column %1 ends at %2 of %3").arg(column).arg(right).arg(room);
    }
    // Type and State show their whole text on every row shown.
    for (int column : {int(SettingsTreeModel::TypeColumn), int(SettingsTreeModel::StateColumn)}) {
        if (header->sectionSize(column) <
            static_cast<QAbstractItemView *>(tree)->sizeHintForColumn(column))
            problems << QStringLiteral("column %1 is %2 wide, its text %3")
                            .arg(column)
                            .arg(header->sectionSize(column))
                            .arg(static_cast<QAbstractItemView *>(tree)->sizeHintForColumn(column));
    }
    if (header->sectionSize(SettingsTreeModel::ValueColumn) < 120)
        problems << QStringLiteral("value column only %1 wide")
                        .arg(header->sectionSize(SettingsTreeModel::ValueColumn));
    if (tree->horizontalScrollBar()->isVisible())
        problems << QStringLiteral("the tree scrolls sideways");
    return problems.join(QStringLiteral("; "));
}

QAction *TestWindowLayout::viewAction(const QString &title) const
{
    for (QAction *action : viewMenu()->actions()) {
        if (action->text().remove(QLatin1Char('&')).startsWith(title))
            return action;
    }
    return nullptr;
}

void TestWindowLayout::treeColumnsFitAt1024()
{
    openWindow();
    QVERIFY(waitReady());
    QCOMPARE(m_window->size(), QSize(1024, 700));
    // The nested keys are on screen too (their indentation counts).
    m_window->tree()->expandAll();
    QCoreApplication::processEvents();
    const QString clipped = clippedColumns();
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped));
    QVERIFY(m_window->tree()->viewport()->width() >= 560);
}

void TestWindowLayout::eachPanelKeepsTheWindowAndTheTree_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("key");
    QTest::newRow("backups") << QStringLiteral("Backups") << int(Qt::Key_B);
    QTest::newRow("history") << QStringLiteral("History") << int(Qt::Key_H);
    QTest::newRow("migrations") << QStringLiteral("Migrations") << int(Qt::Key_M);
    QTest::newRow("inspector") << QStringLiteral("Inspector") << int(Qt::Key_I);
    QTest::newRow("problems") << QStringLiteral("Problems") << int(Qt::Key_P);
}

void TestWindowLayout::eachPanelKeepsTheWindowAndTheTree()
{
    QFETCH(QString, title);
    QFETCH(int, key);
    openWindow();
    QVERIFY(waitReady());
    const int treeWidth = m_window->tree()->width();
    QTest::keyClick(m_window.get(), Qt::Key(key), Qt::ControlModifier | Qt::ShiftModifier);
    QAction *toggle = viewAction(title);
    QVERIFY(toggle);
    QTRY_VERIFY(toggle->isChecked());
    QDockWidget *dock = nullptr;
    for (QDockWidget *d : m_window->docks()->docks()) {
        if (d->toggleViewAction() == toggle)
            dock = d;
    }
    QVERIFY(dock);
    QTRY_VERIFY(dock->isVisible());
    QCoreApplication::processEvents();
    // The panel opens under the tree: the window keeps its size, the tree its width.
    QCOMPARE(m_window->size(), QSize(1024, 700));
    QCOMPARE(m_window->dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    QCOMPARE(m_window->tree()->width(), treeWidth);
    QVERIFY2(dock->height() >= 200, qPrintable(QString::number(dock->height())));
    QVERIFY2(m_window->tree()->viewport()->height() >= 150,
             qPrintable(QString::number(m_window->tree()->viewport()->height())));
    const QString clipped = clippedColumns();
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped));
    // The panel fits its room: nothing cut off at the side.
    auto *scroll = qobject_cast<QScrollArea *>(dock->widget());
    QVERIFY(scroll);
    QVERIFY2(!scroll->horizontalScrollBar()->isVisible(),
             qPrintable(QStringLiteral("%1 in %2")
                            .arg(scroll->widget()->minimumSizeHint().width())
                            .arg(dock->width())));
    // The same key closes it again.
    QTest::keyClick(m_window.get(), Qt::Key(key), Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(!dock->isVisible());
    QCOMPARE(m_window->size(), QSize(1024, 700));
}

// Backups open, then History by its key: History is the tab in front,
// Backups stays open behind it.
void TestWindowLayout::aPanelOpenedComesToTheFront()
{
    openWindow();
    QVERIFY(waitReady());
    QAction *backups = viewAction(QStringLiteral("Backups"));
    QAction *history = viewAction(QStringLiteral("History"));
    QVERIFY(backups && history);
    QDockWidget *backupsDock = nullptr;
    QDockWidget *historyDock = nullptr;
    for (QDockWidget *d : m_window->docks()->docks()) {
        if (d->toggleViewAction() == backups)
            backupsDock = d;
        if (d->toggleViewAction() == history)
            historyDock = d;
    }
    QVERIFY(backupsDock && historyDock);
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(backupsDock->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(historyDock->isVisible());
    // What is on screen: History's tab in front, Backups behind it, open.
    QTRY_VERIFY(!historyDock->visibleRegion().isEmpty());
    QVERIFY(backupsDock->visibleRegion().isEmpty());
    QVERIFY(backups->isChecked());
}

void TestWindowLayout::backupTimesAreNotCut()
{
    openWindow();
    QVERIFY(waitReady());
    m_window->session()->waitForIdle();
    BackupTimelineView *timeline = m_window->historyPanels()->timeline();
    QSignalSpy listed(timeline, &BackupTimelineView::listed);
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(listed.wait(10000) || !listed.isEmpty());
    QTreeWidget *list = timeline->list();
    QTRY_VERIFY(list->topLevelItemCount() > 0);
    list->expandAll();
    QCoreApplication::processEvents();
    QCOMPARE(m_window->size(), QSize(1024, 700));
    QVERIFY2(list->header()->sectionSize(0) >=
                 static_cast<QAbstractItemView *>(list)->sizeHintForColumn(0),
             qPrintable(QStringLiteral("%1 < %2")
                            .arg(list->header()->sectionSize(0))
                            .arg(static_cast<QAbstractItemView *>(list)->sizeHintForColumn(0))));
}

void TestWindowLayout::viewMenuListsEveryPanel()
{
    openWindow();
    QVERIFY(waitReady());
    for (const QString &title :
         {QStringLiteral("Backups"), QStringLiteral("History"), QStringLiteral("Migrations"),
          QStringLiteral("Inspector"), QStringLiteral("Problems")}) {
        QAction *action = viewAction(title);
        QVERIFY2(action, qPrintable(title));
        QVERIFY(action->isCheckable());
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(title));
    }
    // Each panel is a tab of the one area.
    const QList<QDockWidget *> docks = m_window->docks()->docks();
    QCOMPARE(docks.size(), 5);
    for (QDockWidget *dock : docks)
        viewAction(dock->windowTitle().section(QLatin1Char(' '), 0, 0))->trigger();
    QTRY_VERIFY(
        std::all_of(docks.begin(), docks.end(), [](QDockWidget *d) { return d->isVisible(); }));
    QCOMPARE(m_window->size(), QSize(1024, 700));
    for (QDockWidget *dock : docks)
        QCOMPARE(m_window->dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    QCOMPARE(m_window->tabifiedDockWidgets(docks.first()).size(), 4);
}

void TestWindowLayout::problemsPanelOnlyWithProblems()
{
    openWindow();
    QVERIFY(waitReady());
    QAction *problems = viewAction(QStringLiteral("Problems"));
    QVERIFY(problems);
    QDockWidget *dock = m_window->docks()->dockOf(m_window->problemsList());
    QVERIFY(dock);
    // The demo file fits the schema: no panel takes room for nothing.
    QTRY_VERIFY(dock->windowTitle().contains(QLatin1Char('0')));
    QVERIFY(!dock->isVisible());
    QVERIFY(!problems->isChecked());
    const int treeHeight = m_window->tree()->height();

    std::unique_ptr<QProcess> conf(guitest::startConfSet(
        configPath(), QStringLiteral("settings.fontSize"), QStringLiteral("99"), nullptr));
    QVERIFY(conf->waitForFinished(60000));
    QCOMPARE(conf->exitCode(), 0);
    QTRY_VERIFY(dock->isVisible());
    QVERIFY(problems->isChecked());
    QCOMPARE(m_window->problemsList()->count(), 1);
    QCOMPARE(m_window->size(), QSize(1024, 700));

    conf.reset(guitest::startConfSet(configPath(), QStringLiteral("settings.fontSize"),
                                     QStringLiteral("14"), nullptr));
    QVERIFY(conf->waitForFinished(60000));
    QTRY_VERIFY(!dock->isVisible());
    QTRY_COMPARE(m_window->tree()->height(), treeHeight);
}

void TestWindowLayout::conflictBarIsOneLineAndKeepsTheSplitter()
{
    openWindow();
    QVERIFY(waitReady());
    auto *split = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    QVERIFY(split);
    QVERIFY(m_window->selectKey(QStringLiteral("user.name")));
    auto *line = m_window->panel()->editor()->findChild<QLineEdit *>();
    QVERIFY(line);
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("Mine"));
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE(guitest::valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Mine\""));
    m_window->session()->waitForIdle();
    QTest::keyClicks(line, QStringLiteral(" again"));
    const QList<int> sizes = split->sizes();
    std::unique_ptr<QProcess> conf(guitest::startConfSet(configPath(), QStringLiteral("user.name"),
                                                         QStringLiteral("\"Theirs\""), nullptr));
    QVERIFY(conf->waitForFinished(60000));
    QTRY_VERIFY(m_window->panel()->isConflictShown());
    QCoreApplication::processEvents();
    auto *bar = m_window->panel()->findChild<QWidget *>(QStringLiteral("conflictBar"));
    auto *text = m_window->panel()->findChild<QLabel *>(QStringLiteral("conflictText"));
    auto *keep = m_window->panel()->findChild<QPushButton *>(QStringLiteral("keepMine"));
    auto *take = m_window->panel()->findChild<QPushButton *>(QStringLiteral("takeTheirs"));
    QVERIFY(bar && text && keep && take);
    QCOMPARE(split->sizes(), sizes);
    QCOMPARE(m_window->size(), QSize(1024, 700));
    // Text and both buttons side by side on one line, inside the panel.
    QVERIFY2(text->height() < 2 * text->fontMetrics().height(),
             qPrintable(QString::number(text->height())));
    QCOMPARE(keep->y(), take->y());
    QVERIFY(text->geometry().right() < keep->geometry().left());
    QVERIFY(bar->height() <= keep->height() + 2 * text->fontMetrics().height());
    QVERIFY(take->mapTo(m_window.get(), QPoint(take->width(), 0)).x() <= m_window->width());
    QVERIFY(text->toolTip().contains(QStringLiteral("Theirs")));
    QTest::mouseClick(take, Qt::LeftButton);
    QVERIFY(!m_window->panel()->isConflictShown());
    QCOMPARE(split->sizes(), sizes);
}

void TestWindowLayout::layoutIsRemembered()
{
    QSettings().remove(QStringLiteral("window"));
    openWindow(true);
    QVERIFY(waitReady());
    m_window->resize(1200, 760);
    QTest::keyClick(m_window.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    QDockWidget *history = m_window->docks()->dockOf(m_window->historyPanels()->history());
    QTRY_VERIFY(history && history->isVisible());
    auto *split = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    split->setSizes({700, 500});
    const QList<int> sizes = split->sizes();
    QVERIFY(m_window->close());
    m_window.reset();

    openWindow(true);
    QVERIFY(waitReady());
    history = m_window->docks()->dockOf(m_window->historyPanels()->history());
    QVERIFY(history->isVisible());
    QCOMPARE(m_window->size(), QSize(1200, 760));
    split = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    QCOMPARE(split->sizes(), sizes);
    QSettings().remove(QStringLiteral("window"));
}

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
