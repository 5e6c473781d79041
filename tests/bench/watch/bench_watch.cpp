// How long after the Electron app's write (conf's set() has returned, so its
// rename is done) our store reports the change, for 1 KB, 100 KB and 1 MB
// files; beside it, in the same run, how long conf's own watcher (another
// conf instance with watch: true, as a second Electron window would have)
// takes for the same kind of write. Prints numbers, never fails.
//
//   bench_watch [samples per size = 200] [conf watcher samples per size = 3]
#include "ConfProcess.h"
#include "store/Store.h"
#include "watch/StoreWatcher.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

using namespace tad;
using namespace tad::testing;

namespace {

qint64 wallClockUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

void runEventsFor(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return NAN;
    std::sort(values.begin(), values.end());
    const size_t rank = size_t(std::ceil(p * double(values.size())));
    return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

// A settings document of about `bytes` bytes, shaped like TAD's (workspaces).
Json documentOfSize(size_t bytes)
{
    Json doc = {{"settings", {{"theme", "dark"}, {"fontSize", 14}}}, {"bench", {{"seq", -1}}}};
    Json workspaces = Json::object();
    for (size_t i = 0; compactJson(doc).size() + i * 160 < bytes; ++i) {
        workspaces["ws-" + std::to_string(i)] = {
            {"name", "Workspace " + std::to_string(i)},
            {"path", "/home/user/projects/p" + std::to_string(i)},
            {"lastOpened", 1714550400000 + qint64(i)},
            {"pinned", i % 3 == 0},
            {"tabs", {"a.ts", "b.ts"}}};
    }
    doc["workspaces"] = std::move(workspaces);
    return doc;
}

struct Latencies
{
    std::vector<double> oursMs;
    std::vector<double> confMs;
    int missed = 0;
};

Latencies measure(size_t bytes, int samples, int confSamples)
{
    Latencies out;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    ConfProcess writer, confWatcher;
    if (!writer.start(path, {}, QStringLiteral(TAD_NODE), QStringLiteral(TAD_INTEROP_DIR))) {
        std::fprintf(stderr, "cannot start node: %s\n", qPrintable(writer.lastError()));
        return out;
    }
    writer.request(Json{{"op", "set-multiple"}, {"value", documentOfSize(bytes)}});

    Store store(path);
    if (!store.open())
        return out;
    StoreWatcher watcher(store);
    std::map<qint64, qint64> seenAtUs; // bench.seq -> when our event came
    QObject::connect(&store, &Store::changed, [&](const ChangeEvent &e) {
        if (e.source == ChangeSource::External && e.key == "bench.seq" && e.newValue &&
            e.newValue->is_number())
            seenAtUs.emplace(e.newValue->get<qint64>(), wallClockUs());
    });
    watcher.start();
    runEventsFor(100);

    auto *random = QRandomGenerator::global();
    auto writeAndWait = [&](qint64 seq) -> std::optional<qint64> {
        auto answer = writer.request(Json{{"op", "set"}, {"key", "bench.seq"}, {"value", seq}});
        if (!answer || !(*answer)["ok"].get<bool>())
            return std::nullopt;
        const qint64 doneUs = (*answer)["doneUs"].get<qint64>();
        QDeadlineTimer deadline(3000);
        while (!seenAtUs.count(seq) && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        if (!seenAtUs.count(seq)) {
            ++out.missed;
            return doneUs;
        }
        out.oursMs.push_back(double(seenAtUs[seq] - doneUs) / 1000.0);
        return doneUs;
    };

    for (int i = 0; i < samples; ++i) {
        writeAndWait(i);
        runEventsFor(int(random->bounded(5, 15)));
    }

    // conf's own watcher polls (fs.watchFile) on Linux, so its writes are spaced out.
    if (confSamples > 0 &&
        confWatcher.start(path, {QStringLiteral("--watch")}, QStringLiteral(TAD_NODE),
                          QStringLiteral(TAD_INTEROP_DIR))) {
        confWatcher.request(Json{{"op", "get-all"}}); // started and watching
        for (int i = 0; i < confSamples; ++i) {
            const qint64 seq = 1000000 + i;
            const auto doneUs = writeAndWait(seq);
            if (!doneUs)
                continue;
            QDeadlineTimer deadline(15000);
            std::optional<qint64> atUs;
            while (!atUs && !deadline.hasExpired()) {
                confWatcher.pollAnswer(); // reads stdout, sorting events from answers
                for (auto &event : confWatcher.events()) {
                    if (event["seq"] == Json(seq))
                        atUs = event["atUs"].get<qint64>();
                }
                confWatcher.events().clear();
                QThread::msleep(2);
                QCoreApplication::processEvents();
            }
            if (atUs)
                out.confMs.push_back(double(*atUs - *doneUs) / 1000.0);
        }
        confWatcher.finish();
    }
    writer.finish();
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int samples = argc > 1 ? std::atoi(argv[1]) : 200;
    const int confSamples = argc > 2 ? std::atoi(argv[2]) : 3;

    std::printf("latency from conf's write (set() returned) to the change event, ms\n");
    std::printf("%-8s %8s %8s %8s %8s %7s | %-28s\n", "file", "n", "p50", "p99", "max", "missed",
                "conf onDidChange (other process) p50 / max (n)");
    const std::pair<const char *, size_t> sizes[] = {
        {"1 KB", 1024}, {"100 KB", 100 * 1024}, {"1 MB", 1024 * 1024}};
    for (const auto &[label, bytes] : sizes) {
        const Latencies l = measure(bytes, samples, confSamples);
        const double max =
            l.oursMs.empty() ? NAN : *std::max_element(l.oursMs.begin(), l.oursMs.end());
        const double confMax =
            l.confMs.empty() ? NAN : *std::max_element(l.confMs.begin(), l.confMs.end());
        std::printf("%-8s %8zu %8.2f %8.2f %8.2f %7d | %10.0f / %6.0f (%zu)\n", label,
                    l.oursMs.size(), percentile(l.oursMs, 0.5), percentile(l.oursMs, 0.99), max,
                    l.missed, percentile(l.confMs, 0.5), confMax, l.confMs.size());
        std::fflush(stdout);
    }
    return 0;
}
