// Migrations as data: version order, the operations, the seed's example,
// the dry run, one history entry per step, conf's marker kept, and a failing
// step that leaves the file byte-identical.
#include "HistoryTestHelpers.h"
#include "history/Migrator.h"
#include "history/Version.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace tad;
using namespace historytest;

namespace {

std::vector<MigrationStep> steps(const char *json)
{
    auto parsed = Migrator::parseSteps(Json::parse(json), QStringLiteral("test"));
    return parsed ? parsed.value() : std::vector<MigrationStep>{};
}

} // namespace

class tst_Migrator : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_storePath;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<HistoryServices> m_services;

    void openWith(const std::string &bytes)
    {
        m_services.reset();
        m_store.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        m_storePath = m_dir.filePath(QStringLiteral("tad-config.json"));
        writeBytes(m_storePath, bytes);
        m_store = std::make_unique<Store>(m_storePath);
        m_services = std::make_unique<HistoryServices>(*m_store);
        QVERIFY(m_store->open().ok());
    }

private Q_SLOTS:
    void versionsCompare_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("order");
        QTest::newRow("equal") << "1.1.0"
                               << "1.1.0" << 0;
        QTest::newRow("missing parts are zero") << "1.1"
                                                << "1.1.0" << 0;
        QTest::newRow("numeric, not text") << "1.10.0"
                                           << "1.9.0" << 1;
        QTest::newRow("major") << "2.0.0"
                               << "1.99.99" << 1;
        QTest::newRow("pre-release is lower") << "1.1.0-beta.1"
                                              << "1.1.0" << -1;
        QTest::newRow("pre-release numbers") << "1.1.0-beta.2"
                                             << "1.1.0-beta.10" << -1;
        QTest::newRow("numeric before alpha") << "1.0.0-1"
                                              << "1.0.0-alpha" << -1;
        QTest::newRow("longer pre-release") << "1.0.0-alpha"
                                            << "1.0.0-alpha.1" << -1;
        QTest::newRow("build metadata ignored") << "1.0.0+abc"
                                                << "1.0.0" << 0;
    }
    void versionsCompare()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, order);
        QCOMPARE(compareVersions(a, b), order);
        QCOMPARE(compareVersions(b, a), -order);
    }

    void operations_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("ops");
        QTest::addColumn<QString>("after");
        QTest::newRow("set") << R"({"a":1})"
                             << R"([{"op":"set","key":"b.c","value":2}])"
                             << R"({"a":1,"b":{"c":2}})";
        QTest::newRow("set-if-missing keeps") << R"({"a":1})"
                                              << R"([{"op":"set-if-missing","key":"a","value":2}])"
                                              << R"({"a":1})";
        QTest::newRow("delete") << R"({"a":1,"b":2})"
                                << R"([{"op":"delete","key":"a"}])"
                                << R"({"b":2})";
        QTest::newRow("rename keeps position") << R"({"s":{"x":1,"old":2,"y":3}})"
                                               << R"([{"op":"rename","key":"s.old","to":"new"}])"
                                               << R"({"s":{"x":1,"new":2,"y":3}})";
        QTest::newRow("move") << R"({"a":{"b":1},"c":{}})"
                              << R"([{"op":"move","from":"a.b","to":"c.d"}])"
                              << R"({"a":{},"c":{"d":1}})";
        QTest::newRow("map-enum")
            << R"({"t":"dark-blue"})"
            << R"([{"op":"map-enum","key":"t","map":{"dark-blue":"dark","x":"y"}}])"
            << R"({"t":"dark"})";
        QTest::newRow("map-enum leaves others")
            << R"({"t":"light"})"
            << R"([{"op":"map-enum","key":"t","map":{"dark-blue":"dark"}}])"
            << R"({"t":"light"})";
        QTest::newRow("missing source is fine") << R"({"a":1})"
                                                << R"([{"op":"rename","key":"zz","to":"yy"}])"
                                                << R"({"a":1})";
    }
    void operations()
    {
        QFETCH(QString, before);
        QFETCH(QString, ops);
        QFETCH(QString, after);
        Json doc = Json::parse(before.toStdString());
        QVERIFY(applyMigrationOperations(doc, Json::parse(ops.toStdString())).ok());
        QCOMPARE(QString::fromStdString(compactJson(doc)), after);
    }

    void badStepFilesAreRefused()
    {
        QVERIFY(!Migrator::parseSteps(Json::parse(R"({"version":"x","operations":[]})"), {}).ok());
        QVERIFY(!Migrator::parseSteps(
                     Json::parse(R"({"version":"1.2.0","operations":[{"op":"eval"}]})"), {})
                     .ok());
        // conf's bookkeeping is not ours to migrate.
        QVERIFY(
            !Migrator::parseSteps(
                 Json::parse(
                     R"({"version":"1.2.0","operations":[{"op":"delete","key":"__internal__.migrations"}]})"),
                 {})
                 .ok());
    }

    void seedExampleRunsFromTheResources()
    {
        openWith(
            R"({"settings":{"theme":"dark"},"__internal__":{"migrations":{"version":"0.9.0"}}})");
        auto migrator = Migrator::builtIn();
        QVERIFY2(migrator.ok(), qPrintable(migrator.ok() ? QString() : migrator.error().message));
        QCOMPARE(migrator->latestVersion(), QStringLiteral("1.1.0"));
        auto plan = migrator->run(*m_services);
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        QCOMPARE(plan->fromVersion, QStringLiteral("1.0.0"));
        QVERIFY(!plan->versionPresent);
        QCOMPARE(compactJson(*plan->confMarker), std::string("\"0.9.0\""));
        QCOMPARE(
            readBytes(m_storePath),
            std::string(
                R"({"settings":{"theme":"dark","newFeature":{"enabled":true,"value":"default"}},)"
                R"("__internal__":{"migrations":{"version":"0.9.0"}},"version":"1.1.0"})"));
        const auto backups = *m_services->backups().list();
        QCOMPARE(backups.size(), std::size_t(1));
        QCOMPARE(backups[0].reason, QStringLiteral("pre-migration"));
        const auto entries = *m_services->history().list();
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries[0].source, ChangeSource::Migration);
        QCOMPARE(entries[0].version, QStringLiteral("1.1.0"));
        // Running again: up to date, no write.
        auto again = migrator->run(*m_services);
        QVERIFY(again.ok() && !again->needed());
    }

    void eachStepIsAnEntryAndTheDryRunShowsThem()
    {
        openWith(R"({"version":"1.0.0","ui":{"theme":"dark-blue"}})");
        const Migrator migrator(steps(R"([
            {"version":"1.3.0","description":"rename","operations":[{"op":"rename","key":"ui.theme","to":"colors"}]},
            {"version":"1.2.0","description":"map","operations":[{"op":"map-enum","key":"ui.theme","map":{"dark-blue":"dark"}}]}
        ])"));
        const std::string before = readBytes(m_storePath);
        auto dry = migrator.plan(m_store->document(), m_store->bytes(), m_store->style());
        QVERIFY(dry.ok());
        QCOMPARE(dry->steps.size(), std::size_t(2));
        QCOMPARE(dry->steps[0].step.version, QStringLiteral("1.2.0"));
        QCOMPARE(compactJson(dry->steps[0].patch),
                 std::string(R"([{"op":"replace","path":"/version","value":"1.2.0"},)"
                             R"({"op":"replace","path":"/ui/theme","value":"dark"}])"));
        QCOMPARE(readBytes(m_storePath), before); // a dry run writes nothing

        auto run = migrator.run(*m_services, QStringLiteral("1.3.0"));
        QVERIFY(run.ok());
        QCOMPARE(readBytes(m_storePath),
                 std::string(R"({"version":"1.3.0","ui":{"colors":"dark"}})"));
        const auto entries = *m_services->history().list();
        QCOMPARE(entries.size(), std::size_t(2));
        QCOMPARE(entries[0].version, QStringLiteral("1.3.0"));
        QCOMPARE(entries[1].version, QStringLiteral("1.2.0"));
        QCOMPARE(entries[1].hashAfter, entries[0].hashBefore);
        QCOMPARE(entries[0].hashAfter, versionHash(readBytes(m_storePath)));
    }

    // A history an earlier version wrote names versions by SHA-256; the
    // first migration after the upgrade goes on from that name, so the
    // chain of versions has no break.
    void aMigrationContinuesAChainOfOldNames()
    {
        openWith(R"({"version":"1.0.0","ui":{"theme":"dark-blue"}})");
        QVERIFY(m_store->set("ui.theme", "dark-blue-2").ok());
        QVERIFY(m_services->flush().ok());
        m_services.reset();
        m_store.reset();
        const QString journal = m_dir.filePath(QStringLiteral("storeHistory/journal-000001.jsonl"));
        std::string lines = readBytes(journal);
        const std::string bytes = readBytes(m_storePath);
        const std::string digest = versionHash(bytes).toStdString();
        const QString oldName = backupname::sha256Hex(bytes);
        const size_t at = lines.rfind(digest);
        QVERIFY(at != std::string::npos);
        lines.replace(at, digest.size(), oldName.toStdString());
        writeBytes(journal, lines);

        m_store = std::make_unique<Store>(m_storePath);
        m_services = std::make_unique<HistoryServices>(*m_store);
        QVERIFY(m_store->open().ok());
        const Migrator migrator(steps(R"([
            {"version":"1.2.0","description":"map","operations":[{"op":"map-enum","key":"ui.theme","map":{"dark-blue-2":"dark"}}]}
        ])"));
        QVERIFY(migrator.run(*m_services, QStringLiteral("1.2.0")).ok());
        const auto entries = *m_services->history().list();
        QVERIFY(entries.size() >= 2);
        QCOMPARE(entries[0].source, ChangeSource::Migration);
        QCOMPARE(entries[1].hashAfter, oldName);
        QCOMPARE(entries[0].hashBefore, oldName);
        QCOMPARE(entries[0].hashAfter, versionHash(readBytes(m_storePath)));
    }

    void failingStepLeavesTheFileByteIdentical()
    {
        const std::string original = "{\n\t\"version\": \"1.0.0\",\n\t\"a\": 1,\n\t\"b\": 2\n}";
        openWith(original);
        const Migrator migrator(steps(R"([
            {"version":"1.1.0","description":"fine","operations":[{"op":"set","key":"c","value":3}]},
            {"version":"1.2.0","description":"clashes","operations":[{"op":"rename","key":"a","to":"b"}]}
        ])"));
        auto run = migrator.run(*m_services);
        QVERIFY(!run.ok());
        QCOMPARE(run.error().code, ErrorCode::Conflict);
        QCOMPARE(run.error().message,
                 QStringLiteral("migration step 1.2.0 (clashes) failed, nothing was changed: "
                                "operation 0 (rename): cannot rename a to \"b\": it exists"));
        QCOMPARE(readBytes(m_storePath), original);
        QVERIFY(m_services->history().list()->empty());
    }
};

QTEST_GUILESS_MAIN(tst_Migrator)
#include "tst_migrator.moc"
