// The plain line per key that follows electron-store's words in a schema
// refusal, for the CLI and the window alike.
#include "SchemaTestData.h"
#include "schema/PlainViolation.h"

#include <QTest>

using tad::Json;

class TestPlainViolation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(!schematest::shippedSchema().isNull()); }

    void oneLinePerKey_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("enum") << QByteArray(R"({"settings":{"theme":"blue"}})")
                              << QStringList{
                                     "settings.theme: \"blue\" is not one of light, dark, auto"};
        QTest::newRow("maximum")
            << QByteArray(R"({"settings":{"fontSize":40}})")
            << QStringList{"settings.fontSize: 40 is above the maximum 24 (allowed: 8 to 24)"};
        QTest::newRow("minimum")
            << QByteArray(R"({"settings":{"fontSize":2}})")
            << QStringList{"settings.fontSize: 2 is below the minimum 8 (allowed: 8 to 24)"};
        QTest::newRow("type") << QByteArray(R"({"settings":{"fontSize":"big"}})")
                              << QStringList{
                                     "settings.fontSize: \"big\" is a string, not a number"};
        QTest::newRow("format") << QByteArray(R"({"user":{"email":"nope"}})")
                                << QStringList{"user.email: \"nope\" is not a valid email"};
        QTest::newRow("secret value not shown")
            << QByteArray(R"({"ai":{"apiKey":12345678}})")
            << QStringList{"ai.apiKey: the secret value is an integer, not a string"};
        QTest::newRow("two keys, one line each")
            << QByteArray(R"({"settings":{"theme":"x","fontSize":99}})")
            << QStringList{"settings.theme: \"x\" is not one of light, dark, auto",
                           "settings.fontSize: 99 is above the maximum 24 (allowed: 8 to 24)"};
    }

    void oneLinePerKey()
    {
        QFETCH(QByteArray, document);
        QFETCH(QStringList, lines);
        const tad::Schema schema = schematest::shippedSchema();
        const Json doc = Json::parse(document.toStdString());
        const tad::SchemaViolations violations = schema.validate(doc);
        QVERIFY(!violations.empty());
        QStringList got = tad::plainViolationLines(schema, doc, violations);
        // Keys in the order of their first violation; compare as sets.
        got.sort();
        lines.sort();
        QCOMPARE(got, lines);
    }
};

QTEST_GUILESS_MAIN(TestPlainViolation)
#include "tst_plainviolation.moc"
