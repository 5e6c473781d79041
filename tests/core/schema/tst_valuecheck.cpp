// checkValue against the write path itself: for every case a real settings
// file is opened with the schema guard, the value is set, and whether the
// store wrote it (and, when it refused, the violations it named) must be
// what checkValue said beforehand. The app's own schema, and one that uses
// the keywords it does not (pattern, exclusive bounds, integer, $ref,
// allOf, oneOf of objects, enum of objects).
#include "app/SettingsFile.h"
#include "schema/KeyMetadata.h"
#include "schema/ValueCheck.h"

#include "json/JsonText.h"
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace tad;

namespace {

Json json(const char *text)
{
    return parseValue(text).value();
}

// The first line of the guard's refusal: conf's words for each violation.
QString confLine(const SchemaViolations &violations)
{
    QStringList parts;
    for (const auto &v : violations)
        parts << QStringLiteral("`%1` %2").arg(QString::fromStdString(v.pointer).mid(1),
                                               QString::fromStdString(v.message));
    return QStringLiteral("Config schema violation: ") + parts.join(QStringLiteral("; "));
}

// A value drawn at random: scalars near the schemas' limits, strings with
// and without non-ASCII characters, small containers.
Json randomValue(QRandomGenerator &rng, int depth = 0)
{
    static const char *strings[] = {"",      "a",     "dark",       "light",
                                    "auto",  "blue",  "ada@x.org",  "ada@",
                                    "😀😀😀",   "äöü",   "2026-01-01", "2026-11-20T09:15:00Z",
                                    "ab-12", "AB-12", "ab-1😀",      "openai"};
    static const double numbers[] = {0, 1, 2, 2.0000001, 7.999, 8, 14, 14.5, 24, 24.5, -1, 1e300};
    switch (rng.bounded(depth > 1 ? 5 : 7)) {
    case 0:
        return nullptr;
    case 1:
        return rng.bounded(2) == 1;
    case 2:
        return numbers[rng.bounded(int(std::size(numbers)))];
    case 3:
        return qint64(rng.bounded(-5, 5000));
    case 4:
        return strings[rng.bounded(int(std::size(strings)))];
    case 5: {
        Json a = Json::array();
        for (int i = rng.bounded(13); i > 0; --i)
            a.push_back(randomValue(rng, depth + 1));
        return a;
    }
    default: {
        static const char *names[] = {"x", "y", "theme", "fontSize", "path", "name", "kind", "n"};
        Json o = Json::object();
        for (int i = rng.bounded(4); i > 0; --i)
            o[names[rng.bounded(int(std::size(names)))]] = randomValue(rng, depth + 1);
        return o;
    }
    }
}

} // namespace

class TestValueCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agreesWithTheWritePath_data();
    void agreesWithTheWritePath();
    void randomValuesAgree_data();
    void randomValuesAgree();
    void structuredReason();
    void valueTheFileAlreadyBreaksIsKept();
    void aValueThatCannotGoThere();
    void inPlaceAgreesOnARefusedKey();

private:
    // Sets `path` to `value` in a file holding `document` through the
    // application layer and compares with checkValue; "" when they agree.
    QString compare(const Schema &schema, const Json &document, const KeyPath &path,
                    const Json &value);
    static Schema appSchema() { return Schema::builtIn().value(); }
    static Schema keywordSchema();
    QTemporaryDir m_dir;
    int m_files = 0;
};

