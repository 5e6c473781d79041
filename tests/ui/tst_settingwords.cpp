// The window in words and colours a person expects, driven by keys on the
// real window: Reset only when there is something to reset, Reveal only
// for a secret (the core's rule), an enum's default by its title, a
// workspace by its name, an Undo recorded as an undo, and a dark palette
// that gets dark tints and light text in the tree and the diff, never the
// fixed light colours.
#include "GuiTestHelpers.h"
#include "common/ThemeColors.h"
#include "common/ThemeIcons.h"
#include "editors/EditorPanel.h"
#include "history/DiffData.h"
#include "history/DiffView.h"
#include "history/History.h"
#include "session/StoreSession.h"
#include "settings/SettingsTreeModel.h"
#include "window/MainWindow.h"

#include "json/JsonText.h"
#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeView>
#include <QTreeWidget>
#include <cstdio>

using namespace tad;
using guitest::valueOnDisk;

namespace {

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb4));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    return dark;
}

} // namespace

class TestSettingWords : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void resetOnlyWhenNotAtDefault();
    void revealOnlyForSecrets();
    void enumDefaultShownByItsTitle();
    void entryShownByItsName();
    void undoIsRecordedAsUndo();
    void darkPaletteTintsTheTreeDark();
    void darkPaletteTintsTheDiffDark();
    void actionsHaveIcons();
    void paletteChangeIsFollowed();

private:
    void openWindow();
    bool findKey(const QString &query);
    void settle();
    // A new version of the file by temp file and rename, as conf writes it.
    bool writeLikeTheApp(const QByteArray &bytes) const
    {
        const QString temp = configPath() + QStringLiteral(".tmp");
        return guitest::writeBytes(temp, bytes) &&
               std::rename(QFile::encodeName(temp).constData(),
                           QFile::encodeName(configPath()).constData()) == 0;
    }
    QString configPath() const { return m_dir->filePath(QStringLiteral("tad-config.json")); }
    QAction *action(const char *name) const
    {
        return m_window->findChild<QAction *>(QLatin1String(name));
    }
    QLabel *panelLabel(const char *name) const
    {
        return m_window->panel()->findChild<QLabel *>(QLatin1String(name));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestSettingWords::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QFile::copy(guitest::demoConfig(), configPath()));
    QFile::setPermissions(configPath(), QFile::ReadOwner | QFile::WriteOwner);
    openWindow();
}

void TestSettingWords::cleanup()
{
    if (m_window)
        m_window->session()->waitForIdle();
    m_window.reset();
    m_dir.reset();
    QApplication::setPalette(QPalette());
}

void TestSettingWords::openWindow()
{
    MainWindowOptions options;
    options.configPath = configPath();
    options.schemaPath = guitest::testSchema();
    options.rememberState = false;
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QSignalSpy ready(m_window.get(), &MainWindow::ready);
    m_window->open();
    QVERIFY(ready.wait(20000));
}

// Ctrl+F, the query, Down: the tree has focus on the first key that matches.
bool TestSettingWords::findKey(const QString &query)
{
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
    return m_window->tree()->hasFocus() && m_window->panel()->key() == query;
}

void TestSettingWords::settle()
{
    QTest::qWait(100);
    m_window->session()->waitForIdle();
    QCoreApplication::processEvents();
}

void TestSettingWords::resetOnlyWhenNotAtDefault()
{
    auto *reset = action("resetAction");
    auto *button = m_window->panel()->findChild<QPushButton *>(QStringLiteral("resetButton"));
    QVERIFY(reset && button);
    QVERIFY(findKey(QStringLiteral("settings.theme"))); // "dark", default "auto"
    QVERIFY(reset->isEnabled());
    QVERIFY(button->isEnabled());
    QTest::keyClick(m_window->tree(), Qt::Key_Delete, Qt::ControlModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("settings.theme")),
                 QStringLiteral("\"auto\""));
    QTRY_VERIFY(!reset->isEnabled());
    QVERIFY(!button->isEnabled());
    QVERIFY(!m_window->panel()->canReset());
    settle();
    // A second Ctrl+Del has nothing to do, and writes nothing.
    const QByteArray before = guitest::readBytes(configPath());
    const auto entries = History(configPath()).list();
    QVERIFY(entries);
    QTest::keyClick(m_window->tree(), Qt::Key_Delete, Qt::ControlModifier);
    settle();
    QCOMPARE(guitest::readBytes(configPath()), before);
    QCOMPARE(History(configPath()).list()->size(), entries->size());
    // Another key that is not at its default can be reset again.
    QVERIFY(findKey(QStringLiteral("settings.fontSize"))); // 14 is the default
    QVERIFY(!reset->isEnabled());
    QVERIFY(findKey(QStringLiteral("ai.provider"))); // "anthropic", default "openai"
    QVERIFY(reset->isEnabled());
}

