// Loading, Ajv-shaped violations, defaults and the added-violations check
// that guards every write.
#include "SchemaTestData.h"
#include "keys/KeyPath.h"
#include "schema/ChangeCheck.h"
#include "schema/Defaults.h"
#include "schema/SchemaPaths.h"

#include <QTemporaryDir>
#include <QTest>

using tad::Json;

namespace {

std::vector<std::string> dottedSegments(std::string_view dotted)
{
    auto path = tad::KeyPath::parse(dotted);
    return path.ok() ? path->segments() : std::vector<std::string>{};
}

QString describe(const tad::SchemaViolations &violations)
{
    QStringList lines;
    for (const auto &v : violations)
        lines << QStringLiteral("%1|%2|%3")
                     .arg(QString::fromStdString(v.pointer), QString::fromStdString(v.keyword),
                          QString::fromStdString(v.message));
    return lines.join(QLatin1Char('\n'));
}

// "" stands for the whole document (clear).
std::vector<std::string> tokens(const char *dotted)
{
    if (!*dotted)
        return {};
    return dottedSegments(dotted);
}

} // namespace

class TestSchemaValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void builtInResourceIsTheShippedFile();
    void loadingShapes_data();
    void loadingShapes();
    void missingFileIsUnreadable();
    void ajvMessages_data();
    void ajvMessages();
    void violationKeyAndText();
    void defaultsDocument();
    void defaultsFillOnlyWhereAjvWould();
    void noDefaultsInsideAnyOf();
    void defaultForKey_data();
    void defaultForKey();
    void addedViolations_data();
    void addedViolations();
    void addedRequiredAndAdditional();
    // Checking only the changed paths finds exactly the violations a full
    // check finds at or under those paths, and nothing a full check does not.
    void pathValidationMatchesFullValidation();

private:
    tad::Schema m_schema;
};

void TestSchemaValidator::initTestCase()
{
    m_schema = schematest::shippedSchema();
    QVERIFY(!m_schema.isNull());
    QVERIFY2(m_schema.warnings().empty(), "the shipped schema uses only formats we check");
}

void TestSchemaValidator::builtInResourceIsTheShippedFile()
{
    auto builtIn = tad::Schema::builtIn();
    QVERIFY2(builtIn.ok(), qPrintable(builtIn.ok() ? QString() : builtIn.error().message));
    COMPARE_JSON(builtIn->rootSchema(), m_schema.rootSchema());
}

