// The real main window, offscreen, driven by keyboard and mouse: each kind
// of editor writes the file, bad values are refused, undo/redo, reset,
// find and filters, a conf process writing while the window is open, the
// keep-mine / take-theirs bar, the broken-file page (on opening and when the
// file breaks while open), the start-up backup and the history of edits,
// and the question when the backup before a critical edit cannot be written.
#include "GuiTestHelpers.h"
#include "editors/EditorPanel.h"
#include "editors/ValueEditor.h"
#include "history/BackupManager.h"
#include "history/History.h"
#include "session/StoreSession.h"
#include "settings/SettingsFilterModel.h"
#include "settings/SettingsTreeModel.h"
#include "window/BrokenFilePage.h"
#include "window/DialogRunner.h"
#include "window/MainWindow.h"
#include "window/StartupConfig.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <memory>

using namespace tad;
using guitest::valueOnDisk;

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
    void mapAddAndRemoveEntry();
    void jsonTextWithSyntaxCheck();
    void inlineDelegateEdits();
    void invalidValueIsRefused();
    void undoAndRedoTypingBurst();
    void resetToDefault();
    void findAndFilters();
    void confWriteShowsUpInPlace();
    void keepMineOrTakeTheirs_data();
    void keepMineOrTakeTheirs();
    void brokenFileOpensToItsPage();
    void fileBreakingWhileOpenIsNotWritten();
    void startBackupAndEditorHistory();
    void demoCopyWhenNothingExists();
    void criticalEditWithoutItsBackupAsks_data();
    void criticalEditWithoutItsBackupAsks();

private:
    void openWindow();
    EditorPanel *selectInPanel(const QString &key);
    template <class W> W *panelWidget();
    void settle();
    QString configPath() const { return m_dir->filePath(QStringLiteral("tad-config.json")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
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
    m_window->panel()->setTypingPause(30);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->open();
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_dir.reset();
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
    QCOMPARE(spin->maximum(), 24.0);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("18"));
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
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("ai.apiKey")),
                 QStringLiteral("\"sk-new-5678\""));
    // The tree shows the secret masked.
    const QModelIndex cell =
        m_window->model()->indexForKey(QStringLiteral("ai.apiKey"), SettingsTreeModel::ValueColumn);
    QTRY_VERIFY(cell.data().toString().endsWith(QStringLiteral("5678")));
    QVERIFY(!cell.data().toString().contains(QStringLiteral("sk-new")));
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
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    }
    QVERIFY(!add->isEnabled());
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
    entries->setCurrentRow(0);
    QTest::mouseClick(remove, Qt::LeftButton);
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
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);
    QTest::keyClicks(text, QStringLiteral(" \"y\": 2}"));
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
    QVERIFY(m_window->statusError().contains(QStringLiteral("must match format \"email\"")));
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);

    // A nested bad value inside a whole object passes the editor's own check
    // but not the schema guard on the store.
    QVERIFY(selectInPanel(QStringLiteral("settings")));
    m_window->model()->setData(
        m_window->model()->indexForKey(QStringLiteral("settings"), SettingsTreeModel::ValueColumn),
        QStringLiteral(R"({"theme":"dark","fontSize":99})"), SettingsTreeModel::JsonTextRole);
    QTRY_COMPARE(
        m_window->statusError(),
        QStringLiteral(
            "Not written (settings): Config schema violation: `settings/fontSize` must be <= 24\n"
            "settings.fontSize: 99 is above the maximum 24 (allowed: 8 to 24)"));
    QCOMPARE(guitest::readBytes(configPath()), before);
}

void TestMainWindow::undoAndRedoTypingBurst()
{
    QVERIFY(selectInPanel(QStringLiteral("user.name")));
    auto *line = panelWidget<QLineEdit>();
    line->setFocus();
    line->end(false);
    for (const QChar c : QStringLiteral("abc")) {
        QTest::keyClicks(line, QString(c));
        QTest::qWait(60); // each letter lands on disk: a burst of several writes
    }
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demoabc\""));
    settle();
    QCOMPARE(m_window->undoStack()->count(), 1);

    m_window->tree()->setFocus();
    QTest::keyClick(m_window->tree(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demo\""));
    QTRY_COMPARE(line->text(), QStringLiteral("Ada Demo"));
    QTest::keyClick(m_window->tree(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demoabc\""));
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
    QVERIFY(selectInPanel(QStringLiteral("user.name")));
    auto *line = panelWidget<QLineEdit>();
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("Mine"));
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Mine\""));
    settle();
    std::unique_ptr<QProcess> conf(guitest::startConfSet(configPath(), QStringLiteral("user.name"),
                                                         QStringLiteral("\"Theirs\""), nullptr));
    QVERIFY(conf->waitForFinished(60000));
    QTRY_VERIFY(m_window->panel()->isConflictShown());
    QCOMPARE(line->text(), QStringLiteral("Mine"));
    auto *button = m_window->panel()->findChild<QPushButton *>(
        keepMine ? QStringLiteral("keepMine") : QStringLiteral("takeTheirs"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!m_window->panel()->isConflictShown());
    const QString expected = keepMine ? QStringLiteral("\"Mine\"") : QStringLiteral("\"Theirs\"");
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")), expected);
    QTRY_COMPARE(panelWidget<QLineEdit>()->text(),
                 keepMine ? QStringLiteral("Mine") : QStringLiteral("Theirs"));
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
    QTest::mouseClick(viewRaw, Qt::LeftButton);
    QVERIFY(raw->isVisible() && raw->isReadOnly());
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
    QTest::mouseClick(
        m_window->brokenPage()->findChild<QPushButton *>(QStringLiteral("reloadBroken")),
        Qt::LeftButton);
    QVERIFY(shown.wait(10000));
    QTRY_VERIFY(restore->isEnabled()); // the core looks for the backup on the worker
    QSignalSpy ready(m_window.get(), &MainWindow::ready);
    QTest::mouseClick(restore, Qt::LeftButton);
    QVERIFY(ready.wait(10000));
    QCOMPARE(valueOnDisk(configPath(), QStringLiteral("settings.theme")),
             QStringLiteral("\"dark\""));
    // One copy of the broken bytes, made by the core; no second kind of copy.
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("tad-config.json.bad-*")}).size(), 1);
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("tad-config.json.broken-*")}).size(), 0);
}

void TestMainWindow::fileBreakingWhileOpenIsNotWritten()
{
    QVERIFY(selectInPanel(QStringLiteral("settings.language")));
    QSignalSpy shown(m_window.get(), &MainWindow::brokenFileShown);
    const QByteArray truncated = guitest::readBytes(configPath()).left(40);
    QVERIFY(guitest::writeBytes(configPath(), truncated));
    QVERIFY(shown.wait(10000));
    QVERIFY(m_window->brokenPage()->isVisible());
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
    QVERIFY2(asked.contains(QStringLiteral("the backup taken before changing a critical key")),
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
