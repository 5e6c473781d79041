// The window's layout at the smallest size it is made for (1024x700), on
// the real MainWindow, offscreen: each panel opened from the View menu's
// keys leaves the window its size and the tree its columns; a row's state
// word is never cut; a panel's diff is in sight without scrolling; the
// problems panel comes and goes with problems; the conflict bar is one line
// and leaves the splitter alone; the layout is there again after a restart.
#include "GuiTestHelpers.h"
#include "editors/EditorPanel.h"
#include "editors/ValueEditor.h"
#include "history/BackupTimelineView.h"
#include "history/DiffView.h"
#include "history/HistoryPanels.h"
#include "history/HistoryView.h"
#include "history/MigrationReview.h"
#include "session/StoreSession.h"
#include "settings/SettingsFilterModel.h"
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
#include <QStatusBar>
#include <QStyle>
#include <QTreeView>
#include <QTreeWidget>
#include <memory>
#include <sys/stat.h>

using namespace tad;

namespace {

// Data rows of the first `count` panels with their View menu keys:
// Backups, History, Migrations (the ones with a diff), Inspector, Problems.
void addPanelRows(int count)
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("key");
    const std::pair<const char *, Qt::Key> panels[] = {{"Backups", Qt::Key_B},
                                                       {"History", Qt::Key_H},
                                                       {"Migrations", Qt::Key_M},
                                                       {"Inspector", Qt::Key_I},
                                                       {"Problems", Qt::Key_P}};
    for (int i = 0; i < count; ++i)
        QTest::newRow(QByteArray(panels[i].first).toLower().constData())
            << QString::fromLatin1(panels[i].first) << int(panels[i].second);
}

} // namespace

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
    void everyStateWordFitsItsColumn();
    void panelDiffInSightWithoutScrolling_data();
    void panelDiffInSightWithoutScrolling();
    void viewMenuListsEveryPanel();
    void problemsPanelOnlyWithProblems();
    void conflictBarIsOneLineAndKeepsTheSplitter();
    void layoutIsRemembered();
    void aLongErrorIsCutWithItsWholeTextAtHand();

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
    QDockWidget *openPanel(const QString &title, int key);
    // The State cell of `key` shows `word` whole, inside the tree; else what is wrong.
    QString stateCut(const QString &key, const QString &word) const;
    bool writeFromOutside(const QString &key, const QString &json);
    // What the tree's model shows for `key` in `column` (`role`).
    QString cell(const QString &key, int column, int role = Qt::DisplayRole) const
    {
        return m_window->model()->indexForKey(key, column).data(role).toString();
    }
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

QDockWidget *TestWindowLayout::openPanel(const QString &title, int key)
{
    QTest::keyClick(m_window.get(), Qt::Key(key), Qt::ControlModifier | Qt::ShiftModifier);
    QAction *toggle = viewAction(title);
    if (!toggle)
        return nullptr;
    for (QDockWidget *dock : m_window->docks()->docks()) {
        if (m_window->docks()->actionOf(dock) == toggle)
            return QTest::qWaitFor([dock] { return dock->isVisible(); }) ? dock : nullptr;
    }
    return nullptr;
}

QString TestWindowLayout::stateCut(const QString &key, const QString &word) const
{
    QTreeView *tree = m_window->tree();
    const QModelIndex cell = m_window->filterModel()->mapFromSource(
        m_window->model()->indexForKey(key, SettingsTreeModel::StateColumn));
    if (!cell.isValid())
        return QStringLiteral("%1 is not in the tree").arg(key);
    tree->scrollTo(cell);
    QCoreApplication::processEvents();
    const QString shown = cell.data(Qt::DisplayRole).toString();
    if (shown != word)
        return QStringLiteral("%1 shows \"%2\", not \"%3\"").arg(key, shown, word);
    // The text as the style lays it out: the cell less a focus margin each side.
    const QRect rect = tree->visualRect(cell);
    const int margin = tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1;
    const int room = rect.width() - 2 * margin;
    const int text = tree->fontMetrics().horizontalAdvance(shown);
    QStringList problems;
    if (room < text)
        problems << QStringLiteral("%1: \"%2\" is %3 px, its cell has %4 (column %5)")
                        .arg(key, shown)
                        .arg(text)
                        .arg(room)
                        .arg(tree->header()->sectionSize(SettingsTreeModel::StateColumn));
    if (tree->fontMetrics().elidedText(shown, Qt::ElideRight, room) != shown)
        problems << QStringLiteral("%1: \"%2\" is elided").arg(key, shown);
    if (rect.left() < 0 || rect.right() >= tree->viewport()->width())
        problems << QStringLiteral("%1: the cell %2..%3 leaves the tree's %4 px")
                        .arg(key)
                        .arg(rect.left())
                        .arg(rect.right())
                        .arg(tree->viewport()->width());
    return problems.join(QStringLiteral("; "));
}

