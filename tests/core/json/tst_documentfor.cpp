// parseDocumentFor, the reader of one key, against parseDocument, the reader
// of the whole file: the same verdict on every text (the same error, line
// and column, the same duplicates and style) and the same value at the key,
// by dot-prop's rules (getValue / hasValue), on hand-made and random texts.
#include "../history/RandomDocuments.h"
#include "keys/KeyPath.h"

#include "json/JsonText.h"
#include <QTest>
#include <random>

using namespace tad;

namespace {

// Several keys to read in each text: the root's members, one level below,
// the first of each array, and names that are missing or JavaScript's own.
std::vector<std::vector<std::string>> targetsIn(const Json &doc)
{
    std::vector<std::vector<std::string>> targets = {
        {}, {"a"}, {"a", "b"}, {"missing"}, {"a", "length"}, {"toString"}, {"a", "0"}};
    if (!doc.is_object())
        return targets;
    for (const auto &[key, value] : doc.items()) {
        targets.push_back({key});
        targets.push_back({key, "length"});
        targets.push_back({key, "missing", "deeper"});
        if (value.is_object()) {
            for (const auto &[inner, innerValue] : value.items()) {
                targets.push_back({key, inner});
                if (innerValue.is_object() && !innerValue.empty())
                    targets.push_back({key, inner, innerValue.begin().key()});
                if (innerValue.is_array())
                    targets.push_back({key, inner, "0"});
            }
        } else if (value.is_array()) {
            targets.push_back({key, "0"});
            targets.push_back({key, "1", "k1"});
        } else if (value.is_string()) {
            targets.push_back({key, "0"});
        }
    }
    return targets;
}

QString describe(const std::string &text, const std::vector<std::string> &target)
{
    QString path;
    for (const auto &segment : target)
        path += QLatin1Char('/') + QString::fromStdString(segment);
    return QStringLiteral("text %1, key %2")
        .arg(QString::fromStdString(text.substr(0, 200)), path.isEmpty() ? "(none)" : path);
}

// The two readers agree on `text` for `target`; false (with a QWARN-free
// message in `why`) otherwise.
bool agree(const std::string &text, const std::vector<std::string> &target, QString &why)
{
    const auto whole = parseDocument(text, QStringLiteral("f.json"));
    const auto part = parseDocumentFor(text, target, QStringLiteral("f.json"));
    why = describe(text, target);
    if (whole.ok() != part.ok()) {
        why += QStringLiteral(": one reader accepts the text, the other does not");
        return false;
    }
    if (!whole) {
        const Error &a = whole.error(), &b = part.error();
        if (a.code != b.code || a.message != b.message || a.line != b.line ||
            a.column != b.column || a.file != b.file) {
            why += QStringLiteral(": %1 vs %2").arg(a.toString(), b.toString());
            return false;
        }
        return true;
    }
    if (whole->duplicates != part->duplicates || !(whole->style == part->style) ||
        whole->hadBom != part->hadBom) {
        why += QStringLiteral(": duplicates, style or BOM differ");
        return false;
    }
    if (target.empty())
        return part->value == Json::object();
    const KeyPath path = KeyPath::fromSegments(target);
    const auto a = getValue(whole->value, path), b = getValue(part->value, path);
    if (a.has_value() != b.has_value() || (a && compactJson(*a) != compactJson(*b)) ||
        (a && a->type() != b->type())) {
        why += QStringLiteral(": %1 vs %2")
                   .arg(QString::fromStdString(a ? compactJson(*a) : "(none)"),
                        QString::fromStdString(b ? compactJson(*b) : "(none)"));
        return false;
    }
    if (hasValue(whole->value, path) != hasValue(part->value, path)) {
        why += QStringLiteral(": has() differs");
        return false;
    }
    return true;
}

void checkAll(const std::string &text)
{
    const auto whole = parseDocument(text);
    for (const auto &target : targetsIn(whole ? whole->value : Json())) {
        QString why;
        QVERIFY2(agree(text, target, why), qPrintable(why));
    }
}

const char kEveryToken[] = "{\"a\": [1, -2.5e-3, true, false, null],\n"
                           " \"\xc3\xa9\\u00e9\\uD83D\\uDE00\\n\": {\"7\": {}, \"x\": []},\n"
                           " \"\xf0\x9f\x98\x80\": \"\\\"q\\\\\\/\\b\\f\\r\\t\\u0000\"}";

} // namespace

class TestDocumentFor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handMade_data();
    void handMade();
    void valueIsOnlyThePath();
    void duplicatesOnAndOffThePath();
    void depthLimitOffThePath();
    void everyTruncation();
    void corruptedBytes();
    void randomDocuments();
};

