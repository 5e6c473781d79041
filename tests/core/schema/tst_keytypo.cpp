// keys/KeyTypo: which hand-typed keys read as a typo of a known one, and
// which are new keys or keys that are there.
#include "SchemaTestData.h"
#include "schema/KeyTypo.h"

#include "json/JsonText.h"
#include <QTest>

using tad::Json;
using tad::KeyPath;

class tst_KeyTypo : public QObject
{
    Q_OBJECT

    tad::Schema m_schema;
    Json m_document;

private Q_SLOTS:
    void initTestCase()
    {
        m_schema = schematest::shippedSchema();
        QVERIFY(!m_schema.isNull());
        m_document = Json::parse(R"({"settings":{"theme":"dark"},"extra":{"colour":1},
                                     "workspaces":{"notes":{"name":"Notes"}}})");
    }

    void meant_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("meant"); // "" when it is no typo
        QTest::newRow("a letter missing") << "settings.them"
                                          << "settings.theme";
        QTest::newRow("a letter's case") << "settings.fontsize"
                                         << "settings.fontSize";
        QTest::newRow("two letters swapped, first segment") << "settigns.fontSize"
                                                            << "settings.fontSize";
        QTest::newRow("a described key") << "settings.fontSize"
                                         << "";
        QTest::newRow("a key only the file has") << "extra.colour"
                                                 << "";
        // A program's own keys come in families (k1, k2): the file's names
        // are never taken for the key meant.
        QTest::newRow("near a name only the file has") << "extra.color"
                                                       << "";
        QTest::newRow("a new key far from every name") << "myTool.lastRun"
                                                       << "";
        QTest::newRow("an entry of a map the schema allows") << "workspaces.note"
                                                             << "";
        QTest::newRow("a short name is never a typo") << "ai.ap"
                                                      << "";
    }

    void meant()
    {
        QFETCH(QString, typed);
        QFETCH(QString, meant);
        const auto path = KeyPath::parse(typed.toStdString());
        QVERIFY(path.ok());
        const auto found = tad::likelyMeantKey(m_schema, m_document, *path);
        QCOMPARE(found ? QString::fromStdString(found->toDotted()) : QString(), meant);
    }

    // Without a schema nothing is a typo; a number never is one.
    void withoutSchemaOrWithNumbers()
    {
        QVERIFY(!tad::likelyMeantKey(tad::Schema(), m_document, *KeyPath::parse("settings.them")));
        QVERIFY(tad::likelyMeantKey(m_schema, m_document, *KeyPath::parse("settings.them")));
        QVERIFY(
            !tad::likelyMeantKey(m_schema, m_document, *KeyPath::parse("recent.workspaces.12")));
        QVERIFY(!tad::likelyMeantKey(m_schema, m_document, *KeyPath::parse("4294967295.name")));
    }
};

QTEST_GUILESS_MAIN(tst_KeyTypo)
#include "tst_keytypo.moc"
