// The backup timeline in the real main window: create with a label, restore
// after a preview (whole and chosen keys) and read the file afterwards,
// compare, and a backup written by another process showing up on its own.
#include "HistoryTestHelpers.h"
#include "common/RelativeTime.h"
#include "history/BackgroundWorker.h"
#include "history/BackupTimelineView.h"
#include "history/DiffView.h"
#include "session/HistoryActions.h"
#include "settings/SettingsTreeModel.h"

#include "json/JsonText.h"
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>

using namespace tad;

namespace {

// Rows of a diff view: "key: old -> new" for each operation.
QStringList operationRows(const DiffView *view)
{
    QStringList rows;
    for (int i = 0; i < view->operationsList()->topLevelItemCount(); ++i) {
        auto *item = view->operationsList()->topLevelItem(i);
        rows << QStringLiteral("%1 %2: %3 -> %4")
                    .arg(item->text(DiffView::KindColumn), item->text(DiffView::KeyColumn),
                         item->text(DiffView::OldColumn), item->text(DiffView::NewColumn));
    }
    return rows;
}

QStringList column(QTreeWidget *list, int col)
{
    QStringList texts;
    for (int g = 0; g < list->topLevelItemCount(); ++g)
        for (int i = 0; i < list->topLevelItem(g)->childCount(); ++i)
            texts << list->topLevelItem(g)->child(i)->text(col);
    return texts;
}

} // namespace

class TestBackupTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QVERIFY(m_fixture.open()); }
    void cleanup() { m_fixture.close(); }

    void createWithLabelShowsNewestFirst();
    void restoreWholeBackupAfterPreview();
    void restoreChosenKeys_data();
    void restoreChosenKeys();
    void cancelledRestoreWritesNothing();
    void aKeyChangedSinceThePreviewIsNotRestored();
    void compareWithCurrentFile();
    void backupFromAnotherProcessAppears();
    void emptyFolderOffersCreateThenCompareTwo();
    void relativeTimes_data();
    void relativeTimes();
    void deleteConfirmationSaysWhichInWords();
    void labelAnExistingBackup();
    void comparisonTitledInWords();

private:
    BackupTimelineView *timeline() { return m_fixture.panels()->timeline(); }
    bool showTimeline()
    {
        QSignalSpy listed(timeline(), &BackupTimelineView::listed);
        m_fixture.panels()->showPanel(timeline());
        return listed.wait(10000);
    }
    // The newest backup is reused when it holds the same bytes, so tests
    // change something first.
    QString createBackup(const QString &label)
    {
        QSignalSpy done(timeline(), &BackupTimelineView::actionFinished);
        QSignalSpy listed(timeline(), &BackupTimelineView::listed);
        timeline()->labelBox()->setText(label);
        QTest::keyClick(timeline()->labelBox(), Qt::Key_Return);
        if (!done.wait(10000) || !done.first().at(0).toBool())
            return {};
        if (!listed.wait(10000))
            return {};
        const QStringList labels = column(timeline()->list(), BackupTimelineView::LabelColumn);
        const int row = int(labels.indexOf(label));
        return row < 0 ? QString() : timeline()->backupNames().at(row);
    }

    guitest::HistoryWindowFixture m_fixture;
};

void TestBackupTimeline::createWithLabelShowsNewestFirst()
{
    QVERIFY(showTimeline());
    const int before = int(timeline()->backupNames().size());
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.theme", "light")}));
    const QString name = createBackup(QStringLiteral("before the party"));
    QVERIFY(!name.isEmpty());
    QCOMPARE(timeline()->backupNames().size(), before + 1);
    QCOMPARE(timeline()->backupNames().first(), name);
    QCOMPARE(column(timeline()->list(), BackupTimelineView::ReasonColumn).first(),
             QStringLiteral("Made by hand"));
    QVERIFY(column(timeline()->list(), BackupTimelineView::StateColumn)
                .first()
                .contains(QStringLiteral("ok")));
    // Grouped by day: the first group is today's.
    QCOMPARE(timeline()->list()->topLevelItem(0)->text(0), QStringLiteral("Today"));
    QVERIFY(QFile::exists(QFileInfo(m_fixture.configPath()).absolutePath() +
                          QStringLiteral("/backups/") + name));
    QVERIFY(timeline()->labelBox()->text().isEmpty());
}

