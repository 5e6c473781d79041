// The history panel in the real main window: entries with their source,
// their diff, reverting chosen operations, the refusal after a conflicting
// change by another process, rolling back a whole change, and "History of
// this key" from the tree's context menu.
#include "HistoryTestHelpers.h"
#include "history/DiffView.h"
#include "history/History.h"
#include "history/HistoryView.h"
#include "settings/SettingsTreeModel.h"
#include "window/PanelDocks.h"

#include <QAction>
#include <QDockWidget>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace tad;

class TestHistoryView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QVERIFY(m_fixture.open()); }
    void cleanup() { m_fixture.close(); }

    void entryShowsSourceAndDiff();
    void newestIsShownUntilOneIsChosen();
    void revertChosenOperations();
    void revertRefusedAfterConflictingChange();
    void rollBackWholeChange();
    void historyOfKeyFromTreeMenu();
    void diffFollowsTheSelectionAfterHistoryOfKey();
    void rollbackConfirmationSaysWhatHappens();
    void labelAnExistingEntry();
    void searchNarrowsTheList();
    void entryOfAnotherProgramIsListed();

private:
    HistoryView *history() { return m_fixture.panels()->history(); }
    bool showHistory()
    {
        QSignalSpy listed(history(), &HistoryView::listed);
        m_fixture.panels()->showPanel(history());
        return listed.wait(10000);
    }
    bool reloadHistory()
    {
        QSignalSpy listed(history(), &HistoryView::listed);
        history()->reload();
        return listed.wait(10000);
    }
    bool selectAndShow(const QString &id)
    {
        QSignalSpy shown(history(), &HistoryView::entryShown);
        return history()->selectEntry(id) && shown.wait(10000);
    }
    // The newest entry whose Keys column names `key`.
    QString newestEntryOf(const QString &key, const QString &source = {})
    {
        auto *list = history()->list();
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            auto *item = list->topLevelItem(i);
            if (item->text(HistoryView::KeysColumn).contains(key) &&
                (source.isEmpty() || item->text(HistoryView::ReasonColumn) == source))
                return history()->entryIds().at(i);
        }
        return {};
    }
    bool checkOperation(const QString &key)
    {
        auto *list = history()->diffView()->operationsList();
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->text(DiffView::KeyColumn) == key) {
                list->topLevelItem(i)->setCheckState(DiffView::KindColumn, Qt::Checked);
                return true;
            }
        }
        return false;
    }

    guitest::HistoryWindowFixture m_fixture;
};

void TestHistoryView::entryShowsSourceAndDiff()
{
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.fontSize", 18)}));
    QVERIFY(showHistory());
    const QString id = newestEntryOf(QStringLiteral("settings.fontSize"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(history()->list()->topLevelItem(0)->text(HistoryView::ReasonColumn),
             QStringLiteral("Edited in TAD Settings"));
    QVERIFY(selectAndShow(id));
    auto *ops = history()->diffView()->operationsList();
    QCOMPARE(ops->topLevelItemCount(), 1);
    QCOMPARE(ops->topLevelItem(0)->text(DiffView::OldColumn), QStringLiteral("14"));
    QCOMPARE(ops->topLevelItem(0)->text(DiffView::NewColumn), QStringLiteral("18"));
    QVERIFY(ops->topLevelItem(0)->text(DiffView::KindColumn).startsWith(QLatin1Char('~')));

    // A selection the person made stays; without one, the newest entry is
    // shown when more arrive, not the one that was newest when first read.
    QVERIFY(m_fixture.applyEdit({m_fixture.set("user.name", "Grace")}));
    QVERIFY(reloadHistory());
    QCOMPARE(history()->list()->currentItem(), history()->list()->topLevelItem(1));
}

// Opened, closed, and opened again after more changes: the newest entry is
// shown, not the one that was newest the first time.
void TestHistoryView::newestIsShownUntilOneIsChosen()
{
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.fontSize", 18)}));
    QVERIFY(showHistory());
    QCOMPARE(history()->list()->currentItem(), history()->list()->topLevelItem(0));
    // A change while it is open keeps what is on screen (not a choice).
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.fontSize", 19)}));
    QVERIFY(reloadHistory());
    QCOMPARE(history()->list()->currentItem(), history()->list()->topLevelItem(1));
    QDockWidget *dock = m_fixture.window()->docks()->dockOf(history());
    QVERIFY(dock);
    dock->hide();
    QTRY_VERIFY(!history()->isVisible());
    QVERIFY(m_fixture.applyEdit({m_fixture.set("user.name", "Grace")}));
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.theme", "light")}));
    QVERIFY(showHistory() || reloadHistory());
    QCOMPARE(history()->list()->currentItem(), history()->list()->topLevelItem(0));
    QVERIFY(history()
                ->list()
                ->topLevelItem(0)
                ->text(HistoryView::KeysColumn)
                .contains(QStringLiteral("settings.theme")));
}

void TestHistoryView::revertChosenOperations()
{
    QVERIFY(m_fixture.applyEdit(
        {m_fixture.set("settings.theme", "light"), m_fixture.set("settings.fontSize", 18)}));
    QVERIFY(showHistory());
    const QString id = newestEntryOf(QStringLiteral("settings.fontSize"));
    QVERIFY(selectAndShow(id));
    QCOMPARE(history()->diffView()->operationsList()->topLevelItemCount(), 2);
    QVERIFY(checkOperation(QStringLiteral("settings.fontSize")));
    m_fixture.answerDialogs(guitest::acceptDialog);
    QSignalSpy done(history(), &HistoryView::rollbackFinished);
    history()->diffView()->findChild<QPushButton *>(QStringLiteral("revertChecked"))->click();
    QVERIFY(done.wait(10000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(history()->diffView()->message()));
    QCOMPARE(m_fixture.dialogsShown(), 1);
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("settings.fontSize")),
             QStringLiteral("14"));
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("settings.theme")),
             QStringLiteral("\"light\""));
    // The rollback is an entry of its own.
    QTRY_VERIFY(history()
                    ->list()
                    ->topLevelItem(0)
                    ->text(HistoryView::ReasonColumn)
                    .startsWith(QStringLiteral("Rollback of the change from ")));
}

