// The real main window, offscreen, driven by keyboard and mouse: each kind
// of editor writes the file, bad values are refused, undo/redo, reset,
// find and filters, a conf process writing while the window is open, the
// keep-mine / take-theirs bar, the broken-file page (on opening and when the
// file breaks while open), the start-up backup and the history of edits,
// and the question when the backup before a critical edit cannot be written.
#include "GuiTestHelpers.h"
#include "common/ElidedLabel.h"
#include "editors/EditorPanel.h"
#include "editors/ValueEditor.h"
#include "history/BackupManager.h"
#include "history/BackupTimelineView.h"
#include "history/DiffView.h"
#include "history/History.h"
#include "history/HistoryPanels.h"
#include "history/HistoryView.h"
#include "session/StoreSession.h"
#include "settings/SettingsFilterModel.h"
#include "settings/SettingsTreeModel.h"
#include "store/RecentWrites.h"
#include "window/BrokenFilePage.h"
#include "window/DialogRunner.h"
#include "window/MainWindow.h"
#include "window/MessageBar.h"
#include "window/StartupConfig.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDateTimeEdit>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionSpinBox>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUndoStack>
#include <memory>

using namespace tad;
using guitest::DialogAnswer;
using guitest::valueOnDisk;

namespace {
// Qt's warnings, so a test can fail on one (an ambiguous shortcut).
QStringList &qtWarnings()
{
    static QStringList warnings;
    return warnings;
}
QtMessageHandler previousHandler = nullptr;
void recordWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg)
        qtWarnings() << message;
    previousHandler(type, context, message);
}
} // namespace

// Counts the times a widget was disabled while it is watched.
class EnabledWatch : public QObject
{
public:
    explicit EnabledWatch(QWidget *widget) : m_widget(widget) { widget->installEventFilter(this); }
    ~EnabledWatch() override { m_widget->removeEventFilter(this); }
    int disabledCount() const { return m_disabled; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_widget && event->type() == QEvent::EnabledChange && !m_widget->isEnabled())
            ++m_disabled;
        return false;
    }

private:
    QWidget *m_widget;
    int m_disabled = 0;
};

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void booleanByCheckBox();
    void enumByComboBox();
    void numberBySpinBox();
    void textByLineEdit();
    void secretWithReveal();
    void dateTimeByDateTimeEdit();
    void listAddRemoveReorder();
    void listByKeysAlone();
    void mapAddAndRemoveEntry();
    void jsonTextWithSyntaxCheck();
    void inlineDelegateEdits();
    void invalidValueIsRefused();
    void undoAndRedo();
    void undoFromTheFieldJustCommitted();
    void resetToDefault();
    void resetOfAnObjectIsItsFilledDefault();
    void findAndFilters();
    void confWriteShowsUpInPlace();
    void keepMineOrTakeTheirs_data();
    void keepMineOrTakeTheirs();
    void aLaterOutsideChangeIsNoConflict();
    void conflictWhileTypingIsThePersonsChoice_data();
    void conflictWhileTypingIsThePersonsChoice();
    void brokenFileOpensToItsPage();
    void fileBreakingWhileOpenIsNotWritten();
    void typingIsKeptWhileTheFileIsBroken();
    void startBackupAndEditorHistory();
    void demoCopyWhenNothingExists();
    void criticalEditWithoutItsBackupAsks_data();
    void criticalEditWithoutItsBackupAsks();

    // Each by keys and clicks alone, on the real window.
    void findByNameOrPathReachesTheKey_data();
    void findByNameOrPathReachesTheKey();
    void keyboardOnlyEditOfEachKind();
    void spaceFlipsABooleanRow();
    void tabGoesRoundTheWholeWindow();
    void openingPutsTheFocusInTheTree();
    void typedValueCommitsOnEnterOrLeaving();
    void undoOverTheAppsChangeIsRefused();
    void outOfRangeIsExplainedNotWritten();
    void schemaRulesTheEditorsMissed();
    void outOfRangeInTheFileIsLeftAlone();
    void decimalStepsWriteTheDecimal();
    void listAddThenEscWritesNothing();
    void resetOfAContainerAsksFirst();
    void recoveryPreviewsBeforeWriting();
    void recoveryWhileOpenIsNotAnOutsideChange();
    void refusedRollbackExplainsItself();
    void restoreConfirmsWithUndo();
    void comparisonWithTheFileFollowsIt();
    void cliAndWindowLeaveTheSameFile();

private:
    void openWindow();
    // Ctrl+F, `query`, Down: the tree has focus on the first key that matches.
    bool findKey(const QString &query);
    // Tab from the tree to the panel's value field; the widget with focus.
    QWidget *tabToField();
    // The widget with focus is visible and inside the window.
    bool focusVisible() const;
    // The spin box a field is, or is in.
    static QDoubleSpinBox *spinOf(QWidget *field)
    {
        if (auto *spin = qobject_cast<QDoubleSpinBox *>(field))
            return spin;
        return field ? qobject_cast<QDoubleSpinBox *>(field->parentWidget()) : nullptr;
    }
    // A click on the current row of the tree (focus back in the tree).
    void clickCurrentRow();
    QString bytesOnDisk() const { return QString::fromUtf8(guitest::readBytes(configPath())); }
    EditorPanel *selectInPanel(const QString &key);
    // user.name typed over in its field and written with Enter.
    bool writeNameInField(const QString &name);
    template <class W> W *panelWidget();
    void settle();
    QString configPath() const { return m_dir->filePath(QStringLiteral("tad-config.json")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    previousHandler = qInstallMessageHandler(recordWarnings);
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QFile::copy(guitest::demoConfig(), configPath()));
    QFile::setPermissions(configPath(), QFile::ReadOwner | QFile::WriteOwner);
    openWindow();
}

void TestMainWindow::openWindow()
{
    MainWindowOptions options;
    options.configPath = configPath();
    options.schemaPath = guitest::testSchema();
    options.rememberState = false;
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->open();
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_dir.reset();
    // Every shortcut is registered once: Qt warns when a key means two actions.
    const QStringList ambiguous =
        qtWarnings().filter(QStringLiteral("Ambiguous shortcut"), Qt::CaseInsensitive);
    qtWarnings().clear();
    QVERIFY2(ambiguous.isEmpty(), qPrintable(ambiguous.join(QLatin1Char('\n'))));
}

bool TestMainWindow::writeNameInField(const QString &name)
{
    if (!selectInPanel(QStringLiteral("user.name")))
        return false;
    auto *line = panelWidget<QLineEdit>();
    if (!line)
        return false;
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, name);
    QTest::keyClick(line, Qt::Key_Return);
    const QString written = QStringLiteral("\"%1\"").arg(name);
    const bool ok = QTest::qWaitFor(
        [&] { return valueOnDisk(configPath(), QStringLiteral("user.name")) == written; });
    settle();
    return ok;
}

bool TestMainWindow::findKey(const QString &query)
{
    if (!m_window->isReady()) {
        QSignalSpy ready(m_window.get(), &MainWindow::ready);
        if (!ready.wait(10000))
            return false;
    }
    // The offscreen platform does not give activation back after a dialog.
    if (QApplication::activeWindow() != m_window.get()) {
        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get()))
            return false;
    }
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    if (!m_window->findBox()->hasFocus())
        return false;
    QTest::keyClick(m_window->findBox(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(m_window->findBox(), query);
    QTest::keyClick(m_window->findBox(), Qt::Key_Down);
    return m_window->tree()->hasFocus();
}

QWidget *TestMainWindow::tabToField()
{
    QTest::keyClick(m_window->tree(), Qt::Key_Tab);
    QWidget *focus = QApplication::focusWidget();
    auto *editor = m_window->panel()->editor();
    return focus && editor && editor->isAncestorOf(focus) ? focus : nullptr;
}

void TestMainWindow::clickCurrentRow()
{
    QTreeView *tree = m_window->tree();
    const QRect row = tree->visualRect(tree->currentIndex().siblingAtColumn(0));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, row.center());
}

bool TestMainWindow::focusVisible() const
{
    QWidget *focus = QApplication::focusWidget();
    if (!focus || !focus->isVisible() || !m_window->isAncestorOf(focus)) {
        qWarning() << "focus on" << focus << (focus ? focus->isVisible() : false);
        return false;
    }
    return true;
}

EditorPanel *TestMainWindow::selectInPanel(const QString &key)
{
    if (!m_window->isReady()) {
        QSignalSpy ready(m_window.get(), &MainWindow::ready);
        if (!ready.wait(10000))
            return nullptr;
    }
    if (!m_window->selectKey(key))
        return nullptr;
    return m_window->panel()->key() == key ? m_window->panel() : nullptr;
}

template <class W> W *TestMainWindow::panelWidget()
{
    auto *editor = m_window->panel()->editor();
    return editor ? editor->findChild<W *>() : nullptr;
}

// Lets a typing pause run out and every queued write finish.
void TestMainWindow::settle()
{
    QTest::qWait(100);
    m_window->session()->waitForIdle();
    QCoreApplication::processEvents();
}

void TestMainWindow::booleanByCheckBox()
{
    QVERIFY(selectInPanel(QStringLiteral("settings.autoSave")));
    auto *box = panelWidget<QCheckBox>();
    QVERIFY(box && box->isChecked());
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(5, box->height() / 2));
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.autoSave")),
                 QStringLiteral("false"));
}

void TestMainWindow::enumByComboBox()
{
    QVERIFY(selectInPanel(QStringLiteral("settings.theme")));
    auto *combo = panelWidget<QComboBox>();
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), QStringLiteral("Dark"));
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentText(), QStringLiteral("Follow the system"));
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.theme")),
                 QStringLiteral("\"auto\""));
}

void TestMainWindow::numberBySpinBox()
{
    QVERIFY(selectInPanel(QStringLiteral("settings.fontSize")));
    auto *spin = panelWidget<QDoubleSpinBox>();
    QVERIFY(spin);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("18"));
    settle();
    QCOMPARE(valueOnDisk(configPath(), QStringLiteral("settings.fontSize")), QStringLiteral("14"));
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.fontSize")),
                 QStringLiteral("18"));
    QTest::keyClick(spin, Qt::Key_Up);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.fontSize")),
                 QStringLiteral("19"));
}

void TestMainWindow::textByLineEdit()
{
    QVERIFY(selectInPanel(QStringLiteral("user.name")));
    auto *line = panelWidget<QLineEdit>();
    QVERIFY(line);
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("Grace Hopper"));
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Grace Hopper\""));
}

