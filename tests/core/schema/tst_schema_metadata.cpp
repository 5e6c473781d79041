// Per-key editor metadata, command-line values and secret masking.
#include "SchemaTestData.h"
#include "keys/KeyPath.h"
#include "schema/Coercion.h"
#include "schema/KeyMetadata.h"
#include "schema/SchemaPaths.h"
#include "schema/SecretMask.h"

#include <QTest>

using tad::Json;

namespace {

std::vector<std::string> dottedSegments(std::string_view dotted)
{
    auto path = tad::KeyPath::parse(dotted);
    return path.ok() ? path->segments() : std::vector<std::string>{};
}

tad::KeyMetadata metaOf(const tad::Schema &schema, const char *dotted)
{
    return tad::keyMetadata(schema, dottedSegments(dotted));
}

// A schema exercising $ref, additionalProperties, items arrays, pattern and
// exclusive bounds, beside the shipped one.
tad::Schema customSchema()
{
    // Kept in a file: moc cannot read a multi-line raw string.
    auto schema = tad::Schema::fromFile(
        QStringLiteral(TAD_SOURCE_DIR "/tests/core/schema/data/custom-schema.json"));
    return schema.ok() ? *schema : tad::Schema();
}

} // namespace

class TestSchemaMetadata : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void throughProperties();
    void enumTitlesFromOneOfConsts();
    void anyOfWithFormatIsNotAChoiceList();
    void throughPatternProperties();
    void throughItems();
    void throughRef();
    void throughAdditionalProperties();
    void throughAnyOf();
    void secretAndReadOnly();
    void unknownKey();
    void toJsonListsSetFields();
    void commandLineValue_data();
    void commandLineValue();
    void maskSecret_data();
    void maskSecret();
    void maskSecretsInDocument();
    void partOfASecretIsSecret();

private:
    tad::Schema m_shipped;
    tad::Schema m_custom;
};

void TestSchemaMetadata::initTestCase()
{
    m_shipped = schematest::shippedSchema();
    m_custom = customSchema();
    QVERIFY(!m_shipped.isNull());
    QVERIFY(!m_custom.isNull());
    QCOMPARE(m_shipped.shape(), tad::Schema::Shape::PropertyMap);
    QCOMPARE(m_custom.shape(), tad::Schema::Shape::WholeSchema);
}

void TestSchemaMetadata::throughProperties()
{
    const auto meta = metaOf(m_shipped, "settings.fontSize");
    QVERIFY(meta.known);
    QCOMPARE(meta.types, std::vector<std::string>{"number"});
    QCOMPARE(meta.minimum.value_or(-1), 8.0);
    QCOMPARE(meta.maximum.value_or(-1), 24.0);
    COMPARE_JSON(meta.defaultValue.value_or(Json()), Json(14));
    QCOMPARE(meta.title, QStringLiteral("Font size"));
    QVERIFY(!meta.description.isEmpty());
    QVERIFY(!meta.secret);
}

void TestSchemaMetadata::enumTitlesFromOneOfConsts()
{
    const auto meta = metaOf(m_shipped, "settings.theme");
    COMPARE_JSON(meta.enumValues, (Json::array({"light", "dark", "auto"})));
    QCOMPARE(meta.enumTitles, (std::vector<QString>{"Light", "Dark", "Follow the system"}));
    COMPARE_JSON(meta.defaultValue.value_or(Json()), Json("auto"));
}

void TestSchemaMetadata::anyOfWithFormatIsNotAChoiceList()
{
    const auto meta = metaOf(m_shipped, "user.email");
    QCOMPARE(meta.format, QStringLiteral("email"));
    QVERIFY(meta.enumValues.empty());
    QCOMPARE(meta.title, QStringLiteral("Email address"));
    QCOMPARE(meta.types, std::vector<std::string>{"string"});
}

void TestSchemaMetadata::throughPatternProperties()
{
    const auto meta = metaOf(m_shipped, "workspaces.any-id.lastOpened");
    QVERIFY(meta.known);
    QCOMPARE(meta.format, QStringLiteral("date-time"));
    const auto nested = metaOf(m_shipped, "workspaces.x\\.y.settings.buildOnSave");
    QCOMPARE(nested.types, std::vector<std::string>{"boolean"});
    COMPARE_JSON(nested.defaultValue.value_or(Json()), Json(true));
}