void TestBackupTimeline::restoreWholeBackupAfterPreview()
{
    QVERIFY(showTimeline());
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.autoSave", false)}));
    const QString saved = createBackup(QStringLiteral("good state"));
    QVERIFY(!saved.isEmpty());
    QVERIFY(m_fixture.applyEdit(
        {m_fixture.set("settings.theme", "light"), m_fixture.set("settings.fontSize", 20)}));
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("settings.theme")),
             QStringLiteral("\"light\""));

    QStringList preview;
    m_fixture.answerDialogs([&](QDialog &dialog) {
        auto *view = dialog.findChild<DiffView *>(QStringLiteral("restorePreview"));
        if (view)
            preview = operationRows(view);
        dialog.findChild<QPushButton *>(QStringLiteral("restoreAll"))->click();
        return dialog.result();
    });
    QVERIFY(timeline()->selectBackup(saved));
    QSignalSpy done(timeline(), &BackupTimelineView::actionFinished);
    timeline()->restoreSelected();
    QVERIFY(done.wait(10000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(timeline()->statusText()));

    // The preview showed exactly the two changes the restore makes.
    QCOMPARE(preview,
             QStringList({QStringLiteral("~ changed settings.theme: \"light\" -> \"dark\""),
                          QStringLiteral("~ changed settings.fontSize: 20 -> 14")}));
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("settings.theme")),
             QStringLiteral("\"dark\""));
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("settings.fontSize")),
             QStringLiteral("14"));
    QCOMPARE(guitest::readBytes(m_fixture.configPath()),
             guitest::readBytes(QFileInfo(m_fixture.configPath()).absolutePath() +
                                QStringLiteral("/backups/") + saved));
    // The tree follows, and the content before the restore was kept.
    auto *model = m_fixture.window()->model();
    QTRY_COMPARE(model->valueOf(model->indexForKey(QStringLiteral("settings.theme"))),
                 std::optional<Json>(Json("dark")));
    QTRY_VERIFY(column(timeline()->list(), BackupTimelineView::ReasonColumn)
                    .contains(QStringLiteral("Before a restore")));
}

void TestBackupTimeline::restoreChosenKeys_data()
{
    QTest::addColumn<bool>("byEnter");
    QTest::newRow("Restore checked keys") << false;
    // With a key ticked, the checked keys are what Enter restores too.
    QTest::newRow("Enter") << true;
}

void TestBackupTimeline::restoreChosenKeys()
{
    QFETCH(bool, byEnter);
    QVERIFY(showTimeline());
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.autoSave", false)}));
    const QString saved = createBackup(QStringLiteral("two keys"));
    QVERIFY(!saved.isEmpty());
    QVERIFY(m_fixture.applyEdit(
        {m_fixture.set("settings.theme", "light"), m_fixture.set("settings.fontSize", 20)}));

    int offered = 0;
    m_fixture.answerDialogs([&](QDialog &dialog) {
        auto *view = dialog.findChild<DiffView *>(QStringLiteral("restorePreview"));
        offered = view->operationsList()->topLevelItemCount();
        for (int i = 0; i < offered; ++i) {
            auto *item = view->operationsList()->topLevelItem(i);
            if (item->text(DiffView::KeyColumn) == QLatin1String("settings.fontSize"))
                item->setCheckState(DiffView::KindColumn, Qt::Checked);
        }
        if (byEnter) {
            dialog.show(); // Enter goes to a default button on screen
            (void)QTest::qWaitForWindowExposed(&dialog);
            view->operationsList()->setFocus();
            QTest::keyClick(view->operationsList(), Qt::Key_Return);
        } else {
            dialog.findChild<QPushButton *>(QStringLiteral("restoreChecked"))->click();
        }
        return dialog.result();
    });
    QVERIFY(timeline()->selectBackup(saved));
    QSignalSpy done(timeline(), &BackupTimelineView::actionFinished);
    timeline()->restoreSelected();
    QVERIFY(done.wait(10000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(timeline()->statusText()));
    QCOMPARE(offered, 2);
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("settings.fontSize")),
             QStringLiteral("14"));
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("settings.theme")),
             QStringLiteral("\"light\""));
}

