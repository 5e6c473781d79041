// Three writers on one file, all real processes: the Electron app's conf
// (pausing 5-20 ms between sets), a `tad-settings-cli batch` setting keys of
// its own, and one-shot `tad-settings-cli set` commands one after another.
// 1,000 distinct keys in all: none may be lost on any side. Also prints how
// long a one-shot set takes with and without another writer.
#include "CliRunner.h"
#include "ConfProcess.h"
#include "WatchTestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <limits>
#include <thread>

using namespace tad;
using namespace tad::testing;

namespace {

constexpr int kAppKeys = 400, kBatchKeys = 400, kShotKeys = 200;

double median(std::vector<qint64> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return double(values[values.size() / 2]) / 1000.0;
}

} // namespace

class tst_ThreeWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!clitest::cliPath().isEmpty(), "TAD_CLI must be set"); }

    void noKeyLostOnAnySide_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u})
            QTest::addRow("seed %u", seed) << seed;
    }
    void noKeyLostOnAnySide()
    {
        QFETCH(quint32, seed);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tad-config.json"));
        QVERIFY(writeByRename(path, R"({"app":{},"batch":{},"shot":{}})"));
        const QStringList base{QStringLiteral("--config"), path, QStringLiteral("--no-schema")};

        ConfProcess conf;
        QVERIFY2(conf.start(path), qPrintable(conf.lastError()));
        QProcess batch;
        batch.start(clitest::cliPath(), base + QStringList{QStringLiteral("batch")});
        QVERIFY(batch.waitForStarted());

        conf.send(Json{{"op", "burst"},
                       {"prefix", "app.k"},
                       {"count", kAppKeys},
                       {"valuePrefix", "a"},
                       {"pauseMin", 5},
                       {"pauseMax", 20}});
        // One-shot sets, one after another, beside the other two.
        QElapsedTimer clock;
        clock.start();
        std::atomic<qint64> othersDoneMs{std::numeric_limits<qint64>::max()};
        std::vector<qint64> shotUs, besideUs; // all of them; those begun while the others wrote
        int shotFailures = 0;
        std::thread shots([&] {
            for (int i = 0; i < kShotKeys; ++i) {
                const bool beside = clock.elapsed() < othersDoneMs.load();
                QElapsedTimer timer;
                timer.start();
                const auto run = clitest::runCli(
                    base + QStringList{QStringLiteral("set"), QStringLiteral("shot.k%1").arg(i),
                                       QStringLiteral("\"s%1\"").arg(i)});
                shotUs.push_back(timer.nsecsElapsed() / 1000);
                if (beside)
                    besideUs.push_back(shotUs.back());
                shotFailures += run.exitCode == 0 ? 0 : 1;
            }
        });
        QRandomGenerator random(seed);
        for (int i = 0; i < kBatchKeys; ++i) {
            const std::string line = compactJson(Json{{"op", "set"},
                                                      {"key", "batch.k" + std::to_string(i)},
                                                      {"value", "b" + std::to_string(i)}}) +
                                     "\n";
            batch.write(line.data(), qint64(line.size()));
            batch.waitForBytesWritten(1000);
            QThread::msleep(random.bounded(5, 21));
        }
        batch.closeWriteChannel();
        QVERIFY(batch.waitForFinished(120000));
        const auto answer = conf.answer(120000);
        othersDoneMs = clock.elapsed();
        shots.join();
        QVERIFY2(answer && (*answer)["ok"] == true, conf.standardError().constData());
        QCOMPARE(conf.finish(), 0);

        const QByteArray answers = batch.readAllStandardOutput();
        QCOMPARE(batch.exitCode(), 0);
        QCOMPARE(answers.count("\"ok\":true"), qsizetype(kBatchKeys));
        QCOMPARE(shotFailures, 0);

        const Json onDisk = parsedFile(path);
        const int app = countExact(onDisk, "app", "a", kAppKeys);
        const int batchKept = countExact(onDisk, "batch", "b", kBatchKeys);
        const int shot = countExact(onDisk, "shot", "s", kShotKeys);
        qInfo("seed %u: lost app %d, batch %d, one-shot %d; one-shot set median %.1f ms while "
              "conf and batch wrote (%zu sets), %.1f ms overall",
              seed, kAppKeys - app, kBatchKeys - batchKept, kShotKeys - shot, median(besideUs),
              besideUs.size(), median(shotUs));
        QCOMPARE(app, kAppKeys);
        QCOMPARE(batchKept, kBatchKeys);
        QCOMPARE(shot, kShotKeys);
    }

    // For the figures: a one-shot set alone takes no longer than a write.
    void oneShotAloneReturnsAtOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tad-config.json"));
        QVERIFY(writeByRename(path, R"({"shot":{}})"));
        const QStringList base{QStringLiteral("--config"), path, QStringLiteral("--no-schema")};
        std::vector<qint64> shotUs;
        for (int i = 0; i < 30; ++i) {
            QElapsedTimer timer;
            timer.start();
            const auto run = clitest::runCli(base + QStringList{QStringLiteral("set"),
                                                                QStringLiteral("shot.k%1").arg(i),
                                                                QStringLiteral("%1").arg(i)});
            shotUs.push_back(timer.nsecsElapsed() / 1000);
            QCOMPARE(run.exitCode, 0);
        }
        qInfo("one-shot set alone: median %.1f ms", median(shotUs));
        QCOMPARE(countKeys(parsedFile(path), "shot"), 30);
    }
};

QTEST_GUILESS_MAIN(tst_ThreeWriters)
#include "tst_threewriters.moc"