bool TestWindowLayout::writeFromOutside(const QString &key, const QString &json)
{
    std::unique_ptr<QProcess> conf(guitest::startConfSet(configPath(), key, json, nullptr));
    return conf->waitForFinished(60000) && conf->exitCode() == 0;
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
    addPanelRows(5);
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
        if (m_window->docks()->actionOf(d) == toggle)
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
        if (m_window->docks()->actionOf(d) == backups)
            backupsDock = d;
        if (m_window->docks()->actionOf(d) == history)
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
    // The panel's key takes the focus into it.
    QTRY_VERIFY(historyDock->isAncestorOf(QApplication::focusWidget()));

    // Backups' key while it is open behind History: it comes forward with
    // the focus, rather than closing unseen.
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(!backupsDock->visibleRegion().isEmpty());
    QVERIFY(backupsDock->isVisible() && backups->isChecked());
    QTRY_VERIFY(backupsDock->isAncestorOf(QApplication::focusWidget()));

    // Open and in front, with the person back in the tree: the key brings
    // the focus to it again, it does not close it.
    m_window->tree()->setFocus();
    QTRY_VERIFY(m_window->tree()->hasFocus());
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(backupsDock->isAncestorOf(QApplication::focusWidget()));
    QVERIFY(backupsDock->isVisible());

    // With the focus in it, the key closes it, and the focus goes back to
    // the tree it came from.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_B,
                    Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(!backupsDock->isVisible());
    QVERIFY(!backups->isChecked());
    QTRY_VERIFY(m_window->tree()->hasFocus());

    // The focus goes to the panel's list, not its first field.
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(QApplication::focusWidget(),
                 static_cast<QWidget *>(m_window->historyPanels()->timeline()->list()));

    // Closed from inside, after the panel it came from closed: the focus
    // goes to the tree, not to the hidden panel's search box.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_H,
                    Qt::ControlModifier | Qt::ShiftModifier); // History to the front
    QTRY_VERIFY(historyDock->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_B,
                    Qt::ControlModifier | Qt::ShiftModifier); // Backups to the front
    QTRY_VERIFY(backupsDock->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_B,
                    Qt::ControlModifier | Qt::ShiftModifier); // closed: back to History
    QTRY_VERIFY(!backupsDock->isVisible());
    QTRY_VERIFY(historyDock->isAncestorOf(QApplication::focusWidget()));
    QTRY_VERIFY(!historyDock->visibleRegion().isEmpty()); // on screen again
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_H,
                    Qt::ControlModifier | Qt::ShiftModifier); // closed: back to the tree
    QTRY_VERIFY(!historyDock->isVisible());
    QTRY_VERIFY(m_window->tree()->hasFocus());
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
    // When, Reason and Label side by side with the diff, none sideways out
    // of sight: no scrolling to read a backup's row.
    QTRY_VERIFY(!list->horizontalScrollBar()->isVisible());
    const int reason = BackupTimelineView::ReasonColumn;
    QVERIFY(list->header()->sectionSize(reason) >=
            static_cast<QAbstractItemView *>(list)->sizeHintForColumn(reason));
    const int label = BackupTimelineView::LabelColumn;
    QVERIFY(list->header()->sectionViewportPosition(label) + 40 < list->viewport()->width());
}

