// Three writers on one file, as on a user's machine: the Electron app (a real
// conf process setting its keys with pauses of 5-20 ms), a long-running
// `tad-settings-cli batch`, and one-shot `tad-settings-cli set` commands, all
// with the product's default options (schema, history, backups). Every key
// each of them set must be in the file at the end. The CLIs are real
// processes; nothing is mocked.
#include "ConfProcess.h"
#include "LineProcess.h"
#include "WatchTestSupport.h"
#include "history/History.h"

#include "json/JsonText.h"
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <thread>

using namespace tad;
using namespace tad::testing;

namespace {

QString cli()
{
    return qEnvironmentVariable("TAD_CLI");
}

int countExact(const Json &doc, const char *section, const char *valuePrefix, int count)
{
    int kept = 0;
    if (!doc.contains(section))
        return 0;
    const Json &object = doc[section];
    for (int i = 0; i < count; ++i) {
        const std::string key = "k" + std::to_string(i);
        if (object.contains(key) && object[key] == Json(valuePrefix + std::to_string(i)))
            ++kept;
    }
    return kept;
}

// Each one-shot `set` and each `set` of the batch changes one key: its
// history entry must change that key and none of the other writers'. A
// change of another writer's that ours carried back (after displacing it)
// is that writer's, recorded apart: rolling back our `set` must not take it
// away. Returns the entries that break this, as text.
QStringList setsThatChangeMoreThanTheirKey(const QString &path)
{
    QStringList wrong;
    History history(path);
    auto entries = history.list();
    if (!entries)
        return {QStringLiteral("the history does not list: ") + entries.error().message};
    for (const HistoryEntry &entry : *entries) {
        if (entry.source != ChangeSource::Cli || entry.operation != "set")
            continue;
        // The first write also fills the schema's defaults, as conf does.
        int ownKeys = 0, appKeys = 0;
        for (const Json &op : entry.patch) {
            const std::string path = op["path"].get<std::string>();
            ownKeys += path.rfind("/batch/", 0) == 0 || path.rfind("/shot/", 0) == 0;
            appKeys += path.rfind("/app/", 0) == 0;
        }
        if (ownKeys != 1 || appKeys != 0)
            wrong << QString::fromStdString(compactJson(entry.patch));
    }
    return wrong;
}

} // namespace

class TestThreeWriters : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noKeyLostOnAnySide_data();
    void noKeyLostOnAnySide();
    void killedBatchLosesNoneOfTheAppsKeys();
    void theAppsLaterRevertStands_data();
    void theAppsLaterRevertStands();
};

void TestThreeWriters::noKeyLostOnAnySide_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("appKeys");
    QTest::addColumn<int>("batchKeys");
    QTest::addColumn<int>("shotKeys");
    // 1,000 keys in all per seed.
    QTest::newRow("seed 1") << 1u << 480 << 480 << 40;
    QTest::newRow("seed 2") << 2u << 480 << 480 << 40;
    QTest::newRow("seed 3") << 3u << 480 << 480 << 40;
}

void TestThreeWriters::noKeyLostOnAnySide()
{
    QFETCH(quint32, seed);
    QFETCH(int, appKeys);
    QFETCH(int, batchKeys);
    QFETCH(int, shotKeys);
    QVERIFY2(!cli().isEmpty(), "TAD_CLI must name tad-settings-cli (ctest sets it)");

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"app":{},"batch":{},"shot":{}})"));

    ConfProcess app;
    QVERIFY2(app.start(path), qPrintable(app.lastError()));
    interop::LineProcess batch;
    QVERIFY2(batch.start(cli(), {QStringLiteral("--config"), path, QStringLiteral("batch")}),
             qPrintable(batch.lastError()));

    app.send(Json{{"op", "burst"},
                  {"prefix", "app.k"},
                  {"count", appKeys},
                  {"valuePrefix", "a"},
                  {"pauseMin", 5},
                  {"pauseMax", 20}});

    // One-shot sets, one after the other, on their own thread.
    std::atomic<int> shotFailures{0};
    std::vector<qint64> shotTimes;
    std::thread shots([&] {
        for (int i = 0; i < shotKeys; ++i) {
            QProcess set;
            QElapsedTimer timer;
            timer.start();
            set.start(cli(), {QStringLiteral("--config"), path, QStringLiteral("set"),
                              QStringLiteral("shot.k%1").arg(i), QStringLiteral("\"s%1\"").arg(i)});
            if (!set.waitForFinished(60000) || set.exitStatus() != QProcess::NormalExit ||
                set.exitCode() != 0)
                ++shotFailures;
            shotTimes.push_back(timer.elapsed());
        }
    });

    // The batch at the app's pace: a random pause of 0-15 ms between sets.
    QRandomGenerator random(seed);
    int batchFailures = 0;
    for (int i = 0; i < batchKeys; ++i) {
        const Json request{{"op", "set"},
                           {"key", "batch.k" + std::to_string(i)},
                           {"value", "b" + std::to_string(i)}};
        const std::string line = compactJson(request);
        auto answer = batch.request(QByteArray::fromStdString(line));
        if (!answer || !answer->contains("\"ok\":true"))
            ++batchFailures;
        QThread::msleep(random.bounded(16));
    }
    QCOMPARE(batch.finish(60000), 0);
    shots.join();
    auto done = app.answer(180000);
    QVERIFY2(done, app.standardError().constData());
    QCOMPARE(app.finish(), 0);

    const Json onDisk = parsedFile(path);
    const int appKept = countExact(onDisk, "app", "a", appKeys);
    const int batchKept = countExact(onDisk, "batch", "b", batchKeys);
    const int shotKept = countExact(onDisk, "shot", "s", shotKeys);
    std::sort(shotTimes.begin(), shotTimes.end());
    qInfo("lost: app %d of %d, batch %d of %d, one-shot %d of %d; one-shot set median %lld ms",
          appKeys - appKept, appKeys, batchKeys - batchKept, batchKeys, shotKeys - shotKept,
          shotKeys, shotTimes.empty() ? 0LL : qlonglong(shotTimes[shotTimes.size() / 2]));
    QCOMPARE(batchFailures, 0);
    QCOMPARE(shotFailures.load(), 0);
    QCOMPARE(appKept, appKeys);
    QCOMPARE(shotKept, shotKeys);
    QCOMPARE(batchKept, batchKeys);
    const QStringList misattributed = setsThatChangeMoreThanTheirKey(path);
    QVERIFY2(misattributed.isEmpty(), qPrintable(QStringLiteral("%1 set entries change more "
                                                                "than their key, first: %2")
                                                     .arg(misattributed.size())
                                                     .arg(misattributed.value(0))));
}

