// History through the store's hooks, and rollback: every write and every
// external change gets an entry; a rollback undoes an entry (or chosen
// operations), refuses when a value it would undo changed since, and is
// itself an entry. The CLI reports a refused rollback with exit status 5.
#include "HistoryTestHelpers.h"
#include "history/Rollback.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace tad;
using namespace historytest;

namespace {

// A plan and its write, as `rollback ID` does.
Result<RollbackOutcome> rollBack(HistoryServices &services, const QString &id,
                                 const std::vector<int> &ops = {})
{
    auto plan = planRollback(services, id, ops);
    if (!plan)
        return plan.error();
    return rollbackEntry(services, *plan);
}

} // namespace

class tst_Rollback : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_storePath;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<HistoryServices> m_services;

    void openStore()
    {
        m_services.reset();
        m_store = std::make_unique<Store>(m_storePath);
        m_services = std::make_unique<HistoryServices>(*m_store);
        QVERIFY(m_store->open().ok());
    }
    std::vector<HistoryEntry> entries() { return *m_services->history().list(); }

private Q_SLOTS:
    void init()
    {
        m_services.reset();
        m_store.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        m_storePath = m_dir.filePath(QStringLiteral("tad-config.json"));
        writeBytes(m_storePath, R"({"settings":{"theme":"dark"},"ui":{"zoom":1}})");
        openStore();
    }

    void everyWriteIsAnEntry()
    {
        QVERIFY(entries().empty()); // opening the first time records the base only
        QCOMPARE(modeOf(m_services->history().directory()), quint32(0700));
        QVERIFY(m_store->set("ui.zoom", 2).ok());
        QVERIFY(m_store->set("ui.font", "mono", ChangeSource::Editor).ok());
        const auto list = entries();
        QCOMPARE(list.size(), std::size_t(2));
        QCOMPARE(list[0].source, ChangeSource::Editor);
        QCOMPARE(compactJson(list[0].patch),
                 std::string(R"([{"op":"add","path":"/ui/font","value":"mono"}])"));
        QCOMPARE(compactJson(list[1].patch),
                 std::string(R"([{"op":"replace","path":"/ui/zoom","value":2}])"));
        QCOMPARE(list[1].hashAfter, list[0].hashBefore);
        QCOMPARE(list[0].hashAfter, versionHash(readBytes(m_storePath)));
        QCOMPARE(
            modeOf(m_services->history().directory() + QStringLiteral("/journal-000001.jsonl")),
            quint32(0600));
    }

    void externalChangesFillTheGaps()
    {
        QVERIFY(m_store->set("ui.zoom", 2).ok());
        m_services.reset();
        m_store.reset();
        // Someone else writes while we are not running.
        writeBytes(m_storePath, R"({"settings":{"theme":"dark"},"ui":{"zoom":3}})");
        openStore();
        // ... and while we are.
        writeBytes(m_storePath, R"({"settings":{"theme":"blue"},"ui":{"zoom":3}})");
        QVERIFY(m_store->refresh().ok());
        const auto list = entries();
        QCOMPARE(list.size(), std::size_t(3));
        QCOMPARE(list[0].source, ChangeSource::External);
        QCOMPARE(list[1].source, ChangeSource::External);
        QCOMPARE(compactJson(list[1].patch),
                 std::string(R"([{"op":"replace","path":"/ui/zoom","value":3}])"));
        // The chain of hashes has no hole.
        QCOMPARE(list[0].hashBefore, list[1].hashAfter);
        QCOMPARE(list[1].hashBefore, list[2].hashAfter);
    }

    void rollbackUndoesAndIsAnEntry()
    {
        const std::string original = readBytes(m_storePath);
        QVERIFY(
            m_store->setMultiple(Json::parse(R"({"settings.theme":"light","ui.zoom":5})")).ok());
        const QString id = entries().front().id;
        auto undone = rollBack(*m_services, id);
        QVERIFY2(undone.ok(), qPrintable(undone.ok() ? QString() : undone.error().message));
        QCOMPARE(readBytes(m_storePath), original);
        const auto list = entries();
        QCOMPARE(list.front().source, ChangeSource::Rollback);
        QCOMPARE(list.front().rollbackOf, id);
        // Twice: said as such, with the entry that undid it.
        auto again = rollBack(*m_services, id);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.contains(
                     QStringLiteral("was rolled back already, by entry %1").arg(list.front().id)),
                 qPrintable(again.error().message));
        // Rolling back the rollback redoes the change.
        QVERIFY(rollBack(*m_services, list.front().id).ok());
        QCOMPARE(readBytes(m_storePath),
                 std::string(R"({"settings":{"theme":"light"},"ui":{"zoom":5}})"));
    }

    void rollbackOfChosenOperations()
    {
        QVERIFY(
            m_store->setMultiple(Json::parse(R"({"settings.theme":"light","ui.zoom":5})")).ok());
        const HistoryEntry entry = entries().front();
        int zoomOp = -1;
        for (std::size_t i = 0; i < entry.patch.size(); ++i)
            if (entry.patch[i]["path"] == "/ui/zoom")
                zoomOp = int(i);
        QVERIFY(rollBack(*m_services, entry.id, {zoomOp}).ok());
        QCOMPARE(readBytes(m_storePath),
                 std::string(R"({"settings":{"theme":"light"},"ui":{"zoom":1}})"));
        auto outOfRange = rollBack(*m_services, entry.id, {7});
        QCOMPARE(outOfRange.error().code, ErrorCode::Usage);
    }

    void conflictingRollbackIsRefused()
    {
        QVERIFY(
            m_store->setMultiple(Json::parse(R"({"settings.theme":"light","ui.zoom":5})")).ok());
        const QString id = entries().front().id;
        QVERIFY(m_store->set("settings.theme", "solarized").ok());
        const std::string before = readBytes(m_storePath);
        auto undone = rollBack(*m_services, id);
        QVERIFY(!undone.ok());
        QCOMPARE(undone.error().code, ErrorCode::Conflict);
        int zoomOp = 0;
        for (std::size_t i = 0; i < entries()[1].patch.size(); ++i)
            if (entries()[1].patch[i]["path"] == "/ui/zoom")
                zoomOp = int(i);
        // Each refusing key with its operation's number and the change that
        // made it refuse, and what can still be done.
        const QString later = entries().front().id;
        const QString &message = undone.error().message;
        QVERIFY2(message.contains(QStringLiteral("settings.theme (operation %1) changed since, in "
                                                 "entry %2 (cli set)")
                                      .arg(1 - zoomOp)
                                      .arg(later)),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("or roll back only the other operations")),
                 qPrintable(message));
        QVERIFY(!message.contains(QStringLiteral("ui.zoom")));
        QCOMPARE(readBytes(m_storePath), before);
        // Undoing only the operation nobody touched since still works.
        QVERIFY(rollBack(*m_services, id, {zoomOp}).ok());
        const QString partial = entries().front().id;

        // Now one key was changed by someone else and the other rolled back
        // by this entry's own partial rollback: each is said as it is.
        auto whole = rollBack(*m_services, id);
        QVERIFY(!whole.ok());
        const QString &both = whole.error().message;
        QVERIFY2(both.contains(QStringLiteral("settings.theme (operation %1) changed since, in "
                                              "entry %2")
                                   .arg(1 - zoomOp)
                                   .arg(later)),
                 qPrintable(both));
        QVERIFY2(both.contains(QStringLiteral("ui.zoom (operation %1) was rolled back already, "
                                              "by entry %2")
                                   .arg(zoomOp)
                                   .arg(partial)),
                 qPrintable(both));
        QVERIFY2(!both.contains(QStringLiteral("other operations")), qPrintable(both));
        QVERIFY2(both.contains(QStringLiteral("Roll back %1 first (newest first), then the "
                                              "operations of this entry not rolled back yet")
                                   .arg(later)),
                 qPrintable(both));

        // Only the rolled-back key asked for: nothing is left to undo, and
        // rolling back the rollback (having the change again) is not offered
        // as the way to undo it.
        auto again = rollBack(*m_services, id, {zoomOp});
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.contains(QStringLiteral("nothing left to undo")),
                 qPrintable(again.error().message));
        QVERIFY2(!again.error().message.contains(QStringLiteral("first")),
                 qPrintable(again.error().message));

        // The rolled-back key changed again since: still its own rollback is
        // the reason. Rolling back that later change would only bring back
        // what the rollback left, so it is not the advice.
        QVERIFY(m_store->set("ui.zoom", 7).ok());
        auto afterMore = rollBack(*m_services, id, {zoomOp});
        QVERIFY(!afterMore.ok());
        QVERIFY2(afterMore.error().message.contains(
                     QStringLiteral("was rolled back already, by entry %1").arg(partial)),
                 qPrintable(afterMore.error().message));
        QVERIFY2(afterMore.error().message.contains(QStringLiteral("nothing left to undo")),
                 qPrintable(afterMore.error().message));
    }

    void cliRefusesAConflictingRollbackWithStatus5()
    {
        const QString cli = qEnvironmentVariable("TAD_CLI");
        QVERIFY2(!cli.isEmpty(), "TAD_CLI is set by ctest");
        QVERIFY(m_store->set("settings.theme", "light").ok());
        const QString id = entries().front().id;
        QVERIFY(m_store->set("settings.theme", "solarized").ok());
        m_services.reset();
        m_store.reset();
        const std::string before = readBytes(m_storePath);
        QProcess process;
        process.start(cli,
                      {QStringLiteral("--config"), m_storePath, QStringLiteral("rollback"), id});
        QVERIFY(process.waitForFinished(30000));
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitCode(), 5);
        QVERIFY2(err.contains("settings.theme"), err.constData());
        QCOMPARE(readBytes(m_storePath), before);

        process.start(cli, {QStringLiteral("--config"), m_storePath, QStringLiteral("history"),
                            QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const Json listed = Json::parse(process.readAllStandardOutput().toStdString());
        QCOMPARE(listed.size(), std::size_t(2));
        QCOMPARE(listed[1]["id"].get<std::string>(), id.toStdString());
    }
};

QTEST_GUILESS_MAIN(tst_Rollback)
#include "tst_rollback.moc"