// A row in each state with a panel open at 1024x700: the State column
// shows each word whole. The external states come from another program
// writing the file, as the Electron app does.
void TestWindowLayout::everyStateWordFitsItsColumn()
{
    openWindow();
    QVERIFY(waitReady());
    QVERIFY(openPanel(QStringLiteral("History"), Qt::Key_H));
    QCOMPARE(m_window->size(), QSize(1024, 700));
    const QString atDefault = SettingsTreeModel::stateWords(SettingsTreeModel::AtDefault).value(0);
    const QString modified = SettingsTreeModel::stateWords(SettingsTreeModel::Modified).value(0);
    const QString invalid = SettingsTreeModel::stateWords(SettingsTreeModel::Invalid).value(0);
    const QString external =
        SettingsTreeModel::stateWords(SettingsTreeModel::ChangedExternally).value(0);
    QString cut = stateCut(QStringLiteral("version"), atDefault);
    QVERIFY2(cut.isEmpty(), qPrintable(cut));
    cut = stateCut(QStringLiteral("user.name"), modified);
    QVERIFY2(cut.isEmpty(), qPrintable(cut));

    // Changed outside (and modified: the tooltip says both).
    QVERIFY(writeFromOutside(QStringLiteral("settings.fontSize"), QStringLiteral("18")));
    const QString fontSize = QStringLiteral("settings.fontSize");
    QTRY_COMPARE(cell(fontSize, SettingsTreeModel::StateColumn), external);
    cut = stateCut(fontSize, external) + stateCut(QStringLiteral("settings"), external);
    QVERIFY2(cut.isEmpty(), qPrintable(cut));
    const QString tip = cell(fontSize, SettingsTreeModel::StateColumn, Qt::ToolTipRole);
    QVERIFY2(tip.contains(external) && tip.contains(modified), qPrintable(tip));
    const QString clipped = clippedColumns();
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped));

    // A value the schema refuses: invalid comes first.
    QVERIFY(writeFromOutside(fontSize, QStringLiteral("99")));
    QTRY_COMPARE(cell(fontSize, SettingsTreeModel::StateColumn), invalid);
    cut = stateCut(fontSize, invalid);
    QVERIFY2(cut.isEmpty(), qPrintable(cut));
    QCOMPARE(m_window->size(), QSize(1024, 700));
}

void TestWindowLayout::panelDiffInSightWithoutScrolling_data()
{
    addPanelRows(3); // the panels with a diff
}

