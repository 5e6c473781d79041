// The history entry of a write: whether it is found from the write's own
// operations (a set of existing keys) or from a diff of the whole documents,
// its patch turns the file before into the file after, its inverse turns it
// back, and for one operation both ways give the same entry.
#include "HistoryTestHelpers.h"
#include "RandomDocuments.h"
#include "history/History.h"
#include "history/HistoryHooks.h"
#include "history/JsonPatch.h"
#include "store/Store.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <memory>

using namespace tad;
using namespace historytest;

namespace {

// Member paths of objects (not inside arrays), for picking keys that exist.
void collectPaths(const Json &node, std::vector<std::string> &prefix,
                  std::vector<std::vector<std::string>> &out)
{
    if (!node.is_object())
        return;
    for (auto it = node.begin(); it != node.end(); ++it) {
        prefix.push_back(it.key());
        out.push_back(prefix);
        collectPaths(it.value(), prefix, out);
        prefix.pop_back();
    }
}

bool overlaps(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    const size_t n = std::min(a.size(), b.size());
    return std::equal(a.begin(), a.begin() + long(n), b.begin());
}

Json parsed(const std::string &bytes)
{
    return parseDocument(bytes)->value;
}

// A store with history on a random document, and the keys it holds.
struct RandomStore
{
    explicit RandomStore(RandomDocuments &random)
        : path(dir.filePath(QStringLiteral("tad-config.json")))
    {
        writeBytes(path, compactJson(random.document()));
        store = std::make_unique<Store>(path);
        services = std::make_unique<HistoryServices>(*store);
        opened = store->open().ok();
        before = readBytes(path);
        beforeDoc = parsed(before);
        std::vector<std::string> prefix;
        collectPaths(beforeDoc, prefix, paths);
    }
    const HistoryEntry &lastEntry() const { return services->recorder().lastRecorded().front(); }
    const std::vector<std::string> &anyPath(RandomDocuments &random) const
    {
        return paths[size_t(random.pick(0, int(paths.size()) - 1))];
    }

    QTemporaryDir dir;
    QString path;
    std::unique_ptr<Store> store;
    std::unique_ptr<HistoryServices> services;
    bool opened = false;
    std::string before;
    Json beforeDoc;
    std::vector<std::vector<std::string>> paths;
};

} // namespace

class tst_HistoryRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entriesUndoAndRedoTheirWrite();
    void oneSetGivesTheSameEntryAsAWholeDiff();
    void newKeysAndDeletesStillGetWholeEntries();
    void versionsAreNamedByDigestAndOldShaNamesStillCount();
    void aChangeSeenTwiceIsListedOnce();
    void aSightingKeepsWhatItsMakerDidNotRecord();
    void aPutBackIsRecordedApartFromTheWrite();
    void aLineNamesItsTimeByItsIdOnly();
};

// Random documents, one to three sets of keys that exist (some with a test
// operation beside them), and now and then a key that does not exist yet.
void tst_HistoryRecorder::entriesUndoAndRedoTheirWrite()
{
    int checked = 0;
    for (unsigned seed = 1; seed <= 300; ++seed) {
        RandomDocuments random(seed);
        RandomStore fixture(random);
        QVERIFY(fixture.opened);
        const std::string &before = fixture.before;
        std::vector<std::vector<std::string>> chosen;
        std::vector<StoreOp> ops;
        const int wanted = random.pick(1, 3);
        for (int tries = 0; tries < 20 && int(chosen.size()) < wanted && !fixture.paths.empty();
             ++tries) {
            auto tokens = fixture.anyPath(random);
            if (random.pick(0, 9) == 0)
                tokens.back() += "-new";
            if (std::any_of(chosen.begin(), chosen.end(),
                            [&](const auto &c) { return overlaps(c, tokens); }))
                continue;
            chosen.push_back(tokens);
            const KeyPath key = KeyPath::fromSegments(tokens);
            if (random.pick(0, 4) == 0) {
                const Json *now = findValue(fixture.beforeDoc, key);
                ops.push_back(StoreOp::test(key, now ? std::optional<Json>(*now) : std::nullopt));
            }
            ops.push_back(StoreOp::set(key, random.edited(random.document(2))));
        }
        if (ops.empty() || !fixture.store->apply(ops, ChangeSource::Editor).ok())
            continue; // nothing to pick, or a key dot-prop will not set
        const std::string after = readBytes(fixture.path);
        if (after == before)
            continue;
        const auto &recorded = fixture.services->recorder().lastRecorded();
        QCOMPARE(recorded.size(), size_t(1));
        const HistoryEntry &entry = recorded.front();
        QCOMPARE(entry.hashBefore, versionHash(before));
        QCOMPARE(entry.hashAfter, versionHash(after));

        Json forward = fixture.beforeDoc;
        QVERIFY2(applyPatch(forward, entry.patch).ok(), qPrintable(QString::number(seed)));
        // A patch restores values, not member order (RFC 6902).
        QVERIFY2(jsEqual(forward, parsed(after)),
                 qPrintable(QStringLiteral("seed %1: %2 -> %3 by %4 gives %5")
                                .arg(seed)
                                .arg(QString::fromStdString(before), QString::fromStdString(after),
                                     QString::fromStdString(compactJson(entry.patch)),
                                     QString::fromStdString(compactJson(forward)))));
        Json backward = parsed(after);
        QVERIFY2(applyPatch(backward, entry.inverse).ok(), qPrintable(QString::number(seed)));
        QVERIFY2(jsEqual(backward, parsed(before)), qPrintable(QString::number(seed)));
        ++checked;
    }
    QVERIFY2(checked > 200, qPrintable(QString::number(checked)));
}

