// The Store against real files: operations, events, compare-and-swap.
#include "io/AtomicFile.h"
#include "store/Store.h"

#include "json/JsonText.h"
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace tad;

namespace {

std::string readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    return std::string(bytes.constData(), size_t(bytes.size()));
}

void writeAll(const QString &path, const std::string &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes.data(), qint64(bytes.size())), qint64(bytes.size()));
}

// Stands in for the Electron app writing the file at the worst moment:
// after the store has read it and before the store's rename.
class WriteInTheGap : public StoreHook
{
public:
    WriteInTheGap(QString path, std::string bytes)
        : m_path(std::move(path)), m_bytes(std::move(bytes))
    {}
    Result<void> beforeWrite(const PendingChange &) override
    {
        if (m_done)
            return {};
        m_done = true;
        auto written = replaceFile(m_path, m_bytes, {});
        if (!written)
            return written.error();
        return {};
    }

private:
    QString m_path;
    std::string m_bytes;
    bool m_done = false;
};

class Refuse : public StoreHook
{
public:
    Result<void> beforeWrite(const PendingChange &) override
    {
        return makeError(ErrorCode::SchemaRejected, QStringLiteral("refused"));
    }
};

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("tad-config-%1.json").arg(m_counter++));
    }

    void missingFileIsEmptyAndCreatedPrivate()
    {
        Store store(m_path);
        QVERIFY(store.open().ok());
        auto all = store.getAll();
        QVERIFY(all.ok());
        QCOMPARE(compactJson(*all), std::string("{}"));
        QVERIFY(store.set("settings.theme", "dark").ok());
        QCOMPARE(readAll(m_path), std::string(R"({"settings":{"theme":"dark"}})"));
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
    }

    void createsMissingFolder()
    {
        const QString nested = m_dir.filePath(QStringLiteral("TAD/sub/tad-config.json"));
        Store store(nested);
        QVERIFY(store.open().ok());
        QVERIFY(store.set("a", 1).ok());
        QCOMPARE(readAll(nested), std::string(R"({"a":1})"));
    }

    void getSetDeleteHas()
    {
        writeAll(m_path, R"({"a":{"b":1},"list":[1,2]})");
        Store store(m_path);
        QVERIFY(store.open().ok());
        QCOMPARE(compactJson(**store.get("a.b")), std::string("1"));
        QVERIFY(!store.get("a.c")->has_value());
        QCOMPARE(*store.has("a"), true);
        QCOMPARE(*store.has("nope"), false);
        QVERIFY(store.set("a.c", Json::parse(R"({"x":[true,null]})")).ok());
        QVERIFY(store.remove("a.b").ok());
        QCOMPARE(readAll(m_path), std::string(R"({"a":{"c":{"x":[true,null]}},"list":[1,2]})"));
        QVERIFY(store.clear().ok());
        QCOMPARE(readAll(m_path), std::string("{}"));
    }

    void keepsTheFileStyle_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("compact") << R"({"a":1})"
                                 << R"({"a":1,"b":[2]})";
        QTest::newRow("tabs") << "{\n\t\"a\": 1\n}"
                              << "{\n\t\"a\": 1,\n\t\"b\": [\n\t\t2\n\t]\n}";
        QTest::newRow("2 spaces, newline") << "{\n  \"a\": 1\n}\n"
                                           << "{\n  \"a\": 1,\n  \"b\": [\n    2\n  ]\n}\n";
    }
    void keepsTheFileStyle()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        writeAll(m_path, before.toStdString());
        Store store(m_path);
        QVERIFY(store.open().ok());
        QVERIFY(store.set("b", Json::array({2})).ok());
        QCOMPARE(QString::fromStdString(readAll(m_path)), after);
    }

    void keepsPermissionBits()
    {
        writeAll(m_path, R"({"a":1})");
        QVERIFY(::chmod(QFile::encodeName(m_path).constData(), 0640) == 0);
        Store store(m_path);
        QVERIFY(store.open().ok());
        QVERIFY(store.set("a", 2).ok());
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0640));
    }

    void noOpWriteLeavesFileAlone()
    {
        writeAll(m_path, R"({"a":1})");
        Store store(m_path);
        QVERIFY(store.open().ok());
        auto before = statFile(m_path);
        QSignalSpy spy(&store, &Store::changed);
        QVERIFY(store.set("a", 1.0).ok()); // 1 and 1.0 are the same JS number
        auto after = statFile(m_path);
        QCOMPARE(after->inode, before->inode);
        QCOMPARE(spy.count(), 0);
    }

    void adoptsOutsideChangeBeforeWriting()
    {
        writeAll(m_path, R"({"a":1})");
        Store store(m_path);
        QVERIFY(store.open().ok());
        // The other app writes after we read.
        QVERIFY(replaceFile(m_path, R"({"a":1,"fromApp":true})", {}).ok());
        std::vector<ChangeEvent> events;
        auto sub = store.onChange("*", [&](const ChangeEvent &e) { events.push_back(e); });
        QVERIFY(store.set("mine", 2).ok());
        QCOMPARE(readAll(m_path), std::string(R"({"a":1,"fromApp":true,"mine":2})"));
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[0].key, std::string("fromApp"));
        QCOMPARE(events[0].source, ChangeSource::External);
        QCOMPARE(events[1].key, std::string("mine"));
        QCOMPARE(events[1].source, ChangeSource::Cli);
        sub.unsubscribe();
    }

    void mergesWriteLandingBetweenReadAndRename()
    {
        writeAll(m_path, R"({"a":1})");
        Store store(m_path);
        QVERIFY(store.open().ok());
        WriteInTheGap gap(m_path, R"({"a":1,"fromApp":"x"})");
        store.addHook(&gap);
        QVERIFY(store.set("mine", true).ok());
        QCOMPARE(readAll(m_path), std::string(R"({"a":1,"fromApp":"x","mine":true})"));
        QCOMPARE(compactJson(store.document()), readAll(m_path));
    }

    void refusedChangeLeavesFileAndDocument()
    {
        writeAll(m_path, R"({"a":1})");
        Store store(m_path);
        QVERIFY(store.open().ok());
        Refuse refuse;
        store.addHook(&refuse);
        auto result = store.set("a", 5);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::SchemaRejected);
        QCOMPARE(readAll(m_path), std::string(R"({"a":1})"));
        QCOMPARE(compactJson(store.document()), std::string(R"({"a":1})"));
    }

    // A change computed from an earlier read (a rollback) states what it
    // read; the write is refused when the file says otherwise by then, even
    // when the other writer lands between our read and our rename.
    void testOpsGuardAgainstTheFileAtWriteTime_data()
    {
        QTest::addColumn<bool>("inTheGap");
        QTest::newRow("changed before the write") << false;
        QTest::newRow("changed between read and rename") << true;
    }

    void testOpsGuardAgainstTheFileAtWriteTime()
    {
        QFETCH(bool, inTheGap);
        writeAll(m_path, R"({"a":1,"b":{"c":2}})");
        Store store(m_path);
        QVERIFY(store.open().ok());
        const std::string theirs = R"({"a":7,"b":{"c":2}})";
        WriteInTheGap gap(m_path, theirs);
        if (inTheGap)
            store.addHook(&gap);
        else
            QVERIFY(replaceFile(m_path, theirs, {}).ok());

        const std::vector<StoreOp> ops = {
            StoreOp::test(KeyPath::fromSegments({"a"}), Json(1)),
            StoreOp::test(KeyPath::fromSegments({"gone"}), std::nullopt),
            StoreOp::set(KeyPath::fromSegments({"a"}), Json(0)),
        };
        auto result = store.apply(ops, ChangeSource::Rollback);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Conflict);
        QVERIFY2(result.error().message.contains(QStringLiteral("changed since it was read: a")),
                 qPrintable(result.error().message));
        QCOMPARE(readAll(m_path), theirs);

        // The same guards pass once they state what is there.
        const std::vector<StoreOp> current = {
            StoreOp::test(KeyPath::fromSegments({"a"}), Json(7)),
            StoreOp::test(KeyPath::fromSegments({"b", "c"}), Json(2)),
            StoreOp::set(KeyPath::fromSegments({"a"}), Json(0)),
        };
        QVERIFY(store.apply(current, ChangeSource::Rollback).ok());
        QCOMPARE(readAll(m_path), std::string(R"({"a":0,"b":{"c":2}})"));
    }

    void replaceWritesTheDocumentAndKeepsConfBookkeeping()
    {
        writeAll(m_path, R"({"__internal__":{"migrations":{"version":"1.0.0"}},"a":1,"b":2})");
        Store store(m_path);
        QVERIFY(store.open().ok());
        std::vector<ChangeEvent> events;
        auto sub = store.onChange("*", [&](const ChangeEvent &e) { events.push_back(e); });
        QVERIFY(
            store.apply({StoreOp::replace(Json::parse(R"({"b":3,"a":1})"))}, ChangeSource::Restore)
                .ok());
        QCOMPARE(readAll(m_path),
                 std::string(R"({"b":3,"a":1,"__internal__":{"migrations":{"version":"1.0.0"}}})"));
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events[0].key, std::string("b"));
        auto refused = store.apply({StoreOp::replace(Json::array())}, ChangeSource::Restore);
        QVERIFY(!refused.ok());
        sub.unsubscribe();
    }

    void listenersFireOnDeepChangeOnly()
    {
        writeAll(m_path, R"({"settings":{"theme":"dark","size":14}})");
        Store store(m_path);
        QVERIFY(store.open().ok());
        std::vector<ChangeEvent> onSettings, onTheme, onAll;
        auto s1 =
            store.onChange("settings", [&](const ChangeEvent &e) { onSettings.push_back(e); });
        auto s2 =
            store.onChange("settings.theme", [&](const ChangeEvent &e) { onTheme.push_back(e); });
        auto s3 = store.onChange("*", [&](const ChangeEvent &e) { onAll.push_back(e); });

        QVERIFY(store.set("settings.size", 16).ok());
        QCOMPARE(onSettings.size(), size_t(1));
        QCOMPARE(compactJson(*onSettings[0].oldValue),
                 std::string(R"({"theme":"dark","size":14})"));
        QCOMPARE(compactJson(*onSettings[0].newValue),
                 std::string(R"({"theme":"dark","size":16})"));
        QCOMPARE(onTheme.size(), size_t(0));
        QCOMPARE(onAll.size(), size_t(1));

        // The same object again: deep-equal, so nobody is told.
        QVERIFY(store.set("settings", Json::parse(R"({"theme":"dark","size":16})")).ok());
        QCOMPARE(onSettings.size(), size_t(1));
        QCOMPARE(onAll.size(), size_t(1));

        QVERIFY(store.set("settings", Json::parse(R"({"theme":"light"})")).ok());
        QCOMPARE(onTheme.size(), size_t(1));
        QCOMPARE(onTheme[0].newValue->get<std::string>(), std::string("light"));

        s2.unsubscribe();
        QVERIFY(store.remove("settings.theme").ok());
        QCOMPARE(onTheme.size(), size_t(1));
        QCOMPARE(onSettings.back().newValue.has_value(), true);
        QCOMPARE(onAll.back().key, std::string("settings.theme"));
        QVERIFY(!onAll.back().newValue.has_value());
        s1.unsubscribe();
        s3.unsubscribe();
    }

    void unreadableFileIsNeverWritten_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::newRow("empty") << QByteArray() << 1;
        QTest::newRow("truncated") << QByteArray("{\"a\":\n{\"b\":1") << 2;
        QTest::newRow("not an object") << QByteArray("[1,2]") << 1;
        QTest::newRow("invalid UTF-8") << QByteArray("{\"a\":\"\xff\"}") << 1;
        QTest::newRow("NUL byte") << QByteArray("{\"a\":1,\0\"b\":2}", 14) << 1;
    }
    void unreadableFileIsNeverWritten()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        writeAll(m_path, bytes.toStdString());
        Store store(m_path);
        auto opened = store.open();
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Unreadable);
        QCOMPARE(opened.error().line, line);
        QVERIFY(opened.error().toString().contains(m_path));
        auto written = store.set("a", 1);
        QVERIFY(!written.ok());
        QCOMPARE(QByteArray::fromStdString(readAll(m_path)), bytes);
    }

    void duplicateKeysReadButNotWritten()
    {
        const std::string bytes = "{\"a\":1,\n\"a\":2}";
        writeAll(m_path, bytes);
        Store store(m_path);
        QVERIFY(store.open().ok());
        QCOMPARE(store.warnings().size(), size_t(1));
        QCOMPARE(store.warnings()[0].line, 2);
        QCOMPARE(compactJson(**store.get("a")), std::string("2"));
        auto written = store.set("b", 1);
        QVERIFY(!written.ok());
        QVERIFY(written.error().message.contains(QStringLiteral("more than once")));
        QCOMPARE(readAll(m_path), bytes);
    }

    void internalKeyIsProtected()
    {
        writeAll(m_path, R"({"__internal__":{"migrations":{"version":"2.0.0"}},"a":1})");
        Store store(m_path);
        QVERIFY(store.open().ok());
        QCOMPARE(store.set("__internal__.migrations.version", "3").error().code, ErrorCode::Usage);
        QVERIFY(store.clear().ok());
        QCOMPARE(readAll(m_path),
                 std::string(R"({"__internal__":{"migrations":{"version":"2.0.0"}}})"));
        auto info = store.info();
        QVERIFY(info.ok());
        QCOMPARE(compactJson(*info->confMigrationVersion), std::string("\"2.0.0\""));
    }

    void setMultipleIsOneWrite()
    {
        writeAll(m_path, R"({"a":1})");
        Store store(m_path);
        QVERIFY(store.open().ok());
        QVERIFY(store.setMultiple(Json::parse(R"({"b.c":2,"10":"ten","2":"two"})")).ok());
        // Integer-like keys go first, as Object.entries lists them.
        QCOMPARE(readAll(m_path), std::string(R"({"2":"two","10":"ten","a":1,"b":{"c":2}})"));
        QCOMPARE(store.monitor().operations().at("setMultiple").count, quint64(1));
    }

    void infoAndMonitor()
    {
        writeAll(m_path, R"({"version":"1.2.0","b":1,"a":2})");
        Store store(m_path);
        QVERIFY(store.open().ok());
        QVERIFY(store.get("a").ok());
        QVERIFY(store.get("a.b.c").ok());
        QVERIFY(!store.set("x.__proto__.y", 1).ok());
        auto info = store.info();
        QVERIFY(info.ok());
        QCOMPARE(info->version, std::string("1.2.0"));
        QCOMPARE(info->keys, (std::vector<std::string>{"version", "b", "a"}));
        QCOMPARE(info->size, qint64(readAll(m_path).size()));
        QCOMPARE(store.monitor().operations().at("get").count, quint64(2));
        QVERIFY(store.monitor().toJson()["operations"].get<int>() >= 3);
    }

    void readsNoticeOutsideChanges()
    {
        writeAll(m_path, R"({"a":1})");
        Store store(m_path);
        QVERIFY(store.open().ok());
        QSignalSpy reloaded(&store, &Store::reloaded);
        QVERIFY(replaceFile(m_path, R"({"a":2})", {}).ok());
        QCOMPARE(compactJson(**store.get("a")), std::string("2"));
        QCOMPARE(reloaded.count(), 1);
    }

    // Our last write is known by its identity, never by its stamp alone:
    // an in-place write of the same size right after it (same inode, same
    // size, an mtime within the same clock tick) is still seen, by a get
    // and by the next set, which merges onto it.
    void inPlaceWriteAfterOursIsSeen()
    {
        writeAll(m_path, R"({"a":1})");
        Store store(m_path);
        QVERIFY(store.set("b", "xy").ok());
        const std::string ours = readAll(m_path);
        QCOMPARE(ours, std::string(R"({"a":1,"b":"xy"})"));
        const auto before = statFile(m_path);
        writeAll(m_path, R"({"a":1,"b":"zw"})"); // in place
        const auto after = statFile(m_path);
        QCOMPARE(after->inode, before->inode);
        QCOMPARE(after->size, before->size);
        QCOMPARE(compactJson(**store.get("b")), std::string(R"("zw")"));

        QVERIFY(store.set("c", true).ok());
        writeAll(m_path, R"({"a":2,"b":"zw","c":true})");
        QVERIFY(store.set("d", 0).ok());
        QCOMPARE(readAll(m_path), std::string(R"({"a":2,"b":"zw","c":true,"d":0})"));
    }

    // A write refused after it took the other writer's newer version (its
    // read found the file replaced) leaves the store on that version, text
    // and document alike: when the app then goes back to the bytes the
    // store had before, the next write sees that, and does not bring back
    // the app's undone key.
    void refusedWriteLeavesTheStoreOnTheVersionItTook()
    {
        writeAll(m_path, R"({"a":1})");
        Store store(m_path);
        QVERIFY(store.open().ok());
        class ReplaceThenRefuse : public StoreHook
        {
        public:
            explicit ReplaceThenRefuse(QString path) : m_path(std::move(path)) {}
            Result<void> beforeWrite(const PendingChange &) override
            {
                if (++m_calls == 1) {
                    if (!replaceFile(m_path, R"({"a":1,"app":true})", {}))
                        return makeError(ErrorCode::Unreadable, QStringLiteral("test"));
                    return {};
                }
                if (m_calls == 2) {
                    (void)replaceFile(m_path, R"({"a":1})", {}); // the app undoes its key
                    return makeError(ErrorCode::SchemaRejected, QStringLiteral("refused"));
                }
                return {};
            }
            int m_calls = 0;

        private:
            QString m_path;
        } hook(m_path);
        store.addHook(&hook);
        QVERIFY(!store.set("mine", 1).ok());
        QVERIFY(hook.m_calls >= 2);
        QVERIFY(store.set("other", 2).ok());
        QCOMPARE(readAll(m_path), std::string(R"({"a":1,"other":2})"));
        store.removeHook(&hook);
    }

    // Our own write stands until someone else's replaces it; a chmod
    // changes no byte.
    void ownWriteStandsUntilSomeoneWrites()
    {
        writeAll(m_path, R"({"a":1})");
        Store store(m_path);
        QVERIFY(store.set("a", 2).ok());
        QVERIFY(store.ownWriteStands());
        QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(store.ownWriteStands()); // a chmod changes no byte
        QVERIFY(replaceFile(m_path, R"({"a":3})", {}).ok());
        QVERIFY(!store.ownWriteStands());
        QCOMPARE(compactJson(**store.get("a")), std::string("3"));
        QVERIFY(!store.ownWriteStands()); // read, not written by us
    }

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