void TestMainWindow::secretWithReveal()
{
    QVERIFY(selectInPanel(QStringLiteral("ai.apiKey")));
    auto *line = panelWidget<QLineEdit>();
    auto *reveal = panelWidget<QToolButton>();
    QVERIFY(line && reveal);
    QCOMPARE(line->echoMode(), QLineEdit::Password);
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(line->echoMode(), QLineEdit::Normal);
    QCOMPARE(line->text(), QStringLiteral("sk-demo-0000000000001234"));
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("sk-new-5678"));
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("ai.apiKey")),
                 QStringLiteral("\"sk-new-5678\""));
    // The tree shows the secret masked.
    const QModelIndex cell =
        m_window->model()->indexForKey(QStringLiteral("ai.apiKey"), SettingsTreeModel::ValueColumn);
    QTRY_COMPARE(cell.data().toString(), QStringLiteral("********"));
    QVERIFY(!cell.data().toString().contains(QStringLiteral("sk-new")));
    // Ctrl+R on its row shows it in the tree and in the panel's field alike.
    m_window->tree()->setFocus();
    QTest::keyClick(m_window->tree(), Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE(cell.data().toString(), QStringLiteral("sk-new-5678"));
    QCOMPARE(panelWidget<QLineEdit>()->echoMode(), QLineEdit::Normal);
    QCOMPARE(panelWidget<QToolButton>()->text(), QStringLiteral("Hide"));
    QTest::keyClick(m_window->tree(), Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE(cell.data().toString(), QStringLiteral("********"));
    QCOMPARE(panelWidget<QLineEdit>()->echoMode(), QLineEdit::Password);
    // So does the Edit menu's Undo, which names the step.
    auto *undoAction = m_window->findChild<QAction *>(QStringLiteral("undoAction"));
    QVERIFY(undoAction);
    QCOMPARE(undoAction->text(), QStringLiteral("&Undo set ai.apiKey"));
}

void TestMainWindow::dateTimeByDateTimeEdit()
{
    QVERIFY(selectInPanel(QStringLiteral("workspaces.notes.lastOpened")));
    auto *edit = panelWidget<QDateTimeEdit>();
    QVERIFY(edit);
    edit->setFocus();
    edit->setCurrentSection(QDateTimeEdit::YearSection);
    QTest::keyClick(edit, Qt::Key_Up);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("workspaces.notes.lastOpened")),
                 QStringLiteral("\"2027-11-24T18:02:31.512Z\""));
}

void TestMainWindow::listAddRemoveReorder()
{
    QVERIFY(selectInPanel(QStringLiteral("recent.workspaces")));
    auto *editor = m_window->panel()->editor();
    auto *list = editor->findChild<QListWidget *>();
    auto *add = editor->findChild<QPushButton *>(QStringLiteral("addItem"));
    auto *remove = editor->findChild<QPushButton *>(QStringLiteral("removeItem"));
    auto *up = editor->findChild<QPushButton *>(QStringLiteral("moveItemUp"));
    QVERIFY(list && add && remove && up);
    QCOMPARE(list->count(), 2);

    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->parent() != editor);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("/tmp/x"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("recent.workspaces")),
                 QStringLiteral(R"(["/home/ada/notes","/home/ada/src/tad-site","/tmp/x"])"));
    list->setCurrentRow(2);
    QTest::mouseClick(up, Qt::LeftButton);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("recent.workspaces")),
                 QStringLiteral(R"(["/home/ada/notes","/tmp/x","/home/ada/src/tad-site"])"));
    list->setCurrentRow(0);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("recent.workspaces")),
                 QStringLiteral(R"(["/tmp/x","/home/ada/src/tad-site"])"));
    // maxItems is 10: the add button gives up there.
    while (list->count() < 10) {
        QVERIFY(add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("/w%1").arg(list->count()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    }
    QVERIFY(!add->isEnabled());
}

// A list edited without the mouse: Insert adds an item (typed, then Enter),
// Delete removes the current one, and Tab goes from the list through its
// buttons before leaving the editor.
void TestMainWindow::listByKeysAlone()
{
    QVERIFY(selectInPanel(QStringLiteral("recent.workspaces")));
    auto *editor = m_window->panel()->editor();
    auto *list = editor->findChild<QListWidget *>();
    QVERIFY(list);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Insert);
    QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget() != list);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("/tmp/k"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("recent.workspaces")),
                 QStringLiteral(R"(["/home/ada/notes","/home/ada/src/tad-site","/tmp/k"])"));
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(list));
    list->setCurrentRow(1);
    QTest::keyClick(list, Qt::Key_Delete);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("recent.workspaces")),
                 QStringLiteral(R"(["/home/ada/notes","/tmp/k"])"));
    // On the first item: Up is disabled, and Tab passes over it.
    list->setCurrentRow(0);
    QStringList order;
    for (int i = 0; i < 3; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        order << QApplication::focusWidget()->objectName();
    }
    QCOMPARE(order, (QStringList{"addItem", "removeItem", "moveItemDown"}));
}

void TestMainWindow::mapAddAndRemoveEntry()
{
    QVERIFY(selectInPanel(QStringLiteral("workspaces")));
    auto *editor = m_window->panel()->editor();
    auto *name = editor->findChild<QLineEdit *>(QStringLiteral("newEntryName"));
    auto *entries = editor->findChild<QListWidget *>(QStringLiteral("mapEntries"));
    auto *remove = editor->findChild<QPushButton *>(QStringLiteral("removeEntry"));
    QVERIFY(name && entries && remove);
    QCOMPARE(entries->count(), 2);
    QTest::keyClicks(name, QStringLiteral("scratch"));
    QTest::keyClick(name, Qt::Key_Return);
    // The new entry gets the schema's defaults, as electron-store's Ajv would
    // give it on the Electron app's next write.
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("workspaces.scratch")),
                 QStringLiteral(R"({"settings":{"buildOnSave":true,"autoRefresh":false}})"));
    // The workspace holds four entries: removing it asks first.
    settle();
    entries->setCurrentRow(0);
    DialogAnswer answer(Qt::Key_Return);
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY2(answer.text().contains(QStringLiteral("removes 4 entries")),
             qPrintable(answer.text()));
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("workspaces.tad-site")), QString());
    QCOMPARE(valueOnDisk(configPath(), QStringLiteral("workspaces.notes.name")),
             QStringLiteral("\"Notes\""));
}

void TestMainWindow::jsonTextWithSyntaxCheck()
{
    QVERIFY(selectInPanel(QStringLiteral("ui.windowBounds")));
    auto *text = panelWidget<QPlainTextEdit>();
    QVERIFY(text);
    const QByteArray before = guitest::readBytes(configPath());
    text->setFocus();
    text->selectAll();
    QTest::keyClicks(text, QStringLiteral("{\"x\": 1,"));
    QTRY_VERIFY(m_window->panel()->message().contains(QStringLiteral("line 1, column")));
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);
    QTest::keyClicks(text, QStringLiteral(" \"y\": 2}"));
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("ui.windowBounds")),
                 QStringLiteral(R"({"x":1,"y":2})"));
    QCOMPARE(m_window->panel()->message(), QString());
}

void TestMainWindow::inlineDelegateEdits()
{
    QVERIFY(selectInPanel(QStringLiteral("settings.language")));
    QTreeView *tree = m_window->tree();
    const QModelIndex source = m_window->model()->indexForKey(QStringLiteral("settings.language"),
                                                              SettingsTreeModel::ValueColumn);
    tree->setCurrentIndex(m_window->filterModel()->mapFromSource(source));
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_F2);
    auto *inlineEditor = tree->findChild<ValueEditor *>(QStringLiteral("inlineEditor"));
    QVERIFY(inlineEditor);
    auto *line = inlineEditor->findChild<QLineEdit *>();
    QVERIFY(line);
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("de"));
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.language")),
                 QStringLiteral("\"de\""));

    // A boolean toggles with its check box in the value column.
    const QModelIndex analytics =
        m_window->filterModel()->mapFromSource(m_window->model()->indexForKey(
            QStringLiteral("user.preferences.analytics"), SettingsTreeModel::ValueColumn));
    tree->expand(analytics.parent().siblingAtColumn(0));
    tree->scrollTo(analytics);
    QVERIFY(tree->model()->setData(analytics, Qt::Checked, Qt::CheckStateRole));
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.preferences.analytics")),
                 QStringLiteral("true"));
}

void TestMainWindow::invalidValueIsRefused()
{
    QVERIFY(selectInPanel(QStringLiteral("user.email")));
    auto *line = panelWidget<QLineEdit>();
    QVERIFY(line);
    const QByteArray before = guitest::readBytes(configPath());
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("not-an-email"));
    QCOMPARE(m_window->panel()->message(), QStringLiteral("must match format \"email\""));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(line->text(), QStringLiteral("not-an-email"));
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);

    // The same through the inline editor: refused with the message in the status bar.
    QTreeView *tree = m_window->tree();
    const QModelIndex cell = m_window->filterModel()->mapFromSource(m_window->model()->indexForKey(
        QStringLiteral("user.email"), SettingsTreeModel::ValueColumn));
    tree->setCurrentIndex(cell);
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_F2);
    auto *inlineLine =
        tree->findChild<ValueEditor *>(QStringLiteral("inlineEditor"))->findChild<QLineEdit *>();
    inlineLine->selectAll();
    QTest::keyClicks(inlineLine, QStringLiteral("ada@"));
    QTest::keyClick(inlineLine, Qt::Key_Return);
    QVERIFY(m_window->panel()->message().contains(QStringLiteral("must match format \"email\"")));
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);
    QTest::keyClick(inlineLine, Qt::Key_Escape);

    // A nested bad value inside a whole object: the guard's own verdict,
    // said under the raw JSON editor before anything is sent to the store.
    QVERIFY(selectInPanel(QStringLiteral("settings")));
    auto *text = panelWidget<QPlainTextEdit>();
    QVERIFY(text);
    text->setFocus();
    QTest::keyClick(text, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(text, QStringLiteral(R"({"theme":"dark","fontSize":99})"));
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_window->panel()->message(), QStringLiteral("/fontSize must be <= 24"));
    QCOMPARE(text->toPlainText(), QStringLiteral(R"({"theme":"dark","fontSize":99})"));
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);
}