void tst_HistoryRecorder::oneSetGivesTheSameEntryAsAWholeDiff()
{
    int checked = 0;
    for (unsigned seed = 1000; seed < 1200; ++seed) {
        RandomDocuments random(seed);
        RandomStore fixture(random);
        QVERIFY(fixture.opened);
        const std::string &before = fixture.before;
        if (fixture.paths.empty())
            continue;
        const auto &tokens = fixture.anyPath(random);
        // Objects and arrays edited inside, other values replaced.
        const Json *old = findValue(fixture.beforeDoc, KeyPath::fromSegments(tokens));
        const Json next =
            old->is_structured() ? random.edited(*old) : Json(random.pick(-1000, 1000));
        if (!fixture.store
                 ->apply({StoreOp::set(KeyPath::fromSegments(tokens), next)}, ChangeSource::Editor)
                 .ok())
            continue;
        const std::string after = readBytes(fixture.path);
        if (after == before)
            continue;
        const ChangeSet whole = makeChangeSet(parsed(before), parsed(after));
        const HistoryEntry &entry = fixture.lastEntry();
        QCOMPARE(compactJson(entry.patch), compactJson(whole.patch));
        QVERIFY2(compactJson(entry.inverse) == compactJson(whole.inverse),
                 qPrintable(QStringLiteral("seed %1: %2 -> %3: %4 instead of %5")
                                .arg(seed)
                                .arg(QString::fromStdString(before), QString::fromStdString(after),
                                     QString::fromStdString(compactJson(entry.inverse)),
                                     QString::fromStdString(compactJson(whole.inverse)))));
        ++checked;
    }
    QVERIFY2(checked > 150, qPrintable(QString::number(checked)));
}

void tst_HistoryRecorder::newKeysAndDeletesStillGetWholeEntries()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    writeBytes(path, R"({"a":{"b":1,"c":[1,2]},"d":true})");
    Store store(path);
    HistoryServices services(store);
    QVERIFY(store.open().ok());
    const auto patchOf = [&] {
        return compactJson(services.recorder().lastRecorded().front().patch);
    };
    QVERIFY(store.set("x.y.z", 5).ok()); // new parents: one add of the top one
    QCOMPARE(patchOf(), std::string(R"([{"op":"add","path":"/x","value":{"y":{"z":5}}}])"));
    QVERIFY(store.remove("a.b").ok());
    QCOMPARE(patchOf(), std::string(R"([{"op":"remove","path":"/a/b"}])"));
    QVERIFY(store.set("a.c", Json::array({2})).ok());
    QCOMPARE(
        patchOf(),
        std::string(
            R"([{"op":"replace","path":"/a/c/0","value":2},{"op":"remove","path":"/a/c/1"}])"));
    // Two sets where one lies under the other: the later one wins inside it.
    QVERIFY(store
                .apply({StoreOp::set(KeyPath::fromSegments({"a"}), Json::object()),
                        StoreOp::set(KeyPath::fromSegments({"a", "n"}), 1)},
                       ChangeSource::Editor)
                .ok());
    QCOMPARE(
        patchOf(),
        std::string(R"([{"op":"remove","path":"/a/c"},{"op":"add","path":"/a/n","value":1}])"));
}

