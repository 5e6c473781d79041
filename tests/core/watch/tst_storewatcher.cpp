// StoreWatcher against the real conf engine writing the file from a Node
// process: every change reported with the right values, long bursts, our
// own writes, the file deleted and created again, the folder appearing late.
#include "ConfProcess.h"
#include "WatchTestSupport.h"
#include "watch/StoreWatcher.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tad;
using namespace tad::testing;

class TestStoreWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsEachExternalChange_data();
    void reportsEachExternalChange();
    void fiveHundredConfWritesEndInTheFileState();
    void ownWritesAreNotExternal();
    void followsDeleteAndRecreate();
    void waitsForTheFolderToAppear();
    void followsInPlaceWrites();
};

void TestStoreWatcher::reportsEachExternalChange_data()
{
    QTest::addColumn<QString>("initial");  // file before conf's change
    QTest::addColumn<QString>("request");  // conf-writer request
    QTest::addColumn<QString>("key");      // expected event key
    QTest::addColumn<QString>("oldValue"); // JSON, empty: undefined
    QTest::addColumn<QString>("newValue"); // JSON, empty: undefined

    QTest::newRow("new key") << R"({"a":1})"
                             << R"({"op":"set","key":"b","value":true})"
                             << "b"
                             << ""
                             << "true";
    QTest::newRow("changed value") << R"({"a":1})"
                                   << R"({"op":"set","key":"a","value":2})"
                                   << "a"
                                   << "1"
                                   << "2";
    QTest::newRow("deleted key") << R"({"a":1,"b":"x"})"
                                 << R"({"op":"delete","key":"b"})"
                                 << "b"
                                 << "\"x\""
                                 << "";
    QTest::newRow("nested key") << R"({"ui":{"theme":"light","size":3}})"
                                << R"({"op":"set","key":"ui.theme","value":"dark"})"
                                << "ui.theme"
                                << "\"light\""
                                << "\"dark\"";
    QTest::newRow("new object") << R"({})"
                                << R"({"op":"set","key":"w.one","value":{"id":1}})"
                                << "w"
                                << ""
                                << R"({"one":{"id":1}})";
    QTest::newRow("array replaced") << R"({"list":[1,2]})"
                                    << R"({"op":"set","key":"list","value":[1,2,3]})"
                                    << "list"
                                    << "[1,2]"
                                    << "[1,2,3]";
    QTest::newRow("escaped dot") << R"({"a.b":1})"
                                 << R"({"op":"set","key":"a\\.b","value":5})"
                                 << "a\\.b"
                                 << "1"
                                 << "5";
}

void TestStoreWatcher::reportsEachExternalChange()
{
    QFETCH(QString, initial);
    QFETCH(QString, request);
    QFETCH(QString, key);
    QFETCH(QString, oldValue);
    QFETCH(QString, newValue);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, initial.toStdString()));
    Store store(path);
    QVERIFY(store.open());
    EventLog log(store);
    StoreWatcher watcher(store);
    watcher.start();

    ConfProcess conf;
    QVERIFY2(conf.start(path), qPrintable(conf.lastError()));
    auto answer = conf.request(parseValue(request.toStdString()).value());
    QVERIFY(answer && (*answer)["ok"] == true);

    QTRY_VERIFY(log.last(key.toStdString(), ChangeSource::External) != nullptr);
    const ChangeEvent *event = log.last(key.toStdString(), ChangeSource::External);
    auto expectValue = [](const QString &json) -> std::optional<Json> {
        if (json.isEmpty())
            return std::nullopt;
        return parseValue(json.toStdString()).value();
    };
    const auto expectedOld = expectValue(oldValue);
    const auto expectedNew = expectValue(newValue);
    QCOMPARE(event->oldValue.has_value(), expectedOld.has_value());
    QCOMPARE(event->newValue.has_value(), expectedNew.has_value());
    if (expectedOld)
        QVERIFY(jsEqual(*event->oldValue, *expectedOld));
    if (expectedNew)
        QVERIFY(jsEqual(*event->newValue, *expectedNew));
    QVERIFY(event->timestampMs > 0);
    QCOMPARE(int(log.events.size()), 1); // exactly that change, nothing else
    QVERIFY(jsEqual(store.document(), parsedFile(path)));
    QCOMPARE(conf.finish(), 0);
}

void TestStoreWatcher::fiveHundredConfWritesEndInTheFileState()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"keep":"me"})"));
    Store store(path);
    QVERIFY(store.open());
    EventLog log(store);
    StoreWatcher watcher(store);
    watcher.start();

    ConfProcess conf;
    QVERIFY2(conf.start(path), qPrintable(conf.lastError()));
    // 500 writes back to back: 250 new keys, then 250 changes of one key.
    conf.send(
        Json{{"op", "burst"}, {"prefix", "k"}, {"count", 250}, {"pauseMin", 0}, {"pauseMax", 0}});
    for (int i = 0; i < 250; ++i)
        conf.send(Json{{"op", "set"}, {"key", "counter"}, {"value", i}});
    // Keep our event loop (and so the watcher) running while conf writes.
    for (int answered = 0; answered < 251;) {
        if (auto a = conf.pollAnswer()) {
            QVERIFY2((*a)["ok"] == true, compactJson(*a).c_str());
            ++answered;
        } else {
            QTest::qWait(1);
        }
    }
    const Json onDisk = parsedFile(path);
    QCOMPARE(onDisk["counter"].get<int>(), 249);
    QCOMPARE(onDisk.size(), size_t(252));
    QTRY_VERIFY(jsEqual(store.document(), onDisk));
    QTRY_VERIFY(watcher.isIdle());
    QVERIFY(jsEqual(store.document(), parsedFile(path)));

    // The last event of a key carries its final value; the whole history of
    // each key chains: every event's old value is the previous event's new one.
    const ChangeEvent *counter = log.last("counter", ChangeSource::External);
    QVERIFY(counter);
    QCOMPARE(counter->newValue->get<int>(), 249);
    std::map<std::string, std::optional<Json>> lastSeen;
    for (const auto &e : log.events) {
        QCOMPARE(e.source, ChangeSource::External);
        auto it = lastSeen.find(e.key);
        if (it != lastSeen.end()) {
            QCOMPARE(e.oldValue.has_value(), it->second.has_value());
            if (e.oldValue)
                QVERIFY(jsEqual(*e.oldValue, *it->second));
        }
        lastSeen[e.key] = e.newValue;
    }
    QCOMPARE(lastSeen.size(), size_t(251)); // k0..k249 and counter, not "keep"
    QCOMPARE(conf.finish(), 0);
}