void TestMainWindow::undoAndRedo()
{
    QVERIFY(selectInPanel(QStringLiteral("user.name")));
    auto *line = panelWidget<QLineEdit>();
    line->setFocus();
    line->end(false);
    QTest::keyClicks(line, QStringLiteral("abc"));
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demoabc\""));
    settle();
    QCOMPARE(m_window->undoStack()->count(), 1);
    // The menu says what each would do.
    auto *undoAction = m_window->findChild<QAction *>(QStringLiteral("undoAction"));
    auto *redoAction = m_window->findChild<QAction *>(QStringLiteral("redoAction"));
    QVERIFY(undoAction && redoAction);
    QCOMPARE(undoAction->text(), QStringLiteral("&Undo set user.name to Ada Demoabc"));
    QCOMPARE(redoAction->text(), QStringLiteral("&Redo"));

    m_window->tree()->setFocus();
    QTest::keyClick(m_window->tree(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demo\""));
    QTRY_COMPARE(line->text(), QStringLiteral("Ada Demo"));
    QCOMPARE(undoAction->text(), QStringLiteral("&Undo"));
    QCOMPARE(redoAction->text(), QStringLiteral("&Redo set user.name to Ada Demoabc"));
    QTest::keyClick(m_window->tree(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demoabc\""));
    // Ctrl+Y redoes too.
    QTest::keyClick(m_window->tree(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demo\""));
    QTest::keyClick(m_window->tree(), Qt::Key_Y, Qt::ControlModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demoabc\""));
    settle();

    // Undone from another row: the row it changes is selected, its panel
    // shows the value it went back to; a redo selects it again.
    QVERIFY(selectInPanel(QStringLiteral("settings.fontSize")));
    m_window->tree()->setFocus();
    QTest::keyClick(m_window->tree(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->model()->keyOf(
                 m_window->filterModel()->mapToSource(m_window->tree()->currentIndex())),
             QStringLiteral("user.name"));
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demo\""));
    QTRY_COMPARE(panelWidget<QLineEdit>()->text(), QStringLiteral("Ada Demo"));
    settle();
    QVERIFY(selectInPanel(QStringLiteral("settings.fontSize")));
    m_window->tree()->setFocus();
    QTest::keyClick(m_window->tree(), Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(m_window->model()->keyOf(
                 m_window->filterModel()->mapToSource(m_window->tree()->currentIndex())),
             QStringLiteral("user.name"));
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demoabc\""));
}

// Ctrl+Z pressed in the field that was just committed undoes the change,
// as it does from the tree; while typing, it undoes the typing.
void TestMainWindow::undoFromTheFieldJustCommitted()
{
    QVERIFY(selectInPanel(QStringLiteral("settings.fontSize")));
    auto *spin = panelWidget<QDoubleSpinBox>();
    QVERIFY(spin);
    const QString before = valueOnDisk(configPath(), QStringLiteral("settings.fontSize"));
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, QStringLiteral("20"));
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.fontSize")),
                 QStringLiteral("20"));
    settle();
    QVERIFY(spin->hasFocus());
    QTest::keyClick(spin, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.fontSize")), before);
    settle();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z,
                    Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.fontSize")),
                 QStringLiteral("20"));
    settle();

    // Typing not committed yet: Ctrl+Z is the field's own, nothing is written.
    auto *line = panelWidget<QDoubleSpinBox>();
    line->setFocus();
    QTest::keyClick(line, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(line, QStringLiteral("18"));
    const int undoable = m_window->undoStack()->index();
    QTest::keyClick(line, Qt::Key_Z, Qt::ControlModifier);
    settle();
    QCOMPARE(m_window->undoStack()->index(), undoable);
    QCOMPARE(valueOnDisk(configPath(), QStringLiteral("settings.fontSize")), QStringLiteral("20"));
}

void TestMainWindow::resetToDefault()
{
    QVERIFY(selectInPanel(QStringLiteral("settings.theme")));
    m_window->tree()->setFocus();
    QTest::keyClick(m_window->tree(), Qt::Key_Delete, Qt::ControlModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.theme")),
                 QStringLiteral("\"auto\""));
    QTRY_VERIFY(m_window->model()
                    ->indexForKey(QStringLiteral("settings.theme"))
                    .data(SettingsTreeModel::StateRole)
                    .toInt() &
                SettingsTreeModel::AtDefault);
}

// An object's default is what a reset writes, its members' defaults in it:
// resetting settings asks nothing (no entry goes), and leaves it at default.
void TestMainWindow::resetOfAnObjectIsItsFilledDefault()
{
    QVERIFY(selectInPanel(QStringLiteral("settings")));
    QVERIFY(m_window->panel()->canReset()); // the demo's theme is not the default
    DialogAnswer noDialog(Qt::Key_Escape);
    m_window->tree()->setFocus();
    QTest::keyClick(m_window->tree(), Qt::Key_Delete, Qt::ControlModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.theme")),
                 QStringLiteral("\"auto\""));
    settle();
    QVERIFY2(!noDialog.answered(), qPrintable(noDialog.text()));
    QCOMPARE(valueOnDisk(configPath(), QStringLiteral("settings.fontSize")), QStringLiteral("14"));
    QTRY_VERIFY(m_window->model()
                    ->indexForKey(QStringLiteral("settings"))
                    .data(SettingsTreeModel::StateRole)
                    .toInt() &
                SettingsTreeModel::AtDefault);
    QVERIFY(!m_window->panel()->canReset());
}

void TestMainWindow::findAndFilters()
{
    QVERIFY(selectInPanel(QStringLiteral("version")));
    auto *proxy = m_window->filterModel();
    const auto visibleKeys = [&] {
        QStringList keys;
        std::vector<QModelIndex> stack{QModelIndex()};
        while (!stack.empty()) {
            const QModelIndex parent = stack.back();
            stack.pop_back();
            for (int row = 0; row < proxy->rowCount(parent); ++row) {
                const QModelIndex child = proxy->index(row, 0, parent);
                keys << child.data(SettingsTreeModel::KeyPathRole).toString();
                stack.push_back(child);
            }
        }
        keys.sort();
        return keys;
    };
    m_window->tree()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->findBox()->hasFocus());
    QTest::keyClicks(m_window->findBox(), QStringLiteral("font"));
    QTRY_COMPARE(visibleKeys(), (QStringList{"settings", "settings.fontSize"}));
    // Titles and descriptions count: "colour scheme" is the theme's description.
    m_window->findBox()->setText(QStringLiteral("colour scheme"));
    QTRY_COMPARE(visibleKeys(), (QStringList{"settings", "settings.theme"}));
    // Values count too.
    m_window->findBox()->setText(QStringLiteral("blog-post"));
    QTRY_COMPARE(visibleKeys(), (QStringList{"recent", "recent.templates", "recent.templates.0"}));
    m_window->findBox()->setText(QStringLiteral("@modified settings"));
    QTRY_VERIFY(visibleKeys().contains(QStringLiteral("settings.theme")));
    QVERIFY(!visibleKeys().contains(QStringLiteral("settings.fontSize")));
    m_window->findBox()->setText(QStringLiteral("@default settings"));
    QTRY_VERIFY(visibleKeys().contains(QStringLiteral("settings.fontSize")));
    QVERIFY(!visibleKeys().contains(QStringLiteral("settings.theme")));
    m_window->findBox()->setText(QStringLiteral("@invalid"));
    QTRY_COMPARE(visibleKeys(), QStringList());
    // A bad value written outside shows up under @invalid.
    std::unique_ptr<QProcess> conf(guitest::startConfSet(
        configPath(), QStringLiteral("settings.fontSize"), QStringLiteral("99"), nullptr));
    QVERIFY(conf->waitForFinished(60000));
    QCOMPARE(conf->exitCode(), 0);
    QTRY_COMPARE(visibleKeys(), (QStringList{"settings", "settings.fontSize"}));
    QTRY_VERIFY(m_window->problemsList()->count() > 0);
    QVERIFY(m_window->problemsList()->item(0)->text().startsWith(
        QStringLiteral("settings.fontSize: must be <= 24")));
}

void TestMainWindow::confWriteShowsUpInPlace()
{
    QVERIFY(selectInPanel(QStringLiteral("settings.language")));
    auto *watching = m_window->findChild<QLabel *>(QStringLiteral("statusWatching"));
    QVERIFY(watching);
    QTRY_COMPARE(watching->text(), QStringLiteral("Following changes"));
    QTreeView *tree = m_window->tree();
    const QModelIndex selected = tree->currentIndex();
    QSignalSpy resets(m_window->model(), &QAbstractItemModel::modelAboutToBeReset);
    const QModelIndex fontSize = m_window->model()->indexForKey(QStringLiteral("settings.fontSize"),
                                                                SettingsTreeModel::ValueColumn);
    QCOMPARE(fontSize.data().toString(), QStringLiteral("14"));

    std::unique_ptr<QProcess> conf(guitest::startConfSet(
        configPath(), QStringLiteral("settings.fontSize"), QStringLiteral("20"), nullptr));
    QVERIFY(conf->waitForFinished(60000));
    QCOMPARE(conf->exitCode(), 0);
    QElapsedTimer sinceWrite;
    sinceWrite.start();
    QTRY_COMPARE_WITH_TIMEOUT(fontSize.data().toString(), QStringLiteral("20"), 1000);
    qInfo("conf write to visible row: %lld ms", sinceWrite.elapsed());
    QCOMPARE(resets.count(), 0);
    QCOMPARE(tree->currentIndex(), selected);
    QCOMPARE(m_window->panel()->key(), QStringLiteral("settings.language"));
    QVERIFY(fontSize.data(SettingsTreeModel::StateRole).toInt() &
            SettingsTreeModel::ChangedExternally);
    QVERIFY(tree->isExpanded(
        m_window->filterModel()->mapFromSource(fontSize.parent().siblingAtColumn(0))));
}

void TestMainWindow::keepMineOrTakeTheirs_data()
{
    QTest::addColumn<bool>("keepMine");
    QTest::newRow("keep mine") << true;
    QTest::newRow("take theirs") << false;
}

