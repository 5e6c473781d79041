// EditorSpec from the schema: which editor a key gets; and the messages for
// values the schema refuses: the core's check said in the editors' words.
#include "settings/SchemaHints.h"
#include "settings/ViolationWords.h"

#include "json/JsonText.h"
#include <QTest>

using namespace tad;

namespace {
SchemaHints testSchema()
{
    return SchemaHints::fromFile(QStringLiteral(TAD_SOURCE_DIR "/tests/ui/data/tad-schema.json"));
}

std::vector<std::string> segments(const QString &key)
{
    std::vector<std::string> out;
    for (const auto &part : key.split(QLatin1Char('.')))
        out.push_back(part.toStdString());
    return out;
}
} // namespace

Q_DECLARE_METATYPE(tad::EditorKind)

class TestEditorSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void editorKind_data();
    void editorKind();
    void messages_data();
    void messages();
    void metadata();
};

void TestEditorSpec::editorKind_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<EditorKind>("kind");
    QTest::newRow("enum") << "settings.theme"
                          << R"("dark")" << EditorKind::Enum;
    QTest::newRow("boolean") << "settings.autoSave"
                             << "true" << EditorKind::Boolean;
    QTest::newRow("number") << "settings.fontSize"
                            << "14" << EditorKind::Number;
    QTest::newRow("integer") << "ai.maxTokens"
                             << "2048" << EditorKind::Integer;
    QTest::newRow("text") << "user.name"
                          << R"("Ada")" << EditorKind::Text;
    QTest::newRow("secret") << "ai.apiKey"
                            << R"("sk")" << EditorKind::Secret;
    QTest::newRow("date-time") << "workspaces.notes.lastOpened"
                               << R"("2026-01-01T00:00:00.000Z")" << EditorKind::DateTime;
    QTest::newRow("list") << "recent.workspaces"
                          << R"(["a"])" << EditorKind::StringList;
    QTest::newRow("map") << "workspaces"
                         << "{}" << EditorKind::Map;
    QTest::newRow("object") << "ui.windowBounds"
                            << R"({"x":1})" << EditorKind::JsonText;
    QTest::newRow("unknown key uses value type") << "extra.flag"
                                                 << "false" << EditorKind::Boolean;
    QTest::newRow("unknown array of objects") << "extra.list"
                                              << R"([{"a":1}])" << EditorKind::JsonText;
}

void TestEditorSpec::editorKind()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(EditorKind, kind);
    const SchemaHints hints = testSchema();
    const Json v = parseValue(value.toStdString()).value();
    QCOMPARE(hints.specFor(segments(key)).kindFor(&v), kind);
}

void TestEditorSpec::messages_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("in range") << "settings.fontSize"
                              << "24"
                              << "";
    QTest::newRow("above maximum") << "settings.fontSize"
                                   << "25"
                                   << "must be <= 24";
    QTest::newRow("below minimum") << "settings.fontSize"
                                   << "7.5"
                                   << "must be >= 8";
    QTest::newRow("wrong type") << "settings.fontSize"
                                << R"("14")"
                                << "must be number";
    QTest::newRow("integer refuses fraction") << "ai.maxTokens"
                                              << "1.5"
                                              << "must be integer";
    QTest::newRow("integer takes 14.0") << "ai.maxTokens"
                                        << "14.0"
                                        << "";
    QTest::newRow("enum") << "settings.theme"
                          << R"("blue")"
                          << "must be equal to one of the allowed values";
    QTest::newRow("email ok") << "user.email"
                              << R"("ada@example.com")"
                              << "";
    QTest::newRow("email bad") << "user.email"
                               << R"("ada@")"
                               << R"(must match format "email")";
    QTest::newRow("date-time ok") << "workspaces.x.lastOpened"
                                  << R"("2026-11-20T09:15:00.000Z")"
                                  << "";
    QTest::newRow("date-time bad") << "workspaces.x.lastOpened"
                                   << R"("yesterday")"
                                   << R"(must match format "date-time")";
    QTest::newRow("maxItems") << "recent.workspaces"
                              << R"(["1","2","3","4","5","6","7","8","9","10","11"])"
                              << "must NOT have more than 10 items";
    QTest::newRow("item type") << "recent.templates"
                               << R"(["a",2])"
                               << "/1 must be string";
    QTest::newRow("unknown key takes anything") << "nowhere.at.all"
                                                << "[1,{}]"
                                                << "";
}

void TestEditorSpec::messages()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, message);
    // The core's verdict (the schema guard's) in the editors' words.
    const SchemaHints hints = testSchema();
    const KeyPath path = KeyPath::fromSegments(segments(key));
    QCOMPARE(refusalWords(checkValue(hints.compiled(), Json::object(), path,
                                     parseValue(value.toStdString()).value()),
                          path),
             message);
}

void TestEditorSpec::metadata()
{
    const SchemaHints hints = testSchema();
    const EditorSpec theme = hints.specFor(segments(QStringLiteral("settings.theme")));
    QCOMPARE(theme.title, QStringLiteral("Theme"));
    QCOMPARE(theme.enumTitle(Json("auto")), QStringLiteral("Follow the system"));
    QVERIFY(theme.defaultValue && jsEqual(*theme.defaultValue, Json("auto")));
    const EditorSpec font = hints.specFor(segments(QStringLiteral("settings.fontSize")));
    QCOMPARE(font.constraintsText(), QStringLiteral("8 to 24"));
    // Secrets: the core's rule decides, as for the CLI.
    QVERIFY(hints.specFor(segments(QStringLiteral("ai.apiKey"))).secret);
    QVERIFY(!hints.specFor(segments(QStringLiteral("ai.model"))).secret);
    QCOMPARE(displayText(parseValue(R"(["chat","templates"])").value()),
             QStringLiteral("[2 items] chat, templates"));
}

QTEST_MAIN(TestEditorSpec)
#include "tst_editorspec.moc"