void TestHistoryView::revertRefusedAfterConflictingChange()
{
    QVERIFY(m_fixture.applyEdit(
        {m_fixture.set("settings.theme", "light"), m_fixture.set("settings.fontSize", 18)}));
    QVERIFY(showHistory());
    const QString id = newestEntryOf(QStringLiteral("settings.fontSize"));
    QVERIFY(!id.isEmpty());
    // The Electron app changes the same key afterwards.
    std::unique_ptr<QProcess> conf(guitest::startConfSet(m_fixture.configPath(),
                                                         QStringLiteral("settings.fontSize"),
                                                         QStringLiteral("20"), nullptr));
    QVERIFY(conf->waitForFinished(60000));
    QCOMPARE(conf->exitCode(), 0);
    QSignalSpy applied(m_fixture.window(), &MainWindow::changesApplied);
    QVERIFY(applied.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT((reloadHistory(), !newestEntryOf(QStringLiteral("settings.fontSize"),
                                                              QStringLiteral("Changed by the app"))
                                                    .isEmpty()),
                             10000);

    QVERIFY(selectAndShow(id));
    QVERIFY(checkOperation(QStringLiteral("settings.fontSize")));
    QVERIFY(checkOperation(QStringLiteral("settings.theme")));
    m_fixture.answerDialogs(guitest::acceptDialog);
    const QByteArray before = guitest::readBytes(m_fixture.configPath());
    QSignalSpy done(history(), &HistoryView::rollbackFinished);
    history()->rollBackSelected(history()->diffView()->checkedOperations());
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().at(0).toBool(), false);
    const QString message = history()->diffView()->message();
    QVERIFY2(message.contains(QStringLiteral("settings.fontSize")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("settings.theme")), qPrintable(message));
    QCOMPARE(guitest::readBytes(m_fixture.configPath()), before);
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("settings.fontSize")),
             QStringLiteral("20"));
}

void TestHistoryView::rollBackWholeChange()
{
    QVERIFY(m_fixture.applyEdit(
        {m_fixture.set("settings.theme", "light"), m_fixture.set("settings.language", "de")}));
    QVERIFY(showHistory());
    QVERIFY(selectAndShow(newestEntryOf(QStringLiteral("settings.language"))));
    m_fixture.answerDialogs(guitest::acceptDialog);
    QSignalSpy done(history(), &HistoryView::rollbackFinished);
    history()->findChild<QPushButton *>(QStringLiteral("rollbackEntry"))->click();
    QVERIFY(done.wait(10000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(history()->diffView()->message()));
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("settings.theme")),
             QStringLiteral("\"dark\""));
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("settings.language")),
             QStringLiteral("\"en\""));
}

