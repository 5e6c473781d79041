// Backups across the two programs: backups made by a Node script that
// follows the Electron app's naming and metadata are listed and restored
// here, and ours are read and verified by that script.
#include "HistoryTestHelpers.h"
#include "history/Restore.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

using namespace tad;
using namespace historytest;

class tst_BackupInterop : public QObject
{
    Q_OBJECT

    QString m_node, m_script;

    QByteArray node(const QStringList &args)
    {
        QProcess process;
        process.start(m_node, QStringList{m_script} + args);
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            qWarning("node failed: %s", process.readAllStandardError().constData());
        return process.readAllStandardOutput().trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_node = qEnvironmentVariable("TAD_NODE");
        QVERIFY2(!m_node.isEmpty(), "TAD_NODE is set by ctest");
        m_script =
            qEnvironmentVariable("TAD_INTEROP_DIR") + QStringLiteral("/backups/seed-backups.mjs");
        QVERIFY(QFile::exists(m_script));
    }

    void theirBackupsAreListedAndRestorable()
    {
        QTemporaryDir dir;
        const QString storePath = dir.filePath(QStringLiteral("tad-config.json"));
        const std::string first = R"({"settings":{"theme":"dark"},"user":{"name":"Ada"}})";
        const std::string second = R"({"settings":{"theme":"light"},"user":{"name":"Ada"}})";
        writeBytes(storePath, first);
        const QString firstPath = QString::fromUtf8(
            node({QStringLiteral("create"), storePath, QStringLiteral("application-start")}));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        writeBytes(storePath, second);
        const QString secondPath = QString::fromUtf8(
            node({QStringLiteral("create"), storePath, QStringLiteral("manual")}));
        QVERIFY(QFile::exists(firstPath) && QFile::exists(secondPath));

        Store store(storePath);
        HistoryServices services(store);
        QVERIFY(store.open().ok());
        auto list = services.backups().list(true);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t(2));
        QCOMPARE(list->at(0).name, QFileInfo(secondPath).fileName());
        QCOMPARE(list->at(0).reason, QStringLiteral("manual"));
        QCOMPARE(list->at(1).reason, QStringLiteral("application-start"));
        for (const auto &b : *list) {
            QVERIFY2(!b.damaged(), qPrintable(b.problem));
            QVERIFY(b.hashChecked);
            QCOMPARE(b.originalFile, QStringLiteral("tad-config.json"));
        }
        auto plan = planRestore(services, {list->at(1).name, {}});
        QVERIFY(plan.ok());
        auto restored = restoreBackup(services, *plan);
        QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().message));
        QCOMPARE(readBytes(storePath), first);
    }

    void ourBackupsAreReadByTheirScript()
    {
        QTemporaryDir dir;
        const QString storePath = dir.filePath(QStringLiteral("tad-config.json"));
        writeBytes(storePath, R"({"ai":{"apiKey":"sk-1"},"settings":{"theme":"dark"}})");
        Store store(storePath);
        HistoryServices services(store);
        QVERIFY(store.open().ok());
        QVERIFY(services.backups().create(QStringLiteral("manual"), QStringLiteral("mine")).ok());
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        // A critical key, but within a minute of the last backup: no second one.
        QVERIFY(store.set("ai.apiKey", "sk-2").ok());
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        QVERIFY(store.clear().ok()); // before-clear

        const Json listed = Json::parse(node({QStringLiteral("list"), storePath}).toStdString());
        QCOMPARE(listed.size(),
                 std::size_t(2)); // the critical-key one is the same content as "mine"
        QCOMPARE(listed[0]["metadata"]["reason"].get<std::string>(), std::string("before-clear"));
        QCOMPARE(listed[1]["metadata"]["reason"].get<std::string>(), std::string("manual"));
        const QRegularExpression pattern(QStringLiteral(
            "^backup-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-\\d{3}Z-[0-9a-f]{8}\\.json$"));
        for (const Json &item : listed) {
            const Json &meta = item["metadata"];
            QVERIFY(
                pattern.match(QString::fromStdString(item["file"].get<std::string>())).hasMatch());
            QCOMPARE(meta["hash"].get<std::string>(), item["actualHash"].get<std::string>());
            QCOMPARE(meta["size"].get<qint64>(), item["actualSize"].get<qint64>());
            QCOMPARE(meta["originalFile"].get<std::string>(), std::string("tad-config.json"));
            QVERIFY(meta["backupTime"].is_string());
            QVERIFY(item["parses"].get<bool>());
            QVERIFY(item["file"].get<std::string>().find(
                        meta["hash"].get<std::string>().substr(0, 8)) != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(tst_BackupInterop)
#include "tst_backupinterop.moc"