void TestMainWindow::keepMineOrTakeTheirs()
{
    QFETCH(bool, keepMine);
    QVERIFY(writeNameInField(QStringLiteral("Mine")));
    std::unique_ptr<QProcess> conf(guitest::startConfSet(configPath(), QStringLiteral("user.name"),
                                                         QStringLiteral("\"Theirs\""), nullptr));
    QVERIFY(conf->waitForFinished(60000));
    QTRY_VERIFY(m_window->panel()->isConflictShown());
    // The field shows what the file holds; the bar names both.
    QCOMPARE(panelWidget<QLineEdit>()->text(), QStringLiteral("Theirs"));
    auto *text = m_window->panel()->findChild<ElidedLabel *>(QStringLiteral("conflictText"));
    QVERIFY(text);
    QVERIFY2(text->fullText().contains(QStringLiteral("to Theirs")) &&
                 text->fullText().contains(QStringLiteral("to Mine")),
             qPrintable(text->fullText()));
    auto *button = m_window->panel()->findChild<QPushButton *>(
        keepMine ? QStringLiteral("keepMine") : QStringLiteral("takeTheirs"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!m_window->panel()->isConflictShown());
    const QString expected = keepMine ? QStringLiteral("\"Mine\"") : QStringLiteral("\"Theirs\"");
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")), expected);
    QTRY_COMPARE(panelWidget<QLineEdit>()->text(),
                 keepMine ? QStringLiteral("Mine") : QStringLiteral("Theirs"));
}

// Written and come back, the person's edit is over: a change the app makes
// to the key later is shown as the file's new value, not as a conflict
// "while you were editing it" with a Keep mine that would undo it.
void TestMainWindow::aLaterOutsideChangeIsNoConflict()
{
    QVERIFY(writeNameInField(QStringLiteral("Mine")));
    // Past the few seconds in which a racing write of the app's could have
    // undone ours unknowingly (that case is keepMineOrTakeTheirs).
    QTest::qWait(int(RecentWrites::kWindowMs) + 300);
    std::unique_ptr<QProcess> conf(guitest::startConfSet(configPath(), QStringLiteral("user.name"),
                                                         QStringLiteral("\"Theirs\""), nullptr));
    QVERIFY(conf->waitForFinished(60000));
    QTRY_COMPARE(panelWidget<QLineEdit>()->text(), QStringLiteral("Theirs"));
    settle();
    QVERIFY(!m_window->panel()->isConflictShown());
    QCOMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")), QStringLiteral("\"Theirs\""));
}

// Another program writes the key while the person types in its field. Only
// a choice of theirs settles it: the focus leaving the field (Tab, a click
// on Take theirs) writes nothing; Enter or Keep mine writes the typing, Esc
// or Take theirs keeps the file's value. Both buttons answer their keys.
void TestMainWindow::conflictWhileTypingIsThePersonsChoice_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("mineWritten");
    QTest::newRow("Tab, then Alt+A") << QStringLiteral("tab") << false;
    QTest::newRow("click on Take theirs") << QStringLiteral("click") << false;
    QTest::newRow("Alt+K") << QStringLiteral("altK") << true;
    QTest::newRow("Enter in the field") << QStringLiteral("enter") << true;
    QTest::newRow("Esc in the field") << QStringLiteral("esc") << false;
    // Closing the window is no choice either: the file keeps theirs.
    QTest::newRow("closing the window") << QStringLiteral("close") << false;
}

void TestMainWindow::conflictWhileTypingIsThePersonsChoice()
{
    QFETCH(QString, action);
    QFETCH(bool, mineWritten);
    QVERIFY(selectInPanel(QStringLiteral("user.name")));
    auto *line = panelWidget<QLineEdit>();
    QVERIFY(line);
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("Mine Name"));
    QByteArray theirs = guitest::readBytes(configPath());
    QVERIFY(theirs.contains("\"name\":\"Ada Demo\""));
    theirs.replace("\"name\":\"Ada Demo\"", "\"name\":\"Cli Name\"");
    QVERIFY(guitest::writeBytes(configPath(), theirs));
    QTRY_VERIFY(m_window->panel()->isConflictShown());
    QCOMPARE(line->text(), QStringLiteral("Mine Name"));

    auto *takeTheirs = m_window->panel()->findChild<QPushButton *>(QStringLiteral("takeTheirs"));
    QVERIFY(takeTheirs);
    if (action == QLatin1String("tab")) {
        QTest::keyClick(line, Qt::Key_Tab);
        settle();
        QCOMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Cli Name\""));
        QVERIFY(m_window->panel()->isConflictShown());
        QVERIFY2(m_window->panel()->message().contains(QStringLiteral("Not written")),
                 qPrintable(m_window->panel()->message()));
        // Tab went on to the bar's first choice.
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("keepMine"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::AltModifier);
    } else if (action == QLatin1String("click")) {
        QTest::mouseClick(takeTheirs, Qt::LeftButton);
    } else if (action == QLatin1String("altK")) {
        QTest::keyClick(line, Qt::Key_K, Qt::AltModifier);
    } else if (action == QLatin1String("enter")) {
        QTest::keyClick(line, Qt::Key_Return);
    } else if (action == QLatin1String("close")) {
        m_window->close();
        settle();
        QCOMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Cli Name\""));
        return;
    } else {
        QTest::keyClick(line, Qt::Key_Escape);
    }
    settle();
    const QString expected = mineWritten ? QStringLiteral("Mine Name") : QStringLiteral("Cli Name");
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"%1\"").arg(expected));
    QTRY_VERIFY(!m_window->panel()->isConflictShown());
    QTRY_COMPARE(panelWidget<QLineEdit>()->text(), expected);
    QCOMPARE(m_window->model()
                 ->indexForKey(QStringLiteral("user.name"), SettingsTreeModel::ValueColumn)
                 .data()
                 .toString(),
             expected);
}

void TestMainWindow::brokenFileOpensToItsPage()
{
    m_window.reset();
    // Without the start-up backup the first window took.
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("backups"))).removeRecursively());
    const QByteArray broken = "{\"settings\":{\"theme\":\"dark\",}\n}";
    QVERIFY(guitest::writeBytes(configPath(), broken));
    openWindow();
    QSignalSpy shown(m_window.get(), &MainWindow::brokenFileShown);
    QVERIFY(shown.wait(10000));
    QVERIFY(m_window->brokenPage()->isVisible());
    QVERIFY2(m_window->brokenPage()->errorText().contains(QStringLiteral("Line 1, column 29")),
             qPrintable(m_window->brokenPage()->errorText()));
    auto *viewRaw = m_window->brokenPage()->findChild<QPushButton *>(QStringLiteral("viewRaw"));
    auto *raw = m_window->brokenPage()->findChild<QPlainTextEdit *>(QStringLiteral("rawText"));
    auto *reload = m_window->brokenPage()->findChild<QPushButton *>(QStringLiteral("reloadBroken"));
    // The focus is on the page's way out, Reload while no backup is offered;
    // Enter presses a focused button, as Space does.
    QTRY_COMPARE(QApplication::focusWidget(), reload);
    viewRaw->setFocus();
    QTest::keyClick(viewRaw, Qt::Key_Return);
    QTRY_VERIFY(raw->isVisible());
    QVERIFY(raw->isReadOnly());
    QCOMPARE(raw->toPlainText().toUtf8(), broken);
    auto *restore =
        m_window->brokenPage()->findChild<QPushButton *>(QStringLiteral("restoreBackup"));
    settle();
    QVERIFY(!restore->isEnabled()); // no backups/ folder here
    QCOMPARE(guitest::readBytes(configPath()), broken);

    // With a valid backup beside it, restoring brings the tree back and keeps the broken copy.
    // Named as the seed names it, with the first 8 hex digits of its SHA-256:
    // the core refuses a backup whose content does not match its name.
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("backups")));
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(guitest::readBytes(guitest::demoConfig()),
                                                     QCryptographicHash::Sha256)
                                .toHex()
                                .left(8));
    QVERIFY(QFile::copy(guitest::demoConfig(),
                        m_dir->filePath(QStringLiteral("backups/backup-2026-01-02T03-04-05-000Z-") +
                                        hash + QStringLiteral(".json"))));
    reload->setFocus();
    QTest::keyClick(reload, Qt::Key_Return);
    QVERIFY(shown.wait(10000));
    QTRY_VERIFY(restore->isEnabled()); // the core looks for the backup on the worker
    // Found while the focus waited on Reload: it moves on to the backup.
    QTRY_COMPARE(QApplication::focusWidget(), restore);
    {
        // The same broken bytes reported again (Reload here, the watcher
        // just after opening): the offer stays clickable while the core
        // looks again, so a click at that moment is never lost.
        EnabledWatch watch(restore);
        QTest::mouseClick(
            m_window->brokenPage()->findChild<QPushButton *>(QStringLiteral("reloadBroken")),
            Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        settle();
        QVERIFY(restore->isEnabled());
        QCOMPARE(watch.disabledCount(), 0);
    }
    QSignalSpy ready(m_window.get(), &MainWindow::ready);
    DialogAnswer accept(Qt::Key_Return, QStringLiteral("restoreAll")); // the preview
    QTest::keyClick(restore, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() > 0, 10000);
    QVERIFY(accept.answered());
    QCOMPARE(valueOnDisk(configPath(), QStringLiteral("settings.theme")),
             QStringLiteral("\"dark\""));
    // The file reads again: the parse error is no longer shown.
    QCOMPARE(m_window->statusError(), QString());
    // One copy of the broken bytes, made by the core; no second kind of copy.
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("tad-config.json.bad-*")}).size(), 1);
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("tad-config.json.broken-*")}).size(), 0);
}

