// The window with a 10 MB settings file: time from start to a shown tree,
// time from an external write to the visible rows, and the longest stall
// of the UI thread meanwhile. Prints numbers; never fails.
//   bench_gui [workspaces=64000]
#include "../product/WaitFor.h"
#include "Resources.h"
#include "StallMeter.h"
#include "io/AtomicFile.h"
#include "session/StoreSession.h"
#include "settings/SettingsTreeModel.h"
#include "store/Store.h"
#include "window/MainWindow.h"
#include "window/StartupConfig.h"

#include "json/JsonText.h"
#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace tad;
using ::bench::StallMeter;
using ::bench::waitFor;

namespace {

Json bigConfig(int workspaces, int fontSize, bool extraWorkspace = false)
{
    Json doc =
        parseValue(R"({"version":"1.0.0","settings":{"theme":"dark","language":"en","autoSave":true,
        "fontSize":14},"user":{"name":"Ada","email":"ada@example.com"},"workspaces":{}})")
            .value();
    doc["settings"]["fontSize"] = fontSize;
    Json &map = doc["workspaces"];
    for (int i = 0; i < workspaces; ++i) {
        Json w = Json::object();
        w["path"] =
            "/home/ada/src/project-" + std::to_string(i) + "/a/fairly/long/path/to/make/it/real";
        w["name"] = "Project number " + std::to_string(i);
        w["settings"] = Json::object({{"buildOnSave", i % 2 == 0}, {"autoRefresh", i % 3 == 0}});
        w["lastOpened"] = "2026-11-20T09:15:00.000Z";
        map["ws-" + std::to_string(i)] = std::move(w);
    }
    if (extraWorkspace)
        map["ws-new"] = Json::object({{"path", "/home/ada/new"}, {"name", "New"}});
    return doc;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ensureResources();
    const int workspaces = argc > 1 ? std::atoi(argv[1]) : 64000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    const std::string first = stringify(bigConfig(workspaces, 14), TextStyle::compact());
    const std::string second = stringify(bigConfig(workspaces, 15), TextStyle::compact());
    const std::string third = stringify(bigConfig(workspaces, 14, true), TextStyle::compact());
    if (!replaceFile(path, first))
        return 1;
    std::printf("config: %.1f MB, %d workspaces\n", double(first.size()) / 1e6, workspaces);

    StallMeter stalls;
    stalls.start();
    QElapsedTimer clock;
    clock.start();
    MainWindowOptions options;
    options.configPath = path;
    options.schemaPath = bundledSchemaPath();
    options.rememberState = false;
    MainWindow window(options);
    window.show();
    window.open();
    if (!waitFor([&] { return window.isReady(); }, 60000))
        return 2;
    window.tree()->viewport()->repaint();
    const double shownMs = double(clock.nsecsElapsed()) / 1e6;
    const double openStall = stalls.longestMs();
    std::printf(
        "start to shown tree: %.0f ms (target < 1000), longest UI stall meanwhile: %.1f ms\n",
        shownMs, openStall);
    std::printf("tree nodes: %zu\n", window.model()->nodeCount());

    window.selectKey(QStringLiteral("settings.language"));
    const QModelIndex fontSize = window.model()->indexForKey(QStringLiteral("settings.fontSize"),
                                                             SettingsTreeModel::ValueColumn);
    waitFor([] { return false; }, 300); // let the watcher settle

    // Each round changes one value (settings.fontSize 14 <-> 15); the last
    // also adds a workspace (a new key in a map of 64,000).
    const int rounds = 5;
    for (int round = 0; round < rounds; ++round) {
        const bool addWorkspace = round == rounds - 1;
        const std::string &bytes = addWorkspace ? third : round % 2 == 0 ? second : first;
        const QString expected = round % 2 == 0 ? QStringLiteral("15") : QStringLiteral("14");
        // The worker finishes what the last round left (the history entry).
        window.session()->waitForIdle();
        waitFor([] { return false; }, 100);
        stalls.start();
        clock.restart();
        // Written by another thread, as another program would: the UI thread
        // only runs its event loop (writing 13 MB here would stall it).
        std::atomic<bool> written{false};
        std::thread writer([&] { written = replaceFile(path, bytes, {0600, false, false}).ok(); });
        const bool shown = waitFor(
            [&] {
                return addWorkspace ? window.model()
                                          ->indexForKey(QStringLiteral("workspaces.ws-new"))
                                          .isValid()
                                    : fontSize.data().toString() == expected;
            },
            30000);
        writer.join();
        if (!written)
            return 3;
        if (!shown)
            return 4;
        window.tree()->viewport()->repaint();
        const double changeMs = double(clock.nsecsElapsed()) / 1e6;
        const double changeStall = stalls.longestMs();
        clock.restart();
        window.session()->waitForIdle();
        std::printf("%s to visible row: %.0f ms (target < 100), longest UI stall: %.1f ms "
                    "(target < 50); worker busy %.0f ms more (history)\n",
                    addWorkspace ? "external new workspace" : "external change", changeMs,
                    changeStall, double(clock.nsecsElapsed()) / 1e6);
    }
    // For comparison: the store re-reading, parsing and diffing the whole
    // file itself (what the window did before it took patches from the watcher).
    Store store(path);
    if (!store.open())
        return 5;
    for (int round = 0; round < 2; ++round) {
        if (!replaceFile(path, round % 2 == 0 ? first : second, {0600, false, false}))
            return 6;
        clock.restart();
        const bool refreshed = store.refresh().ok();
        std::printf("Store::refresh of the changed file alone (whole parse and diff): %.0f ms%s\n",
                    double(clock.nsecsElapsed()) / 1e6, refreshed ? "" : " (failed)");
    }
    return 0;
}