// The preview showed theme "light"; while it was open another program set
// "dark". Restoring the ticked key would write over a value nobody saw:
// refused, the other program's value stays, and the status says why.
void TestBackupTimeline::aKeyChangedSinceThePreviewIsNotRestored()
{
    QVERIFY(showTimeline());
    const QString saved = createBackup(QStringLiteral("auto theme"));
    QVERIFY(!saved.isEmpty());
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.theme", "light")}));
    m_fixture.answerDialogs([&](QDialog &dialog) {
        auto *view = dialog.findChild<DiffView *>(QStringLiteral("restorePreview"));
        for (int i = 0; i < view->operationsList()->topLevelItemCount(); ++i) {
            auto *item = view->operationsList()->topLevelItem(i);
            if (item->text(DiffView::KeyColumn) == QLatin1String("settings.theme"))
                item->setCheckState(DiffView::KindColumn, Qt::Checked);
        }
        QByteArray theirs = guitest::readBytes(m_fixture.configPath());
        theirs.replace("\"theme\":\"light\"", "\"theme\":\"auto\"");
        (void)guitest::writeBytes(m_fixture.configPath(), theirs);
        dialog.findChild<QPushButton *>(QStringLiteral("restoreChecked"))->click();
        return dialog.result();
    });
    QVERIFY(timeline()->selectBackup(saved));
    QSignalSpy done(timeline(), &BackupTimelineView::actionFinished);
    timeline()->restoreSelected();
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().at(0).toBool(), false);
    QVERIFY2(timeline()->statusText().contains(QStringLiteral("since the restore was prepared")),
             qPrintable(timeline()->statusText()));
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("settings.theme")),
             QStringLiteral("\"auto\""));
}

void TestBackupTimeline::cancelledRestoreWritesNothing()
{
    QVERIFY(showTimeline());
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.autoSave", false)}));
    const QString saved = createBackup(QStringLiteral("cancel me"));
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.theme", "light")}));
    const QByteArray before = guitest::readBytes(m_fixture.configPath());
    m_fixture.answerDialogs([](QDialog &dialog) {
        dialog.reject();
        return int(QDialog::Rejected);
    });
    QVERIFY(timeline()->selectBackup(saved));
    QSignalSpy done(timeline(), &BackupTimelineView::actionFinished);
    timeline()->restoreSelected();
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().at(0).toBool(), false);
    QCOMPARE(m_fixture.dialogsShown(), 1);
    QCOMPARE(guitest::readBytes(m_fixture.configPath()), before);
}

void TestBackupTimeline::compareWithCurrentFile()
{
    QVERIFY(showTimeline());
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.autoSave", false)}));
    const QString saved = createBackup(QStringLiteral("compare"));
    QVERIFY(m_fixture.applyEdit({m_fixture.set("user.preferences.analytics", true)}));
    QVERIFY(timeline()->selectBackup(saved));
    QSignalSpy shown(timeline(), &BackupTimelineView::comparisonShown);
    QTest::keyClick(timeline()->list(), Qt::Key_Return);
    QVERIFY(shown.wait(10000));
    QCOMPARE(operationRows(timeline()->diffView()),
             QStringList(QStringLiteral("~ changed user.preferences.analytics: false -> true")));
    QVERIFY(timeline()->diffView()->afterText()->toPlainText().contains(
        QStringLiteral("\"analytics\": true")));
}

void TestBackupTimeline::backupFromAnotherProcessAppears()
{
    QVERIFY(showTimeline());
    const QStringList before = timeline()->backupNames();
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.language", "fr")}));
    QProcess cli;
    cli.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    cli.start(qEnvironmentVariable("TAD_CLI"),
              {QStringLiteral("--config"), m_fixture.configPath(), QStringLiteral("backup"),
               QStringLiteral("create"), QStringLiteral("--label"),
               QStringLiteral("from the cli")});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    // No reload() here: the folder watch brings it in.
    QTRY_VERIFY_WITH_TIMEOUT(column(timeline()->list(), BackupTimelineView::LabelColumn)
                                 .contains(QStringLiteral("from the cli")),
                             5000);
    QCOMPARE(timeline()->backupNames().size(), before.size() + 1);
    QVERIFY(!before.contains(timeline()->backupNames().first()));
}