void TestMainWindow::fileBreakingWhileOpenIsNotWritten()
{
    QVERIFY(selectInPanel(QStringLiteral("settings.language")));
    // A message about an earlier action, with its Undo, is up.
    bool undone = false;
    m_window->messageBar()->showMessage(QStringLiteral("Rolled back."), false,
                                        [&undone] { undone = true; });
    QSignalSpy shown(m_window.get(), &MainWindow::brokenFileShown);
    const QByteArray truncated = guitest::readBytes(configPath()).left(40);
    QVERIFY(guitest::writeBytes(configPath(), truncated));
    QVERIFY(shown.wait(10000));
    QVERIFY(m_window->brokenPage()->isVisible());
    // It no longer applies to the file: gone with its Undo.
    QVERIFY(!m_window->messageBar()->isVisible());
    QVERIFY(!m_window->isReady());
    // A copy for inspection beside it, equal to the broken bytes.
    const QStringList copies =
        QDir(m_dir->path()).entryList({QStringLiteral("tad-config.json.bad-*")}, QDir::Files);
    QCOMPARE(copies.size(), 1);
    QCOMPARE(guitest::readBytes(m_dir->filePath(copies.first())), truncated);
    // A write that was already on its way is refused, not written over the file.
    QSignalSpy written(m_window->session(), &StoreSession::writeFinished);
    m_window->session()->set(KeyPath::parse("settings.theme").value(), Json("light"), std::nullopt);
    QVERIFY(written.wait(10000));
    QCOMPARE(written.first().at(0).toBool(), false);
    settle();
    QCOMPARE(guitest::readBytes(configPath()), truncated);
    // The same from the panel: refused, with a bar offering to write it again.
    m_window->panel()->showRefusal(QStringLiteral("not changed: the file cannot be read"),
                                   Json("fr"));
    QVERIFY(m_window->panel()->isConflictShown());

    // Fixed by hand: the tree comes back with the new value, selection kept.
    QSignalSpy ready(m_window.get(), &MainWindow::ready);
    QByteArray fixed = guitest::readBytes(guitest::demoConfig());
    fixed.replace("\"fontSize\":14", "\"fontSize\":18");
    QVERIFY(fixed.contains("\"fontSize\":18"));
    QVERIFY(guitest::writeBytes(configPath(), fixed));
    QVERIFY(ready.wait(10000));
    QVERIFY(!m_window->brokenPage()->isVisible());
    QTRY_COMPARE(
        m_window->model()
            ->indexForKey(QStringLiteral("settings.fontSize"), SettingsTreeModel::ValueColumn)
            .data()
            .toString(),
        QStringLiteral("18"));
    QCOMPARE(m_window->panel()->key(), QStringLiteral("settings.language"));
    // That offer was about a file that is gone: taken down.
    QVERIFY(!m_window->panel()->isConflictShown());
    // Said so, with nothing to undo.
    QVERIFY(m_window->messageBar()->isVisible());
    QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("can be read again")),
             qPrintable(m_window->messageBar()->text()));
    QVERIFY(!m_window->messageBar()->isRefusal());
    QVERIFY(!undone);
}

// Typing not yet written when the file breaks stays in the field: the page
// switch takes the focus away, and that is no one's Enter. Once the file reads
// again, the typing is still there to write.
void TestMainWindow::typingIsKeptWhileTheFileIsBroken()
{
    QVERIFY(selectInPanel(QStringLiteral("user.name")));
    auto *line = panelWidget<QLineEdit>();
    QVERIFY(line);
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("Grace"));
    QSignalSpy asked(m_window->panel(), &EditorPanel::editRequested);
    QSignalSpy shown(m_window.get(), &MainWindow::brokenFileShown);
    const QByteArray truncated = guitest::readBytes(configPath()).left(40);
    QVERIFY(guitest::writeBytes(configPath(), truncated));
    QVERIFY(shown.wait(10000));
    settle();
    QCOMPARE(asked.size(), 0);
    QCOMPARE(guitest::readBytes(configPath()), truncated);
    QVERIFY(!m_window->panel()->isConflictShown());

    QSignalSpy ready(m_window.get(), &MainWindow::ready);
    QVERIFY(guitest::writeBytes(configPath(), guitest::readBytes(guitest::demoConfig())));
    QVERIFY(ready.wait(10000));
    settle();
    QCOMPARE(m_window->panel()->key(), QStringLiteral("user.name"));
    line = panelWidget<QLineEdit>();
    QVERIFY(line);
    QCOMPARE(line->text(), QStringLiteral("Grace"));
    // The field says the typing is not written yet.
    auto *message = m_window->panel()->findChild<QLabel *>(QStringLiteral("message"));
    QVERIFY(message);
    QVERIFY2(message->text().contains(QStringLiteral("not written")), qPrintable(message->text()));
    line->setFocus();
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Grace\""));
}

void TestMainWindow::startBackupAndEditorHistory()
{
    QVERIFY(selectInPanel(QStringLiteral("settings.autoSave")));
    settle();
    BackupManager backups(configPath());
    auto list = backups.list(true);
    QVERIFY(list);
    QCOMPARE(list->size(), size_t(1));
    QCOMPARE(list->front().reason, QStringLiteral("application-start"));
    QVERIFY(!list->front().damaged());
    QCOMPARE(backups.load(list->front().name)->bytes,
             guitest::readBytes(guitest::demoConfig()).toStdString());

    auto *box = panelWidget<QCheckBox>();
    QVERIFY(box && box->isChecked());
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(5, box->height() / 2));
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.autoSave")),
                 QStringLiteral("false"));
    settle();
    auto entries = History(configPath()).list();
    QVERIFY(entries);
    QCOMPARE(entries->size(), size_t(1));
    const HistoryEntry &entry = entries->front();
    QCOMPARE(entry.source, ChangeSource::Editor);
    QCOMPARE(QString::fromStdString(compactJson(entry.patch)),
             QStringLiteral(R"([{"op":"replace","path":"/settings/autoSave","value":false}])"));
}

void TestMainWindow::demoCopyWhenNothingExists()
{
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.path().toUtf8());
    qunsetenv("TAD_CONFIG");
    const StartupConfig startup = chooseStartupConfig(QString());
    QVERIFY(startup.error.isEmpty());
    QVERIFY(!startup.notice.isEmpty());
    QVERIFY(startup.configPath.endsWith(QStringLiteral("/demo/tad-config.json")));
    QCOMPARE(valueOnDisk(startup.configPath, QStringLiteral("user.name")),
             QStringLiteral("\"Ada Demo\""));
    QFile::remove(startup.configPath);
}

void TestMainWindow::criticalEditWithoutItsBackupAsks_data()
{
    QTest::addColumn<bool>("goAhead");
    QTest::newRow("the person goes ahead") << true;
    QTest::newRow("the person cancels") << false;
}

// The backup before a critical change cannot be written (a file stands where
// backups/ should be): the core refuses, the window asks, and only a yes
// writes the change.
void TestMainWindow::criticalEditWithoutItsBackupAsks()
{
    QFETCH(bool, goAhead);
    m_window.reset();
    // The window opened by init() took its start-up backup already.
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("backups"))).removeRecursively());
    {
        QFile blocker(m_dir->filePath(QStringLiteral("backups")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
    }
    openWindow();
    QVERIFY(selectInPanel(QStringLiteral("settings.autoSave")));
    settle();
    QString asked;
    setDialogRunner([&](QDialog &dialog) {
        auto *box = qobject_cast<QMessageBox *>(&dialog);
        if (!box)
            return int(QDialog::Rejected);
        asked = box->text();
        for (QAbstractButton *button : box->buttons()) {
            if (goAhead && box->buttonRole(button) == QMessageBox::AcceptRole)
                QTest::mouseClick(button, Qt::LeftButton);
        }
        return int(goAhead ? QDialog::Accepted : QDialog::Rejected);
    });
    auto *box = panelWidget<QCheckBox>();
    QVERIFY(box && box->isChecked());
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(5, box->height() / 2));
    QTRY_VERIFY(!asked.isEmpty());
    settle();
    setDialogRunner({});
    QVERIFY2(
        asked.contains(QStringLiteral("the backup taken before changing an important setting")),
        qPrintable(asked));
    QVERIFY2(asked.contains(QStringLiteral("backups is not a folder")), qPrintable(asked));
    if (goAhead) {
        QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.autoSave")),
                     QStringLiteral("false"));
    } else {
        QTest::qWait(200);
        QCOMPARE(valueOnDisk(configPath(), QStringLiteral("settings.autoSave")),
                 QStringLiteral("true"));
    }
}

void TestMainWindow::findByNameOrPathReachesTheKey_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("key");
    QTest::newRow("name") << "language"
                          << "settings.language";
    QTest::newRow("dotted path") << "settings.language"
                                 << "settings.language";
    QTest::newRow("part of a name") << "emper"
                                    << "ai.temperature";
}

void TestMainWindow::findByNameOrPathReachesTheKey()
{
    QFETCH(QString, query);
    QFETCH(QString, key);
    QVERIFY(findKey(query));
    QCOMPARE(m_window->panel()->key(), key); // the key itself, not its parent
    QVERIFY(focusVisible());
    QWidget *field = tabToField();
    QVERIFY(field);
    QVERIFY(focusVisible());
}

// Tab from the tree reaches the field, then the panel's button, then the
// rest of the window (the find box, the docks) and back to the tree: it went
// from the field straight back to the tree.
// Opened, the keys go to the tree at once: Down walks the settings.
void TestMainWindow::openingPutsTheFocusInTheTree()
{
    QTRY_VERIFY(m_window->isReady());
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(m_window->tree()));
    QTest::keyClick(m_window->tree(), Qt::Key_Down);
    QVERIFY(m_window->tree()->currentIndex().isValid());
    const QModelIndex first = m_window->tree()->currentIndex();
    QTest::keyClick(m_window->tree(), Qt::Key_Down);
    QVERIFY(m_window->tree()->currentIndex() != first);
    QVERIFY(!m_window->panel()->key().isEmpty());
}

void TestMainWindow::tabGoesRoundTheWholeWindow()
{
    QVERIFY(findKey(QStringLiteral("settings.fontSize")));
    QWidget *field = tabToField();
    QVERIFY(field);
    auto *reset = m_window->panel()->findChild<QPushButton *>(QStringLiteral("resetButton"));
    QVERIFY(reset);
    QSet<QWidget *> visited;
    bool sawDock = false;
    QWidget *afterField = nullptr;
    for (int press = 0; press < 60; ++press) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        if (!afterField)
            afterField = focus;
        if (focus == m_window->tree())
            break;
        visited.insert(focus);
        for (QWidget *up = focus; up; up = up->parentWidget())
            sawDock = sawDock || qobject_cast<QDockWidget *>(up);
    }
    QVERIFY2(QApplication::focusWidget() == m_window->tree(), "Tab never came back to the tree");
    QVERIFY(afterField != m_window->tree());
    if (reset->isEnabled())
        QCOMPARE(afterField, static_cast<QWidget *>(reset));
    QVERIFY(visited.contains(m_window->findBox()));
    const auto docks = m_window->findChildren<QDockWidget *>();
    if (std::any_of(docks.begin(), docks.end(), [](QDockWidget *d) { return d->isVisible(); }))
        QVERIFY2(sawDock, "Tab never reached an open dock");
}