void TestStoreWatcher::ownWritesAreNotExternal()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"a":1})"));
    Store store(path);
    QVERIFY(store.open());
    EventLog log(store);
    StoreWatcher watcher(store);
    QSignalSpy adopted(&watcher, &StoreWatcher::versionAdopted);
    watcher.start();
    QTRY_VERIFY(watcher.isIdle());

    for (int i = 0; i < 50; ++i) {
        QVERIFY(store.set("n", Json(i)));
        QVERIFY(store.set("list." + std::to_string(i % 5), Json(i)));
        if (i % 10 == 0)
            QVERIFY(store.remove("list"));
        QTest::qWait(i % 3); // sometimes let the watcher see each write, sometimes a burst
    }
    // A rewrite with the same bytes changes nothing either.
    QVERIFY(writeByRename(path, store.bytes()));
    QTest::qWait(300);
    QTRY_VERIFY(watcher.isIdle());
    QCOMPARE(log.count(ChangeSource::External), 0);
    QCOMPARE(adopted.count(), 0);
    QVERIFY(log.count(ChangeSource::Cli) >= 100);
    QCOMPARE(store.bytes(), readAll(path));
}

void TestStoreWatcher::followsDeleteAndRecreate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"a":1})"));
    Store store(path);
    QVERIFY(store.open());
    EventLog log(store);
    StoreWatcher watcher(store);
    watcher.start();

    QVERIFY(QFile::remove(path));
    QTRY_VERIFY(log.last("a", ChangeSource::External));
    QVERIFY(!log.last("a", ChangeSource::External)->newValue);
    QVERIFY(store.document().empty());

    ConfProcess conf;
    QVERIFY2(conf.start(path), qPrintable(conf.lastError()));
    QVERIFY(conf.request(Json{{"op", "set"}, {"key", "a"}, {"value", 2}}));
    QTRY_VERIFY(log.last("a", ChangeSource::External)->newValue == Json(2));
    QVERIFY(!log.last("a", ChangeSource::External)->oldValue);

    // Deleted and written again by conf before we look: one change, 2 -> 3.
    const size_t before = log.events.size();
    QVERIFY(QFile::remove(path));
    QVERIFY(conf.request(Json{{"op", "set"}, {"key", "a"}, {"value", 3}}));
    QTRY_VERIFY(log.last("a", ChangeSource::External)->newValue == Json(3));
    QTRY_VERIFY(watcher.isIdle());
    QVERIFY(jsEqual(store.document(), parsedFile(path)));
    QVERIFY(log.events.size() - before <= 2); // 2 -> 3, or 2 -> gone -> 3
    QCOMPARE(conf.finish(), 0);
}

void TestStoreWatcher::waitsForTheFolderToAppear()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("config/TAD"));
    const QString path = folder + QStringLiteral("/tad-config.json");
    Store store(path);
    QVERIFY(store.open()); // no folder, no file: an empty store
    EventLog log(store);
    StoreWatcher watcher(store);
    watcher.start();
    QTRY_VERIFY(watcher.isIdle());
    QCOMPARE(watcher.watchedPaths(), QStringList{QDir(dir.path()).absolutePath()});

    ConfProcess conf; // conf creates the folders itself
    QVERIFY2(conf.start(path), qPrintable(conf.lastError()));
    QVERIFY(conf.request(Json{{"op", "set"}, {"key", "first"}, {"value", "hello"}}));
    QTRY_VERIFY(log.last("first", ChangeSource::External));
    TAD_COMPARE_JSON(*log.last("first", ChangeSource::External)->newValue, Json("hello"));
    QTRY_VERIFY(watcher.watchedPaths().contains(QDir(folder).absolutePath()));
    QVERIFY(watcher.watchedPaths().contains(QFileInfo(path).absoluteFilePath()));

    QVERIFY(conf.request(Json{{"op", "set"}, {"key", "second"}, {"value", 2}}));
    QTRY_VERIFY(log.last("second", ChangeSource::External));
    QCOMPARE(conf.finish(), 0);
}

void TestStoreWatcher::followsInPlaceWrites()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"a":1})"));
    Store store(path);
    QVERIFY(store.open());
    EventLog log(store);
    StoreWatcher watcher(store);
    watcher.start();
    QTRY_VERIFY(watcher.isIdle());

    // Same inode, so only the file watch (not the folder's) sees these.
    for (int i = 2; i <= 20; ++i)
        QVERIFY(writeInPlace(path, R"({"a":)" + std::to_string(i) + "}"));
    QTRY_VERIFY(log.last("a", ChangeSource::External) &&
                log.last("a", ChangeSource::External)->newValue == Json(20));
    QTRY_VERIFY(watcher.isIdle());
    QVERIFY(jsEqual(store.document(), parsedFile(path)));
}

QTEST_GUILESS_MAIN(TestStoreWatcher)
#include "tst_storewatcher.moc"