void TestSchemaMetadata::throughItems()
{
    const auto list = metaOf(m_shipped, "recent.workspaces");
    QCOMPARE(list.maxItems.value_or(0), quint64(10));
    QCOMPARE(list.types, std::vector<std::string>{"array"});
    const auto item = metaOf(m_shipped, "recent.workspaces.3");
    QCOMPARE(item.types, std::vector<std::string>{"string"});
    QCOMPARE(item.title, QStringLiteral("Workspace folder"));
    const auto first = metaOf(m_custom, "pair.0");
    QCOMPARE(first.pattern, QStringLiteral("^[a-z]+$"));
    const auto second = metaOf(m_custom, "pair.1");
    QCOMPARE(second.types, std::vector<std::string>{"boolean"});
}

void TestSchemaMetadata::throughRef()
{
    const auto meta = metaOf(m_custom, "server");
    QCOMPARE(meta.types, std::vector<std::string>{"integer"});
    QCOMPARE(meta.title, QStringLiteral("Port"));
    QCOMPARE(meta.minimum.value_or(-1), 0.0);
    QVERIFY(meta.exclusiveMinimum);
    QCOMPARE(meta.maximum.value_or(-1), 65535.0);
    COMPARE_JSON(meta.defaultValue.value_or(Json()), Json(8080));
    const auto item = metaOf(m_custom, "servers.1");
    QCOMPARE(item.title, QStringLiteral("Port"));
    QCOMPARE(metaOf(m_custom, "servers").maxItems.value_or(0), quint64(3));
}

void TestSchemaMetadata::throughAdditionalProperties()
{
    const auto meta = metaOf(m_custom, "labels.anything");
    QCOMPARE(meta.maxLength.value_or(0), quint64(5));
    QCOMPARE(meta.description, QStringLiteral("A label"));
}

void TestSchemaMetadata::throughAnyOf()
{
    const auto meta = metaOf(m_custom, "maybe");
    QCOMPARE(meta.types, (std::vector<std::string>{"string", "null"}));
    QCOMPARE(meta.format, QStringLiteral("uri"));
    QCOMPARE(meta.description, QStringLiteral("Optional link"));
    const auto tint = metaOf(m_custom, "tint");
    COMPARE_JSON(tint.enumValues, (Json::array({"red", "green", "blue"})));
    QCOMPARE(tint.enumTitles, (std::vector<QString>{"", "", "Blue"}));
}

void TestSchemaMetadata::secretAndReadOnly()
{
    QVERIFY(metaOf(m_shipped, "ai.apiKey").secret);
    QVERIFY(!metaOf(m_shipped, "ai.model").secret);
    QVERIFY(metaOf(m_shipped, "version").readOnly);
    QVERIFY(!metaOf(m_shipped, "settings").readOnly);
}

void TestSchemaMetadata::unknownKey()
{
    const auto meta = metaOf(m_shipped, "nothing.here");
    QVERIFY(!meta.known);
    QVERIFY(meta.types.empty());
    QVERIFY(!metaOf(m_shipped, "settings.nope").known);
}

void TestSchemaMetadata::toJsonListsSetFields()
{
    const Json j = metaOf(m_shipped, "ai.apiKey").toJson();
    COMPARE_JSON(j["secret"], Json(true));
    COMPARE_JSON(j["type"], Json::array({"string"}));
    QVERIFY(!j.contains("minimum"));
    COMPARE_JSON(metaOf(m_shipped, "settings.theme").toJson()["enumTitles"][2],
                 Json("Follow the system"));
}

void TestSchemaMetadata::commandLineValue_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // JSON, or the advice an error gives
    QTest::addColumn<bool>("refused");
    QTest::newRow("JSON number") << "settings.fontSize"
                                 << "16"
                                 << "16" << false;
    QTest::newRow("JSON string") << "settings.language"
                                 << "\"de\""
                                 << "\"de\"" << false;
    QTest::newRow("bare text for a string key") << "settings.language"
                                                << "de"
                                                << "\"de\"" << false;
    // Quoting would give a string, which the key refuses: the advice is
    // what it takes.
    QTest::newRow("bare text for a number key") << "settings.fontSize"
                                                << "big"
                                                << "give a number such as 14" << true;
    QTest::newRow("bare text for a boolean key") << "settings.autoSave"
                                                 << "yes"
                                                 << "give true or false" << true;
    QTest::newRow("bare text for an unknown key")
        << "nothing"
        << "hello world"
        << "quote it as a JSON string: '\"hello world\"'" << true;
    QTest::newRow("JSON object") << "nothing"
                                 << "{\"a\":1}"
                                 << "{\"a\":1}" << false;
}