Schema TestValueCheck::keywordSchema()
{
    return Schema::fromJson(json(R"({
      "type": "object",
      "definitions": {
        "code": {"type": "string", "pattern": "^[a-z]{2}-\\d+$", "maxLength": 6},
        "level": {"type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 10}
      },
      "properties": {
        "code": {"$ref": "#/definitions/code"},
        "level": {"$ref": "#/definitions/level"},
        "ratio": {"type": "number", "multipleOf": 0.5, "minimum": -1, "maximum": 1},
        "word": {"type": "string", "pattern": "^[^0-9]+$", "minLength": 2},
        "stamp": {"type": "string", "format": "date-time"},
        "site": {"type": "string", "format": "uri"},
        "both": {"allOf": [{"type": "string", "minLength": 3}, {"pattern": "^a"}]},
        "shape": {"oneOf": [
          {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "circle"}, "r": {"type": "number", "minimum": 0}}},
          {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "square"}, "side": {"type": "integer"}}}
        ]},
        "corner": {"enum": [{"x": 0, "y": 0}, {"x": 1, "y": 1}, [1, 2], "none"]},
        "tags": {"type": "array", "items": {"$ref": "#/definitions/code"}, "maxItems": 3, "uniqueItems": true},
        "pair": {"type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}},
                 "dependencies": {"a": ["b"]}, "additionalProperties": false},
        "withDefaults": {"type": "object", "default": {}, "properties": {"n": {"type": "integer", "default": 3, "maximum": 5}}}
      }
    })"))
        .value();
}

QString TestValueCheck::compare(const Schema &schema, const Json &document, const KeyPath &path,
                                const Json &value)
{
    const QString file = m_dir.filePath(QStringLiteral("settings-%1.json").arg(++m_files));
    {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write %1").arg(file);
        f.write(QByteArray::fromStdString(compactJson(document)));
    }
    SettingsFileOptions options;
    options.schema = schema;
    options.history = false;
    SettingsFile settings(file, options);
    if (auto opened = settings.open(); !opened)
        return opened.error().message;
    const auto check = checkValue(schema, document, path, value);
    // Without the copy: the same verdict, and the document as it was.
    Json held = document;
    const auto inPlace = checkValueInPlace(schema, held, path, value);
    if (compactJson(held) != compactJson(document))
        return QStringLiteral("%1: the in-place check changed the document to %2")
            .arg(QString::fromStdString(path.toDotted()),
                 QString::fromStdString(compactJson(held)));
    if (bool(inPlace) != bool(check) ||
        (check && (check->added != inPlace->added || check->kept != inPlace->kept)))
        return QStringLiteral("%1: the in-place check disagrees with the copy")
            .arg(QString::fromStdString(path.toDotted()));
    // A readOnly key (version) is refused to a person whatever its value:
    // the value's check is compared where the write path takes values,
    // a restore carrying an earlier state.
    const bool readOnly = keyMetadata(schema, path.segments()).readOnly;
    const auto written =
        settings.set(path, value, readOnly ? ChangeSource::Restore : ChangeSource::Editor);
    const QString what = QStringLiteral("%1 = %2").arg(QString::fromStdString(path.toDotted()),
                                                       QString::fromStdString(compactJson(value)));
    if (!check)
        return written ? what + QStringLiteral(": written, but the check failed: ") +
                             check.error().message
                       : QString();
    if (bool(written) != check->acceptable())
        return what + (written ? QStringLiteral(": written, but the check refused it")
                               : QStringLiteral(": refused (%1), but the check took it")
                                     .arg(written.error().message));
    if (!written) {
        if (written.error().code != ErrorCode::SchemaRejected)
            return what + QStringLiteral(": refused for another reason: ") +
                   written.error().message;
        const QString first = written.error().message.section(QLatin1Char('\n'), 0, 0);
        if (first != confLine(check->added))
            return what + QStringLiteral(": the guard said %1, the check %2")
                              .arg(first, confLine(check->added));
    }
    return {};
}

