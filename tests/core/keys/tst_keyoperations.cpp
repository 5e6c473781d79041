// get/has/set/delete on tricky documents, with the dot-prop 10 and dot-prop 6
// outcomes that conf would write to the file.
#include "keys/KeyPath.h"

#include <QTest>

using namespace tad;

Q_DECLARE_METATYPE(tad::KeyDialect)

namespace {

constexpr auto V10 = KeyDialect::DotProp10;
constexpr auto V6 = KeyDialect::DotProp6;
const QString kUndefined = QStringLiteral("undefined");
const QString kError = QStringLiteral("error");

Json json(const QString &text)
{
    return Json::parse(text.toStdString());
}

KeyPath key(const QString &dotted, KeyDialect dialect = V10)
{
    const Result<KeyPath> parsed = KeyPath::parse(dotted.toStdString(), dialect);
    if (!parsed.ok())
        qFatal("test key %s does not parse", qPrintable(dotted));
    return *parsed;
}

QString dump(const Json &value)
{
    return QString::fromStdString(value.dump());
}

} // namespace

class TestKeyOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void get_data();
    void get();
    void has_data();
    void has();
    void set_data();
    void set();
    void failedSetLeavesDocumentUntouched();
    void arrayGrowthLimit();
    void remove_data();
    void remove();
    void refusedAndEmptyPaths();
};

void TestKeyOperations::get_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("dotted");
    QTest::addColumn<KeyDialect>("dialect");
    QTest::addColumn<QString>("expected"); // JSON, or "undefined"
    QTest::addColumn<bool>("stored");      // findValue points into the document

    QTest::newRow("nested") << R"({"a":{"b":1}})"
                            << "a.b" << V10 << "1" << true;
    QTest::newRow("null value") << R"({"a":null})"
                                << "a" << V10 << "null" << true;
    QTest::newRow("through null") << R"({"a":null})"
                                  << "a.b" << V10 << kUndefined << false;
    QTest::newRow("missing") << R"({"a":{}})"
                             << "a.b.c" << V10 << kUndefined << false;
    QTest::newRow("array element") << R"({"a":[10,20]})"
                                   << "a.1" << V10 << "20" << true;
    QTest::newRow("bracket index") << R"({"a":[10,20]})"
                                   << "a[1]" << V10 << "20" << true;
    QTest::newRow("past the end") << R"({"a":[10,20]})"
                                  << "a.2" << V10 << kUndefined << false;
    QTest::newRow("leading zero") << R"({"a":[10,20]})"
                                  << "a.01" << V10 << kUndefined << false;
    QTest::newRow("array length") << R"({"a":[10,20]})"
                                  << "a.length" << V10 << "2" << false;
    QTest::newRow("array method") << R"({"a":[10,20]})"
                                  << "a.push" << V10 << kUndefined << false;
    QTest::newRow("string length") << R"({"s":"héllo"})"
                                   << "s.length" << V10 << "5" << false;
    QTest::newRow("string character") << R"({"s":"héllo"})"
                                      << "s.1" << V10 << "\"é\"" << false;
    QTest::newRow("character's length") << R"({"s":"héllo"})"
                                        << "s.1.length" << V10 << "1" << false;
    QTest::newRow("number property") << R"({"n":5})"
                                     << "n.x" << V10 << kUndefined << false;
    QTest::newRow("root has no prototype") << R"({"a":1})"
                                           << "toString" << V10 << kUndefined << false;
    QTest::newRow("own key named like a method") << R"({"o":{"toString":3}})"
                                                 << "o.toString" << V10 << "3" << true;
    QTest::newRow("escaped dot") << R"({"ui.theme":"dark"})"
                                 << "ui\\.theme" << V10 << "\"dark\"" << true;
    QTest::newRow("empty segments") << R"({"":{"":3}})"
                                    << "." << V10 << "3" << true;
    QTest::newRow("empty key") << R"({"":{"":3}})"
                               << "" << V10 << R"({"":3})" << true;
    QTest::newRow("6 brackets are text") << R"({"list[0]":1})"
                                         << "list[0]" << V6 << "1" << true;
    QTest::newRow("10 brackets index") << R"({"list[0]":1})"
                                       << "list[0]" << V10 << kUndefined << false;
    QTest::newRow("6 array element") << R"({"a":[10,20]})"
                                     << "a.1" << V6 << "20" << true;
}