// The panel on its own, on a store without backups: the empty page offers
// to create one; then two backups compared with each other.
void TestBackupTimeline::emptyFolderOffersCreateThenCompareTwo()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(QFile::copy(guitest::demoConfig(), config));
    QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner);
    StoreSessionOptions options;
    options.file.history = false; // no application-start backup
    StoreSession session(config, options);
    QSignalSpy opened(&session, &StoreSession::opened);
    session.open();
    QVERIFY(opened.wait(10000));
    HistoryActions actions(&session, Schema());
    BackgroundWorker worker;
    BackupTimelineView view(config, &actions, &worker);
    view.show();
    QSignalSpy listed(&view, &BackupTimelineView::listed);
    view.reload();
    QVERIFY(listed.wait(10000));
    QCOMPARE(listed.takeFirst().at(0).toInt(), 0);
    auto *emptyText = view.findChild<QLabel *>(QStringLiteral("backupsEmpty"));
    QVERIFY(emptyText->isVisible());
    QVERIFY(emptyText->text().contains(QStringLiteral("No backups yet")));

    QSignalSpy done(&view, &BackupTimelineView::actionFinished);
    view.findChild<QPushButton *>(QStringLiteral("createFirstBackup"))->click();
    QVERIFY(done.wait(10000));
    QVERIFY2(done.takeFirst().at(0).toBool(), qPrintable(view.statusText()));
    QTRY_COMPARE(view.backupNames().size(), 1);
    QVERIFY(view.list()->isVisible());
    QCOMPARE(column(view.list(), BackupTimelineView::ReasonColumn),
             QStringList(QStringLiteral("Made by hand")));

    QSignalSpy written(&session, &StoreSession::writeFinished);
    session.set(KeyPath::parse("settings.fontSize").value(), 19, std::nullopt);
    QVERIFY(written.wait(10000));
    view.createBackup(QStringLiteral("second"));
    QVERIFY(done.wait(10000));
    QTRY_COMPARE(view.backupNames().size(), 2);
    view.list()->clearSelection();
    QVERIFY(view.selectBackup(view.backupNames().at(0)));
    QVERIFY(view.selectBackup(view.backupNames().at(1)));
    QSignalSpy shown(&view, &BackupTimelineView::comparisonShown);
    view.findChild<QPushButton *>(QStringLiteral("comparePair"))->click();
    QVERIFY(shown.wait(10000));
    QCOMPARE(operationRows(view.diffView()),
             QStringList(QStringLiteral("~ changed settings.fontSize: 14 -> 19")));
}

void TestBackupTimeline::relativeTimes_data()
{
    QTest::addColumn<qint64>("secondsAgo");
    QTest::addColumn<QString>("text");
    QTest::newRow("future") << qint64(-5) << QStringLiteral("in the future");
    QTest::newRow("seconds") << qint64(59) << QStringLiteral("just now");
    QTest::newRow("one minute") << qint64(60) << QStringLiteral("1 minute ago");
    QTest::newRow("minutes") << qint64(150) << QStringLiteral("2 minutes ago");
    QTest::newRow("hours") << qint64(3 * 3600 + 10) << QStringLiteral("3 hours ago");
    QTest::newRow("yesterday") << qint64(30 * 3600) << QStringLiteral("yesterday");
    QTest::newRow("days") << qint64(5 * 86400) << QStringLiteral("5 days ago");
    QTest::newRow("weeks") << qint64(21 * 86400) << QStringLiteral("3 weeks ago");
    QTest::newRow("months") << qint64(95 * 86400) << QStringLiteral("3 months ago");
}

void TestBackupTimeline::relativeTimes()
{
    QFETCH(qint64, secondsAgo);
    QFETCH(QString, text);
    const QDateTime now =
        QDateTime::fromString(QStringLiteral("2026-06-01T12:00:00Z"), Qt::ISODate);
    QCOMPARE(relativeTime(now.addSecs(-secondsAgo), now), text);
}