void TestValueCheck::agreesWithTheWritePath_data()
{
    QTest::addColumn<int>("which"); // 0 the app's schema, 1 the keyword schema
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("values");

    const QString good = QStringLiteral(R"({"version":"1.0.0","settings":{"theme":"dark",
        "fontSize":14},"user":{"email":"ada@example.com"},"ai":{"temperature":0.7},
        "workspaces":{"w1":{"path":"/a","lastOpened":"2026-11-20T09:15:00Z"}},
        "recent":{"workspaces":["a"]},"ui":{"windowBounds":{"x":1,"y":2}}})");
    // What the Electron app may have left: already against the schema.
    const QString broken = QStringLiteral(R"({"settings":{"theme":"blue","fontSize":99},
        "user":{"email":"nope"},"recent":{"workspaces":["1","2","3","4","5","6","7","8","9",
        "10","11"]},"ui":{"windowBounds":{"x":"left"}}})");
    const QStringList numbers{"7.999", "8",    "8.0",   "14",     "14.0", "24",   "24.0000001",
                              "99",    "-0.0", "1e308", "\"14\"", "null", "true", "[14]"};
    const QStringList texts{"\"\"",
                            "\"ada@example.com\"",
                            "\"ada@\"",
                            "\"ädä@exämple.org\"",
                            "\"😀\"",
                            "\"light\"",
                            "\"blue\"",
                            "\"Dark\"",
                            "5",
                            "null",
                            "\"2026-11-20T09:15:00Z\"",
                            "\"2026-02-30T00:00:00Z\"",
                            "\"2026-11-20 09:15:00\"",
                            "\"yesterday\""};
    const QStringList containers{"{}",
                                 R"({"x":"left"})",
                                 R"({"x":1,"width":2})",
                                 R"({"theme":"dark","fontSize":99})",
                                 R"({"theme":"light"})",
                                 "[]",
                                 R"(["a","b"])",
                                 R"(["a",2])",
                                 R"(["1","2","3","4","5","6","7","8","9","10","11"])",
                                 R"({"path":5})",
                                 R"({"lastOpened":"soon"})",
                                 "\"x\"",
                                 "null"};
    for (const QString &document : {good, broken}) {
        const char *name = document == good ? "good" : "broken";
        for (const char *key : {"settings.fontSize", "ai.temperature", "ai.maxTokens"})
            QTest::addRow("app %s %s", name, key) << 0 << document << key << numbers;
        for (const char *key :
             {"settings.theme", "user.email", "ai.provider", "version", "workspaces.w1.lastOpened",
              "workspaces.new.lastOpened", "settings.language", "nowhere.at.all"})
            QTest::addRow("app %s %s", name, key) << 0 << document << key << texts;
        for (const char *key : {"settings", "ui.windowBounds", "recent.workspaces",
                                "ui.activePanels", "workspaces.w1", "workspaces", "user"})
            QTest::addRow("app %s %s", name, key) << 0 << document << key << containers;
    }
    const QString plain = QStringLiteral(R"({"code":"ab-1","level":5,"pair":{"a":1,"b":2}})");
    const QStringList mixed{"\"ab-12\"",
                            "\"ab-1234\"",
                            "\"AB-12\"",
                            "\"ab-١٢\"",
                            "\"ab-1😀\"",
                            "\"äö\"",
                            "\"ä\"",
                            "\"😀😀\"",
                            "\"abc\"",
                            "\"ab\"",
                            "\"bcd\"",
                            "0",
                            "0.5",
                            "1",
                            "1.0",
                            "9",
                            "9.5",
                            "10",
                            "-1",
                            "0.25",
                            "1.5",
                            "\"2026-11-20T09:15:00+01:00\"",
                            "\"2026-11-20T25:15:00Z\"",
                            "\"https://example.com/a\"",
                            "\"not a uri\"",
                            "null"};
    const QStringList objects{R"({"kind":"circle","r":1})",
                              R"({"kind":"circle","r":-1})",
                              R"({"kind":"square","side":2})",
                              R"({"kind":"square","side":2.5})",
                              R"({"kind":"triangle"})",
                              R"({})",
                              R"({"x":0,"y":0})",
                              R"({"y":0,"x":0})",
                              R"({"x":0,"y":0.0})",
                              R"({"x":2,"y":2})",
                              "[1,2]",
                              "[2,1]",
                              "\"none\"",
                              R"(["ab-1","cd-2"])",
                              R"(["ab-1","ab-1"])",
                              R"(["ab-1","x"])",
                              R"(["ab-1","cd-2","ef-3","gh-4"])",
                              R"({"a":1})",
                              R"({"b":1})",
                              R"({"a":1,"b":2,"c":3})",
                              R"({"n":6})",
                              R"({"n":4})"};
    for (const char *key : {"code", "level", "ratio", "word", "stamp", "site", "both"})
        QTest::addRow("keywords %s", key) << 1 << plain << key << mixed;
    for (const char *key : {"shape", "corner", "tags", "pair", "withDefaults", "pair.a"})
        QTest::addRow("keywords %s", key) << 1 << plain << key << objects;
}