void TestSchemaMetadata::commandLineValue()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(bool, refused);
    const auto meta = tad::keyMetadata(m_shipped, dottedSegments(key.toStdString()));
    const auto value = tad::interpretCommandLineValue(meta, text.toStdString(), key);
    if (refused) {
        QVERIFY(!value.ok());
        QVERIFY2(value.error().message.contains(expected), qPrintable(value.error().message));
        QVERIFY2(!value.error().message.contains("quote") || !meta.known,
                 qPrintable(value.error().message));
    } else {
        QVERIFY(value.ok());
        QCOMPARE(QString::fromStdString(value->dump()), expected);
    }
}

void TestSchemaMetadata::maskSecret_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("masked");
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("short") << "abc"
                           << "********";
    QTest::newRow("twelve") << "123456789012"
                            << "********";
    QTest::newRow("thirteen") << "1234567890123"
                              << "********0123";
    QTest::newRow("api key") << "sk-abcdefghijklmnopWXYZ"
                             << "********WXYZ";
}

void TestSchemaMetadata::maskSecret()
{
    QFETCH(QString, secret);
    QFETCH(QString, masked);
    QCOMPARE(tad::maskSecret(secret), masked);
}

void TestSchemaMetadata::maskSecretsInDocument()
{
    const Json doc = {{"ai", {{"apiKey", "sk-abcdefghijklmnopWXYZ"}, {"model", "gpt-4o"}}}};
    const Json masked = tad::maskSecrets(m_shipped, doc);
    COMPARE_JSON(masked["ai"]["apiKey"], Json("********WXYZ"));
    COMPARE_JSON(masked["ai"]["model"], Json("gpt-4o"));
    COMPARE_JSON(tad::maskSecrets(m_shipped, doc["ai"], {"ai"})["apiKey"], Json("********WXYZ"));
    COMPARE_JSON(tad::maskSecrets(m_shipped, doc["ai"]["apiKey"], {"ai", "apiKey"}),
                 Json("********WXYZ"));
}

// A key under a secret is a secret too, however it is reached: the whole
// secret, one of its members, one item of a secret list; with and without a
// schema that describes it.
void TestSchemaMetadata::partOfASecretIsSecret()
{
    const Json doc = {{"sync", {{"secret", {{"id", "abc"}, {"value", "very-long-value-1234"}}}}},
                      {"keys", {{"apiKey", {"sk-aaaaaaaaaaaaaaaa1111"}}}}};
    tad::Schema none;
    for (const tad::Schema *schema : {&m_shipped, &none}) {
        QVERIFY(tad::isSecretKey(*schema, {"sync", "secret"}));
        QVERIFY(tad::isSecretKey(*schema, {"sync", "secret", "value"}));
        QVERIFY(tad::isSecretKey(*schema, {"keys", "apiKey", "0"}));
        QVERIFY(!tad::isSecretKey(*schema, {"sync"}));
        QVERIFY(tad::keyMetadata(*schema, {"sync", "secret", "id"}).secret);
        COMPARE_JSON(
            tad::maskSecrets(*schema, doc["sync"]["secret"]["value"], {"sync", "secret", "value"}),
            Json("********1234"));
        COMPARE_JSON(tad::maskSecrets(*schema, doc["keys"]["apiKey"][0], {"keys", "apiKey", "0"}),
                     Json("********1111"));
        COMPARE_JSON(tad::maskSecrets(*schema, doc)["sync"]["secret"], Json("********"));
    }
    // writeOnly in the schema marks a container; its members follow it.
    const Json root = {{"type", "object"},
                       {"properties",
                        {{"credentials",
                          {{"type", "object"},
                           {"writeOnly", true},
                           {"properties", {{"user", {{"type", "string"}}}}}}}}}};
    auto compiled = tad::Schema::fromJson(root);
    QVERIFY(compiled);
    QVERIFY(tad::isSecretKey(*compiled, {"credentials", "user"}));
    QVERIFY(tad::keyMetadata(*compiled, {"credentials", "user"}).secret);
}

QTEST_GUILESS_MAIN(TestSchemaMetadata)
#include "tst_schema_metadata.moc"