void TestSchemaValidator::loadingShapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("shape"); // -1: refused
    QTest::newRow("property map") << R"({"a": {"type": "number"}})"
                                  << int(tad::Schema::Shape::PropertyMap);
    QTest::newRow("root with type")
        << R"({"type": "object", "properties": {}})" << int(tad::Schema::Shape::WholeSchema);
    QTest::newRow("root with $schema")
        << R"({"$schema": "http://json-schema.org/draft-07/schema#"})"
        << int(tad::Schema::Shape::WholeSchema);
    QTest::newRow("map with a key named type")
        << R"({"type": {"type": "string"}})" << int(tad::Schema::Shape::PropertyMap);
    QTest::newRow("not an object") << "[1]" << -1;
    QTest::newRow("not JSON") << "{" << -1;
    QTest::newRow("map value not a schema") << R"({"a": 3})" << -1;
    QTest::newRow("bad regex") << R"({"a": {"pattern": "(["}})" << -1;
    QTest::newRow("bad type name") << R"({"a": {"type": "numbr"}})" << -1;
    QTest::newRow("remote ref") << R"({"a": {"$ref": "http://example.com/x.json"}})" << -1;
}

void TestSchemaValidator::loadingShapes()
{
    QFETCH(QString, text);
    QFETCH(int, shape);
    const auto schema = tad::Schema::fromText(text.toStdString(), QStringLiteral("test.json"));
    if (shape < 0) {
        QVERIFY(!schema.ok());
        // Text that does not parse is a file that does not parse (exit 4).
        QCOMPARE(schema.error().code, QTest::currentDataTag() == QByteArray("not JSON")
                                          ? tad::ErrorCode::Unreadable
                                          : tad::ErrorCode::Usage);
        QVERIFY(schema.error().message.contains("test.json"));
    } else {
        QVERIFY2(schema.ok(), qPrintable(schema.ok() ? QString() : schema.error().message));
        QCOMPARE(int(schema->shape()), shape);
    }
}

void TestSchemaValidator::missingFileIsUnreadable()
{
    QTemporaryDir dir;
    const auto schema = tad::Schema::fromFile(dir.filePath("none.json"));
    QVERIFY(!schema.ok());
    QCOMPARE(schema.error().code, tad::ErrorCode::Unreadable);
}

void TestSchemaValidator::ajvMessages_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("expected");
    const QString shipped = "shipped";
    QTest::newRow("maximum") << shipped << R"({"settings": {"fontSize": 30}})"
                             << "/settings/fontSize|maximum|must be <= 24";
    QTest::newRow("minimum") << shipped << R"({"settings": {"fontSize": 7.5}})"
                             << "/settings/fontSize|minimum|must be >= 8";
    QTest::newRow("type") << shipped << R"({"settings": "dark"})"
                          << "/settings|type|must be object";
    QTest::newRow("maxItems")
        << shipped
        << R"({"recent": {"workspaces": ["1","2","3","4","5","6","7","8","9","10","11"]}})"
        << "/recent/workspaces|maxItems|must NOT have more than 10 items";
    QTest::newRow("items") << shipped << R"({"ui": {"activePanels": ["chat", 3]}})"
                           << "/ui/activePanels/1|type|must be string";
    QTest::newRow("oneOf of consts")
        << shipped << R"({"settings": {"theme": "blue"}})"
        << "/settings/theme|const|must be equal to constant\n/settings/theme|const|must be equal "
           "to constant\n"
           "/settings/theme|const|must be equal to constant\n/settings/theme|oneOf|must match "
           "exactly one schema in oneOf";
    QTest::newRow("email") << shipped << R"({"user": {"email": "nope"}})"
                           << "/user/email|const|must be equal to "
                              "constant\n/user/email|format|must match format \"email\"\n"
                              "/user/email|anyOf|must match a schema in anyOf";
    QTest::newRow("date-time under a pattern")
        << shipped << R"({"workspaces": {"a/b": {"lastOpened": "2024-02-30T10:00:00Z"}}})"
        << "/workspaces/a~1b/lastOpened|format|must match format \"date-time\"";
    QTest::newRow("integer 14.0") << R"({"n": {"type": "integer"}})"
                                  << R"({"n": 14.0})"
                                  << "";
    QTest::newRow("integer 14.5") << R"({"n": {"type": "integer"}})"
                                  << R"({"n": 14.5})"
                                  << "/n|type|must be integer";
    QTest::newRow("enum") << R"({"e": {"enum": [1, "a"]}})"
                          << R"({"e": 2})"
                          << "/e|enum|must be equal to one of the allowed values";
    QTest::newRow("enum 1.0 equals 1") << R"({"e": {"enum": [1, "a"]}})"
                                       << R"({"e": 1.0})"
                                       << "";
    QTest::newRow("const") << R"({"c": {"const": {"a": [1]}}})"
                           << R"({"c": {"a": [2]}})"
                           << "/c|const|must be equal to constant";
    QTest::newRow("exclusiveMaximum") << R"({"x": {"exclusiveMaximum": 5}})"
                                      << R"({"x": 5})"
                                      << "/x|exclusiveMaximum|must be < 5";
    QTest::newRow("exclusiveMinimum") << R"({"x": {"exclusiveMinimum": 0.5}})"
                                      << R"({"x": 0.5})"
                                      << "/x|exclusiveMinimum|must be > 0.5";
    QTest::newRow("multipleOf") << R"({"x": {"multipleOf": 2}})"
                                << R"({"x": 3})"
                                << "/x|multipleOf|must be multiple of 2";
    // 0.07 / 0.01 is 7.000000000000001 in doubles: Ajv refuses it too.
    QTest::newRow("multipleOf 0.01") << R"({"x": {"multipleOf": 0.01}})"
                                     << R"({"x": 0.07})"
                                     << "/x|multipleOf|must be multiple of 0.01";
    QTest::newRow("minLength counts code points")
        << R"({"s": {"minLength": 2}})"
        << R"({"s": "☃"})"
        << "/s|minLength|must NOT have fewer than 2 characters";
    QTest::newRow("maxLength") << R"({"s": {"maxLength": 1}})"
                               << R"({"s": "ab"})"
                               << "/s|maxLength|must NOT have more than 1 characters";
    QTest::newRow("pattern") << R"({"s": {"pattern": "^a+$"}})"
                             << R"({"s": "ab"})"
                             << "/s|pattern|must match pattern \"^a+$\"";
    QTest::newRow("required") << R"({"o": {"required": ["x", "y"]}})"
                              << R"({"o": {"y": 1}})"
                              << "/o|required|must have required property 'x'";
    QTest::newRow("additionalProperties")
        << R"({"o": {"properties": {"a": {}}, "additionalProperties": false}})"
        << R"({"o": {"a": 1, "b": 2, "c": 3}})"
        << "/o|additionalProperties|must NOT have additional properties\n"
           "/o|additionalProperties|must NOT have additional properties";
    QTest::newRow("uniqueItems")
        << R"({"u": {"uniqueItems": true}})"
        << R"({"u": [1, 2, 1]})"
        << "/u|uniqueItems|must NOT have duplicate items (items ## 0 and 2 are identical)";
    QTest::newRow("not") << R"({"n": {"not": {"type": "string"}}})"
                         << R"({"n": "s"})"
                         << "/n|not|must NOT be valid";
    QTest::newRow("minItems") << R"({"a": {"minItems": 1}})"
                              << R"({"a": []})"
                              << "/a|minItems|must NOT have fewer than 1 items";
    QTest::newRow("allOf") << R"({"a": {"allOf": [{"minimum": 3}, {"maximum": 1}]}})"
                           << R"({"a": 2})"
                           << "/a|minimum|must be >= 3\n/a|maximum|must be <= 1";
    QTest::newRow("local $ref") << R"({"a": {"$ref": "#/properties/b"}, "b": {"type": "string"}})"
                                << R"({"a": 1})"
                                << "/a|type|must be string";
    QTest::newRow("uri") << R"({"u": {"format": "uri"}})"
                         << R"({"u": "relative/path"})"
                         << "/u|format|must match format \"uri\"";
    QTest::newRow("date") << R"({"d": {"format": "date"}})"
                          << R"({"d": "2023-02-29"})"
                          << "/d|format|must match format \"date\"";
    QTest::newRow("date leap day") << R"({"d": {"format": "date"}})"
                                   << R"({"d": "2024-02-29"})"
                                   << "";
}

