// The window's find on a large settings file (the demo file grown with
// workspaces, as the product bench makes it): for a few queries, the time
// from the query being put in force (the box's 150 ms typing pause not
// counted) to the first matching row in the tree, to the search finished
// (count shown, matches expanded) and to the tree painted, the longest
// stall of the UI thread meanwhile, and the time Esc takes to bring the
// tree back. "cold" is the first query in a freshly opened window (each
// row's schema facts are looked up for the first time), "warm" the median
// of the same query again in that window. Prints a table; never fails.
//   bench_gui_find [--sizes 1m] [--rounds 3]
#include "../product/DemoDocument.h"
#include "../product/WaitFor.h"
#include "Resources.h"
#include "StallMeter.h"
#include "session/StoreSession.h"
#include "settings/SettingsFilterModel.h"
#include "settings/SettingsFind.h"
#include "settings/SettingsTreeModel.h"
#include "window/MainWindow.h"
#include "window/StartupConfig.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace tad;
using ::bench::StallMeter;
using ::bench::waitFor;

namespace {

struct Timing
{
    double firstMs = 0; // a matching row in the tree
    double doneMs = 0;  // searchFinished: count and expansion in place
    double paintMs = 0; // the tree painted after that
    double stallMs = 0; // longest the UI thread did not run its loop
    double clearMs = 0; // Esc: the box cleared, the tree as it was
    int matches = 0;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

std::unique_ptr<MainWindow> openWindow(const QString &path)
{
    MainWindowOptions options;
    options.configPath = path;
    options.schemaPath = bundledSchemaPath();
    options.rememberState = false;
    auto window = std::make_unique<MainWindow>(options);
    window->resize(1024, 700);
    window->show();
    window->open();
    if (!waitFor([&] { return window->isReady(); }, 120000))
        return nullptr;
    window->session()->waitForIdle();
    waitFor([] { return false; }, 300); // the watcher and the first paint settle
    return window;
}

Timing runQuery(MainWindow &window, const QString &query)
{
    SettingsFilterModel *filter = window.filterModel();
    bool finished = false;
    Timing timing;
    QElapsedTimer clock;
    const auto connection =
        QObject::connect(filter, &SettingsFilterModel::searchFinished, &window, [&](int matches) {
            if (filter->query() != query)
                return;
            finished = true;
            timing.doneMs = double(clock.nsecsElapsed()) / 1e6;
            timing.matches = matches;
        });
    StallMeter stalls;
    stalls.start();
    clock.start();
    window.findBox()->setText(query);
    window.find()->applyNow();
    bool seen = false;
    waitFor(
        [&] {
            if (!seen && filter->firstMatch().isValid()) {
                seen = true;
                timing.firstMs = double(clock.nsecsElapsed()) / 1e6;
            }
            return finished;
        },
        120000);
    if (!seen)
        timing.firstMs = timing.doneMs; // nothing matches: the empty message is the result
    window.tree()->viewport()->repaint();
    timing.paintMs = double(clock.nsecsElapsed()) / 1e6;
    waitFor([] { return false; }, 20);
    timing.stallMs = stalls.longestMs();
    QObject::disconnect(connection);
    // Esc in the box, as a person clears it; the tree comes back as it was.
    clock.restart();
    QTest::keyClick(window.findBox(), Qt::Key_Escape);
    waitFor([&] { return !filter->isFiltering() && !filter->isSearching(); }, 60000);
    window.tree()->viewport()->repaint();
    timing.clearMs = double(clock.nsecsElapsed()) / 1e6;
    waitFor([] { return false; }, 50);
    return timing;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    ensureResources();
    QStringList sizes{QStringLiteral("1m")};
    int rounds = 3;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--sizes") && i + 1 < args.size()) {
            sizes = args[++i].split(QLatin1Char(','));
        } else if (args[i] == QLatin1String("--rounds") && i + 1 < args.size()) {
            rounds = std::max(1, args[++i].toInt());
        } else {
            std::fprintf(stderr, "usage: bench_gui_find [--sizes 1m,10m] [--rounds 3]\n");
            return 2;
        }
    }
    // Few matches, about a hundred, every workspace, a state filter, none.
    const QStringList queries{QStringLiteral("theme"), QStringLiteral("project-12"),
                              QStringLiteral("project"), QStringLiteral("@modified"),
                              QStringLiteral("zzzz")};
    QTemporaryDir dir;
    std::printf("bench_gui_find: window 1024x700, offscreen; times from the query in force "
                "(typing pause not counted), ms; warm = median of %d\n\n",
                rounds);
    std::printf("| size | bytes | nodes | query | matches | cold first | cold done | cold painted "
                "| cold stall | warm done | warm stall | Esc |\n");
    std::printf("| ---- | ----- | ----- | ----- | ------- | ---------- | --------- | ------------ "
                "| ---------- | --------- | ---------- | --- |\n");
    for (const QString &size : sizes) {
        const std::string bytes = ::bench::documentOfSize(::bench::parseSize(size));
        const QString path = dir.filePath(size + QStringLiteral("/tad-config.json"));
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()))
            return 1;
        file.close();
        for (const QString &query : queries) {
            // A fresh window for each query: its first search is the cold one.
            std::unique_ptr<MainWindow> window = openWindow(path);
            if (!window)
                return 3;
            const Timing cold = runQuery(*window, query);
            std::vector<double> done, stall, clear;
            for (int round = 0; round < rounds; ++round) {
                const Timing warm = runQuery(*window, query);
                done.push_back(warm.doneMs);
                stall.push_back(warm.stallMs);
                clear.push_back(warm.clearMs);
            }
            std::printf(
                "| %s | %zu | %zu | `%s` | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |\n",
                qPrintable(size), bytes.size(), window->model()->nodeCount(), qPrintable(query),
                cold.matches, cold.firstMs, cold.doneMs, cold.paintMs, cold.stallMs, median(done),
                median(stall), median(clear));
            std::fflush(stdout);
        }
    }
    return 0;
}
