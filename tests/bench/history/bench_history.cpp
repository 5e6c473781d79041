// Prints how long the backup and history paths take at the sizes that
// matter: listing 1,000 backups, diffing two ~1 MB documents, restoring a
// 1 MB backup (with its before-restore backup and history entry).
#include "history/BackupManager.h"
#include "history/JsonPatch.h"
#include "history/Restore.h"
#include "io/AtomicFile.h"

#include "json/JsonText.h"
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace tad;

namespace {

double medianMs(int runs, const std::function<void()> &fn)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        fn();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

Json bigDocument(int workspaces, int variant)
{
    Json doc = Json::object();
    doc["version"] = "1.1.0";
    doc["settings"] = Json{{"theme", variant ? "light" : "dark"}, {"fontSize", 14}};
    Json ws = Json::object();
    for (int i = 0; i < workspaces; ++i) {
        const bool changed = variant && i % 131 == 0;
        ws["workspace-" + std::to_string(i)] =
            Json{{"path", "/home/ada/src/project-" + std::to_string(i)},
                 {"lastOpened", 1700000000000.0 + i * (changed ? 7 : 1)},
                 {"pinned", i % 5 == 0},
                 {"tabs", Json::array({"src/main.cpp", "README.md",
                                       "docs/notes-" + std::to_string(i) + ".md"})}};
    }
    if (variant)
        ws.erase("workspace-7");
    doc["workspaces"] = std::move(ws);
    return doc;
}

void writePlain(const QString &path, const std::string &bytes)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(bytes.data(), qint64(bytes.size()));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString storePath = dir.filePath(QStringLiteral("tad-config.json"));

    // 1. Listing 1,000 backups (files written directly: the listing is measured).
    {
        BackupManager backups(storePath);
        QDir().mkpath(backups.directory());
        QDateTime t(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc());
        for (int i = 0; i < 1000; ++i) {
            const std::string content =
                "{\"n\":" + std::to_string(i) + ",\"settings\":{\"theme\":\"dark\"}}";
            const QString hash = backupname::sha256Hex(content);
            const QString name = backupname::make(t, hash);
            writePlain(QDir(backups.directory()).filePath(name), content);
            Json meta = {{"originalFile", "tad-config.json"},
                         {"backupTime", backupname::isoTime(t).toStdString()},
                         {"reason", "scheduled"},
                         {"hash", hash.toStdString()},
                         {"size", content.size()}};
            writePlain(QDir(backups.directory()).filePath(backupname::metaNameOf(name)),
                       stringify(meta, TextStyle::withSpaces(2)));
            t = t.addSecs(3600);
        }
        std::size_t count = 0;
        const double listMs = medianMs(7, [&] { count = backups.list()->size(); });
        const double verifyMs = medianMs(3, [&] { (void)backups.list(true); });
        std::printf("list 1,000 backups (sizes and name hashes checked): %.1f ms (%zu listed; "
                    "target < 100 ms)\n",
                    listMs, count);
        std::printf("list 1,000 backups with every SHA-256 verified:     %.1f ms\n", verifyMs);
        QDir(backups.directory()).removeRecursively();
    }

    // 2. Diff of two ~1 MB documents.
    const Json a = bigDocument(6500, 0), b = bigDocument(6500, 1);
    const std::string aBytes = stringify(a, TextStyle::compact()),
                      bBytes = stringify(b, TextStyle::compact());
    {
        Json patch;
        const double diffMs = medianMs(7, [&] { patch = diffJson(a, b); });
        ChangeSet change;
        const double changeMs = medianMs(7, [&] { change = makeChangeSet(a, b); });
        Json applied;
        const double undoMs = medianMs(7, [&] {
            applied = b;
            (void)applyPatch(applied, change.inverse, {.strictAdd = true});
        });
        std::printf(
            "diff of %.2f MB and %.2f MB documents: %.1f ms, %zu operations (target < 30 ms)\n",
            aBytes.size() / 1e6, bBytes.size() / 1e6, diffMs, patch.size());
        std::printf("patch + guarded inverse (history entry): %.1f ms; applying the inverse: %.1f "
                    "ms (copy included)\n",
                    changeMs, undoMs);
    }

    // 3. Restore of a 1 MB backup through the store.
    {
        writePlain(storePath, aBytes);
        Store store(storePath);
        HistoryServices services(store);
        if (!store.open().ok())
            return 1;
        const QString nameA = services.backups().create(QStringLiteral("manual"))->info.name;
        writePlain(storePath, bBytes);
        (void)store.refresh();
        const QString nameB = services.backups().create(QStringLiteral("manual"))->info.name;
        int n = 0;
        const double restoreMs = medianMs(7, [&] {
            auto plan = planRestore(services, {(n++ % 2) ? nameB : nameA, {}});
            auto done =
                plan ? restoreBackup(services, *plan) : Result<RestoreOutcome>(plan.error());
            if (!done)
                std::printf("restore failed: %s\n", qPrintable(done.error().message));
        });
        std::printf(
            "restore of a %.2f MB backup (safety backup, atomic write, history entry): %.1f ms\n",
            aBytes.size() / 1e6, restoreMs);
    }

    // 4. What recording costs a set on a 1 MB store: the same non-critical
    //    key set alternately to two values, without and with history attached.
    {
        auto setTimes = [&](bool withHistory) {
            QDir(dir.path()).removeRecursively();
            QDir().mkpath(dir.path());
            writePlain(storePath, aBytes);
            Store store(storePath);
            std::unique_ptr<HistoryServices> services;
            if (withHistory)
                services = std::make_unique<HistoryServices>(store);
            if (!store.open().ok())
                return -1.0;
            int n = 0;
            return medianMs(31, [&] { (void)store.set("ui.zoom", Json(n++ % 2)); });
        };
        const double plainMs = setTimes(false);
        const double recordedMs = setTimes(true);
        std::printf("set on a %.2f MB store: %.1f ms alone, %.1f ms with history recorded "
                    "(entry, hashes, head)\n",
                    aBytes.size() / 1e6, plainMs, recordedMs);
    }
    return 0;
}