void TestSchemaValidator::ajvMessages()
{
    QFETCH(QString, schema);
    QFETCH(QString, document);
    QFETCH(QString, expected);
    tad::Schema compiled = m_schema;
    if (schema != "shipped") {
        auto loaded = tad::Schema::fromText(schema.toStdString());
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        compiled = *loaded;
    }
    const Json doc = Json::parse(document.toStdString());
    const auto violations = compiled.validate(doc);
    QCOMPARE(describe(violations), expected);
    QCOMPARE(compiled.isValid(doc), expected.isEmpty());
}

void TestSchemaValidator::violationKeyAndText()
{
    const auto violations =
        m_schema.validate(Json::parse(R"({"workspaces": {"a.b": {"name": 3}}})"));
    QCOMPARE(violations.size(), size_t(1));
    QCOMPARE(violations[0].key(), QStringLiteral("workspaces.a\\.b.name"));
    QCOMPARE(violations[0].toString(), QStringLiteral("workspaces.a\\.b.name: must be string"));
}

void TestSchemaValidator::defaultsDocument()
{
    const Json expected = Json::parse(
        R"({"version":"1.0.0","settings":{"theme":"auto","language":"en","autoSave":true,"fontSize":14},)"
        R"("user":{"name":"","email":"","preferences":{"notifications":true,"analytics":false}},)"
        R"("ai":{"provider":"openai","model":"gpt-4o","apiKey":"","temperature":0.7,"maxTokens":2048},)"
        R"("workspaces":{},"ui":{"sidebarCollapsed":false,"activePanels":["chat","templates"]},)"
        R"("recent":{"workspaces":[],"templates":[]}})");
    const Json defaults = tad::schemaDefaultsDocument(m_schema);
    QCOMPARE(QString::fromStdString(defaults.dump()), QString::fromStdString(expected.dump()));
    QVERIFY(m_schema.validate(defaults).empty());
}

