// A new version found from the bytes (diffText + Store::adoptPatch) must
// give exactly what parsing the whole file gives: the same document, in the
// same member order, and the same change events. Where it cannot be sure,
// it must give no patch at all.
#include "WatchTestSupport.h"
#include "watch/TextPatch.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace tad;
using namespace tad::testing;

namespace {

struct Adopted
{
    std::string text; // the document as JSON.stringify writes it (order included)
    std::vector<std::string> events;
};

std::string describe(const ChangeEvent &e)
{
    return e.key + " " + (e.oldValue ? compactJson(*e.oldValue) : "undefined") + " -> " +
           (e.newValue ? compactJson(*e.newValue) : "undefined");
}

FileSnapshot snapshotOf(const std::string &bytes)
{
    FileSnapshot snapshot;
    snapshot.bytes = bytes;
    snapshot.stamp.exists = true;
    snapshot.stamp.size = qint64(bytes.size());
    snapshot.stamp.mtimeNs = 42;
    return snapshot;
}

// Opens `oldText` and takes `newText`, through the patch or by parsing it whole.
std::optional<Adopted> adopt(const QString &path, const std::string &newText,
                             const DocumentPatch *patch)
{
    Store store(path);
    if (!store.open())
        return std::nullopt;
    Adopted out;
    QObject::connect(&store, &Store::changed,
                     [&out](const ChangeEvent &e) { out.events.push_back(describe(e)); });
    if (patch) {
        auto adopted = store.adoptPatch(snapshotOf(newText), *patch);
        if (!adopted || !*adopted)
            return std::nullopt;
    } else {
        auto parsed = parseDocument(newText);
        if (!parsed || !store.adoptVersion(snapshotOf(newText), std::move(parsed.value())))
            return std::nullopt;
    }
    out.text = stringify(store.document(), TextStyle::compact());
    return out;
}

Json randomValue(QRandomGenerator &random, int depth);

std::string randomKey(QRandomGenerator &random)
{
    static const char *const keys[] = {"a",           "b", "theme", "fontSize", "x y",  "quo\"te",
                                       "back\\slash", "é", "ws-1",  "ws-2",     "ws-3", "k\u00e9y"};
    return keys[random.bounded(int(std::size(keys)))];
}

Json randomObject(QRandomGenerator &random, int depth)
{
    Json object = Json::object();
    const int members = random.bounded(depth > 2 ? 3 : 6);
    for (int i = 0; i < members; ++i)
        object[randomKey(random)] = randomValue(random, depth + 1);
    return object;
}

Json randomValue(QRandomGenerator &random, int depth)
{
    switch (random.bounded(depth > 3 ? 5 : 7)) {
    case 0:
        return Json(random.bounded(100));
    case 1:
        return Json(random.bounded(2) == 0);
    case 2:
        return Json();
    case 3:
        return Json(std::string("v") + std::to_string(random.bounded(50)) +
                    (random.bounded(4) == 0 ? "\n\"q\"" : ""));
    case 4:
        return Json(random.bounded(1000) / 8.0);
    case 5: {
        Json array = Json::array();
        for (int i = random.bounded(4); i > 0; --i)
            array.push_back(randomValue(random, depth + 1));
        return array;
    }
    default:
        return randomObject(random, depth);
    }
}

// One random change somewhere in the document: set, add or delete a member.
void mutate(Json &doc, QRandomGenerator &random)
{
    Json *object = &doc;
    while (true) {
        std::vector<std::string> nested;
        for (auto &[key, value] : object->items()) {
            if (value.is_object())
                nested.push_back(key);
        }
        if (nested.empty() || random.bounded(3) == 0)
            break;
        object = &(*object)[nested[size_t(random.bounded(int(nested.size())))]];
    }
    if (!object->empty() && random.bounded(4) == 0) {
        auto it = object->begin();
        std::advance(it, random.bounded(int(object->size())));
        object->erase(it.key());
        return;
    }
    (*object)[randomKey(random)] = randomValue(random, 2);
}

} // namespace

class TestTextPatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void patchEqualsWholeParse_data();
    void patchEqualsWholeParse();
    void randomChangesEqualWholeParse();
    void staleStoreRefusesPatch();
};