// At 1024x700 a panel's list and its diff share the tabbed area: after an
// entry is chosen with the keyboard, the diff (its changes and both texts)
// is inside the panel's viewport, nothing to scroll.
void TestWindowLayout::panelDiffInSightWithoutScrolling()
{
    QFETCH(QString, title);
    QFETCH(int, key);
    openWindow();
    QVERIFY(waitReady());
    m_window->session()->waitForIdle();
    // Something to show: the app changes a key (a history entry, and a
    // difference from the backup made when the file was opened).
    QVERIFY(writeFromOutside(QStringLiteral("settings.fontSize"), QStringLiteral("18")));
    QTRY_COMPARE(cell(QStringLiteral("settings.fontSize"), SettingsTreeModel::ValueColumn),
                 QStringLiteral("18"));
    m_window->session()->waitForIdle();
    HistoryPanels *panels = m_window->historyPanels();
    QTreeWidget *list = nullptr;
    DiffView *diff = nullptr;
    if (title == QLatin1String("Backups")) {
        list = panels->timeline()->list();
        diff = panels->timeline()->diffView();
    } else if (title == QLatin1String("History")) {
        list = panels->history()->list();
        diff = panels->history()->diffView();
    } else {
        list = panels->migrations()->findChild<QTreeWidget *>(QStringLiteral("pendingMigrations"));
        diff = panels->migrations()->diffView();
    }
    QVERIFY(list && diff);
    QDockWidget *dock = openPanel(title, key);
    QVERIFY(dock);
    QTRY_VERIFY(list->topLevelItemCount() > 0);
    // The keyboard: into the list, down to the first entry, Enter.
    list->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(list->hasFocus());
    QTest::keyClick(list, Qt::Key_Home);
    // Backups are grouped by day: open the day, down to its newest backup.
    if (list->currentItem() && list->currentItem()->childCount() > 0) {
        if (!list->currentItem()->isExpanded())
            QTest::keyClick(list, Qt::Key_Right);
        QTest::keyClick(list, Qt::Key_Down);
    }
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_VERIFY(diff->operationsList()->isVisible() &&
                diff->operationsList()->topLevelItemCount() > 0);
    QCoreApplication::processEvents();

    QCOMPARE(m_window->size(), QSize(1024, 700));
    auto *scroll = qobject_cast<QScrollArea *>(dock->widget());
    QVERIFY(scroll);
    QWidget *viewport = scroll->viewport();
    const auto inSight = [viewport](QWidget *widget) {
        const QRect rect(widget->mapTo(viewport, QPoint(0, 0)), widget->size());
        return viewport->rect().contains(rect)
                   ? QString()
                   : QStringLiteral("%1 at %2,%3 %4x%5 in a viewport of %6x%7; ")
                         .arg(widget->objectName())
                         .arg(rect.x())
                         .arg(rect.y())
                         .arg(rect.width())
                         .arg(rect.height())
                         .arg(viewport->width())
                         .arg(viewport->height());
    };
    auto *before = diff->findChild<QWidget *>(QStringLiteral("diffBefore"));
    auto *after = diff->findChild<QWidget *>(QStringLiteral("diffAfter"));
    QVERIFY(before && after);
    const QString hidden = inSight(diff) + inSight(diff->operationsList()) + inSight(before) +
                           inSight(after) + inSight(list);
    QVERIFY2(hidden.isEmpty(), qPrintable(hidden));
    QVERIFY(!scroll->verticalScrollBar()->isVisible());
    QVERIFY(!scroll->horizontalScrollBar()->isVisible());
    // Room to read: the first change whole, a few lines of each text.
    QTreeWidget *ops = diff->operationsList();
    const QRect firstChange = ops->visualItemRect(ops->topLevelItem(0));
    QVERIFY2(firstChange.top() >= 0 && firstChange.bottom() < ops->viewport()->height(),
             qPrintable(QStringLiteral("%1 rows high").arg(ops->viewport()->height())));
    const int line = diff->fontMetrics().height();
    QVERIFY2(before->height() >= 3 * line && after->height() >= 3 * line,
             qPrintable(QStringLiteral("texts %1 and %2 high, a line %3")
                            .arg(before->height())
                            .arg(after->height())
                            .arg(line)));
    const QString clipped = clippedColumns();
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped));
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
        QVERIFY2(!action->icon().isNull(), qPrintable(title));
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

// A write refused on a read-only file: its message is longer than the
// status bar at 1024 px. It is cut where it is cut, with "...", and whole
// in its tooltip.
void TestWindowLayout::aLongErrorIsCutWithItsWholeTextAtHand()
{
    openWindow();
    QVERIFY(waitReady());
    QVERIFY(::chmod(QFile::encodeName(configPath()).constData(), 0400) == 0);
    m_window->session()->set(KeyPath::parse("settings.theme").value(), Json("light"), std::nullopt);
    QTRY_VERIFY(m_window->statusError().contains(QStringLiteral("chmod u+w")));
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("statusError"));
    QVERIFY(label);
    QCoreApplication::processEvents();
    QCOMPARE(label->toolTip(), m_window->statusError());
    // Longer than its room at this size: shown cut, never clipped unseen.
    QVERIFY(label->fontMetrics().horizontalAdvance(m_window->statusError()) >
            label->contentsRect().width());
    QVERIFY2(label->text().endsWith(QStringLiteral("\u2026")), qPrintable(label->text()));
    QVERIFY(label->geometry().right() <= m_window->statusBar()->width());
    QVERIFY(::chmod(QFile::encodeName(configPath()).constData(), 0600) == 0);
}

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