// Tab from the find box, then Space on a boolean row, by keys alone.
void TestMainWindow::spaceFlipsABooleanRow()
{
    QTreeView *tree = m_window->tree();
    // Tab from the find box reaches the tree, as Down does.
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(m_window->findBox()->hasFocus());
    QTest::keyClick(m_window->findBox(), Qt::Key_Tab);
    QVERIFY(tree->hasFocus());

    QVERIFY(findKey(QStringLiteral("settings.autoSave")));
    const QString before = valueOnDisk(configPath(), QStringLiteral("settings.autoSave"));
    const QString flipped =
        before == QStringLiteral("false") ? QStringLiteral("true") : QStringLiteral("false");
    QTest::keyClick(tree, Qt::Key_Space);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.autoSave")), flipped);
    settle();
    QVERIFY(tree->hasFocus());
    QTest::keyClick(tree, Qt::Key_Space);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.autoSave")),
                 before == QStringLiteral("false") ? before : QStringLiteral("true"));
    settle();
    QTest::keyClick(tree, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.autoSave")), flipped);
    settle();

    // Space on a row that is not a boolean writes nothing.
    QVERIFY(findKey(QStringLiteral("user.name")));
    const int undoable = m_window->undoStack()->index();
    QTest::keyClick(tree, Qt::Key_Space);
    settle();
    QCOMPARE(m_window->undoStack()->index(), undoable);
}

// A string, a number, an enum and a boolean, each edited in place in the
// tree by keys alone: Enter or F2 opens the value, Ctrl+A selects, Up and
// Down step a number, Enter commits and Esc cancels.
void TestMainWindow::keyboardOnlyEditOfEachKind()
{
    QTreeView *tree = m_window->tree();
    const auto inlineEditor = [tree] {
        return tree->findChild<ValueEditor *>(QStringLiteral("inlineEditor"));
    };

    // A string: Enter edits, Esc cancels, F2 edits again, Enter commits.
    QVERIFY(findKey(QStringLiteral("user.name")));
    QTest::keyClick(tree, Qt::Key_Return);
    QTRY_VERIFY(inlineEditor() && inlineEditor()->isVisible());
    QVERIFY(focusVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Nobody"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!inlineEditor() || !inlineEditor()->isVisible());
    QVERIFY(tree->hasFocus());
    settle();
    QCOMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
             QStringLiteral("\"Ada Demo\""));
    QTest::keyClick(tree, Qt::Key_F2);
    QTRY_VERIFY(inlineEditor() && inlineEditor()->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Grace"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Grace\""));
    // Enter closed it: nothing left over the rows below, focus back on the tree.
    QTRY_VERIFY(!inlineEditor() || !inlineEditor()->isVisible());
    QVERIFY(tree->hasFocus());
    QVERIFY(focusVisible());

    // A number: Up twice, Down once, Enter.
    QVERIFY(findKey(QStringLiteral("maxTokens")));
    QCOMPARE(m_window->panel()->key(), QStringLiteral("ai.maxTokens"));
    QTest::keyClick(tree, Qt::Key_F2);
    QTRY_VERIFY(inlineEditor() && inlineEditor()->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    settle();
    QCOMPARE(valueOnDisk(configPath(), QStringLiteral("ai.maxTokens")), QStringLiteral("2048"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("ai.maxTokens")), QStringLiteral("2049"));

    // An enum: in the panel, a choice applies at once.
    QVERIFY(findKey(QStringLiteral("settings.theme")));
    QWidget *combo = tabToField();
    QVERIFY(qobject_cast<QComboBox *>(combo));
    QVERIFY(focusVisible());
    QTest::keyClick(combo, Qt::Key_Down);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.theme")),
                 QStringLiteral("\"auto\""));

    // A boolean: Space on its check box applies at once.
    QVERIFY(findKey(QStringLiteral("autoSave")));
    QWidget *box = tabToField();
    QVERIFY(qobject_cast<QCheckBox *>(box));
    QTest::keyClick(box, Qt::Key_Space);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.autoSave")),
                 QStringLiteral("false"));
}

void TestMainWindow::typedValueCommitsOnEnterOrLeaving()
{
    QVERIFY(findKey(QStringLiteral("user.name")));
    QWidget *line = tabToField();
    QVERIFY(qobject_cast<QLineEdit *>(line));
    QTest::keyClick(line, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(line, QStringLiteral("Typed"));
    // A pause in typing writes nothing.
    settle();
    settle();
    QCOMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
             QStringLiteral("\"Ada Demo\""));
    // Esc gives it up.
    QTest::keyClick(line, Qt::Key_Escape);
    QCOMPARE(qobject_cast<QLineEdit *>(line)->text(), QStringLiteral("Ada Demo"));
    // Leaving the field commits.
    QTest::keyClicks(line, QStringLiteral(" Left"));
    QTest::keyClick(line, Qt::Key_Tab);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demo Left\""));
    QVERIFY(focusVisible());
}

// Ctrl+Z after the running app changed the key: refused, said under the
// editor with both values, the app's value stays.
void TestMainWindow::undoOverTheAppsChangeIsRefused()
{
    QVERIFY(findKey(QStringLiteral("user.name")));
    QWidget *line = tabToField();
    QVERIFY(line);
    QTest::keyClick(line, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(line, QStringLiteral("Mine"));
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Mine\""));
    settle();
    std::unique_ptr<QProcess> conf(guitest::startConfSet(configPath(), QStringLiteral("user.name"),
                                                         QStringLiteral("\"Theirs\""), nullptr));
    QVERIFY(conf->waitForFinished(60000));
    QCOMPARE(conf->exitCode(), 0);
    QTRY_COMPARE(m_window->model()
                     ->indexForKey(QStringLiteral("user.name"), SettingsTreeModel::ValueColumn)
                     .data()
                     .toString(),
                 QStringLiteral("Theirs"));
    const QByteArray theirs = guitest::readBytes(configPath());

    // Ctrl+Z in the text field undoes typing; the window's undo is from the tree.
    clickCurrentRow();
    QVERIFY(m_window->tree()->hasFocus());
    QTest::keyClick(m_window->tree(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY2(
        m_window->panel()->message().contains(QStringLiteral("changed by another program")),
        qPrintable(m_window->panel()->message() + QLatin1Char('|') + m_window->statusError()));
    const QString message = m_window->panel()->message();
    QVERIFY2(message.contains(QStringLiteral("user.name")) &&
                 message.contains(QStringLiteral("Mine")) &&
                 message.contains(QStringLiteral("Theirs")),
             qPrintable(message));
    settle();
    QCOMPARE(guitest::readBytes(configPath()), theirs);
    // The step stays where it was: a second Ctrl+Z is refused the same way.
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("undoAction"))->isEnabled());
    QTest::keyClick(m_window->tree(), Qt::Key_Z, Qt::ControlModifier);
    settle();
    QCOMPARE(guitest::readBytes(configPath()), theirs);
    QVERIFY2(m_window->panel()->message().contains(QStringLiteral("changed by another program")),
             qPrintable(m_window->panel()->message() + QLatin1Char('|') + m_window->statusError()));
}

// 99 in Font size (at most 24): stays in the field, explained under it,
// not written and not clamped; the same through the inline editor.
void TestMainWindow::outOfRangeIsExplainedNotWritten()
{
    const QByteArray before = guitest::readBytes(configPath());
    QVERIFY(findKey(QStringLiteral("fontSize")));
    QWidget *field = tabToField();
    auto *spin = spinOf(field);
    QVERIFY(spin);
    for (const QString &typed : {QStringLiteral("99"), QStringLiteral("30")}) {
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(field, typed);
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(spin->text(), typed);
        QCOMPARE(m_window->panel()->message(), QStringLiteral("must be <= 24"));
        settle();
        QCOMPARE(guitest::readBytes(configPath()), before);
    }
    // Leaving the field does not write it either.
    QTest::keyClick(field, Qt::Key_Tab);
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);
    QCOMPARE(spin->text(), QStringLiteral("30"));

    // Inline: F2, 99, Enter.
    QVERIFY(findKey(QStringLiteral("fontSize")));
    QTest::keyClick(m_window->tree(), Qt::Key_F2);
    auto *inlineEditor = m_window->tree()->findChild<ValueEditor *>(QStringLiteral("inlineEditor"));
    QTRY_VERIFY(inlineEditor && inlineEditor->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("99"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(inlineEditor->isVisible()); // stays open with what was typed
    QCOMPARE(inlineEditor->findChild<QDoubleSpinBox *>()->text(), QStringLiteral("99"));
    QVERIFY(m_window->panel()->message().contains(QStringLiteral("must be <= 24")));
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);
}

// Where the editors' own copy of the schema rules and the schema guard
// disagreed: the window now asks the core, by keyboard alone.
void TestMainWindow::schemaRulesTheEditorsMissed()
{
    const QByteArray before = guitest::readBytes(configPath());
    const int undoCount = m_window->undoStack()->count();
    // A member's type inside an object edited as JSON: the copy checked
    // only "object" and sent it; now it is explained at once, under the
    // field, and neither written nor put on the undo stack.
    QVERIFY(findKey(QStringLiteral("ui.windowBounds")));
    QWidget *json = tabToField();
    QVERIFY(qobject_cast<QPlainTextEdit *>(json));
    QTest::keyClick(json, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(json, QStringLiteral(R"({"x":"left","y":2})"));
    QTest::keyClick(json, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_window->panel()->message(), QStringLiteral("/x must be number"));
    QCOMPARE(qobject_cast<QPlainTextEdit *>(json)->toPlainText(),
             QStringLiteral(R"({"x":"left","y":2})"));
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);
    QCOMPARE(m_window->undoStack()->count(), undoCount);
    QTest::keyClick(json, Qt::Key_Escape);
}