// Entries name versions by a digest; entries written earlier carry the
// SHA-256. A journal whose newest line names the file by its SHA-256 still
// knows the file: opening it records no change made elsewhere, and the
// next set is one entry.
void tst_HistoryRecorder::versionsAreNamedByDigestAndOldShaNamesStillCount()
{
    const std::string bytes = R"({"a":1})";
    QVERIFY(versionHash(bytes).startsWith(QLatin1String("xxh128:")));
    QVERIFY(namesVersion(versionHash(bytes), bytes));
    QVERIFY(!namesVersion(versionHash(bytes), R"({"a":2})"));
    QVERIFY(namesVersion(backupname::sha256Hex(bytes), bytes));
    QVERIFY(namesVersion(backupname::sha256Hex(bytes).toUpper(), bytes));
    QVERIFY(!namesVersion(backupname::sha256Hex(bytes), R"({"a":2})"));
    QVERIFY(!namesVersion(QString(), bytes));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    writeBytes(path, R"({"a":{"b":1},"d":true})");
    {
        Store store(path);
        HistoryServices services(store);
        QVERIFY(store.open().ok());
        QVERIFY(store.set("a.b", 2).ok());
        QVERIFY(services.flush().ok());
    }
    // The journal as an earlier version wrote it: SHA-256 names.
    const QString journal = dir.filePath(QStringLiteral("storeHistory/journal-000001.jsonl"));
    std::string lines = readBytes(journal);
    const std::string digest = versionHash(readBytes(path)).toStdString();
    const size_t at = lines.rfind(digest);
    QVERIFY(at != std::string::npos);
    lines.replace(at, digest.size(), backupname::sha256Hex(readBytes(path)).toStdString());
    writeBytes(journal, lines);

    Store store(path);
    HistoryServices services(store);
    QVERIFY(store.open().ok());
    QVERIFY(store.set("d", false).ok());
    QVERIFY(!services.recorder().foundExternalChange());
    QCOMPARE(services.recorder().lastRecorded().size(), size_t(1));
    QCOMPARE(compactJson(services.recorder().lastRecorded().front().patch),
             std::string(R"([{"op":"replace","path":"/d","value":false}])"));
}

// The program that made a change and one that saw it land both write it
// down, in either order: listed once, as the maker's. Real steps that come
// back to a version are all kept.
void tst_HistoryRecorder::aChangeSeenTwiceIsListedOnce()
{
    QTemporaryDir dir;
    History history(dir.filePath(QStringLiteral("tad-config.json")));
    const auto step = [&](const char *before, const char *after, ChangeSource source,
                          const char *operation) {
        HistoryEntry entry;
        entry.source = source;
        entry.operation = operation;
        entry.hashBefore = QString::fromLatin1(before);
        entry.hashAfter = QString::fromLatin1(after);
        return history.record(entry).ok();
    };
    QVERIFY(step("a", "b", ChangeSource::External, "external")); // seen first
    QVERIFY(step("a", "b", ChangeSource::Cli, "set"));           // then its maker
    QVERIFY(step("b", "c", ChangeSource::Editor, "set"));        // maker first
    QVERIFY(step("b", "c", ChangeSource::External, "external"));
    QVERIFY(step("c", "b", ChangeSource::External, "external")); // the app, back and forth
    QVERIFY(step("b", "c", ChangeSource::External, "external"));
    auto entries = history.list();
    QVERIFY(entries);
    QStringList steps;
    for (const auto &entry : *entries)
        steps << entry.hashBefore + entry.hashAfter + QLatin1Char(' ') +
                     QString::fromStdString(entry.operation);
    QCOMPARE(steps, QStringList({QStringLiteral("bc external"), QStringLiteral("cb external"),
                                 QStringLiteral("bc set"), QStringLiteral("ab set")}));
    QCOMPARE(entries->back().source, ChangeSource::Cli);
}

