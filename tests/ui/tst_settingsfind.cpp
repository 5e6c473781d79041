// Find in the real window, offscreen, by keys and clicks: the count of
// settings found, the words marked in the tree, the message in place of an
// empty tree, Esc, the tree as it was once the box is cleared, what
// @modified lists, and a search over a large file that runs in slices.
#include "GuiTestHelpers.h"
#include "settings/SettingsDelegate.h"
#include "settings/SettingsFilterModel.h"
#include "settings/SettingsFind.h"
#include "settings/SettingsTreeModel.h"
#include "window/MainWindow.h"

#include "json/JsonText.h"
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeView>
#include <memory>

using namespace tad;

class TestSettingsFind : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void countOfSettingsFound();
    void matchesAreMarked();
    void messageInPlaceOfAnEmptyTree_data();
    void messageInPlaceOfAnEmptyTree();
    void escClearsAndKeepsTheTree();
    void keyChosenDuringFindStaysSelected();
    void modifiedListsOnlyModifiedKeys();
    void largeFileIsSearchedInSlices();
    void matchRanges();

private:
    void openWindow();
    // Ctrl+F, the query typed over what the box held, then the typing pause.
    void type(const QString &query);
    QStringList visibleKeys() const;
    QString key(const QModelIndex &proxyIndex) const
    {
        return proxyIndex.data(SettingsTreeModel::KeyPathRole).toString();
    }
    QModelIndex proxyIndex(const QString &key) const
    {
        return m_window->filterModel()->mapFromSource(m_window->model()->indexForKey(key));
    }
    QString currentKey() const { return key(m_window->tree()->currentIndex()); }
    QLabel *countLabel() const { return m_window->find()->countLabel(); }
    QLabel *emptyLabel() const { return m_window->find()->emptyLabel(); }
    QString configPath() const { return m_dir->filePath(QStringLiteral("tad-config.json")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestSettingsFind::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSettingsFind::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QFile::copy(guitest::demoConfig(), configPath()));
    QFile::setPermissions(configPath(), QFile::ReadOwner | QFile::WriteOwner);
}

void TestSettingsFind::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestSettingsFind::openWindow()
{
    MainWindowOptions options;
    options.configPath = configPath();
    options.schemaPath = guitest::testSchema();
    options.rememberState = false;
    m_window = std::make_unique<MainWindow>(options);
    m_window->resize(1024, 700);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QSignalSpy ready(m_window.get(), &MainWindow::ready);
    m_window->open();
    QVERIFY(m_window->isReady() || ready.wait(20000));
}

void TestSettingsFind::type(const QString &query)
{
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(m_window->findBox()->hasFocus());
    QTest::keyClick(m_window->findBox(), Qt::Key_A, Qt::ControlModifier);
    if (query.isEmpty())
        QTest::keyClick(m_window->findBox(), Qt::Key_Backspace);
    else
        QTest::keyClicks(m_window->findBox(), query);
    QTRY_COMPARE(m_window->filterModel()->query(), query);
    QTRY_VERIFY(!m_window->filterModel()->isSearching());
}

QStringList TestSettingsFind::visibleKeys() const
{
    const auto *proxy = m_window->filterModel();
    QStringList keys;
    std::vector<QModelIndex> stack{QModelIndex()};
    while (!stack.empty()) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        for (int row = 0; row < proxy->rowCount(parent); ++row) {
            const QModelIndex child = proxy->index(row, 0, parent);
            keys << key(child);
            stack.push_back(child);
        }
    }
    keys.sort();
    return keys;
}

void TestSettingsFind::countOfSettingsFound()
{
    openWindow();
    QVERIFY(countLabel()->text().isEmpty());
    type(QStringLiteral("font"));
    QCOMPARE(countLabel()->text(), QStringLiteral("1 setting found"));
    QVERIFY(countLabel()->isVisible());
    // "ada" is in user.name, user.email and both workspaces' paths.
    type(QStringLiteral("ada"));
    QCOMPARE(countLabel()->text(),
             QStringLiteral("%1 settings found").arg(m_window->filterModel()->matchCount()));
    QCOMPARE(m_window->filterModel()->matchCount(), 6);
    QVERIFY(visibleKeys().contains(QStringLiteral("workspaces.notes.path")));
    QVERIFY(!emptyLabel()->isVisible());
    type(QString());
    QVERIFY(countLabel()->text().isEmpty());
}