// 99 written by the app: shown as 99, and Enter in the field writes nothing.
void TestMainWindow::outOfRangeInTheFileIsLeftAlone()
{
    QVERIFY(findKey(QStringLiteral("fontSize")));
    std::unique_ptr<QProcess> conf(guitest::startConfSet(
        configPath(), QStringLiteral("settings.fontSize"), QStringLiteral("99"), nullptr));
    QVERIFY(conf->waitForFinished(60000));
    QCOMPARE(conf->exitCode(), 0);
    QTRY_COMPARE(
        m_window->model()
            ->indexForKey(QStringLiteral("settings.fontSize"), SettingsTreeModel::ValueColumn)
            .data()
            .toString(),
        QStringLiteral("99"));
    QWidget *field = tabToField();
    QVERIFY(spinOf(field));
    QCOMPARE(spinOf(field)->text(), QStringLiteral("99"));
    const QByteArray written = guitest::readBytes(configPath());
    QTest::mouseClick(field, Qt::LeftButton);
    QTest::keyClick(field, Qt::Key_Return);
    QTest::keyClick(field, Qt::Key_Tab);
    settle();
    QCOMPARE(guitest::readBytes(configPath()), written);
    // Nor through the inline editor.
    QVERIFY(findKey(QStringLiteral("fontSize")));
    QTest::keyClick(m_window->tree(), Qt::Key_F2);
    auto *inlineEditor = m_window->tree()->findChild<ValueEditor *>(QStringLiteral("inlineEditor"));
    QTRY_VERIFY(inlineEditor && inlineEditor->isVisible());
    QCOMPARE(inlineEditor->findChild<QDoubleSpinBox *>()->text(), QStringLiteral("99"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(!inlineEditor || !inlineEditor->isVisible());
    settle();
    QCOMPARE(guitest::readBytes(configPath()), written);
}

void TestMainWindow::decimalStepsWriteTheDecimal()
{
    QVERIFY(findKey(QStringLiteral("temperature")));
    QWidget *field = tabToField();
    auto *spin = spinOf(field);
    QVERIFY(spin);
    QCOMPARE(spin->text(), QStringLiteral("0.7"));
    // Three clicks on the up arrow.
    QStyleOptionSpinBox option;
    option.initFrom(spin);
    option.subControls = QStyle::SC_SpinBoxUp;
    const QRect up =
        spin->style()->subControlRect(QStyle::CC_SpinBox, &option, QStyle::SC_SpinBoxUp, spin);
    for (int i = 0; i < 3; ++i)
        QTest::mouseClick(spin, Qt::LeftButton, {}, up.center());
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("ai.temperature")), QStringLiteral("1"));
    QCOMPARE(spin->text(), QStringLiteral("1"));
    settle();
    QVERIFY(bytesOnDisk().contains(QStringLiteral("\"temperature\":1,")));
}

void TestMainWindow::listAddThenEscWritesNothing()
{
    QVERIFY(findKey(QStringLiteral("recent.workspaces")));
    QCOMPARE(m_window->panel()->key(), QStringLiteral("recent.workspaces"));
    const QByteArray before = guitest::readBytes(configPath());
    auto *editor = m_window->panel()->editor();
    auto *add = editor->findChild<QPushButton *>(QStringLiteral("addItem"));
    auto *list = editor->findChild<QListWidget *>();
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY(QApplication::focusWidget() && list->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_COMPARE(list->count(), 2);
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);
    // Enter on the empty item writes nothing either.
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY(QApplication::focusWidget() && list->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(list->count(), 2);
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);
}

void TestMainWindow::resetOfAContainerAsksFirst()
{
    QVERIFY(findKey(QStringLiteral("workspaces")));
    QCOMPARE(m_window->panel()->key(), QStringLiteral("workspaces"));
    const QByteArray before = guitest::readBytes(configPath());
    {
        DialogAnswer refuse(Qt::Key_Escape);
        QTest::keyClick(m_window->tree(), Qt::Key_Delete, Qt::ControlModifier);
        QVERIFY(refuse.answered());
        QVERIFY2(refuse.text().contains(QStringLiteral("removes 2 entries")),
                 qPrintable(refuse.text()));
    }
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);
    // The offscreen platform does not give activation back after a dialog.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    {
        DialogAnswer accept(Qt::Key_Return);
        QTest::keyClick(m_window->tree(), Qt::Key_Delete, Qt::ControlModifier);
        QVERIFY(accept.answered());
    }
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("workspaces")), QStringLiteral("{}"));
    // A reset of a single value does not ask.
    QVERIFY(findKey(QStringLiteral("settings.theme")));
    QTest::keyClick(m_window->tree(), Qt::Key_Delete, Qt::ControlModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.theme")),
                 QStringLiteral("\"auto\""));
    settle();
    auto entries = History(configPath()).list();
    QVERIFY(entries && !entries->empty());
    QCOMPARE(entries->front().source, ChangeSource::Reset);
}

// The broken-file page's recovery shows the restore preview first (Esc
// writes nothing), then writes the backup, records a recovery and says so.
void TestMainWindow::recoveryPreviewsBeforeWriting()
{
    // The window opened the file once (its start-up backup is the one to
    // come back) and changed it; then the file broke while no window was open.
    QVERIFY(findKey(QStringLiteral("autoSave")));
    QTest::keyClick(tabToField(), Qt::Key_Space);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.autoSave")),
                 QStringLiteral("false"));
    settle();
    m_window.reset();
    const QByteArray demo = guitest::readBytes(guitest::demoConfig());
    const QByteArray broken = "{\"settings\":{\"theme\":\"light\",}\n}";
    QVERIFY(guitest::writeBytes(configPath(), broken));
    openWindow();
    QSignalSpy shown(m_window.get(), &MainWindow::brokenFileShown);
    QVERIFY(shown.wait(10000));
    auto *restore =
        m_window->brokenPage()->findChild<QPushButton *>(QStringLiteral("restoreBackup"));
    QTRY_VERIFY(restore->isEnabled());
    {
        DialogAnswer cancel(Qt::Key_Escape);
        QTest::mouseClick(restore, Qt::LeftButton);
        QTRY_VERIFY(cancel.answered());
        // The backup by its time and reason, in words, never by its file name.
        QVERIFY2(cancel.text().contains(QStringLiteral("(when the file was opened)")),
                 qPrintable(cancel.text()));
        QVERIFY2(!cancel.text().contains(QStringLiteral("backup-20")), qPrintable(cancel.text()));
        // The broken side says what is wrong, not an empty document.
        QVERIFY2(cancel.text().contains(QStringLiteral("The file cannot be read: ")),
                 qPrintable(cancel.text()));
    }
    settle();
    QCOMPARE(guitest::readBytes(configPath()), broken);
    QTRY_VERIFY(m_window->messageBar()->text().contains(QStringLiteral("nothing was written")));

    QSignalSpy ready(m_window.get(), &MainWindow::ready);
    {
        DialogAnswer accept(Qt::Key_Return, QStringLiteral("restoreAll"));
        QTest::mouseClick(restore, Qt::LeftButton);
        QTRY_VERIFY(accept.answered());
    }
    QTRY_VERIFY2_WITH_TIMEOUT(ready.count() > 0, qPrintable(m_window->messageBar()->text()), 10000);
    QCOMPARE(guitest::readBytes(configPath()), demo);
    QTRY_VERIFY(m_window->messageBar()->text().startsWith(QStringLiteral("Recovered")));
    QVERIFY(!m_window->messageBar()->isRefusal());
    settle();
    // The window's own recovery is not a change made outside.
    auto *external = m_window->findChild<QLabel *>(QStringLiteral("statusExternal"));
    QVERIFY(external);
    QVERIFY2(external->text().isEmpty(), qPrintable(external->text()));
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("tad-config.json.bad-*")}).size(), 1);
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("tad-config.json.broken-*")}).size(), 0);
    settle();
    auto entries = History(configPath()).list();
    QVERIFY(entries && !entries->empty());
    QCOMPARE(entries->front().source, ChangeSource::Recovery);
}

// The file breaks while the window shows it; the window's own recovery
// brings back the start-up backup. What changed is the window's doing, not
// a change made outside: no mark on the rows, nothing in the status bar.
void TestMainWindow::recoveryWhileOpenIsNotAnOutsideChange()
{
    QVERIFY(findKey(QStringLiteral("autoSave")));
    QTest::keyClick(tabToField(), Qt::Key_Space);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.autoSave")),
                 QStringLiteral("false"));
    settle();
    QSignalSpy shown(m_window.get(), &MainWindow::brokenFileShown);
    QVERIFY(guitest::writeBytes(configPath(), "{\"settings\": {"));
    QVERIFY(shown.wait(10000));
    auto *restore =
        m_window->brokenPage()->findChild<QPushButton *>(QStringLiteral("restoreBackup"));
    QTRY_VERIFY(restore->isEnabled());
    QSignalSpy ready(m_window.get(), &MainWindow::ready);
    {
        DialogAnswer accept(Qt::Key_Return, QStringLiteral("restoreAll"));
        QTest::mouseClick(restore, Qt::LeftButton);
        QTRY_VERIFY(accept.answered());
    }
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() > 0, 10000);
    QCOMPARE(valueOnDisk(configPath(), QStringLiteral("settings.autoSave")),
             QStringLiteral("true"));
    QTRY_COMPARE(
        m_window->model()
            ->indexForKey(QStringLiteral("settings.autoSave"), SettingsTreeModel::ValueColumn)
            .data(Qt::CheckStateRole)
            .toInt(),
        int(Qt::Checked));
    settle();
    const QString external =
        SettingsTreeModel::stateWords(SettingsTreeModel::ChangedExternally).value(0);
    for (const QString &key : {QStringLiteral("settings.autoSave"), QStringLiteral("settings")}) {
        const QString state =
            m_window->model()->indexForKey(key, SettingsTreeModel::StateColumn).data().toString();
        QVERIFY2(state != external, qPrintable(key + QStringLiteral(": ") + state));
    }
    auto *status = m_window->findChild<QLabel *>(QStringLiteral("statusExternal"));
    QVERIFY(status);
    QVERIFY2(status->text().isEmpty(), qPrintable(status->text()));
    // The edit made before the file broke undid a version that is gone:
    // nothing is left on the stack to be refused, and no bar offers to
    // write over the recovered file.
    QCOMPARE(m_window->undoStack()->count(), 0);
    QVERIFY(!m_window->panel()->isConflictShown());
}