// Delete on a selected backup asks with its time and reason, not its file name.
void TestBackupTimeline::deleteConfirmationSaysWhichInWords()
{
    QVERIFY(showTimeline());
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.theme", "light")}));
    const QString name = createBackup(QStringLiteral("before the trip"));
    QVERIFY(!name.isEmpty());
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.theme", "dark")}));
    QVERIFY(!createBackup(QStringLiteral("after")).isEmpty());
    m_fixture.window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_fixture.window()));
    QTreeWidget *list = timeline()->list();
    list->clearSelection();
    QVERIFY(timeline()->selectBackup(name));
    QString asked;
    m_fixture.answerDialogs([&](QDialog &dialog) {
        if (auto *box = qobject_cast<QMessageBox *>(&dialog))
            asked = box->text();
        dialog.reject();
        return int(QDialog::Rejected);
    });
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QVERIFY2(asked.startsWith(QStringLiteral("Delete the backup from ")), qPrintable(asked));
    QVERIFY2(asked.contains(QStringLiteral("(\u201cbefore the trip\u201d)?")), qPrintable(asked));
    QVERIFY(!asked.contains(name));
    QVERIFY(timeline()->backupNames().contains(name));
    // Two at once: how many, and from when to when.
    QVERIFY(timeline()->selectBackup(timeline()->backupNames().first()));
    QTest::keyClick(list, Qt::Key_Delete);
    QVERIFY2(asked.startsWith(QStringLiteral("Delete 2 backups, from ")), qPrintable(asked));
}

void TestBackupTimeline::labelAnExistingBackup()
{
    QVERIFY(showTimeline());
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.theme", "light")}));
    {
        QSignalSpy made(timeline(), &BackupTimelineView::actionFinished);
        QSignalSpy listed(timeline(), &BackupTimelineView::listed);
        QTest::mouseClick(timeline()->findChild<QPushButton *>(QStringLiteral("createBackup")),
                          Qt::LeftButton);
        QVERIFY(made.wait(10000));
        QVERIFY(listed.wait(10000));
    }
    const QString newest = timeline()->backupNames().first();
    QCOMPARE(column(timeline()->list(), BackupTimelineView::LabelColumn).first(), QString());
    QTreeWidget *list = timeline()->list();
    QTreeWidgetItem *row = list->topLevelItem(0)->child(0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(row).center());
    auto *label = timeline()->findChild<QPushButton *>(QStringLiteral("labelBackup"));
    QTRY_VERIFY(label->isEnabled());
    QString asked;
    m_fixture.answerDialogs([&](QDialog &dialog) {
        auto *input = qobject_cast<QInputDialog *>(&dialog);
        if (!input)
            return int(QDialog::Rejected);
        asked = input->labelText();
        input->setTextValue(QStringLiteral("known good"));
        input->accept();
        return int(QDialog::Accepted);
    });
    QSignalSpy done(timeline(), &BackupTimelineView::actionFinished);
    QTest::mouseClick(label, Qt::LeftButton);
    QVERIFY(done.wait(10000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(timeline()->statusText()));
    QVERIFY2(asked.startsWith(QStringLiteral("A label for the backup from ")), qPrintable(asked));
    QVERIFY(asked.contains(QStringLiteral("(made by hand)")));
    QTRY_COMPARE(column(list, BackupTimelineView::LabelColumn).first(),
                 QStringLiteral("known good"));
    // In the meta file, beside what was there.
    const QByteArray meta =
        guitest::readBytes(QFileInfo(m_fixture.configPath()).absolutePath() +
                           QStringLiteral("/backups/") + newest + QStringLiteral(".meta.json"));
    const Json parsed = parseValue(meta.toStdString()).value();
    QVERIFY(parsed["label"] == Json("known good"));
    QVERIFY(parsed["reason"] == Json("manual"));
}

void TestBackupTimeline::comparisonTitledInWords()
{
    QVERIFY(showTimeline());
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.theme", "light")}));
    QVERIFY(!createBackup(QStringLiteral("one")).isEmpty());
    QTreeWidget *list = timeline()->list();
    QTreeWidgetItem *row = list->topLevelItem(0)->child(0);
    QSignalSpy shown(timeline(), &BackupTimelineView::comparisonShown);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(row).center());
    QTest::keyClick(list, Qt::Key_Return);
    QVERIFY(shown.wait(10000));
    const DiffData &data = timeline()->diffView()->data();
    QVERIFY2(data.beforeTitle.startsWith(QStringLiteral("Backup from ")),
             qPrintable(data.beforeTitle));
    QVERIFY(!data.beforeTitle.contains(QStringLiteral(".json")));
    QCOMPARE(data.afterTitle, QStringLiteral("Current file"));
    QCOMPARE(column(list, BackupTimelineView::ReasonColumn).first(),
             QStringLiteral("Made by hand"));
}

QTEST_MAIN(TestBackupTimeline)
#include "tst_backuptimeline.moc"