void TestSettingsFind::matchesAreMarked()
{
    openWindow();
    type(QStringLiteral("font"));
    QTreeView *tree = m_window->tree();
    auto *delegate = qobject_cast<SettingsDelegate *>(tree->itemDelegate());
    QVERIFY(delegate);
    QCOMPARE(delegate->highlightedWords(), QStringList{QStringLiteral("font")});
    const QModelIndex match = proxyIndex(QStringLiteral("settings.fontSize"));
    QVERIFY(match.isValid());
    tree->clearSelection();
    tree->setCurrentIndex(QModelIndex());
    const QRect cell = tree->visualRect(match);
    QVERIFY(!cell.isEmpty());
    const QImage marked = tree->viewport()->grab(cell).toImage();
    // The same cell with nothing marked differs only where the mark is.
    delegate->setHighlightedWords({});
    const QImage plain = tree->viewport()->grab(cell).toImage();
    QVERIFY(marked != plain);
    // The mark is behind the text's start ("fontSize" begins with "font").
    const QColor highlight = tree->palette().color(QPalette::Highlight);
    int markedPixels = 0;
    for (int x = 0; x < marked.width(); ++x) {
        for (int y = 0; y < marked.height(); ++y) {
            if (marked.pixelColor(x, y) != plain.pixelColor(x, y))
                ++markedPixels;
        }
    }
    QVERIFY2(markedPixels > 20, qPrintable(QString::number(markedPixels)));
    Q_UNUSED(highlight);
}

void TestSettingsFind::messageInPlaceOfAnEmptyTree_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("message");
    QTest::newRow("words") << QStringLiteral("zebra") << QStringLiteral("zebra");
    QTest::newRow("@invalid") << QStringLiteral("@invalid") << QStringLiteral("invalid");
    QTest::newRow("@changed") << QStringLiteral("@changed") << QStringLiteral("another program");
    QTest::newRow("@modified with words")
        << QStringLiteral("@modified fontSize") << QStringLiteral("@modified fontSize");
    QTest::newRow("a filter mistyped")
        << QStringLiteral("@modifed") << QStringLiteral("did you mean @modified?");
    QTest::newRow("no such filter") << QStringLiteral("@zebra")
                                    << QStringLiteral("@zebra is not a filter. The filters are "
                                                      "@modified @invalid @default @changed");
}

void TestSettingsFind::messageInPlaceOfAnEmptyTree()
{
    QFETCH(QString, query);
    QFETCH(QString, message);
    openWindow();
    type(query);
    QCOMPARE(visibleKeys(), QStringList());
    QCOMPARE(countLabel()->text(), QStringLiteral("No settings found"));
    QVERIFY(emptyLabel()->isVisible());
    QVERIFY2(emptyLabel()->text().contains(message), qPrintable(emptyLabel()->text()));
    QVERIFY(emptyLabel()->text().contains(QStringLiteral("Esc")));
    // Inside the tree, where the rows would be.
    QVERIFY(m_window->tree()->viewport()->rect().contains(emptyLabel()->geometry()));
    // Esc gives the tree back, and the message goes.
    QTest::keyClick(m_window->findBox(), Qt::Key_Escape);
    QVERIFY(m_window->findBox()->text().isEmpty());
    QVERIFY(!emptyLabel()->isVisible());
    QVERIFY(visibleKeys().contains(QStringLiteral("settings.fontSize")));
}