void TestHistoryView::historyOfKeyFromTreeMenu()
{
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.theme", "light")}));
    QVERIFY(m_fixture.applyEdit({m_fixture.set("user.name", "Grace")}));
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.theme", "dark")}));
    QVERIFY(m_fixture.window()->selectKey(QStringLiteral("user.name")));
    QAction *action = nullptr;
    for (auto *candidate : m_fixture.window()->tree()->actions())
        if (candidate->objectName() == QLatin1String("keyHistoryAction"))
            action = candidate;
    QVERIFY(action);
    QSignalSpy listed(history(), &HistoryView::listed);
    action->trigger();
    QTRY_VERIFY(!listed.isEmpty() && history()->keyFilter() == QLatin1String("user.name"));
    QTRY_VERIFY(history()->isVisible());
    // Only the user.name change (and whole-document entries) are listed.
    auto *list = history()->list();
    QVERIFY(list->topLevelItemCount() >= 1);
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        QVERIFY2(!list->topLevelItem(i)
                      ->text(HistoryView::KeysColumn)
                      .contains(QStringLiteral("settings.theme")),
                 qPrintable(list->topLevelItem(i)->text(HistoryView::KeysColumn)));
    QCOMPARE(list->topLevelItem(0)->text(HistoryView::KeysColumn), QStringLiteral("user.name"));
}

// "History of this key" while another key's entry is shown: the diff pane
// shows the entry of that key that the list selects, never the old one.
void TestHistoryView::diffFollowsTheSelectionAfterHistoryOfKey()
{
    QVERIFY(m_fixture.applyEdit({m_fixture.set("user.name", "Grace")}));
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.theme", "light")}));
    QVERIFY(showHistory());
    const QString theme = newestEntryOf(QStringLiteral("settings.theme"));
    QVERIFY(selectAndShow(theme));
    QCOMPARE(history()->diffView()->operationsList()->topLevelItem(0)->text(DiffView::KeyColumn),
             QStringLiteral("settings.theme"));

    QVERIFY(m_fixture.window()->selectKey(QStringLiteral("user.name")));
    QSignalSpy listed(history(), &HistoryView::listed);
    for (auto *candidate : m_fixture.window()->tree()->actions())
        if (candidate->objectName() == QLatin1String("keyHistoryAction"))
            candidate->trigger();
    QCOMPARE(history()->keyFilter(), QStringLiteral("user.name"));
    QVERIFY(listed.wait(10000));
    // Its diff follows from the worker.
    QTRY_COMPARE(
        history()->diffView()->operationsList()->topLevelItem(0)->text(DiffView::KeyColumn),
        QStringLiteral("user.name"));
    auto *list = history()->list();
    QCOMPARE(list->currentItem(), list->topLevelItem(0));
    QCOMPARE(history()->shownEntryId(), history()->entryIds().first());
    QCOMPARE(history()->shownEntryId(), newestEntryOf(QStringLiteral("user.name")));
    auto *ops = history()->diffView()->operationsList();
    QCOMPARE(ops->topLevelItemCount(), 1);
    QCOMPARE(ops->topLevelItem(0)->text(DiffView::KeyColumn), QStringLiteral("user.name"));
    QCOMPARE(ops->topLevelItem(0)->text(DiffView::NewColumn), QStringLiteral("\"Grace\""));

    // A new entry comes in: the selected one stays selected and shown.
    const QString grace = history()->shownEntryId();
    QVERIFY(m_fixture.applyEdit({m_fixture.set("user.name", "Hopper")}));
    QVERIFY(reloadHistory());
    QVERIFY(list->topLevelItemCount() >= 2);
    QCOMPARE(history()->entryIds().at(1), grace);
    QCOMPARE(list->currentItem(), list->topLevelItem(1));
    QCOMPARE(history()->shownEntryId(), grace);
    // A click on the new row shows that one.
    QSignalSpy clicked(history(), &HistoryView::entryShown);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->topLevelItem(0)).center());
    QVERIFY(clicked.wait(10000));
    QCOMPARE(history()->shownEntryId(), history()->entryIds().at(0));
    QCOMPARE(history()->diffView()->operationsList()->topLevelItem(0)->text(DiffView::NewColumn),
             QStringLiteral("\"Hopper\""));
    // The panes are titled in words, not file names.
    QVERIFY2(history()->diffView()->data().beforeTitle.startsWith(
                 QStringLiteral("Before the change of ")),
             qPrintable(history()->diffView()->data().beforeTitle));
}

void TestHistoryView::rollbackConfirmationSaysWhatHappens()
{
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.theme", "light")}));
    QVERIFY(showHistory());
    const QString id = newestEntryOf(QStringLiteral("settings.theme"));
    QVERIFY(selectAndShow(id));
    QString asked;
    m_fixture.answerDialogs([&](QDialog &dialog) {
        if (auto *box = qobject_cast<QMessageBox *>(&dialog))
            asked = box->text();
        dialog.reject();
        return int(QDialog::Rejected);
    });
    history()->findChild<QPushButton *>(QStringLiteral("rollbackEntry"))->click();
    QVERIFY2(asked.startsWith(QStringLiteral(
                 "Roll back the change made just now in TAD Settings to settings.theme?")),
             qPrintable(asked));
    QVERIFY(!asked.contains(id));
    QVERIFY(!asked.contains(id.right(4)));
    // Refused: nothing was written.
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("settings.theme")),
             QStringLiteral("\"light\""));
}

