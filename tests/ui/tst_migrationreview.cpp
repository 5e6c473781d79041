// The migration review in the real main window: the dry run shows each
// pending step's diff and writes nothing; running it after the confirmation
// migrates the file (with a pre-migration backup) and the step moves to the
// past migrations, with its diff from the history.
#include "HistoryTestHelpers.h"
#include "history/DiffView.h"
#include "history/MigrationReview.h"

#include <QDir>
#include <QPushButton>
#include <QTreeWidget>

using namespace tad;

class TestMigrationReview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QVERIFY(m_fixture.open()); }
    void cleanup() { m_fixture.close(); }

    void dryRunThenRun();
    void refusedConfirmationWritesNothing();

private:
    MigrationReview *review() { return m_fixture.panels()->migrations(); }
    bool showReview()
    {
        QSignalSpy reviewed(review(), &MigrationReview::reviewed);
        m_fixture.panels()->showPanel(review());
        return reviewed.wait(10000);
    }
    QStringList diffKeys()
    {
        QStringList keys;
        auto *list = review()->diffView()->operationsList();
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            keys << list->topLevelItem(i)->text(DiffView::KindColumn) + QLatin1Char(' ') +
                        list->topLevelItem(i)->text(DiffView::KeyColumn);
        return keys;
    }

    guitest::HistoryWindowFixture m_fixture;
};

void TestMigrationReview::dryRunThenRun()
{
    // Differ from the application-start backup, so the migration takes its own.
    QVERIFY(m_fixture.applyEdit({m_fixture.set("settings.autoSave", false)}));
    const QByteArray original = guitest::readBytes(m_fixture.configPath());
    QVERIFY(showReview());
    QCOMPARE(review()->pendingVersions(), QStringList(QStringLiteral("1.1.0")));
    QVERIFY(review()->selectPending(0));
    QCOMPARE(diffKeys(), QStringList({QStringLiteral("~ changed version"),
                                      QStringLiteral("+ added settings.newFeature")}));
    // A dry run writes nothing.
    QCOMPARE(guitest::readBytes(m_fixture.configPath()), original);

    QString question;
    m_fixture.answerDialogs([&](QDialog &dialog) {
        question = dialog.property("text").toString();
        return guitest::acceptDialog(dialog);
    });
    QSignalSpy finished(review(), &MigrationReview::migrationFinished);
    QSignalSpy reviewed(review(), &MigrationReview::reviewed);
    review()->findChild<QPushButton *>(QStringLiteral("runMigrations"))->click();
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(review()->statusText()));
    QVERIFY2(question.contains(QStringLiteral("1.1.0")), qPrintable(question));
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("version")),
             QStringLiteral("\"1.1.0\""));
    QCOMPARE(guitest::valueOnDisk(m_fixture.configPath(), QStringLiteral("settings.newFeature")),
             QStringLiteral("{\"enabled\":true,\"value\":\"default\"}"));
    QVERIFY(reviewed.wait(10000));
    QVERIFY(review()->pendingVersions().isEmpty());
    QCOMPARE(review()->pastVersions(), QStringList(QStringLiteral("1.1.0")));
    QVERIFY(review()->selectPast(0));
    QCOMPARE(diffKeys(), QStringList({QStringLiteral("~ changed version"),
                                      QStringLiteral("+ added settings.newFeature")}));
    // The pre-migration backup holds the original bytes.
    QDir backups(QFileInfo(m_fixture.configPath()).absolutePath() + QStringLiteral("/backups"));
    bool found = false;
    for (const QString &meta : backups.entryList({QStringLiteral("*.meta.json")})) {
        if (guitest::readBytes(backups.filePath(meta)).contains("pre-migration"))
            found = guitest::readBytes(backups.filePath(meta.chopped(10))) == original;
    }
    QVERIFY(found);
}

void TestMigrationReview::refusedConfirmationWritesNothing()
{
    const QByteArray original = guitest::readBytes(m_fixture.configPath());
    QVERIFY(showReview());
    m_fixture.answerDialogs([](QDialog &dialog) {
        dialog.reject();
        return int(QDialog::Rejected);
    });
    review()->runMigrations();
    QCOMPARE(m_fixture.dialogsShown(), 1);
    m_fixture.window()->session()->waitForIdle();
    QTest::qWait(100);
    QCOMPARE(guitest::readBytes(m_fixture.configPath()), original);
    QCOMPARE(review()->pendingVersions(), QStringList(QStringLiteral("1.1.0")));
}

QTEST_MAIN(TestMigrationReview)
#include "tst_migrationreview.moc"