void TestSettingsFind::escClearsAndKeepsTheTree()
{
    openWindow();
    QTreeView *tree = m_window->tree();
    // The person's own tree: "ai" folded, user.preferences open, user.email selected.
    const QModelIndex ai = proxyIndex(QStringLiteral("ai"));
    QVERIFY(tree->isExpanded(ai));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(ai).center());
    QCOMPARE(currentKey(), QStringLiteral("ai"));
    QTest::keyClick(tree, Qt::Key_Left);
    QVERIFY(!tree->isExpanded(ai));
    QVERIFY(m_window->selectKey(QStringLiteral("user.preferences")));
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Right);
    QVERIFY(tree->isExpanded(proxyIndex(QStringLiteral("user.preferences"))));
    QVERIFY(m_window->selectKey(QStringLiteral("user.email")));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                      tree->visualRect(tree->currentIndex()).center());
    QCOMPARE(currentKey(), QStringLiteral("user.email"));

    type(QStringLiteral("temperature"));
    QCOMPARE(visibleKeys(), (QStringList{"ai", "ai.temperature"}));
    QVERIFY(tree->isExpanded(proxyIndex(QStringLiteral("ai"))));
    QTest::keyClick(m_window->findBox(), Qt::Key_Escape);
    QVERIFY(m_window->findBox()->text().isEmpty());
    QCOMPARE(m_window->filterModel()->query(), QString());
    QVERIFY(m_window->findBox()->hasFocus());
    QCOMPARE(currentKey(), QStringLiteral("user.email"));
    QVERIFY(!tree->isExpanded(proxyIndex(QStringLiteral("ai"))));
    QVERIFY(tree->isExpanded(proxyIndex(QStringLiteral("user.preferences"))));
    QVERIFY(tree->isExpanded(proxyIndex(QStringLiteral("settings"))));
    QVERIFY(!tree->isExpanded(proxyIndex(QStringLiteral("workspaces.notes"))));
    // Esc in an empty box does nothing more.
    QTest::keyClick(m_window->findBox(), Qt::Key_Escape);
    QCOMPARE(currentKey(), QStringLiteral("user.email"));
}

void TestSettingsFind::keyChosenDuringFindStaysSelected()
{
    openWindow();
    QTreeView *tree = m_window->tree();
    QVERIFY(m_window->selectKey(QStringLiteral("version")));
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(m_window->findBox(), QStringLiteral("autoRefresh"));
    // Down: to the first match, in the tree; then on to the next one.
    QTest::keyClick(m_window->findBox(), Qt::Key_Down);
    QTRY_VERIFY(tree->hasFocus());
    QCOMPARE(currentKey(), QStringLiteral("workspaces.tad-site.settings.autoRefresh"));
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(currentKey(), QStringLiteral("workspaces.notes"));
    QTest::keyClick(tree, Qt::Key_Down);
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(currentKey(), QStringLiteral("workspaces.notes.settings.autoRefresh"));
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClick(m_window->findBox(), Qt::Key_Escape);
    QCOMPARE(m_window->filterModel()->query(), QString());
    QCOMPARE(currentKey(), QStringLiteral("workspaces.notes.settings.autoRefresh"));
    // Its parents are open so it is on screen.
    const QModelIndex current = tree->currentIndex();
    QVERIFY(tree->isExpanded(current.parent()));
    QVERIFY(tree->viewport()->rect().intersects(tree->visualRect(current)));
}

void TestSettingsFind::modifiedListsOnlyModifiedKeys()
{
    openWindow();
    type(QStringLiteral("@modified"));
    const QStringList shown = visibleKeys();
    // user.preferences differs from its default {} but neither entry is modified.
    QVERIFY2(!shown.contains(QStringLiteral("user.preferences")), qPrintable(shown.join(' ')));
    QVERIFY(!shown.contains(QStringLiteral("user.preferences.notifications")));
    QVERIFY(shown.contains(QStringLiteral("settings.theme")));
    QVERIFY(shown.contains(QStringLiteral("workspaces.notes.settings.buildOnSave")));
    QVERIFY(!shown.contains(QStringLiteral("workspaces.tad-site.settings.buildOnSave")));
    // Every row shown is modified itself, or the parent of one that is.
    auto *proxy = m_window->filterModel();
    std::vector<QModelIndex> stack{QModelIndex()};
    int matches = 0;
    while (!stack.empty()) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        for (int row = 0; row < proxy->rowCount(parent); ++row) {
            const QModelIndex child = proxy->index(row, 0, parent);
            const bool modified =
                child.data(SettingsTreeModel::StateRole).toInt() & SettingsTreeModel::Modified;
            if (proxy->isMatch(child)) {
                ++matches;
                QVERIFY2(modified, qPrintable(key(child)));
            } else {
                QVERIFY2(proxy->rowCount(child) > 0, qPrintable(key(child)));
            }
            stack.push_back(child);
        }
    }
    QCOMPARE(countLabel()->text(), QStringLiteral("%1 settings found").arg(matches));
}