void TestDocumentFor::handMade_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray("  \n ");
    QTest::newRow("array root") << QByteArray(" [1]");
    QTest::newRow("string root") << QByteArray("\n\"x\"");
    QTest::newRow("null root") << QByteArray("null");
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF{\"a\":{\"b\":1}}");
    QTest::newRow("tabs") << QByteArray("{\n\t\"a\": {\n\t\t\"b\": [\n\t\t\t1\n\t\t]\n\t}\n}\n");
    QTest::newRow("truncated in skipped member") << QByteArray("{\"x\":{\"y\":[1,");
    QTest::newRow("trailing comma skipped") << QByteArray("{\"x\":[1,],\"a\":1}");
    QTest::newRow("missing colon skipped") << QByteArray("{\"x\":{\"q\" 1},\"a\":1}");
    QTest::newRow("bad escape in skipped name") << QByteArray("{\"x\":{\"\\q\":1},\"a\":2}");
    QTest::newRow("bad UTF-8 in skipped value") << QByteArray("{\"x\":\"\xC3\x28\",\"a\":1}");
    QTest::newRow("bad UTF-8 in skipped name") << QByteArray("{\"x\":{\"\xC0\xAF\":1},\"a\":1}");
    QTest::newRow("control character skipped") << QByteArray("{\"x\":\"a\tb\",\"a\":1}");
    QTest::newRow("leading zero skipped") << QByteArray("{\"x\":[01],\"a\":1}");
    QTest::newRow("NUL skipped") << QByteArray("{\"x\":\0,\"a\":1}", 13);
    QTest::newRow("garbage after") << QByteArray("{\"a\":{\"b\":1}} x");
    QTest::newRow("escaped names") << QByteArray("{\"\\u0061\":{\"\\u0062\":true},\"b\\n\":1}");
    QTest::newRow("lone surrogate") << QByteArray("{\"a\":{\"b\":\"\\ud800\"}}");
    QTest::newRow("huge numbers") << QByteArray("{\"a\":{\"b\":1e400,\"c\":-1e-400},\"x\":1e999}");
    QTest::newRow("strings and arrays on the way")
        << QByteArray("{\"a\":\"text\",\"b\":[{\"k1\":2},{\"k1\":3}]}");
    QTest::newRow("every token") << QByteArray(kEveryToken);
}

void TestDocumentFor::handMade()
{
    QFETCH(QByteArray, input);
    checkAll(input.toStdString());
}

void TestDocumentFor::valueIsOnlyThePath()
{
    const auto part =
        parseDocumentFor(R"({"a":{"x":1,"b":{"c":[1,2]},"y":2},"z":[3]})", {"a", "b"});
    QVERIFY(part);
    QCOMPARE(compactJson(part->value), std::string(R"({"a":{"b":{"c":[1,2]}}})"));
    const auto none = parseDocumentFor(R"({"a":1})", {});
    QVERIFY(none);
    QCOMPARE(compactJson(none->value), std::string("{}"));
}

void TestDocumentFor::duplicatesOnAndOffThePath()
{
    const std::string input = "{\"a\": 1,\n"
                              " \"b\": {\"x\": 1, \"x\": 2, \"a/~\": 0, \"a/~\": 9},\n"
                              " \"l\": [0, {\"k\": 1, \"k\": {\"deep\": true}}],\n"
                              " \"a\": [3]}";
    checkAll(input);
    const auto part = parseDocumentFor(input, {"b", "x"});
    QVERIFY(part);
    QCOMPARE(compactJson(part->value), std::string(R"({"b":{"x":2}})"));
    QCOMPARE(part->duplicates.size(), size_t(4));
    QVERIFY(parseDocumentFor(input, {"a"})->value["a"] == Json::array({3}));
    // Many names in one object, repeated, with escapes spelling the same name.
    std::string big = "{\"m\":{";
    for (int i = 0; i < 200; ++i)
        big += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    big += "\"\\u006b7\":\"again\",\"k150\":0,\"k\\u0031\":1},\"a\":true}";
    checkAll(big);
    QCOMPARE(parseDocumentFor(big, {"a"})->duplicates.size(), size_t(3));
}

void TestDocumentFor::depthLimitOffThePath()
{
    QByteArray deep;
    for (int i = 0; i < kMaxJsonDepth; ++i)
        deep += "[";
    for (int i = 0; i < kMaxJsonDepth; ++i)
        deep += "]";
    checkAll(("{\"x\":" + deep + ",\"a\":1}").toStdString()); // one level too deep
    deep.chop(1);
    deep.remove(0, 1);
    checkAll(("{\"x\":" + deep + ",\"a\":1}").toStdString()); // just within
}

void TestDocumentFor::everyTruncation()
{
    const std::string full = kEveryToken;
    for (size_t length = 0; length <= full.size(); ++length)
        checkAll(full.substr(0, length));
}

void TestDocumentFor::corruptedBytes()
{
    std::mt19937 rng(4242);
    const std::string full = std::string(kEveryToken);
    for (int i = 0; i < 2000; ++i) {
        std::string damaged = full;
        const int edits = 1 + int(rng() % 3);
        for (int e = 0; e < edits; ++e)
            damaged[rng() % damaged.size()] = static_cast<char>(rng() % 256);
        checkAll(damaged);
    }
}

void TestDocumentFor::randomDocuments()
{
    const TextStyle styles[] = {TextStyle::compact(), TextStyle::tabs(), TextStyle::withSpaces(2)};
    for (unsigned seed = 1; seed <= 300; ++seed) {
        historytest::RandomDocuments random(seed);
        const Json doc = random.document(4);
        std::string text = stringify(doc, styles[seed % 3]);
        // Now and then a member repeated by hand, as an editor leaves it.
        if (seed % 4 == 0 && text.size() > 2)
            text.insert(1, "\"k1\":{\"k2\":\"first\"},");
        checkAll(text);
    }
}

QTEST_GUILESS_MAIN(TestDocumentFor)
#include "tst_documentfor.moc"