void TestSchemaValidator::defaultsFillOnlyWhereAjvWould()
{
    // An existing object gets its missing members; a parent without a
    // default is not created (ui.windowBounds); pattern members get theirs.
    Json doc = Json::parse(
        R"({"settings": {"fontSize": 20}, "workspaces": {"w": {"name": "W"}}, "ui": {}})");
    QVERIFY(tad::applySchemaDefaults(m_schema, doc));
    COMPARE_JSON(doc["settings"]["fontSize"], Json(20));
    COMPARE_JSON(doc["settings"]["theme"], Json("auto"));
    COMPARE_JSON(doc["workspaces"]["w"]["settings"],
                 Json::parse(R"({"buildOnSave":true,"autoRefresh":false})"));
    QVERIFY(!doc["ui"].contains("windowBounds"));
    QVERIFY(!doc["workspaces"]["w"].contains("lastOpened"));
    // A wrong type in the way is left alone.
    Json wrong = Json::parse(R"({"settings": "dark"})");
    tad::applySchemaDefaults(m_schema, wrong);
    COMPARE_JSON(wrong["settings"], Json("dark"));
    Json filled = tad::schemaDefaultsDocument(m_schema);
    QVERIFY(!tad::applySchemaDefaults(m_schema, filled));
}

void TestSchemaValidator::noDefaultsInsideAnyOf()
{
    auto schema = tad::Schema::fromText(R"({"a": {"type": "object", "default": {},
        "anyOf": [{"properties": {"x": {"default": 1}}}], "allOf": [{"properties": {"y": {"default": 2}}}]}})");
    QVERIFY(schema.ok());
    COMPARE_JSON(tad::schemaDefaultsDocument(*schema), Json::parse(R"({"a": {"y": 2}})"));
}

void TestSchemaValidator::defaultForKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected"); // "" = no default
    QTest::newRow("leaf") << "settings.fontSize"
                          << "14";
    QTest::newRow("object with nested defaults")
        << "settings"
        << R"({"theme":"auto","language":"en","autoSave":true,"fontSize":14})";
    QTest::newRow("under a pattern") << "workspaces.any.settings"
                                     << R"({"buildOnSave":true,"autoRefresh":false})";
    QTest::newRow("array") << "ui.activePanels"
                           << R"(["chat","templates"])";
    QTest::newRow("no default") << "ui.windowBounds"
                                << "";
    QTest::newRow("unknown") << "nothing"
                             << "";
}

void TestSchemaValidator::defaultForKey()
{
    QFETCH(QString, key);
    QFETCH(QString, expected);
    const auto value = tad::schemaDefaultFor(m_schema, tokens(key.toUtf8().constData()));
    if (expected.isEmpty()) {
        QVERIFY(!value.has_value());
    } else {
        QVERIFY(value.has_value());
        QCOMPARE(QString::fromStdString(value->dump()),
                 QString::fromStdString(Json::parse(expected.toStdString()).dump()));
    }
}

void TestSchemaValidator::addedViolations_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("changed");
    QTest::addColumn<QString>("added");
    const QString broken =
        R"({"settings": {"fontSize": 30, "theme": "dark"}, "recent": {"workspaces": []}})";
    QTest::newRow("good change in a broken file")
        << broken
        << R"({"settings": {"fontSize": 30, "theme": "light"}, "recent": {"workspaces": []}})"
        << QStringList{"settings.theme"} << "";
    QTest::newRow("existing violation stays")
        << broken
        << R"({"settings": {"fontSize": 40, "theme": "dark"}, "recent": {"workspaces": []}})"
        << QStringList{"settings.fontSize"} << "";
    QTest::newRow("fixing is fine")
        << broken
        << R"({"settings": {"fontSize": 20, "theme": "dark"}, "recent": {"workspaces": []}})"
        << QStringList{"settings.fontSize"} << "";
    QTest::newRow("new violation")
        << broken
        << R"({"settings": {"fontSize": 30, "theme": "dark"}, "recent": {"workspaces": 3}})"
        << QStringList{"recent.workspaces"} << "/recent/workspaces|type|must be array";
    QTest::newRow("wrong type over a parent")
        << broken << R"({"settings": 5, "recent": {"workspaces": []}})" << QStringList{"settings"}
        << "/settings|type|must be object";
    QTest::newRow("clear keeps nothing wrong") << broken << "{}" << QStringList{""} << "";
    QTest::newRow("deep workspace change")
        << R"({"workspaces": {"a": {"name": "A"}, "b": {"name": 1}}})"
        << R"({"workspaces": {"a": {"name": 2}, "b": {"name": 1}}})"
        << QStringList{"workspaces.a.name"} << "/workspaces/a/name|type|must be string";
}

