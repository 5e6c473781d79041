// Where the time goes when the store takes a new 10 MB version of the file:
// parsing it, finding the changed keys, and adopting it. Prints numbers;
// never fails.
//   bench_adopt [workspaces=64000]
#include "io/AtomicFile.h"
#include "store/DocumentChanges.h"
#include "store/Store.h"
#include "watch/TextPatch.h"

#include "json/JsonText.h"
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThreadPool>
#include <cstdio>

using namespace tad;

namespace {

Json bigConfig(int workspaces, int fontSize)
{
    Json doc = Json::object();
    doc["version"] = "1.0.0";
    doc["settings"] = Json::object({{"theme", "dark"}, {"fontSize", fontSize}});
    Json &map = doc["workspaces"];
    map = Json::object();
    for (int i = 0; i < workspaces; ++i) {
        Json w = Json::object();
        w["path"] =
            "/home/ada/src/project-" + std::to_string(i) + "/a/fairly/long/path/to/make/it/real";
        w["name"] = "Project number " + std::to_string(i);
        w["settings"] = Json::object({{"buildOnSave", i % 2 == 0}, {"autoRefresh", i % 3 == 0}});
        w["lastOpened"] = "2026-11-20T09:15:00.000Z";
        map["ws-" + std::to_string(i)] = std::move(w);
    }
    return doc;
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int workspaces = argc > 1 ? std::atoi(argv[1]) : 64000;
    const std::string first = stringify(bigConfig(workspaces, 14), TextStyle::tabs());
    const std::string second = stringify(bigConfig(workspaces, 15), TextStyle::tabs());
    std::printf("config: %.1f MB, %d workspaces\n", double(first.size()) / 1e6, workspaces);

    QElapsedTimer t;
    for (int round = 0; round < 3; ++round) {
        t.start();
        auto a = parseDocument(first);
        const double parseMs = msSince(t);
        auto b = parseDocument(second);
        t.restart();
        const auto changes = changedKeys(a->value, b->value);
        const double diffMs = msSince(t);
        t.restart();
        a = Result<ParsedDocument>(Error());
        const double destroyMs = msSince(t);
        std::printf("parse: %.1f ms, changedKeys: %.1f ms (%zu changes), destroy: %.1f ms\n",
                    parseMs, diffMs, changes.size(), destroyMs);
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    if (!replaceFile(path, first))
        return 1;
    Store store(path);
    if (!store.open())
        return 2;
    for (int round = 0; round < 4; ++round) {
        const std::string &bytes = round % 2 == 0 ? second : first;
        auto snapshot = FileSnapshot();
        snapshot.bytes = bytes;
        snapshot.stamp.exists = true;
        snapshot.stamp.size = qint64(bytes.size());
        snapshot.stamp.mtimeNs = round + 1;
        auto parsed = parseDocument(bytes);
        QThreadPool::globalInstance()->waitForDone(); // the last old version is freed
        t.start();
        auto adopted = store.adoptVersion(std::move(snapshot), std::move(parsed.value()));
        std::printf("adoptVersion with a parsed version (store thread): %.1f ms%s\n", msSince(t),
                    adopted && adopted.value() ? "" : " (not adopted)");
    }
    // The same versions found from the bytes: a scan of the old text, a parse
    // of the changed members, a splice into the document.
    for (int round = 0; round < 4; ++round) {
        const std::string &before = round % 2 == 0 ? first : second;
        const std::string &after = round % 2 == 0 ? second : first;
        t.start();
        auto patch = diffText(before, after);
        const double diffMs = msSince(t);
        if (!patch) {
            std::printf("diffText found no patch\n");
            return 3;
        }
        auto snapshot = FileSnapshot();
        snapshot.bytes = after;
        snapshot.stamp.exists = true;
        snapshot.stamp.size = qint64(after.size());
        snapshot.stamp.mtimeNs = 100 + round;
        QThreadPool::globalInstance()->waitForDone();
        t.restart();
        auto adopted = store.adoptPatch(std::move(snapshot), *patch);
        std::printf("diffText (reader thread): %.1f ms, adoptPatch (store thread): %.1f ms%s\n",
                    diffMs, msSince(t),
                    adopted && *adopted && adopted->value() ? "" : " (not adopted)");
    }
    return 0;
}