// 4,000 workspaces (about 0.8 MB): the search runs from the event loop, says
// so, and ends with the same rows a search at once would give.
void TestSettingsFind::largeFileIsSearchedInSlices()
{
    Json doc = parseValue(guitest::readBytes(guitest::demoConfig()).toStdString()).value();
    for (int i = 0; i < 4000; ++i) {
        Json w = Json::object();
        w["path"] = "/home/ada/src/project-" + std::to_string(i) + "/a/fairly/long/path/to/it";
        w["name"] = "Project number " + std::to_string(i);
        w["settings"] = Json::object({{"buildOnSave", i % 2 == 0}, {"autoRefresh", i % 3 == 0}});
        w["lastOpened"] = "2026-11-20T09:15:00.000Z";
        doc["workspaces"]["ws-" + std::to_string(i)] = std::move(w);
    }
    QVERIFY(guitest::writeBytes(configPath(),
                                QByteArray::fromStdString(stringify(doc, TextStyle::compact()))));
    QVERIFY(QFileInfo(configPath()).size() > 700000);
    openWindow();
    auto *filter = m_window->filterModel();
    // What the window shows when the search says it runs, and when it is done.
    QStringList seen;
    connect(filter, &SettingsFilterModel::searchingChanged, this, [&](bool on) {
        seen << QStringLiteral("searching %1: %2, searching() %3, message %4")
                    .arg(on)
                    .arg(countLabel()->text())
                    .arg(filter->isSearching())
                    .arg(emptyLabel()->isVisible());
    });
    connect(filter, &SettingsFilterModel::searchFinished, this,
            [&](int matches) { seen << QStringLiteral("found %1").arg(matches); });
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(m_window->findBox(), QStringLiteral("number 2999"));
    QTRY_VERIFY_WITH_TIMEOUT(seen.size() >= 3, 30000);
    QCOMPARE(seen, (QStringList{"searching 1: Searching..., searching() 1, message 0",
                                "searching 0: Searching..., searching() 0, message 0", "found 1"}));
    QCOMPARE(countLabel()->text(), QStringLiteral("1 setting found"));
    QCOMPARE(visibleKeys(),
             (QStringList{"workspaces", "workspaces.ws-2999", "workspaces.ws-2999.name"}));
    // Typing on while a search runs starts it again: the last query wins.
    QTest::keyClicks(m_window->findBox(), QStringLiteral("9"));
    QTest::keyClick(m_window->findBox(), Qt::Key_Backspace);
    QTest::keyClick(m_window->findBox(), Qt::Key_Backspace);
    QTRY_VERIFY_WITH_TIMEOUT(!filter->isSearching() && filter->query() == "number 299", 30000);
    // Each word on its own: "Project number" with 299, 1299, 2299, 3299 and 2990 to 2999.
    QCOMPARE(filter->matchCount(), 14);
    QCOMPARE(countLabel()->text(), QStringLiteral("14 settings found"));
    QTest::keyClick(m_window->findBox(), Qt::Key_Escape);
    QCOMPARE(filter->query(), QString());
    QVERIFY(!filter->isSearching());
}

void TestSettingsFind::matchRanges()
{
    using Ranges = QList<std::pair<int, int>>;
    QCOMPARE(SettingsDelegate::matchRanges(QStringLiteral("fontSize"), {"font"}), (Ranges{{0, 4}}));
    QCOMPARE(SettingsDelegate::matchRanges(QStringLiteral("FontSize"), {"size"}), (Ranges{{4, 4}}));
    QCOMPARE(SettingsDelegate::matchRanges(QStringLiteral("abab"), {"ab"}), (Ranges{{0, 4}}));
    QCOMPARE(SettingsDelegate::matchRanges(QStringLiteral("a-b-a"), {"a", "b"}),
             (Ranges{{0, 1}, {2, 1}, {4, 1}}));
    QCOMPARE(SettingsDelegate::matchRanges(QStringLiteral("xyz"), {"q"}), Ranges());
}

QTEST_MAIN(TestSettingsFind)
#include "tst_settingsfind.moc"