void TestSchemaValidator::addedViolations()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QStringList, changed);
    QFETCH(QString, added);
    std::vector<std::vector<std::string>> paths;
    for (const auto &key : changed)
        paths.push_back(tokens(key.toUtf8().constData()));
    const auto result = tad::addedSchemaViolations(m_schema, Json::parse(before.toStdString()),
                                                   Json::parse(after.toStdString()), paths);
    QCOMPARE(describe(result), added);
}

void TestSchemaValidator::addedRequiredAndAdditional()
{
    auto schema = tad::Schema::fromText(
        R"({"type": "object", "required": ["a"], "properties": {"a": {}, "b": {}}, "additionalProperties": false})");
    QVERIFY(schema.ok());
    QVERIFY(schema->validate(Json::parse(R"({"a": 1, "x": 1})")).size() == 1);
    // Deleting a required key is refused; a second unknown key is new
    // even though one is already there.
    QCOMPARE(describe(tad::addedSchemaViolations(*schema, Json::parse(R"({"a": 1, "x": 1})"),
                                                 Json::parse(R"({"x": 1})"), {{"a"}})),
             QStringLiteral("|required|must have required property 'a'"));
    QCOMPARE(
        describe(tad::addedSchemaViolations(*schema, Json::parse(R"({"a": 1, "x": 1})"),
                                            Json::parse(R"({"a": 1, "x": 1, "y": 2})"), {{"y"}})),
        QStringLiteral("|additionalProperties|must NOT have additional properties"));
}

void TestSchemaValidator::pathValidationMatchesFullValidation()
{
    schematest::CorpusGenerator generator(99);
    const std::vector<std::vector<std::string>> candidates = {{"settings"},
                                                              {"settings", "fontSize"},
                                                              {"user", "email"},
                                                              {"workspaces"},
                                                              {"workspaces", "ws-0"},
                                                              {"workspaces", "ws-1", "lastOpened"},
                                                              {"recent", "workspaces"},
                                                              {"ui", "activePanels", "0"},
                                                              {"extra"}};
    for (int i = 0; i < 300; ++i) {
        const Json doc = generator.document();
        const auto all = m_schema.validate(doc);
        for (const auto &path : candidates) {
            const std::string prefix = tad::schema::pointerFromTokens(path);
            tad::SchemaViolations expected;
            for (const auto &v : all) {
                const bool under = v.pointer == prefix || v.pointer.rfind(prefix + "/", 0) == 0;
                if (under)
                    expected.push_back(v);
            }
            const tad::SchemaViolations got = m_schema.validatePaths(doc, {path});
            // Everything under the path, in the same order; anything else
            // reported must be a real violation too (a parent's check, or a
            // sibling where a schema ties siblings together).
            tad::SchemaViolations gotUnder;
            for (const auto &v : got) {
                if (v.pointer == prefix || v.pointer.rfind(prefix + "/", 0) == 0)
                    gotUnder.push_back(v);
                QVERIFY2(std::count(all.begin(), all.end(), v) >=
                             std::count(got.begin(), got.end(), v),
                         qPrintable(describe(got)));
            }
            QCOMPARE(describe(gotUnder), describe(expected));
        }
    }
}

QTEST_GUILESS_MAIN(TestSchemaValidator)
#include "tst_schema_validator.moc"