void TestTextPatch::patchEqualsWholeParse_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<bool>("expectPatch");   // the store takes the version as a patch
    QTest::addColumn<QString>("objectPath"); // dotted, when a patch is expected

    QTest::newRow("nested value") << QByteArray(R"({"a":{"b":1,"c":2},"d":3})")
                                  << QByteArray(R"({"a":{"b":15,"c":2},"d":3})") << true << "a";
    QTest::newRow("top-level value") << QByteArray(R"({"a":1,"b":"x","c":true})")
                                     << QByteArray(R"({"a":1,"b":"xyz","c":true})") << true << "";
    QTest::newRow("member added in the middle")
        << QByteArray(R"({"s":{"a":1,"c":3}})") << QByteArray(R"({"s":{"a":1,"b":2,"c":3}})")
        << true << "s";
    QTest::newRow("member added at the end")
        << QByteArray(R"({"s":{"a":1}})") << QByteArray(R"({"s":{"a":1,"z":[1,2]}})") << true
        << "s";
    QTest::newRow("member removed") << QByteArray(R"({"s":{"a":1,"b":2,"c":3}})")
                                    << QByteArray(R"({"s":{"a":1,"c":3}})") << true << "s";
    QTest::newRow("last member removed")
        << QByteArray(R"({"s":{"a":1,"b":2}})") << QByteArray(R"({"s":{"a":1}})") << true << "s";
    QTest::newRow("object emptied") << QByteArray(R"({"s":{"a":1,"b":2},"t":0})")
                                    << QByteArray(R"({"s":{},"t":0})") << true << "s";
    QTest::newRow("key renamed") << QByteArray(R"({"s":{"alpha":1,"b":2}})")
                                 << QByteArray(R"({"s":{"alpha2":1,"b":2}})") << true << "s";
    QTest::newRow("array item") << QByteArray(R"({"s":{"list":[1,2,3],"b":2}})")
                                << QByteArray(R"({"s":{"list":[1,7,3],"b":2}})") << true << "s";
    QTest::newRow("escaped strings")
        << QByteArray(R"({"k\"ey":{"v":"a\\\"b","w":1}})")
        << QByteArray(R"({"k\"ey":{"v":"a\\\"bc","w":1}})") << true << "k\"ey";
    QTest::newRow("tabs") << QByteArray("{\n\t\"a\": {\n\t\t\"b\": 1,\n\t\t\"c\": 2\n\t}\n}")
                          << QByteArray("{\n\t\"a\": {\n\t\t\"b\": 1,\n\t\t\"c\": 25\n\t}\n}")
                          << true << "a";
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF{\"a\":1,\"b\":2}")
                         << QByteArray("\xEF\xBB\xBF{\"a\":1,\"b\":3}") << true << "";
    QTest::newRow("trailing newline added")
        << QByteArray(R"({"a":1})") << QByteArray("{\"a\":1}\n") << false << "";
    QTest::newRow("repeated key") << QByteArray(R"({"s":{"a":1,"b":2}})")
                                  << QByteArray(R"({"s":{"a":1,"a":2}})") << false << "";
    QTest::newRow("array-index key") << QByteArray(R"({"s":{"a":1,"b":2}})")
                                     << QByteArray(R"({"s":{"a":1,"7":2}})") << false << "";
    QTest::newRow("broken") << QByteArray(R"({"s":{"a":1,"b":2}})")
                            << QByteArray(R"({"s":{"a":1,"b":}})") << false << "";
    QTest::newRow("comma left behind")
        << QByteArray(R"({"s":{"a":1,"b":2}})") << QByteArray(R"({"s":{"a":1,}})") << false << "";
    QTest::newRow("root replaced")
        << QByteArray(R"({"a":1})") << QByteArray(R"([1])") << false << "";
}

void TestTextPatch::patchEqualsWholeParse()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(bool, expectPatch);
    QFETCH(QString, objectPath);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, before.toStdString()));

    // diffText sees the bytes only; the store refuses what its document
    // shows to be wrong (a key that now repeats one outside the patch).
    const auto patch = diffText(before.toStdString(), after.toStdString());
    const auto patched = patch ? adopt(path, after.toStdString(), &*patch) : std::nullopt;
    QCOMPARE(patched.has_value(), expectPatch);
    if (!patched)
        return;
    QStringList segments;
    for (const auto &s : patch->objectPath)
        segments << QString::fromStdString(s);
    QCOMPARE(segments.join(QLatin1Char('.')), objectPath);

    const auto whole = adopt(path, after.toStdString(), nullptr);
    QVERIFY(whole);
    QCOMPARE(patched->text, whole->text);
    QCOMPARE(patched->events, whole->events);
}

void TestTextPatch::randomChangesEqualWholeParse()
{
    QRandomGenerator random(20261125);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    const TextStyle styles[] = {TextStyle::compact(), TextStyle::tabs(), TextStyle::withSpaces(2)};
    int patches = 0;
    for (int round = 0; round < 400; ++round) {
        Json doc = randomObject(random, 0);
        const TextStyle &style = styles[round % 3];
        const std::string before = stringify(doc, style);
        mutate(doc, random);
        const std::string after = stringify(doc, style);
        QVERIFY(writeByRename(path, before));
        const auto patch = diffText(before, after);
        if (!patch)
            continue;
        ++patches;
        const auto whole = adopt(path, after, nullptr);
        const auto patched = adopt(path, after, &*patch);
        QVERIFY2(whole && patched, (before + "  ->  " + after).c_str());
        QVERIFY2(patched->text == whole->text, (before + "  ->  " + after).c_str());
        QVERIFY2(patched->events == whole->events, (before + "  ->  " + after).c_str());
    }
    qInfo("%d of 400 random changes were taken as patches", patches);
    QVERIFY(patches > 0);
}

// A patch made against text the store no longer holds does not fit.
void TestTextPatch::staleStoreRefusesPatch()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    const std::string older = R"({"s":{"a":1,"b":2}})";
    const std::string newer = R"({"s":{"a":1,"b":9}})";
    QVERIFY(writeByRename(path, older));
    const auto patch = diffText(older, newer);
    QVERIFY(patch);
    Store store(path);
    QVERIFY(store.open());
    QVERIFY(store.set("s.b", Json(3)));
    QVERIFY(!store.adoptPatch(snapshotOf(newer), *patch));
    TAD_COMPARE_JSON(store.document()["s"]["b"], Json(3));
}

QTEST_GUILESS_MAIN(TestTextPatch)
#include "tst_textpatch.moc"