void TestHistoryView::labelAnExistingEntry()
{
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.fontSize", 16)}));
    QVERIFY(showHistory());
    const QString id = newestEntryOf(QStringLiteral("settings.fontSize"));
    QVERIFY(selectAndShow(id));
    QString asked;
    m_fixture.answerDialogs([&](QDialog &dialog) {
        auto *input = qobject_cast<QInputDialog *>(&dialog);
        if (!input)
            return int(QDialog::Rejected);
        asked = input->labelText();
        input->setTextValue(QStringLiteral("bigger text"));
        input->accept();
        return int(QDialog::Accepted);
    });
    QSignalSpy labelled(history(), &HistoryView::labelFinished);
    QSignalSpy listed(history(), &HistoryView::listed);
    QTest::mouseClick(history()->findChild<QPushButton *>(QStringLiteral("labelEntry")),
                      Qt::LeftButton);
    QVERIFY(labelled.wait(10000));
    QVERIFY(labelled.first().at(0).toBool());
    QVERIFY2(asked.startsWith(QStringLiteral("A label for the change made just now in TAD "
                                             "Settings")),
             qPrintable(asked));
    auto entry = History(m_fixture.configPath()).find(id);
    QVERIFY(entry);
    QCOMPARE(entry->label, QStringLiteral("bigger text"));
    QTRY_COMPARE(history()
                     ->list()
                     ->topLevelItem(history()->entryIds().indexOf(id))
                     ->text(HistoryView::LabelColumn),
                 QStringLiteral("bigger text"));
    // The label is found by the search.
    history()->findChild<QLineEdit *>(QStringLiteral("historyKeyFilter"))->clear();
    QTest::keyClicks(history()->findChild<QLineEdit *>(QStringLiteral("historyKeyFilter")),
                     QStringLiteral("bigger"));
    QCOMPARE(history()->entryIds(), QStringList(id));
}

void TestHistoryView::searchNarrowsTheList()
{
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.theme", "light")}));
    QVERIFY(m_fixture.applyEdit({m_fixture.set("user.name", "Grace")}));
    QVERIFY(showHistory());
    const int all = int(history()->entryIds().size());
    auto *search = history()->findChild<QLineEdit *>(QStringLiteral("historyKeyFilter"));
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("user"));
    QVERIFY(!history()->entryIds().isEmpty());
    for (int i = 0; i < history()->list()->topLevelItemCount(); ++i)
        QVERIFY(history()
                    ->list()
                    ->topLevelItem(i)
                    ->text(HistoryView::KeysColumn)
                    .contains(QStringLiteral("user")));
    auto *status = history()->findChild<QLabel *>(QStringLiteral("historyStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("of %1 changes match").arg(all)) ||
                 status->text().contains(QStringLiteral("of %1 changes matches").arg(all)),
             qPrintable(status->text()));
    // By the reason's words, case aside.
    QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(search, QStringLiteral("edited in"));
    QVERIFY(history()->entryIds().size() >= 2);
    for (int i = 0; i < history()->list()->topLevelItemCount(); ++i)
        QCOMPARE(history()->list()->topLevelItem(i)->text(HistoryView::ReasonColumn),
                 QStringLiteral("Edited in TAD Settings"));
    // Nothing matches: the empty page says so.
    QTest::keyClicks(search, QStringLiteral("zzz"));
    QVERIFY(history()->entryIds().isEmpty());
    QVERIFY(history()->findChild<QLabel *>(QStringLiteral("historyEmpty"))->isVisible());
    QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(search, Qt::Key_Backspace);
    QCOMPARE(int(history()->entryIds().size()), all);
}

// A change the command line makes while the list is open appends a line to
// the journal (no file is added): the list shows it without a refresh, once,
// though the window saw it land before the command line wrote its line.
void TestHistoryView::entryOfAnotherProgramIsListed()
{
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.fontSize", 18)}));
    QVERIFY(showHistory());
    const int before = history()->list()->topLevelItemCount();
    QVERIFY(newestEntryOf(QStringLiteral("settings.language")).isEmpty());
    QSignalSpy listed(history(), &HistoryView::listed);
    QProcess cli;
    cli.start(qEnvironmentVariable("TAD_CLI"),
              {QStringLiteral("--config"), m_fixture.configPath(), QStringLiteral("set"),
               QStringLiteral("settings.language"), QStringLiteral("\"de\"")});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!newestEntryOf(QStringLiteral("settings.language")).isEmpty(), 10000);
    QCOMPARE(history()->list()->topLevelItemCount(), before + 1);
    QVERIFY(listed.count() > 0);
}

QTEST_MAIN(TestHistoryView)
#include "tst_historyview.moc"
