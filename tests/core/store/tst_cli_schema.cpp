// tad-settings-cli with the built-in schema, as a user runs it: refused
// writes leave the file byte-identical and list every violation, a file that
// already breaks the schema still reads, and validate / schema / defaults /
// reset / coercion / secret masking do what --help says.
#include "CliRunner.h"
#include "schema/Defaults.h"
#include "schema/Schema.h"

#include "json/JsonText.h"
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace tad;

namespace {

using clitest::Run;
using clitest::runCli;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

Json parse(const QByteArray &text)
{
    auto parsed = parseValue(std::string_view(text.constData(), size_t(text.size())));
    return parsed ? *parsed : Json("<not JSON>");
}

int entriesIn(const QString &folder)
{
    return int(QDir(folder).entryList(QDir::Files).size());
}

} // namespace

class TestCliSchema : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;

    QStringList with(QStringList args) const
    {
        return QStringList{QStringLiteral("--config"), m_path} + args;
    }
    QString beside(const QString &name) const { return QFileInfo(m_path).dir().filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("TAD_CLI").isEmpty(), "ctest sets TAD_CLI");
        QVERIFY(m_dir.isValid());
    }

    // Each test gets a folder of its own (backups/ and storeHistory/ live beside the file).
    void init()
    {
        const QString folder = m_dir.filePath(QString::number(m_n++));
        QVERIFY(QDir().mkpath(folder));
        m_path = folder + QStringLiteral("/tad-config.json");
    }

    void firstWriteFillsTheSchemaDefaults()
    {
        QCOMPARE(runCli(with({"set", "settings.theme", "dark"})).exitCode, 0);
        // The set first, then every missing default after it (Ajv's order).
        Json expected = Json::parse(R"({"settings":{"theme":"dark"}})");
        QVERIFY(applySchemaDefaults(*Schema::builtIn(), expected));
        QCOMPARE(readAll(m_path), QByteArray::fromStdString(compactJson(expected)));
        QCOMPARE(expected["ai"]["maxTokens"], Json(2048));
    }

    void refusedSetLeavesTheFileAndHistoryAlone_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QStringList>("violations");
        // After electron-store's words, one plain line per key: what it allows.
        QTest::addColumn<QStringList>("plain");
        QTest::newRow("above maximum")
            << QStringList{"set", "settings.fontSize", "99"}
            << QStringList{"`settings/fontSize` must be <= 24"}
            << QStringList{"settings.fontSize: 99 is above the maximum 24 (allowed: 8 to 24)"};
        QTest::newRow("not in enum")
            << QStringList{"set", "settings.theme", "neon"}
            << QStringList{"`settings/theme` must be equal to constant",
                           "`settings/theme` must match exactly one schema in oneOf"}
            << QStringList{"settings.theme: \"neon\" is not one of light, dark, auto"};
        QTest::newRow("two keys at once")
            << QStringList{"set-multiple", R"({"ai.temperature":5,"recent.workspaces":7})"}
            << QStringList{"`ai/temperature` must be <= 2", "`recent/workspaces` must be array"}
            << QStringList{"ai.temperature: 5 is above the maximum 2 (allowed: 0 to 2)",
                           "recent.workspaces: 7 is an integer, not an array"};
        QTest::newRow("wrong type for a parent")
            << QStringList{"set", "settings", "[]"} << QStringList{"`settings` must be object"}
            << QStringList{"settings: [] is an array, not an object"};
        // conf's Ajv refuses the same: JavaScript leaves a hole before an
        // item set past the end, and JSON writes the hole as null.
        QTest::newRow("past the end of a list")
            << QStringList{"set", "ui.activePanels.3", "x"}
            << QStringList{"`ui/activePanels/2` must be string"}
            << QStringList{"ui.activePanels.2: the value is null, not a string"};
        QTest::newRow("past the end, deeper")
            << QStringList{"set", "ui.activePanels.3.x", "\"y\""}
            << QStringList{"`ui/activePanels/2` must be string",
                           "`ui/activePanels/3` must be string"}
            << QStringList{"ui.activePanels.2: the value is null, not a string",
                           "ui.activePanels.3: {\"x\":\"y\"} is an object, not a string"};
        QTest::newRow("past the end, several at once")
            << QStringList{"set-multiple", R"({"ui.activePanels.2":"a","ui.activePanels.4":"b"})"}
            << QStringList{"`ui/activePanels/3` must be string"}
            << QStringList{"ui.activePanels.3: the value is null, not a string"};
        QTest::newRow("bad email")
            << QStringList{"set", "user.email", "ada-at-example"}
            << QStringList{"`user/email` must match format \"email\""}
            << QStringList{"user.email: \"ada-at-example\" is not a valid email"};
    }

    void refusedSetLeavesTheFileAndHistoryAlone()
    {
        QFETCH(QStringList, command);
        QFETCH(QStringList, violations);
        QCOMPARE(runCli(with({"set", "user.name", "Ada"})).exitCode, 0);
        const QByteArray before = readAll(m_path);
        const int historyBefore = entriesIn(beside("storeHistory"));
        const int backupsBefore = entriesIn(beside("backups"));

        const Run run = runCli(with(command));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("tad-settings-cli: Config schema violation: "), run.err);
        for (const QString &violation : violations)
            QVERIFY2(run.err.contains(violation.toUtf8()), run.err);
        QFETCH(QStringList, plain);
        const QList<QByteArray> lines = run.err.trimmed().split('\n');
        QCOMPARE(lines.size(), plain.size() + 1);
        for (int i = 0; i < plain.size(); ++i)
            QCOMPARE(QString::fromUtf8(lines.at(i + 1)), plain.at(i));
        QCOMPARE(readAll(m_path), before);
        QCOMPARE(entriesIn(beside("storeHistory")), historyBefore);
        QCOMPARE(entriesIn(beside("backups")), backupsBefore);
    }

    // 1e999 reads as Infinity, which JSON.stringify writes as null: a value
    // nobody typed. Refused at any depth, by set, set-multiple and batch,
    // whether or not the schema has a word for the key.
    void numberTooLargeForJsonIsRefused_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("key");
        QTest::newRow("no schema rule") << QStringList{"set", "ui.windowBounds.x", "1e999"}
                                        << QStringLiteral("ui.windowBounds.x");
        QTest::newRow("with a minimum") << QStringList{"set", "settings.fontSize", "-1e999"}
                                        << QStringLiteral("settings.fontSize");
        QTest::newRow("inside a list")
            << QStringList{"set", "myTool.list", "[1,2e400]"} << QStringLiteral("myTool.list");
        QTest::newRow("set-multiple")
            << QStringList{"set-multiple", R"({"myTool.n":1e999})"} << QStringLiteral("myTool.n");
    }

    void numberTooLargeForJsonIsRefused()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, key);
        QCOMPARE(runCli(with({"set", "user.name", "Ada"})).exitCode, 0);
        const QByteArray before = readAll(m_path);
        const int historyBefore = entriesIn(beside("storeHistory"));
        const Run run = runCli(with(command));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains((key + " not changed: the value holds a number too large for "
                                         "JSON")
                                      .toUtf8()),
                 run.err);
        QCOMPARE(readAll(m_path), before);
        QCOMPARE(entriesIn(beside("storeHistory")), historyBefore);
    }

    void numberTooLargeForJsonIsRefusedInBatch()
    {
        QCOMPARE(runCli(with({"set", "user.name", "Ada"})).exitCode, 0);
        const QByteArray before = readAll(m_path);
        const Run run =
            runCli(with({"batch"}), R"({"op":"set","key":"ui.windowBounds.x","value":1e999})"
                                    "\n");
        QCOMPARE(run.exitCode, 0);
        const Json reply = parse(run.out.trimmed());
        QCOMPARE(reply["ok"], Json(false));
        QCOMPARE(reply["code"], Json(1));
        QCOMPARE(readAll(m_path), before);
    }

    void fileThatAlreadyViolatesStillOpens()
    {
        // The other app (or a person) wrote values the schema refuses.
        const QByteArray broken = R"({"settings":{"fontSize":99},"user":{"email":"nope"}})";
        QVERIFY(writeAll(m_path, broken));

        const Run get = runCli(with({"get", "settings.fontSize"}));
        QCOMPARE(get.exitCode, 0);
        QCOMPARE(get.out, QByteArray("99\n"));

        const Run validate = runCli(with({"validate"}));
        QCOMPARE(validate.exitCode, 2);
        QVERIFY(validate.out.contains("settings.fontSize: must be <= 24"));
        QVERIFY(validate.out.contains("user.email: must match format \"email\""));
        QVERIFY(validate.err.contains("violation(s)"));

        // An unrelated change is allowed; one that adds a violation is not.
        QCOMPARE(runCli(with({"set", "user.name", "Ada"})).exitCode, 0);
        QCOMPARE(parse(readAll(m_path))["settings"]["fontSize"], Json(99));
        const QByteArray now = readAll(m_path);
        QCOMPARE(runCli(with({"set", "ai.maxTokens", "0"})).exitCode, 2);
        QCOMPARE(readAll(m_path), now);
        // Fixing a violation is a change like any other.
        QCOMPARE(runCli(with({"set", "settings.fontSize", "20"})).exitCode, 0);
    }

    void validateAnotherFileAsJson()
    {
        const QString other = beside("other.json");
        QVERIFY(writeAll(other, R"({"ai":{"provider":"x","maxTokens":9000}})"));
        const Run run = runCli(with({"validate", other, "--json"}));
        QCOMPARE(run.exitCode, 2);
        const Json list = parse(run.out);
        QVERIFY(list.is_array());
        QStringList where;
        for (const auto &v : list)
            where << QString::fromStdString(v["instancePath"].get<std::string>() + " " +
                                            v["keyword"].get<std::string>());
        QVERIFY2(where.contains("/ai/maxTokens maximum"), qPrintable(where.join(", ")));
        QVERIFY2(where.contains("/ai/provider oneOf"), qPrintable(where.join(", ")));

        QVERIFY(writeAll(other, R"({"ai":{"provider":"anthropic"}})"));
        const Run clean = runCli(with({"validate", other}));
        QCOMPARE(clean.exitCode, 0);
        QVERIFY(clean.out.endsWith(": valid\n"));

        QVERIFY(writeAll(other, "{\"ai\": "));
        const Run unreadable = runCli(with({"validate", other}));
        QCOMPARE(unreadable.exitCode, 4);
        QVERIFY2(unreadable.err.contains("other.json:1:8: not valid JSON"), unreadable.err);
    }

    void schemaOfAKey()
    {
        const Json theme = parse(runCli(with({"schema", "settings.theme", "--json"})).out);
        QCOMPARE(theme["enum"], Json::parse(R"(["light","dark","auto"])"));
        QCOMPARE(theme["enumTitles"][2], Json("Follow the system"));
        QCOMPARE(theme["default"], Json("auto"));

        const Json apiKey = parse(runCli(with({"schema", "ai.apiKey", "--json"})).out);
        QCOMPARE(apiKey["secret"], Json(true));
        const Json size = parse(runCli(with({"schema", "settings.fontSize", "--json"})).out);
        QCOMPARE(size["minimum"], Json(8));
        QCOMPARE(size["maximum"], Json(24));
        const Json entry =
            parse(runCli(with({"schema", "workspaces.anything.lastOpened", "--json"})).out);
        QCOMPARE(entry["format"], Json("date-time"));

        const Run unknown = runCli(with({"schema", "no.such.key"}));
        QCOMPARE(unknown.exitCode, 3);
        QVERIFY(unknown.err.contains("says nothing about no.such.key"));
        QVERIFY(parse(runCli(with({"schema", "--json"})).out).contains("properties"));
    }

    void defaultsAndReset()
    {
        const Run defaults = runCli(with({"defaults", "--json"}));
        QCOMPARE(defaults.exitCode, 0);
        QCOMPARE(parse(defaults.out), schemaDefaultsDocument(*Schema::builtIn()));

        QCOMPARE(runCli(with({"set", "settings.fontSize", "20"})).exitCode, 0);
        QCOMPARE(runCli(with({"reset", "settings.fontSize"})).exitCode, 0);
        QCOMPARE(parse(readAll(m_path))["settings"]["fontSize"], Json(14));

        // A nested object comes back with the defaults under it.
        QCOMPARE(runCli(with({"set", "user.preferences", "{}"})).exitCode, 0);
        QCOMPARE(runCli(with({"reset", "user.preferences"})).exitCode, 0);
        QCOMPARE(parse(readAll(m_path))["user"]["preferences"],
                 Json::parse(R"({"notifications":true,"analytics":false})"));

        const QByteArray before = readAll(m_path);
        const Run noDefault = runCli(with({"reset", "ui.windowBounds"}));
        QCOMPARE(noDefault.exitCode, 3);
        QVERIFY(noDefault.err.contains("has no default"));
        QCOMPARE(readAll(m_path), before);
    }

    void deleteOfAKeyWithADefaultRestoresIt()
    {
        // electron-store fills defaults on every write, so does this tool.
        QCOMPARE(runCli(with({"set", "settings.fontSize", "20"})).exitCode, 0);
        QCOMPARE(runCli(with({"delete", "settings.fontSize"})).exitCode, 0);
        QCOMPARE(parse(readAll(m_path))["settings"]["fontSize"], Json(14));
    }

    void clearLeavesDefaultsThenConfsBookkeeping()
    {
        QVERIFY(writeAll(m_path, R"({"__internal__":{"migrations":{"version":"2.0.0"}},"x":1})"));
        QCOMPARE(runCli(with({"clear"})).exitCode, 0);
        Json expected = schemaDefaultsDocument(*Schema::builtIn());
        expected["__internal__"] = Json::parse(R"({"migrations":{"version":"2.0.0"}})");
        QCOMPARE(readAll(m_path), QByteArray::fromStdString(compactJson(expected)));
    }

    void valuesFromTheCommandLine_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("stored"); // JSON, when accepted
        QTest::newRow("bare text for a string")
            << "user.name"
            << "Ada Lovelace" << 0 << QByteArray(R"("Ada Lovelace")");
        QTest::newRow("JSON string") << "user.name"
                                     << R"("Ada")" << 0 << QByteArray(R"("Ada")");
        QTest::newRow("number") << "settings.fontSize"
                                << "16" << 0 << QByteArray("16");
        // A key that takes only text takes the digits as text, as it takes
        // unquoted words.
        QTest::newRow("text that looks like a number, for a string")
            << "user.name"
            << "42" << 0 << QByteArray(R"("42")");
        QTest::newRow("text that looks like a boolean, for a string")
            << "user.name"
            << "true" << 0 << QByteArray(R"("true")");
        // null, arrays and objects stay JSON: the schema refuses them.
        QTest::newRow("null for a string") << "user.name"
                                           << "null" << 2 << QByteArray();
        QTest::newRow("an object for a string") << "user.name"
                                                << R"({"first":"Ada"})" << 2 << QByteArray();
        QTest::newRow("bare text for a number") << "settings.fontSize"
                                                << "big" << 1 << QByteArray();
        QTest::newRow("boolean") << "settings.autoSave"
                                 << "false" << 0 << QByteArray("false");
    }

    void valuesFromTheCommandLine()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, stored);
        QCOMPARE(runCli(with({"set", "user.name", "x"})).exitCode, 0);
        const QByteArray before = readAll(m_path);
        const Run run = runCli(with({"set", key, text}));
        QCOMPARE(run.exitCode, exitCode);
        if (exitCode != 0) {
            QCOMPARE(readAll(m_path), before);
            // Says what the key takes; quoting would give a string it refuses.
            if (exitCode == 1)
                QVERIFY2(run.err.contains("give a number") && !run.err.contains("quote"), run.err);
            return;
        }
        QCOMPARE(runCli(with({"get", key})).out, stored + "\n");
    }

    void secretsAreMaskedUnlessAsked()
    {
        QCOMPARE(runCli(with({"set", "ai.apiKey", "sk-live-abcdefghijklmnop1234"})).exitCode, 0);
        QCOMPARE(runCli(with({"get", "ai.apiKey"})).out, QByteArray("\"********1234\"\n"));
        QVERIFY(runCli(with({"get", "ai"})).out.contains(R"("apiKey":"********1234")"));
        QVERIFY(!runCli(with({"get-all"})).out.contains("abcdefgh"));
        QCOMPARE(runCli(with({"get", "ai.apiKey", "--show-secrets"})).out,
                 QByteArray("\"sk-live-abcdefghijklmnop1234\"\n"));
        // Short secrets show no characters at all.
        QCOMPARE(runCli(with({"set", "ai.apiKey", "short"})).exitCode, 0);
        QCOMPARE(runCli(with({"get", "ai.apiKey"})).out, QByteArray("\"********\"\n"));
        // The file itself holds the real value.
        QCOMPARE(parse(readAll(m_path))["ai"]["apiKey"], Json("short"));
    }

    void anotherSchemaOrNone()
    {
        const QString schema = beside("schema.json");
        QVERIFY(writeAll(schema, R"({"level":{"type":"integer","maximum":3,"default":1}})"));
        const QStringList own{"--schema", schema};
        QCOMPARE(runCli(with(own + QStringList{"set", "level", "4"})).exitCode, 2);
        QCOMPARE(runCli(with(own + QStringList{"set", "other", "4"})).exitCode, 0);
        QCOMPARE(readAll(m_path), QByteArray(R"({"other":4,"level":1})"));

        QCOMPARE(runCli(with({"--no-schema", "set", "level", "9"})).exitCode, 0);
        const Run validate = runCli(with({"--no-schema", "validate"}));
        QCOMPARE(validate.exitCode, 1);
        QVERIFY(validate.err.contains("needs a schema"));

        QVERIFY(writeAll(schema, R"({"level":{"type":"integer")"));
        const Run badSchema = runCli(with({"--schema", schema, "get", "level"}));
        QCOMPARE(badSchema.exitCode, 4); // a file that does not parse, as the exit table says
        QVERIFY2(badSchema.err.contains("schema.json"), badSchema.err);
    }
};

QTEST_GUILESS_MAIN(TestCliSchema)
#include "tst_cli_schema.moc"