void TestKeyOperations::get()
{
    QFETCH(QString, document);
    QFETCH(QString, dotted);
    QFETCH(KeyDialect, dialect);
    QFETCH(QString, expected);
    QFETCH(bool, stored);

    const Json root = json(document);
    const KeyPath path = key(dotted, dialect);
    const std::optional<Json> value = getValue(root, path);
    QCOMPARE(value ? dump(*value) : kUndefined,
             expected == kUndefined ? kUndefined : dump(json(expected)));
    const Json *found = findValue(root, path);
    QCOMPARE(found != nullptr, stored);
    if (found)
        QCOMPARE(dump(*found), dump(*value));
}

void TestKeyOperations::has_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("dotted");
    QTest::addColumn<bool>("expected");

    QTest::newRow("nested") << R"({"a":{"b":1}})"
                            << "a.b" << true;
    QTest::newRow("missing") << R"({"a":{"b":1}})"
                             << "a.c" << false;
    QTest::newRow("null value") << R"({"a":null})"
                                << "a" << true;
    QTest::newRow("through null") << R"({"a":null})"
                                  << "a.b" << false;
    QTest::newRow("inherited method") << R"({"a":{}})"
                                      << "a.toString" << true;
    QTest::newRow("not at the root") << R"({"a":{}})"
                                     << "toString" << false;
    QTest::newRow("array element") << R"({"a":[1]})"
                                   << "a.0" << true;
    QTest::newRow("past the end") << R"({"a":[1]})"
                                  << "a.1" << false;
    QTest::newRow("array length") << R"({"a":[1]})"
                                  << "a.length" << true;
    QTest::newRow("array method") << R"({"a":[1]})"
                                  << "a.push" << true;
    QTest::newRow("array named key") << R"({"a":[1]})"
                                     << "a.x" << false;
    QTest::newRow("string is no object") << R"({"s":"abc"})"
                                         << "s.length" << false;
    QTest::newRow("method of a method") << R"({"a":{}})"
                                        << "a.toString.call" << true;
}

void TestKeyOperations::has()
{
    QFETCH(QString, document);
    QFETCH(QString, dotted);
    QFETCH(bool, expected);
    QCOMPARE(hasValue(json(document), key(dotted)), expected);
}