// `batch` killed (SIGKILL) 50 times, at random moments of its writes, while
// the app writes: the file always parses, and after the next run of ours
// (which merges back what a killed write left stranded) every key the app
// set is there.
void TestThreeWriters::killedBatchLosesNoneOfTheAppsKeys()
{
    const int appKeys = 300;
    const int kills = 50;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"app":{},"batch":{}})"));
    ConfProcess app;
    QVERIFY2(app.start(path), qPrintable(app.lastError()));
    app.send(Json{{"op", "burst"},
                  {"prefix", "app.k"},
                  {"count", appKeys},
                  {"valuePrefix", "a"},
                  {"pauseMin", 2},
                  {"pauseMax", 8}});
    QRandomGenerator random(7);
    int torn = 0;
    int next = 0;
    for (int round = 0; round < kills; ++round) {
        QProcess batch;
        batch.start(cli(), {QStringLiteral("--config"), path, QStringLiteral("batch")});
        QVERIFY(batch.waitForStarted());
        QByteArray lines;
        for (int i = 0; i < 20; ++i, ++next)
            lines += QByteArray::fromStdString(
                compactJson(Json{
                    {"op", "set"}, {"key", "batch.k" + std::to_string(next)}, {"value", next}}) +
                "\n");
        batch.write(lines);
        batch.waitForBytesWritten(5000);
        QThread::msleep(random.bounded(5, 60));
        batch.kill();
        batch.waitForFinished(5000);
        if (parsedFile(path).is_null())
            ++torn;
    }
    auto done = app.answer(180000);
    QVERIFY2(done, app.standardError().constData());
    QCOMPARE(app.finish(), 0);
    // The next run of ours: its first write merges back what was stranded.
    QProcess set;
    set.start(cli(), {QStringLiteral("--config"), path, QStringLiteral("set"),
                      QStringLiteral("batch.after"), QStringLiteral("1")});
    QVERIFY(set.waitForFinished(60000));
    QCOMPARE(set.exitCode(), 0);

    const Json onDisk = parsedFile(path);
    const int appKept = countExact(onDisk, "app", "a", appKeys);
    qInfo("%d kills of batch: %d torn files, app keys lost %d of %d", kills, torn,
          appKeys - appKept, appKeys);
    QCOMPARE(torn, 0);
    QCOMPARE(appKept, appKeys);
}

// The app (a running conf) reads our set and takes the key back, or deletes
// it, 80 ms later: a change of its own, made after ours, which the batch
// still following the file must leave in place and say so, not put back as
// if a race had undone it.
void TestThreeWriters::theAppsLaterRevertStands_data()
{
    QTest::addColumn<bool>("deleted");
    QTest::newRow("set back") << false;
    QTest::newRow("deleted") << true;
}

void TestThreeWriters::theAppsLaterRevertStands()
{
    QFETCH(bool, deleted);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"settings":{"theme":"dark"},"myTool":{}})"));
    ConfProcess app;
    QVERIFY2(app.start(path), qPrintable(app.lastError()));
    interop::LineProcess batch;
    QVERIFY2(batch.start(cli(), {QStringLiteral("--config"), path, QStringLiteral("batch")}),
             qPrintable(batch.lastError()));
    const std::string key = deleted ? "myTool.flag" : "settings.theme";
    const Json value = deleted ? Json(true) : Json("light");
    auto reply = batch.request(QByteArray::fromStdString(
        compactJson(Json{{"op", "set"}, {"key", key}, {"value", value}})));
    QVERIFY(reply);
    QVERIFY2(reply->contains("\"ok\":true"), reply->constData());
    QThread::msleep(80);
    auto done = deleted ? app.request(Json{{"op", "delete"}, {"key", key}})
                        : app.request(Json{{"op", "set"}, {"key", key}, {"value", "dark"}});
    QVERIFY2(done, app.standardError().constData());
    // The batch follows the file for a while after, as it does in use.
    QThread::msleep(1500);
    QCOMPARE(batch.finish(), 0);
    QCOMPARE(app.finish(), 0);
    const Json onDisk = parsedFile(path);
    if (deleted)
        QVERIFY2(!onDisk["myTool"].contains("flag"), compactJson(onDisk).c_str());
    else
        QVERIFY2(onDisk["settings"]["theme"] == Json("dark"), compactJson(onDisk).c_str());
    const QByteArray said = batch.standardError();
    QVERIFY2(said.contains(QByteArray::fromStdString(key + " was changed by another program")),
             said.constData());
}

QTEST_GUILESS_MAIN(TestThreeWriters)
#include "tst_threewriters.moc"
