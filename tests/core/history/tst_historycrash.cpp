// Kills a process with SIGKILL at random moments while it restores backups,
// rolls back history entries or runs migrations, and checks after every kill
// that the store parses and holds one of the two states, never a mix.
#include "HistoryTestHelpers.h"
#include "history/HistoryHooks.h"
#include "history/Migrator.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <chrono>
#include <thread>

using namespace tad;
using namespace historytest;

namespace {

// A store of about 300 KB, so a write takes long enough to be hit.
std::string bigDocument(const std::string &theme)
{
    Json doc = Json::object();
    doc["version"] = "1.0.0";
    doc["settings"] = Json{{"theme", theme}};
    Json workspaces = Json::object();
    for (int i = 0; i < 2500; ++i)
        workspaces["ws-" + std::to_string(i)] =
            Json{{"path", "/home/ada/projects/p" + std::to_string(i)},
                 {"open", i % 3 == 0},
                 {"tabs", Json::array({"a.cpp", "b.h", "c.md"})}};
    doc["workspaces"] = std::move(workspaces);
    return stringify(doc, TextStyle::compact());
}

} // namespace

class tst_HistoryCrash : public QObject
{
    Q_OBJECT

    void killRepeatedly(const QString &storePath, const QStringList &workerArgs,
                        const std::vector<std::string> &allowed, int kills)
    {
        int acknowledged = 0;
        for (int kill = 0; kill < kills; ++kill) {
            QProcess worker;
            worker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            worker.start(QStringLiteral(TAD_HISTORY_CRASH_WORKER), workerArgs);
            QVERIFY(worker.waitForStarted(5000));
            QByteArray output;
            while (!output.contains("ready\n") && !output.contains("failed")) {
                QVERIFY2(worker.waitForReadyRead(10000), "the worker did not get ready");
                output += worker.readAllStandardOutput();
            }
            QVERIFY2(!output.contains("failed"), output.constData());
            std::this_thread::sleep_for(
                std::chrono::microseconds(QRandomGenerator::global()->bounded(400'000)));
            worker.kill();
            QVERIFY(worker.waitForFinished(5000));
            output += worker.readAllStandardOutput();
            QVERIFY2(!output.contains("failed"), output.constData());
            acknowledged += int(output.count("ok "));

            const std::string bytes = readBytes(storePath);
            QVERIFY2(std::find(allowed.begin(), allowed.end(), bytes) != allowed.end(),
                     "the store holds neither state");
            QVERIFY(parseDocument(bytes).ok());
        }
        qInfo("%d kills, %d completed writes before them", kills, acknowledged);
        QVERIFY2(acknowledged >= kills / 3,
                 "the worker hardly ever finished a write; nothing was tested");
    }

private Q_SLOTS:
    void killDuringRestore()
    {
        QTemporaryDir dir;
        const QString storePath = dir.filePath(QStringLiteral("tad-config.json"));
        const std::string a = bigDocument("dark"), b = bigDocument("light");
        writeBytes(storePath, a);
        BackupManager backups(storePath);
        const QString nameA = backups.create(QStringLiteral("manual"))->info.name;
        writeBytes(storePath, b);
        const QString nameB = backups.create(QStringLiteral("manual"))->info.name;
        killRepeatedly(storePath, {QStringLiteral("restore"), storePath, nameA, nameB}, {a, b}, 60);
    }

    void killDuringRollback()
    {
        QTemporaryDir dir;
        const QString storePath = dir.filePath(QStringLiteral("tad-config.json"));
        const std::string a = bigDocument("dark");
        writeBytes(storePath, a);
        {
            Store store(storePath);
            HistoryServices services(store);
            QVERIFY(store.open().ok());
            QVERIFY(store.set("settings.theme", "light").ok());
        }
        const std::string b = readBytes(storePath);
        killRepeatedly(storePath, {QStringLiteral("rollback"), storePath}, {a, b}, 60);
    }

    void killDuringMigration()
    {
        QTemporaryDir dir;
        const QString storePath = dir.filePath(QStringLiteral("tad-config.json"));
        const std::string a = bigDocument("dark");
        writeBytes(storePath, a);
        auto migrator = Migrator::builtIn();
        QVERIFY(migrator.ok());
        auto parsed = parseDocument(a);
        auto plan = migrator->plan(parsed->value, a, parsed->style);
        QVERIFY(plan.ok() && plan->needed());
        const std::string migrated = stringify(plan->result, parsed->style);
        killRepeatedly(storePath, {QStringLiteral("migrate"), storePath}, {a, migrated}, 60);
    }
};

QTEST_GUILESS_MAIN(tst_HistoryCrash)
#include "tst_historycrash.moc"