void TestKeyOperations::set_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("dotted");
    QTest::addColumn<KeyDialect>("dialect");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected"); // the document afterwards, or "error"

    QTest::newRow("10 numeric parent is an array") << "{}"
                                                   << "list.2" << V10 << R"("x")"
                                                   << R"({"list":[null,null,"x"]})";
    QTest::newRow("6 numeric parent is an object") << "{}"
                                                   << "list.2" << V6 << R"("x")"
                                                   << R"({"list":{"2":"x"}})";
    QTest::newRow("10 bracket index") << "{}"
                                      << "list[0].name" << V10 << R"("n")"
                                      << R"({"list":[{"name":"n"}]})";
    QTest::newRow("10 large index is a key") << "{}"
                                             << "x.1000001" << V10 << "1"
                                             << R"({"x":{"1000001":1}})";
    QTest::newRow("nested parents") << "{}"
                                    << "a.b.c" << V10 << "1"
                                    << R"({"a":{"b":{"c":1}}})";
    QTest::newRow("primitive replaced") << R"({"a":5})"
                                        << "a.b" << V10 << "1"
                                        << R"({"a":{"b":1}})";
    QTest::newRow("6 primitive replaced") << R"({"a":5})"
                                          << "a.b" << V6 << "1"
                                          << R"({"a":{"b":1}})";
    QTest::newRow("10 null replaced by array") << R"({"a":null})"
                                               << "a.0" << V10 << "1"
                                               << R"({"a":[1]})";
    QTest::newRow("6 null replaced by object") << R"({"a":null})"
                                               << "a.0" << V6 << "1"
                                               << R"({"a":{"0":1}})";
    QTest::newRow("past the end leaves holes") << R"({"a":[1,2,3]})"
                                               << "a.5" << V10 << "0"
                                               << R"({"a":[1,2,3,null,null,0]})";
    QTest::newRow("6 past the end") << R"({"a":[1,2,3]})"
                                    << "a.5" << V6 << "0"
                                    << R"({"a":[1,2,3,null,null,0]})";
    QTest::newRow("replace element") << R"({"a":[1,2,3]})"
                                     << "a.1" << V10 << R"({"x":1})"
                                     << R"({"a":[1,{"x":1},3]})";
    QTest::newRow("length shortens") << R"({"a":[1,2,3]})"
                                     << "a.length" << V10 << "1"
                                     << R"({"a":[1]})";
    QTest::newRow("length from hex string") << R"({"a":[1,2,3]})"
                                            << "a.length" << V10 << R"("0x2")"
                                            << R"({"a":[1,2]})";
    QTest::newRow("length from padded string") << R"({"a":[1,2,3]})"
                                               << "a.length" << V10 << R"(" 2 ")"
                                               << R"({"a":[1,2]})";
    QTest::newRow("length from one-element array") << R"({"a":[1,2,3]})"
                                                   << "a.length" << V10 << "[5]"
                                                   << R"({"a":[1,2,3,null,null]})";
    QTest::newRow("length from null") << R"({"a":[1,2,3]})"
                                      << "a.length" << V10 << "null"
                                      << R"({"a":[]})";
    QTest::newRow("negative length") << R"({"a":[1]})"
                                     << "a.length" << V10 << "-1" << kError;
    QTest::newRow("fractional length") << R"({"a":[1]})"
                                       << "a.length" << V10 << "1.5" << kError;
    QTest::newRow("object length") << R"({"a":[1]})"
                                   << "a.length" << V10 << "{}" << kError;
    QTest::newRow("two-element length") << R"({"a":[1]})"
                                        << "a.length" << V10 << "[1,2]" << kError;
    QTest::newRow("6 any length throws") << R"({"a":[1,2,3]})"
                                         << "a.length" << V6 << "1" << kError;
    QTest::newRow("through length throws") << R"({"a":[1]})"
                                           << "a.length.x" << V10 << "1" << kError;
    QTest::newRow("named key on array is dropped") << R"({"a":[1]})"
                                                   << "a.x" << V10 << "1"
                                                   << R"({"a":[1]})";
    QTest::newRow("into an inherited method") << R"({"a":{}})"
                                              << "a.toString.x" << V10 << "1"
                                              << R"({"a":{}})";
    QTest::newRow("parent created before a method") << "{}"
                                                    << "b.toString.x" << V10 << "1"
                                                    << R"({"b":{}})";
    QTest::newRow("method name is read-only") << R"({"a":{}})"
                                              << "a.toString.name" << V10 << "1" << kError;
    QTest::newRow("method caller throws") << R"({"a":{}})"
                                          << "a.toString.caller" << V10 << "1" << kError;
    QTest::newRow("shadow a method") << R"({"a":{}})"
                                     << "a.toString" << V10 << "5"
                                     << R"({"a":{"toString":5}})";
    QTest::newRow("integer keys come first") << R"({"b":1,"a":2})"
                                             << "5" << V10 << R"("x")"
                                             << R"({"5":"x","b":1,"a":2})";
    QTest::newRow("integer keys ascending") << R"({"1":0,"3":0,"b":1})"
                                            << "2" << V10 << R"("x")"
                                            << R"({"1":0,"2":"x","3":0,"b":1})";
    QTest::newRow("2^32-1 is no index") << R"({"1":0,"b":1})"
                                        << "4294967295" << V10 << "0"
                                        << R"({"1":0,"b":1,"4294967295":0})";
    QTest::newRow("leading zero is no index") << R"({"1":0,"b":1})"
                                              << "01" << V10 << "0"
                                              << R"({"1":0,"b":1,"01":0})";
    QTest::newRow("existing key keeps its place") << R"({"a":1,"b":2})"
                                                  << "a" << V10 << "[3]"
                                                  << R"({"a":[3],"b":2})";
    QTest::newRow("escaped dot") << R"({"ui":{}})"
                                 << "ui\\.theme" << V10 << R"("dark")"
                                 << R"({"ui":{},"ui.theme":"dark"})";
}

void TestKeyOperations::set()
{
    QFETCH(QString, document);
    QFETCH(QString, dotted);
    QFETCH(KeyDialect, dialect);
    QFETCH(QString, value);
    QFETCH(QString, expected);

    Json root = json(document);
    const Result<void> result = setValue(root, key(dotted, dialect), json(value), dialect);
    if (expected == kError) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Usage);
        QCOMPARE(dump(root), dump(json(document)));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(dump(root), dump(json(expected)));
}

void TestKeyOperations::failedSetLeavesDocumentUntouched()
{
    // dot-prop creates `b` before it throws on the read-only `name`; conf
    // then writes nothing, so nothing may change.
    Json root = json(R"({"a":1})");
    const Result<void> result = setValue(root, key("b.c.toString.name"), Json(1));
    QVERIFY(!result.ok());
    QCOMPARE(dump(root), QStringLiteral(R"({"a":1})"));
    QVERIFY(result.error().message.contains(QStringLiteral("read-only `name`")));
    QCOMPARE(result.error().key, QStringLiteral("b.c.toString.name"));
}