void TestSettingWords::revealOnlyForSecrets()
{
    auto *reveal = action("revealAction");
    QVERIFY(reveal);
    QVERIFY(findKey(QStringLiteral("user.name")));
    QVERIFY(!reveal->isEnabled());
    QVERIFY(findKey(QStringLiteral("ai.apiKey")));
    QVERIFY(reveal->isEnabled());
    const QModelIndex cell =
        m_window->model()->indexForKey(QStringLiteral("ai.apiKey"), SettingsTreeModel::ValueColumn);
    QVERIFY(cell.data().toString().startsWith(QStringLiteral("********")));
    QTest::keyClick(m_window->tree(), Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(cell.data().toString(), QStringLiteral("sk-demo-0000000000001234"));
    QTest::keyClick(m_window->tree(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(cell.data().toString().startsWith(QStringLiteral("********")));
    // Ctrl+R on a key that is not secret does nothing.
    QVERIFY(findKey(QStringLiteral("user.email")));
    QVERIFY(!reveal->isEnabled());
    QTest::keyClick(m_window->tree(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(!m_window->model()->isRevealed(
        m_window->model()->indexForKey(QStringLiteral("user.email"))));
}

void TestSettingWords::enumDefaultShownByItsTitle()
{
    QVERIFY(findKey(QStringLiteral("settings.theme")));
    QCOMPARE(panelLabel("default")->text(), QStringLiteral("Follow the system"));
    QCOMPARE(panelLabel("current")->text(), QStringLiteral("Dark"));
    QVERIFY(findKey(QStringLiteral("ai.provider")));
    QCOMPARE(panelLabel("default")->text(), QStringLiteral("OpenAI"));
    QCOMPARE(panelLabel("current")->text(), QStringLiteral("Anthropic"));
    // An empty text says so rather than leaving a blank.
    QVERIFY(findKey(QStringLiteral("ai.apiKey")));
    QCOMPARE(panelLabel("default")->text(), QStringLiteral("(empty)"));
}

void TestSettingWords::entryShownByItsName()
{
    auto *model = m_window->model();
    const QString site =
        model->indexForKey(QStringLiteral("workspaces.tad-site"), SettingsTreeModel::ValueColumn)
            .data()
            .toString();
    QCOMPARE(site, QStringLiteral("TAD website  (4 keys)"));
    // Without a name or title, the count alone.
    const QString bounds =
        model->indexForKey(QStringLiteral("ui.windowBounds"), SettingsTreeModel::ValueColumn)
            .data()
            .toString();
    QCOMPARE(bounds, QStringLiteral("{4 keys}"));
}

void TestSettingWords::undoIsRecordedAsUndo()
{
    QVERIFY(findKey(QStringLiteral("user.name")));
    QTest::keyClick(m_window->tree(), Qt::Key_Tab);
    QWidget *field = QApplication::focusWidget();
    QVERIFY(field && m_window->panel()->isAncestorOf(field));
    QTest::keyClick(field, Qt::Key_End);
    QTest::keyClicks(field, QStringLiteral("x"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demox\""));
    settle();
    m_window->tree()->setFocus();
    QTest::keyClick(m_window->tree(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demo\""));
    QTest::keyClick(m_window->tree(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(valueOnDisk(configPath(), QStringLiteral("user.name")),
                 QStringLiteral("\"Ada Demox\""));
    settle();
    auto entries = History(configPath()).list();
    QVERIFY(entries && entries->size() >= 3);
    QCOMPARE((*entries)[0].source, ChangeSource::Redo);
    QCOMPARE((*entries)[1].source, ChangeSource::Undo);
    QCOMPARE((*entries)[2].source, ChangeSource::Editor);
    // On disk as its own name: the entry's line in the history's journal.
    const QDir folder(History(configPath()).directory());
    bool found = false;
    for (const QString &segment :
         folder.entryList({QStringLiteral("journal-*.jsonl")}, QDir::Files)) {
        for (const QByteArray &line : guitest::readBytes(folder.filePath(segment)).split('\n')) {
            if (line.contains((*entries)[1].id.toUtf8()) && line.contains("\"source\":\"undo\""))
                found = true;
        }
    }
    QVERIFY(found);
}

void TestSettingWords::darkPaletteTintsTheTreeDark()
{
    QApplication::setPalette(darkPalette());
    // The Electron app changes a key: the tree marks it for a while.
    QByteArray bytes = guitest::readBytes(configPath());
    bytes.replace("\"fontSize\":14", "\"fontSize\":15");
    QVERIFY(writeLikeTheApp(bytes));
    auto *model = m_window->model();
    const QModelIndex key = model->indexForKey(QStringLiteral("settings.fontSize"));
    QTRY_VERIFY_WITH_TIMEOUT(model->stateOf(key) & SettingsTreeModel::ChangedExternally, 10000);
    const QColor flash = key.data(Qt::BackgroundRole).value<QColor>();
    QVERIFY(flash.isValid());
    QVERIFY2(flash.lightnessF() < 0.4, qPrintable(flash.name()));
    QVERIFY(flash != QColor(255, 230, 140));
    // An invalid value's text is light enough to read on the dark base.
    bytes.replace("\"fontSize\":15", "\"fontSize\":99");
    QVERIFY(writeLikeTheApp(bytes));
    const QModelIndex value =
        model->indexForKey(QStringLiteral("settings.fontSize"), SettingsTreeModel::ValueColumn);
    QTRY_VERIFY_WITH_TIMEOUT(model->stateOf(value) & SettingsTreeModel::Invalid, 10000);
    const QColor warning = value.data(Qt::ForegroundRole).value<QColor>();
    QVERIFY2(warning.lightnessF() > 0.55, qPrintable(warning.name()));
    QVERIFY(warning != QColor(200, 30, 30));
    // Back to light: the same roles follow.
    QApplication::setPalette(QPalette(QColor(0xef, 0xef, 0xef)));
    QVERIFY(value.data(Qt::ForegroundRole).value<QColor>().lightnessF() < 0.45);
}

void TestSettingWords::darkPaletteTintsTheDiffDark()
{
    QApplication::setPalette(darkPalette());
    DiffView view;
    view.resize(800, 500);
    view.show();
    const Json before = parseValue(R"({"a":1,"b":"x","c":true})").value();
    const Json after = parseValue(R"({"a":2,"c":true,"d":[1]})").value();
    view.showDiff(
        diffDocuments(before, after, Schema(), QStringLiteral("Before"), QStringLiteral("After")));
    auto *list = view.operationsList();
    QVERIFY(list->topLevelItemCount() >= 3);
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QColor kind = list->topLevelItem(i)->foreground(DiffView::KindColumn).color();
        QVERIFY2(kind.lightnessF() > 0.55, qPrintable(kind.name()));
    }
    list->setCurrentItem(list->topLevelItem(0));
    for (JsonTextPane *pane : {view.beforeText(), view.afterText()}) {
        const QColor mark = pane->markColor();
        QVERIFY2(mark.isValid() && mark.lightnessF() < 0.4, qPrintable(mark.name()));
        QVERIFY(mark != QColor(0xfd, 0xe7, 0xe9) && mark != QColor(0xe6, 0xf4, 0xea));
    }
}

void TestSettingWords::actionsHaveIcons()
{
    for (const char *name : {"undoAction", "redoAction", "resetAction", "revealAction"}) {
        QAction *a = action(name);
        QVERIFY2(a && !a->icon().isNull(), name);
    }
    // The bundled drawing is there for a desktop without an icon theme, in
    // the palette's text colour.
    const QImage undo = ThemeIcons::bundledIcon(ThemeIcons::Undo).pixmap(16, 16).toImage();
    QVERIFY(!undo.isNull());
    bool drawn = false;
    for (int y = 0; y < undo.height() && !drawn; ++y)
        for (int x = 0; x < undo.width() && !drawn; ++x)
            drawn = qAlpha(undo.pixel(x, y)) == 255 &&
                    QColor(undo.pixel(x, y)).rgb() ==
                        QApplication::palette().color(QPalette::WindowText).rgb();
    QVERIFY(drawn);
    // Every action and panel has its drawing compiled in.
    for (int a = ThemeIcons::Open; a <= ThemeIcons::Problems; ++a)
        QVERIFY2(!ThemeIcons::bundledIcon(ThemeIcons::Action(a)).pixmap(16, 16).isNull(),
                 ThemeIcons::themeName(ThemeIcons::Action(a)));
}

// The desktop turns dark while the window is open: the bars and the
// problem text take the new palette's tones, without a restart.
void TestSettingWords::paletteChangeIsFollowed()
{
    auto *message = m_window->panel()->findChild<QLabel *>(QStringLiteral("message"));
    auto *bar = m_window->panel()->findChild<QWidget *>(QStringLiteral("conflictBar"));
    QVERIFY(message && bar);
    QVERIFY(message->palette().color(QPalette::WindowText).lightnessF() < 0.5);
    const QString lightBar = bar->styleSheet();
    QApplication::setPalette(darkPalette());
    QCoreApplication::processEvents();
    QVERIFY2(message->palette().color(QPalette::WindowText).lightnessF() > 0.55,
             qPrintable(message->palette().color(QPalette::WindowText).name()));
    QVERIFY(bar->styleSheet() != lightBar);
    QVERIFY(bar->styleSheet().contains(
        ThemeColors::background(darkPalette(), ThemeColors::Neutral).name()));
}

QTEST_MAIN(TestSettingWords)
#include "tst_settingwords.moc"