// Rolling back the window's edit after the app changed the same key is
// refused, and the window says why where it is seen.
void TestMainWindow::refusedRollbackExplainsItself()
{
    QVERIFY(findKey(QStringLiteral("user.name")));
    QWidget *line = tabToField();
    QTest::keyClick(line, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(line, QStringLiteral("Mine"));
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Mine\""));
    settle();
    std::unique_ptr<QProcess> conf(guitest::startConfSet(configPath(), QStringLiteral("user.name"),
                                                         QStringLiteral("\"Theirs\""), nullptr));
    QVERIFY(conf->waitForFinished(60000));
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Theirs\""));
    const QByteArray theirs = guitest::readBytes(configPath());

    HistoryView *history = m_window->historyPanels()->history();
    QSignalSpy listed(history, &HistoryView::listed);
    QTest::keyClick(m_window.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(history->isVisible());
    // The window's own entry is listed once the external one is too.
    QTreeWidget *list = history->list();
    QTreeWidgetItem *editorEntry = nullptr;
    QTRY_VERIFY([&] {
        editorEntry = nullptr;
        bool external = false;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = list->topLevelItem(i);
            for (int j = 0; j < item->childCount() + 1; ++j) {
                QTreeWidgetItem *row = j == 0 ? item : item->child(j - 1);
                const QString source = row->text(HistoryView::ReasonColumn);
                if (source == QLatin1String("Edited in TAD Settings") && !editorEntry)
                    editorEntry = row;
                external = external || source == QLatin1String("Changed by the app");
            }
        }
        return editorEntry && external;
    }());
    // On the row's start: the whole row may be wider than the list.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      QPoint(10, list->visualItemRect(editorEntry).center().y()));
    auto *rollback = history->findChild<QPushButton *>(QStringLiteral("rollbackEntry"));
    QTRY_VERIFY(rollback->isEnabled());
    for (int attempt = 0; attempt < 2; ++attempt) {
        DialogAnswer accept(Qt::Key_Return);
        QTest::mouseClick(rollback, Qt::LeftButton);
        QVERIFY(accept.answered());
        QTRY_VERIFY(m_window->messageBar()->isVisible());
        QTRY_VERIFY(m_window->messageBar()->isRefusal());
        QVERIFY2(m_window->messageBar()->text().startsWith(QStringLiteral("Not rolled back")),
                 qPrintable(m_window->messageBar()->text()));
        QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("user.name")));
        // In the window's words: said once, each change by its time, not by
        // the ids the command line uses.
        const QString said = m_window->messageBar()->text();
        QCOMPARE(said.count(QStringLiteral("rolled back:"), Qt::CaseInsensitive), 1);
        QVERIFY2(!said.contains(QRegularExpression(QStringLiteral("\\d{8}T\\d{9}Z"))),
                 qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("the change from")), qPrintable(said));
        QTest::mouseClick(
            m_window->messageBar()->findChild<QPushButton *>(QStringLiteral("messageClose")),
            Qt::LeftButton);
        QVERIFY(!m_window->messageBar()->isVisible());
    }
    settle();
    QCOMPARE(guitest::readBytes(configPath()), theirs);
}

// A restore from the Backups dock says what it did, with Undo that works.
void TestMainWindow::restoreConfirmsWithUndo()
{
    QVERIFY(findKey(QStringLiteral("user.name")));
    QWidget *line = tabToField();
    QTest::keyClick(line, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(line, QStringLiteral("Edited"));
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Edited\""));
    settle();
    BackupTimelineView *timeline = m_window->historyPanels()->timeline();
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(timeline->isVisible());
    QTreeWidget *list = timeline->list();
    QTreeWidgetItem *backup = nullptr;
    QTRY_VERIFY([&] {
        for (QTreeWidgetItemIterator it(list); *it; ++it) {
            if ((*it)->text(BackupTimelineView::ReasonColumn) ==
                QLatin1String("When the file was opened")) {
                backup = *it;
                return true;
            }
        }
        return false;
    }());
    list->scrollToItem(backup);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(backup).center());
    auto *restore = timeline->findChild<QPushButton *>(QStringLiteral("restoreBackup"));
    QTRY_VERIFY(restore->isEnabled());
    {
        DialogAnswer accept(Qt::Key_Return, QStringLiteral("restoreAll"));
        QTest::mouseClick(restore, Qt::LeftButton);
        QTRY_VERIFY(accept.answered());
    }
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demo\""));
    QTRY_VERIFY(m_window->messageBar()->text().startsWith(QStringLiteral("Restored")));
    auto *undo = m_window->messageBar()->findChild<QPushButton *>(QStringLiteral("messageUndo"));
    QVERIFY(undo->isVisible());
    // The edit before the restore is about a value the restore replaced: no
    // step of it is left to be refused. Ctrl+Z takes the restore back, as
    // the bar's Undo does.
    QCOMPARE(m_window->undoStack()->count(), 0);
    auto *undoAction = m_window->findChild<QAction *>(QStringLiteral("undoAction"));
    QVERIFY(undoAction->isEnabled());
    QCOMPARE(undoAction->text(), QStringLiteral("&Undo the action above"));
    m_window->activateWindow(); // back from the preview dialog
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->tree()->setFocus();
    QTest::keyClick(m_window->tree(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Edited\""));
    QTRY_VERIFY(m_window->messageBar()->text().startsWith(QStringLiteral("Rolled back")));
    QVERIFY(m_window->statusError().isEmpty());
}

// A comparison of a backup with the current file follows the file: once
// the value is put back, the difference is gone from it.
void TestMainWindow::comparisonWithTheFileFollowsIt()
{
    QVERIFY(findKey(QStringLiteral("user.name")));
    const auto typeName = [&](const QString &name) {
        QWidget *line = tabToField();
        QVERIFY(line);
        QTest::keyClick(line, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(line, name);
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                     QStringLiteral("\"%1\"").arg(name));
        settle();
    };
    typeName(QStringLiteral("Edited"));
    BackupTimelineView *timeline = m_window->historyPanels()->timeline();
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(timeline->isVisible());
    QTRY_VERIFY(!timeline->backupNames().isEmpty());
    QVERIFY(timeline->selectBackup(timeline->backupNames().last())); // the oldest
    QSignalSpy shown(timeline, &BackupTimelineView::comparisonShown);
    QTest::keyClick(timeline->list(), Qt::Key_Return);
    QVERIFY(shown.wait(10000));
    const auto rows = [&] {
        return timeline->diffView()->operationsList()->topLevelItemCount();
    };
    QCOMPARE(rows(), 1);

    QVERIFY(findKey(QStringLiteral("user.name")));
    typeName(QStringLiteral("Ada Demo"));
    QTRY_COMPARE(shown.count(), 2);
    QCOMPARE(rows(), 0);
}

// The same edit made by the CLI and by the window: the same bytes, the
// same history entry (operations; the source names the program, and a
// reset is a reset in both), the same masking of the secret.
void TestMainWindow::cliAndWindowLeaveTheSameFile()
{
    QTemporaryDir cliDir;
    const QString cliConfig = cliDir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(QFile::copy(guitest::demoConfig(), cliConfig));
    QFile::setPermissions(cliConfig, QFile::ReadOwner | QFile::WriteOwner);
    const auto cliOn = [&](const QString &config, const QStringList &args) {
        QProcess process;
        process.start(qEnvironmentVariable("TAD_CLI"),
                      QStringList{QStringLiteral("--config"), config, QStringLiteral("--schema"),
                                  guitest::testSchema()} +
                          args);
        process.waitForFinished(60000);
        return std::make_pair(process.exitCode(),
                              QString::fromUtf8(process.readAllStandardOutput()));
    };
    const auto cli = [&](const QStringList &args) {
        return cliOn(cliConfig, args);
    };

    // A secret, by the CLI and by keys in the window.
    QCOMPARE(cli({QStringLiteral("set"), QStringLiteral("ai.apiKey"),
                  QStringLiteral("\"sk-live-0000000000009876\"")})
                 .first,
             0);
    QVERIFY(findKey(QStringLiteral("ai.apiKey")));
    QWidget *line = tabToField();
    QVERIFY(line);
    QTest::keyClick(line, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(line, QStringLiteral("sk-live-0000000000009876"));
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("ai.apiKey")),
                 QStringLiteral("\"sk-live-0000000000009876\""));
    // A reset of a container, asked and answered in the window.
    QCOMPARE(cli({QStringLiteral("reset"), QStringLiteral("workspaces")}).first, 0);
    QVERIFY(findKey(QStringLiteral("workspaces")));
    {
        DialogAnswer accept(Qt::Key_Return);
        QTest::keyClick(m_window->tree(), Qt::Key_Delete, Qt::ControlModifier);
        QVERIFY(accept.answered());
    }
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("workspaces")), QStringLiteral("{}"));
    settle();

    QCOMPARE(guitest::readBytes(configPath()), guitest::readBytes(cliConfig));
    auto windowEntries = History(configPath()).list();
    auto cliEntries = History(cliConfig).list();
    QVERIFY(windowEntries && cliEntries);
    QCOMPARE(windowEntries->size(), size_t(2));
    QCOMPARE(cliEntries->size(), size_t(2));
    for (size_t i = 0; i < 2; ++i) {
        const HistoryEntry &w = (*windowEntries)[i];
        const HistoryEntry &c = (*cliEntries)[i];
        QCOMPARE(QString::fromStdString(compactJson(w.patch)),
                 QString::fromStdString(compactJson(c.patch)));
        QCOMPARE(w.operation, c.operation);
    }
    // Newest first: the reset is a reset in both; the edit names its program.
    QCOMPARE((*windowEntries)[0].source, ChangeSource::Reset);
    QCOMPARE((*cliEntries)[0].source, ChangeSource::Reset);
    QCOMPARE((*windowEntries)[1].source, ChangeSource::Editor);
    QCOMPARE((*cliEntries)[1].source, ChangeSource::Cli);

    // The secret is masked the same way: the tree and the panel show what the CLI prints.
    const auto got = cli({QStringLiteral("get"), QStringLiteral("ai.apiKey")});
    QCOMPARE(got.first, 0);
    const QString cliShown = got.second.trimmed();
    QVERIFY(!cliShown.contains(QStringLiteral("0000000000009876")));
    const QString treeShown =
        m_window->model()
            ->indexForKey(QStringLiteral("ai.apiKey"), SettingsTreeModel::ValueColumn)
            .data()
            .toString();
    QCOMPARE(QStringLiteral("\"%1\"").arg(treeShown), cliShown);
    // And in each program's history of the change.
    const auto windowShow = cliOn(
        configPath(), {QStringLiteral("history"), QStringLiteral("show"), (*windowEntries)[1].id});
    const auto cliShow =
        cli({QStringLiteral("history"), QStringLiteral("show"), (*cliEntries)[1].id});
    QVERIFY(!windowShow.second.contains(QStringLiteral("0000000000009876")));
    QVERIFY(!cliShow.second.contains(QStringLiteral("0000000000009876")));
    QVERIFY(windowShow.second.contains(treeShown));
    QVERIFY(cliShow.second.contains(treeShown));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