void TestValueCheck::agreesWithTheWritePath()
{
    QFETCH(int, which);
    QFETCH(QString, document);
    QFETCH(QString, key);
    QFETCH(QStringList, values);
    const Schema schema = which == 0 ? appSchema() : keywordSchema();
    const Json doc = json(document.toUtf8().constData());
    const KeyPath path = KeyPath::parse(key.toStdString()).value();
    QStringList disagreements;
    for (const QString &text : values) {
        const QString problem = compare(schema, doc, path, json(text.toUtf8().constData()));
        if (!problem.isEmpty())
            disagreements << problem;
    }
    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(QLatin1Char('\n'))));
}

void TestValueCheck::randomValuesAgree_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("key");
    for (const char *key : {"settings.fontSize", "settings.theme", "user.email", "ui.windowBounds",
                            "recent.templates", "workspaces.w9", "settings"})
        QTest::addRow("app %s", key) << 0 << key;
    for (const char *key : {"code", "level", "word", "shape", "corner", "tags", "pair"})
        QTest::addRow("keywords %s", key) << 1 << key;
}

void TestValueCheck::randomValuesAgree()
{
    QFETCH(int, which);
    QFETCH(QString, key);
    const Schema schema = which == 0 ? appSchema() : keywordSchema();
    const KeyPath path = KeyPath::parse(key.toStdString()).value();
    QRandomGenerator rng(quint32(qHash(key)));
    QStringList disagreements;
    int refused = 0;
    for (int i = 0; i < 60; ++i) {
        const Json value = randomValue(rng);
        const QString problem = compare(schema, Json::object(), path, value);
        if (!problem.isEmpty())
            disagreements << problem;
        const auto check = checkValue(schema, Json::object(), path, value);
        refused += check && !check->acceptable();
    }
    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(QLatin1Char('\n'))));
    QVERIFY(refused > 0); // the draw reached the schema's refusals
}

void TestValueCheck::structuredReason()
{
    const Schema schema = appSchema();
    const Json doc = Json::object();
    auto font = checkValue(schema, doc, KeyPath::parse("settings.fontSize").value(), Json(99));
    QVERIFY(font && !font->acceptable());
    QCOMPARE(font->reason().keyword, std::string("maximum"));
    QCOMPARE(font->reason().pointer, std::string("/settings/fontSize"));
    QCOMPARE(font->reason().params["limit"].get<double>(), 24.0);
    QCOMPARE(font->reason().params["comparison"].get<std::string>(), std::string("<="));

    // A oneOf of constants reads as an enum with its allowed values.
    auto theme = checkValue(schema, doc, KeyPath::parse("settings.theme").value(), Json("blue"));
    QVERIFY(theme && !theme->acceptable());
    QCOMPARE(theme->reason().keyword, std::string("enum"));
    QVERIFY(theme->reason().params["allowedValues"] == json(R"(["light","dark","auto"])"));

    // anyOf of "" and an email: the format is what is wrong; "" is fine.
    const KeyPath email = KeyPath::parse("user.email").value();
    auto bad = checkValue(schema, doc, email, Json("ada@"));
    QVERIFY(bad && !bad->acceptable());
    QCOMPARE(bad->reason().keyword, std::string("format"));
    QCOMPARE(bad->reason().params["format"].get<std::string>(), std::string("email"));
    auto empty = checkValue(schema, doc, email, Json(""));
    QVERIFY(empty && empty->acceptable());

    // Below the key: the nested place and its pattern, through $ref.
    auto tags =
        checkValue(keywordSchema(), doc, KeyPath::parse("tags").value(), json(R"(["ab-1","X"])"));
    QVERIFY(tags && !tags->acceptable());
    QCOMPARE(tags->reason().pointer, std::string("/tags/1"));
    QCOMPARE(tags->reason().keyword, std::string("pattern"));
    QCOMPARE(tags->reason().params["pattern"].get<std::string>(), std::string("^[a-z]{2}-\\d+$"));

    // Integer: 14.0 is one, 1.5 is not.
    const KeyPath level = KeyPath::parse("level").value();
    QVERIFY(checkValue(keywordSchema(), doc, level, json("9.0"))->acceptable());
    QVERIFY(checkValue(keywordSchema(), doc, level, json("1.5"))->reason().params["type"] ==
            Json("integer"));
    QCOMPARE(checkValue(keywordSchema(), doc, level, json("10"))->reason().keyword,
             std::string("exclusiveMaximum"));
}

