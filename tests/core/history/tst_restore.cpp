// Restore: every unsafe name is refused and leaves the file alone; a good
// one goes through the store (before-restore backup, history entry), whole
// or chosen keys; a damaged or schema-rejected backup is refused.
#include "HistoryTestHelpers.h"
#include "history/DocumentOps.h"
#include "history/Restore.h"
#include "schema/SchemaGuard.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace tad;
using namespace historytest;

namespace {

// A plan and its write, as `backup restore` does.
Result<RestoreOutcome> restoreNamed(HistoryServices &services, const QString &name,
                                    const std::vector<KeyPath> &keys = {})
{
    auto plan = planRestore(services, {name, keys});
    if (!plan)
        return plan.error();
    return restoreBackup(services, *plan);
}

} // namespace

class tst_Restore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_storePath;
    QString m_good; // a real backup's name
    std::unique_ptr<Store> m_store;
    std::unique_ptr<HistoryServices> m_services;

    void openStore()
    {
        m_services.reset();
        m_store = std::make_unique<Store>(m_storePath);
        m_services = std::make_unique<HistoryServices>(*m_store);
        QVERIFY(m_store->open().ok());
    }

private Q_SLOTS:
    void init()
    {
        m_services.reset();
        m_store.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.filePath(QStringLiteral("cfg")));
        m_storePath = m_dir.filePath(QStringLiteral("cfg/tad-config.json"));
        writeBytes(m_storePath, R"({"settings":{"theme":"dark","fontSize":14},"ui":{"zoom":1}})");
        openStore();
        m_good = m_services->backups().create(QStringLiteral("manual"))->info.name;
        QVERIFY(m_store->set("settings.theme", "light").ok());
        QVERIFY(m_store->set("ui.zoom", 2).ok());
    }

    // Things the unsafe names could reach.
    void makeDecoys()
    {
        const QString dir = m_dir.filePath(QStringLiteral("cfg/backups"));
        writeBytes(m_dir.filePath(QStringLiteral("evil.json")), R"({"evil":true})");
        writeBytes(dir + QStringLiteral("/backup-2024-01-01T00-00-00-000Z-00000000.json.bak"),
                   R"({"evil":1})");
        ::symlink(QFile::encodeName(m_dir.filePath(QStringLiteral("evil.json"))).constData(),
                  QFile::encodeName(
                      dir + QStringLiteral("/backup-2024-02-02T00-00-00-000Z-aaaaaaaa.json"))
                      .constData());
        ::symlink(QFile::encodeName(m_good).constData(),
                  QFile::encodeName(
                      dir + QStringLiteral("/backup-2024-02-03T00-00-00-000Z-bbbbbbbb.json"))
                      .constData());
        QDir().mkpath(dir + QStringLiteral("/backup-2024-02-04T00-00-00-000Z-cccccccc.json"));
    }

    void unsafeNamesAreRefused_data()
    {
        // %GOOD% is a real backup's name, %DIR% the backup folder, %ROOT% the test folder.
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("code");
        const int usage = int(ErrorCode::Usage), notFound = int(ErrorCode::NotFound);
        QTest::newRow("parent folder") << "../evil.json" << usage;
        QTest::newRow("parent then backup") << "../backups/%GOOD%" << usage;
        QTest::newRow("dot slash") << "./%GOOD%" << usage;
        QTest::newRow("absolute path") << "%ROOT%/evil.json" << usage;
        QTest::newRow("absolute path of a real backup") << "%DIR%/%GOOD%" << usage;
        QTest::newRow("dot dot") << ".." << usage;
        QTest::newRow("empty") << "" << usage;
        QTest::newRow("symlink out of the folder")
            << "backup-2024-02-02T00-00-00-000Z-aaaaaaaa.json" << usage;
        QTest::newRow("symlink inside the folder")
            << "backup-2024-02-03T00-00-00-000Z-bbbbbbbb.json" << usage;
        QTest::newRow("NUL inside")
            << "backup-202%NUL%4-01-01T00-00-00-000Z-00000000.json" << usage;
        QTest::newRow("NUL after") << "%GOOD%%NUL%../evil.json" << usage;
        QTest::newRow("very long")
            << "backup-" + QString(5000, QLatin1Char('a')) + ".json" << usage;
        QTest::newRow("windows path") << "..\\..\\evil.json" << usage;
        QTest::newRow("windows drive") << "C:\\Users\\me\\%GOOD%" << usage;
        QTest::newRow("windows UNC") << "\\\\server\\share\\%GOOD%" << usage;
        QTest::newRow("meta file") << "%GOOD%.meta.json" << usage;
        QTest::newRow("other suffix")
            << "backup-2024-01-01T00-00-00-000Z-00000000.json.bak" << usage;
        QTest::newRow("upper-case") << "%UPPER%" << usage;
        QTest::newRow("trailing slash") << "%GOOD%/" << usage;
        QTest::newRow("leading space") << " %GOOD%" << usage;
        QTest::newRow("tilde") << "~/%GOOD%" << usage;
        QTest::newRow("url") << "file://%DIR%/%GOOD%" << usage;
        QTest::newRow("a folder named like a backup")
            << "backup-2024-02-04T00-00-00-000Z-cccccccc.json" << usage;
        QTest::newRow("well-formed but absent")
            << "backup-2030-01-01T00-00-00-000Z-12345678.json" << notFound;
    }
    void unsafeNamesAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(int, code);
        makeDecoys();
        name.replace(QStringLiteral("%UPPER%"), m_good.toUpper())
            .replace(QStringLiteral("%GOOD%"), m_good)
            .replace(QStringLiteral("%DIR%"), m_dir.filePath(QStringLiteral("cfg/backups")))
            .replace(QStringLiteral("%ROOT%"), m_dir.path())
            .replace(QStringLiteral("%NUL%"), QString(QChar(0)));
        const std::string before = readBytes(m_storePath);
        const auto backupsBefore = m_services->backups().list()->size();
        auto restored = restoreNamed(*m_services, name);
        QVERIFY(!restored.ok());
        QCOMPARE(int(restored.error().code), code);
        QCOMPARE(readBytes(m_storePath), before);
        QCOMPARE(m_services->backups().list()->size(), backupsBefore);
    }

    // Restores, rollbacks and migrations write only the members that differ,
    // so a change the other writer makes beside them is merged, not lost;
    // and the written bytes still have the target's key order.
    void opsTouchOnlyWhatDiffers_data()
    {
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QStringList>("ops");
        QTest::newRow("nested value") << R"({"s":{"a":1,"b":2},"t":1})"
                                      << R"({"s":{"a":1,"b":3},"t":1})" << QStringList{"set s.b"};
        QTest::newRow("nested member gone") << R"({"s":{"a":1,"b":2}})"
                                            << R"({"s":{"a":1}})" << QStringList{"delete s.b"};
        QTest::newRow("new member last")
            << R"({"s":{"a":1}})"
            << R"({"s":{"a":1,"n":{"x":1}}})" << QStringList{"set s.n"};
        QTest::newRow("nested order changed")
            << R"({"s":{"a":1,"b":2},"t":1})"
            << R"({"s":{"b":2,"a":1},"t":1})" << QStringList{"set s"};
        QTest::newRow("top-level order changed") << R"({"s":1,"t":2})"
                                                 << R"({"t":2,"s":1})" << QStringList{"replace"};
        QTest::newRow("array") << R"({"l":[1,2]})"
                               << R"({"l":[2,1]})" << QStringList{"set l"};
        QTest::newRow("same") << R"({"s":{"a":[1]}})"
                              << R"({"s":{"a":[1]}})" << QStringList{};
    }

    void opsTouchOnlyWhatDiffers()
    {
        QFETCH(QString, current);
        QFETCH(QString, target);
        QFETCH(QStringList, ops);
        const Json from = Json::parse(current.toStdString());
        const Json to = Json::parse(target.toStdString());
        QStringList described;
        const std::vector<StoreOp> reached = opsToReach(from, to);
        for (const auto &op : reached) {
            if (op.kind == StoreOp::Kind::Replace)
                described << QStringLiteral("replace");
            else
                described << QString::fromStdString(
                    (op.kind == StoreOp::Kind::Set ? "set " : "delete ") + op.path.toDotted());
        }
        QCOMPARE(described, ops);

        const QString path = m_dir.filePath(QStringLiteral("reach.json"));
        writeBytes(path, current.toStdString());
        Store store(path);
        QVERIFY(store.open().ok());
        QVERIFY(store.apply(reached, ChangeSource::Restore).ok());
        QCOMPARE(readBytes(path), target.toStdString());
    }

    void restoreWholeGoesThroughTheStore()
    {
        const std::string changed = readBytes(m_storePath);
        auto restored = restoreNamed(*m_services, m_good);
        QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().message));
        QVERIFY(restored->changed);
        QCOMPARE(readBytes(m_storePath),
                 readBytes(m_dir.filePath(QStringLiteral("cfg/backups/")) + m_good));
        QVERIFY(restored->safetyBackup.has_value());
        QCOMPARE(restored->safetyBackup->reason, QStringLiteral("before-restore"));
        // Its label names the backup by its time, as a person reads it, not
        // by its file name.
        QVERIFY2(restored->safetyBackup->label.startsWith(
                     QStringLiteral("before restoring the backup from 20")),
                 qPrintable(restored->safetyBackup->label));
        QVERIFY(!restored->safetyBackup->label.contains(QStringLiteral("backup-")));
        QCOMPARE(readBytes(restored->safetyBackup->path), changed);
        const auto entries = *m_services->history().list();
        QCOMPARE(entries.front().source, ChangeSource::Restore);
        QCOMPARE(entries.front().hashAfter, versionHash(readBytes(m_storePath)));
    }

    void restoreChosenKeysLeavesTheRest()
    {
        auto restored =
            restoreNamed(*m_services, m_good, {KeyPath::parse("settings.theme").value()});
        QVERIFY(restored.ok());
        QCOMPARE(readBytes(m_storePath),
                 std::string(R"({"settings":{"theme":"dark","fontSize":14},"ui":{"zoom":2}})"));
        QCOMPARE(m_services->history().list()->front().operation, std::string("restore-keys"));
    }

    // A key neither the backup nor the file has restores nothing: refused,
    // not reported as done.
    void aKeyNeitherSideHasIsRefused()
    {
        const std::string before = readBytes(m_storePath);
        auto restored =
            restoreNamed(*m_services, m_good, {KeyPath::parse("setings.theme").value()});
        QVERIFY(!restored.ok());
        QCOMPARE(restored.error().code, ErrorCode::NotFound);
        QVERIFY2(restored.error().message.contains("setings.theme"),
                 qPrintable(restored.error().message));
        QCOMPARE(readBytes(m_storePath), before);
    }

    // The store's schema guard refuses a restore that adds violations.
    void schemaRejectionStopsTheRestore()
    {
        const std::string before = readBytes(m_storePath);
        auto schema = Schema::fromJson(
            parseValue(
                R"({"settings":{"type":"object","properties":{"theme":{"not":{"const":"dark"}}}}})")
                .value());
        QVERIFY(schema);
        SchemaGuard guard(schema.value());
        m_store->addHook(&guard);
        auto restored = restoreNamed(*m_services, m_good);
        m_store->removeHook(&guard);
        QVERIFY(!restored.ok());
        QCOMPARE(restored.error().code, ErrorCode::SchemaRejected);
        QVERIFY(restored.error().message.contains(m_good));
        QCOMPARE(readBytes(m_storePath), before);
    }

    void damagedBackupIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("cfg/backups/")) + m_good;
        std::string bytes = readBytes(path);
        bytes[bytes.find("dark")] = 'D'; // same size, other content
        writeBytes(path, bytes);
        const std::string before = readBytes(m_storePath);
        auto restored = restoreNamed(*m_services, m_good);
        QVERIFY(!restored.ok());
        QCOMPARE(restored.error().code, ErrorCode::Unreadable);
        QCOMPARE(readBytes(m_storePath), before);
    }
};

QTEST_GUILESS_MAIN(tst_Restore)
#include "tst_restore.moc"