void TestKeyOperations::arrayGrowthLimit()
{
    Json root = json(R"({"a":[]})");
    QVERIFY(setValue(root, key("a.1000000"), Json(1)).ok());
    QCOMPARE(root["a"].size(), kMaxArrayLength);
    QVERIFY(root["a"][999999].is_null());
    QVERIFY(root["a"][1000000] == Json(1));

    // JavaScript would go on (up to 2^32-1 elements); a settings file should not.
    QVERIFY(!setValue(root, key("a.1000001"), Json(1)).ok());
    QVERIFY(!setValue(root, key("a.length"), Json(kMaxArrayLength + 1)).ok());
    QCOMPARE(root["a"].size(), kMaxArrayLength);
}

void TestKeyOperations::remove_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("dotted");
    QTest::addColumn<QString>("expected"); // "true", "false" or "error"
    QTest::addColumn<QString>("after");

    QTest::newRow("member") << R"({"a":{"b":1,"c":2}})"
                            << "a.b"
                            << "true"
                            << R"({"a":{"c":2}})";
    QTest::newRow("missing member") << R"({"a":{"b":1}})"
                                    << "a.x"
                                    << "false"
                                    << R"({"a":{"b":1}})";
    QTest::newRow("top level") << R"({"a":1,"b":2})"
                               << "a"
                               << "true"
                               << R"({"b":2})";
    QTest::newRow("element leaves a hole") << R"({"a":[1,2,3]})"
                                           << "a.1"
                                           << "true"
                                           << R"({"a":[1,null,3]})";
    QTest::newRow("last element") << R"({"a":[1,2,3]})"
                                  << "a[2]"
                                  << "true"
                                  << R"({"a":[1,2,null]})";
    QTest::newRow("past the end") << R"({"a":[1]})"
                                  << "a.5"
                                  << "false"
                                  << R"({"a":[1]})";
    QTest::newRow("array length") << R"({"a":[1]})"
                                  << "a.length" << kError << R"({"a":[1]})";
    QTest::newRow("inherited method") << R"({"a":{}})"
                                      << "a.toString"
                                      << "false"
                                      << R"({"a":{}})";
    QTest::newRow("through a primitive") << R"({"a":5})"
                                         << "a.b"
                                         << "false"
                                         << R"({"a":5})";
    QTest::newRow("through null") << R"({"a":null})"
                                  << "a.b"
                                  << "false"
                                  << R"({"a":null})";
    QTest::newRow("own property of a method") << R"({"a":{}})"
                                              << "a.toString.name"
                                              << "true"
                                              << R"({"a":{}})";
    QTest::newRow("caller of a method") << R"({"a":{}})"
                                        << "a.toString.caller"
                                        << "false"
                                        << R"({"a":{}})";
    QTest::newRow("through caller throws") << R"({"a":{}})"
                                           << "a.toString.caller.x" << kError << R"({"a":{}})";
}

void TestKeyOperations::remove()
{
    QFETCH(QString, document);
    QFETCH(QString, dotted);
    QFETCH(QString, expected);
    QFETCH(QString, after);

    Json root = json(document);
    const Result<bool> result = deleteValue(root, key(dotted));
    if (expected == kError)
        QVERIFY(!result.ok());
    else
        QCOMPARE(*result ? "true" : "false", expected);
    QCOMPARE(dump(root), dump(json(after)));
}

void TestKeyOperations::refusedAndEmptyPaths()
{
    Json root = json(R"({"a":{"constructor":1}})");
    const KeyPath refused = KeyPath::fromSegments({"a", "constructor"});
    QCOMPARE(findValue(root, refused), nullptr);
    QVERIFY(!hasValue(root, refused));
    QVERIFY(setValue(root, refused, Json(2)).ok()); // ignored, as dot-prop does
    QCOMPARE(*deleteValue(root, refused), false);
    QCOMPARE(dump(root), QStringLiteral(R"({"a":{"constructor":1}})"));

    const KeyPath rootPath;
    QCOMPARE(findValue(root, rootPath), &root);
    QVERIFY(!setValue(root, rootPath, Json(1)).ok());
    QVERIFY(!deleteValue(root, rootPath).ok());
}

QTEST_GUILESS_MAIN(TestKeyOperations)
#include "tst_keyoperations.moc"