void TestValueCheck::valueTheFileAlreadyBreaksIsKept()
{
    const Schema schema = appSchema();
    const Json doc = json(R"({"settings":{"fontSize":99}})");
    const KeyPath font = KeyPath::parse("settings.fontSize").value();
    // The same value again adds nothing: the guard lets it be.
    auto same = checkValue(schema, doc, font, Json(99));
    QVERIFY(same && same->acceptable());
    QCOMPARE(same->kept.size(), size_t(1));
    QCOMPARE(same->reason().keyword, std::string("maximum"));
    // Another value that breaks it in the same way adds nothing either (the
    // guard compares place and keyword); a good one clears it.
    QVERIFY(checkValue(schema, doc, font, Json(30))->acceptable());
    auto fixed = checkValue(schema, doc, font, Json(20));
    QVERIFY(fixed && fixed->acceptable() && fixed->kept.empty());
    // A new kind of violation at that key is refused.
    auto worse = checkValue(schema, doc, font, Json("big"));
    QVERIFY(worse && !worse->acceptable());
    QCOMPARE(worse->added.front().keyword, std::string("type"));
    // The file's value as the tree asks for it.
    QCOMPARE(violationsAt(schema, doc, font).size(), size_t(1));
}

void TestValueCheck::aValueThatCannotGoThere()
{
    const Json doc = json(R"({"settings":{"language":"en"}})");
    // The root is no key: a whole document is not a value for one.
    const auto root = checkValue(appSchema(), doc, KeyPath(), Json::object());
    QVERIFY(!root);
    QCOMPARE(root.error().code, ErrorCode::Usage);
    // No schema: everything is acceptable.
    QVERIFY(checkValue(Schema(), doc, KeyPath::parse("a").value(), Json(1))->acceptable());
}

// A key the store ignores (__proto__, constructor, prototype on the way)
// changes nothing: the check in place must not see its value taken out.
void TestValueCheck::inPlaceAgreesOnARefusedKey()
{
    const Schema schema = Schema::fromJson(json(R"({"type":"object","properties":{"a":{
        "type":"object","properties":{"constructor":{"type":"string"}}}}})"))
                              .value();
    const Json doc = json(R"({"a":{"constructor":"x"}})");
    const KeyPath path = KeyPath::fromSegments({"a", "constructor"});
    const auto copied = checkValue(schema, doc, path, Json(5));
    Json held = doc;
    const auto inPlace = checkValueInPlace(schema, held, path, Json(5));
    QCOMPARE(bool(inPlace), bool(copied));
    if (copied) {
        QVERIFY(inPlace->added == copied->added);
        QVERIFY(inPlace->kept == copied->kept);
    }
    QCOMPARE(compactJson(held), compactJson(doc));
}

QTEST_GUILESS_MAIN(TestValueCheck)
#include "tst_valuecheck.moc"
