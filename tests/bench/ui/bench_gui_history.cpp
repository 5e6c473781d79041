// The history panels with big inputs: time to open the backup timeline on a
// folder of 1,000 backups (list on the worker, fill the grouped list, paint)
// and to show the diff of two ~1 MB configs (diff, notes and pretty-printing
// on the worker, then the views). Medians of 7 runs. Prints numbers; never fails.
//   bench_gui_history [backups=1000] [workspaces=3500]
#include "Resources.h"
#include "history/BackgroundWorker.h"
#include "history/BackupName.h"
#include "history/BackupTimelineView.h"
#include "history/DiffView.h"
#include "io/AtomicFile.h"
#include "session/HistoryActions.h"
#include "session/StoreSession.h"
#include "window/StartupConfig.h"

#include "json/JsonText.h"
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <algorithm>
#include <cstdio>

using namespace tad;

std::string demoBytes();

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

Json bigConfig(int workspaces, int variant)
{
    Json doc = parseDocument(demoBytes()).value().value;
    Json &spaces = doc["workspaces"];
    for (int i = 0; i < workspaces; ++i) {
        Json space = Json::object();
        space["path"] = "/home/ada/src/project-" + std::to_string(i);
        space["name"] = "Project number " + std::to_string(i) + " with a longer descriptive name";
        space["settings"] = Json::object({{"buildOnSave", (i + variant) % 3 == 0},
                                          {"autoRefresh", i % 2 == 0},
                                          {"tabSize", 2 + (i % 3)}});
        space["lastOpened"] = "2026-11-20T09:15:00.000Z";
        space["tags"] = Json::array({"work", "tad", "config-" + std::to_string(i % 17)});
        spaces["ws-" + std::to_string(i)] = std::move(space);
    }
    if (variant) {
        doc["settings"]["theme"] = "light";
        doc["ai"]["apiKey"] = "sk-live-abcdefghijklmnop9876";
    }
    return doc;
}

} // namespace

std::string demoBytes()
{
    auto snapshot = readFile(QStringLiteral(TAD_SOURCE_DIR "/resources/demo/tad-config.demo.json"));
    return snapshot ? snapshot->bytes : std::string("{}");
}

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ensureResources();
    const int backupCount = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int workspaces = argc > 2 ? std::atoi(argv[2]) : 3500;

    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("tad-config.json"));
    const std::string demo = demoBytes();
    (void)replaceFile(config, demo);
    QDir().mkpath(dir.filePath(QStringLiteral("backups")));
    // Written directly (as the Electron app would), one every ~3 hours.
    QDateTime time = QDateTime::currentDateTimeUtc().addSecs(-qint64(backupCount) * 3 * 3600);
    for (int i = 0; i < backupCount; ++i) {
        std::string bytes = demo;
        bytes.insert(bytes.size() - 1, ",\"n\":" + std::to_string(i));
        const QString hash = backupname::sha256Hex(bytes);
        const QString name = backupname::make(time, hash);
        const QString path = dir.filePath(QStringLiteral("backups/") + name);
        (void)replaceFile(path, bytes, WriteOptions{0600, false, false});
        Json meta = {{"originalFile", config.toStdString()},
                     {"backupTime", backupname::isoTime(time).toStdString()},
                     {"reason", i % 5 ? "critical-key" : "manual"},
                     {"hash", hash.toStdString()},
                     {"size", bytes.size()}};
        (void)replaceFile(path + QStringLiteral(".meta.json"), meta.dump(2),
                          WriteOptions{0600, false, false});
        time = time.addSecs(3 * 3600 - 7 * (i % 13));
    }

    StoreSessionOptions sessionOptions;
    sessionOptions.watch = false;
    sessionOptions.file.history = false;
    StoreSession session(config, sessionOptions);
    HistoryActions actions(&session, Schema::builtIn().value());
    BackgroundWorker worker;

    std::vector<double> openTimes;
    for (int run = 0; run < 7; ++run) {
        BackupTimelineView view(config, &actions, &worker);
        view.resize(1000, 700);
        view.show();
        QSignalSpy listed(&view, &BackupTimelineView::listed);
        QElapsedTimer timer;
        timer.start();
        view.reload();
        listed.wait(30000);
        view.repaint();
        openTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (run == 0)
            std::printf("timeline rows: %lld backups in %d day groups\n",
                        static_cast<long long>(view.backupNames().size()),
                        view.list()->topLevelItemCount());
    }
    std::printf("open timeline, %d backups (list + fill + paint): median %.1f ms, best %.1f ms "
                "(target < 300 ms)\n",
                backupCount, median(openTimes),
                *std::min_element(openTimes.begin(), openTimes.end()));

    const Json before = bigConfig(workspaces, 0);
    const Json after = bigConfig(workspaces, 1);
    std::printf("diff inputs: %.2f MB and %.2f MB\n", double(compactJson(before).size()) / 1e6,
                double(compactJson(after).size()) / 1e6);
    const Schema schema = Schema::builtIn().value();
    std::vector<double> prepareTimes, showTimes, totalTimes;
    size_t opCount = 0;
    for (int run = 0; run < 7; ++run) {
        DiffView view;
        view.setSchema(schema);
        view.resize(1000, 700);
        view.show();
        QElapsedTimer timer;
        timer.start();
        DiffData data =
            diffDocuments(before, after, schema, QStringLiteral("A"), QStringLiteral("B"));
        const double prepared = double(timer.nsecsElapsed()) / 1e6;
        opCount = data.ops.size();
        view.showDiff(std::move(data));
        view.repaint();
        const double total = double(timer.nsecsElapsed()) / 1e6;
        prepareTimes.push_back(prepared);
        showTimes.push_back(total - prepared);
        totalTimes.push_back(total);
    }
    std::printf("diff of two ~1 MB configs, %zu operations: median %.1f ms total "
                "(worker: diff + notes + pretty-print %.1f ms; UI thread: views %.1f ms) "
                "(target < 200 ms)\n",
                opCount, median(totalTimes), median(prepareTimes), median(showTimes));
    return 0;
}