// The command line's exchange displaced the app's version, and another
// program of ours saw the file before the command line wrote its line: the
// sighting took in the app's change and ours. Listed, it keeps the app's
// alone, leading to the version our change was made on, and its inverse
// undoes only that.
void tst_HistoryRecorder::aSightingKeepsWhatItsMakerDidNotRecord()
{
    QTemporaryDir dir;
    History history(dir.filePath(QStringLiteral("tad-config.json")));
    const Json before = {{"app", Json::object()}, {"cli", Json::object()}};
    Json theirs = before;
    theirs["app"]["k1"] = "a1";
    Json both = theirs;
    both["cli"]["k1"] = "c1";
    HistoryEntry seen;
    seen.source = ChangeSource::External;
    seen.operation = "external";
    ChangeSet change = makeChangeSet(before, both);
    seen.patch = change.patch;
    seen.inverse = change.inverse;
    seen.hashBefore = QStringLiteral("a");
    seen.hashAfter = QStringLiteral("c");
    QVERIFY(history.record(seen).ok());
    HistoryEntry made;
    made.source = ChangeSource::Cli;
    made.operation = "set";
    change = makeChangeSet(theirs, both);
    made.patch = change.patch;
    made.inverse = change.inverse;
    made.hashBefore = QStringLiteral("b");
    made.hashAfter = QStringLiteral("c");
    QVERIFY(history.record(made).ok());

    auto entries = history.list();
    QVERIFY(entries);
    QCOMPARE(entries->size(), size_t(2));
    const HistoryEntry &app = entries->back();
    QCOMPARE(app.source, ChangeSource::External);
    QCOMPARE(app.hashAfter, QStringLiteral("b"));
    QVERIFY(app.patch == makeChangeSet(before, theirs).patch);
    Json undone = both;
    QVERIFY(applyPatch(undone, entries->front().inverse).ok());
    QVERIFY(applyPatch(undone, app.inverse).ok());
    QVERIFY(undone == before);
    QCOMPARE(entries->front().operation, std::string("set"));
}

// A version of the other program's dropped the command line's earlier key
// (its read-modify-write began before that key landed): the next set puts
// it back. The history shows the put-back as its own step, so rolling back
// the new set leaves the earlier key alone.
void tst_HistoryRecorder::aPutBackIsRecordedApartFromTheWrite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    writeBytes(path, R"({"app":{},"cli":{}})");
    Store store(path);
    HistoryServices services(store);
    QVERIFY(store.open().ok());
    QVERIFY(store.set("cli.k1", "c1").ok());
    // The app's version, built on the file before k1.
    writeBytes(path, R"({"app":{"k1":"a1"},"cli":{}})");
    QVERIFY(store.set("cli.k2", "c2").ok());
    QVERIFY(parsed(readBytes(path)) ==
            Json({{"app", {{"k1", "a1"}}}, {"cli", {{"k1", "c1"}, {"k2", "c2"}}}}));

    const auto &recorded = services.recorder().lastRecorded();
    QCOMPARE(recorded.size(), size_t(2));
    QCOMPARE(recorded.front().operation, std::string("reapply"));
    QCOMPARE(recorded.front().source, ChangeSource::Cli);
    QVERIFY(recorded.front().patch ==
            Json::parse(R"([{"op":"add","path":"/cli/k1","value":"c1"}])"));
    QCOMPARE(recorded.back().operation, std::string("set"));
    QVERIFY(recorded.back().patch ==
            Json::parse(R"([{"op":"add","path":"/cli/k2","value":"c2"}])"));
    QCOMPARE(recorded.front().hashAfter, recorded.back().hashBefore);
    QCOMPARE(recorded.back().hashAfter, versionHash(readBytes(path)));
}

// An entry's id carries its time to the millisecond, in UTC: its line
// leaves the time out, and reading it gives the same time back.
void tst_HistoryRecorder::aLineNamesItsTimeByItsIdOnly()
{
    QTemporaryDir dir;
    History history(dir.filePath(QStringLiteral("tad-config.json")));
    HistoryEntry entry;
    entry.source = ChangeSource::Cli;
    entry.operation = "set";
    entry.hashAfter = QStringLiteral("x");
    entry.time = QDateTime(QDate(2026, 12, 2), QTime(23, 4, 5, 67), QTimeZone::utc());
    auto recorded = history.record(entry);
    QVERIFY(recorded);
    QVERIFY2(recorded->id.startsWith(QLatin1String("20261202T230405067Z-")),
             qPrintable(recorded->id));
    QVERIFY(history.flush());
    const QString journal = history.appendedFile();
    QVERIFY(!journal.isEmpty());
    const std::string line = readBytes(journal);
    QVERIFY2(line.find("\"time\"") == std::string::npos, line.c_str());
    auto entries = history.list();
    QVERIFY(entries && entries->size() == 1);
    QCOMPARE(entries->front().time, entry.time);
    QCOMPARE(entries->front().time.offsetFromUtc(), 0);
}

QTEST_GUILESS_MAIN(tst_HistoryRecorder)
#include "tst_historyrecorder.moc"
