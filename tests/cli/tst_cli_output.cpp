// What tad-settings-cli prints and writes: text a person reads by default,
// one JSON shape per command with --json, standard input for `-`, recovery
// that leaves a healthy file alone, one history entry per write.
#include "CliFixture.h"

#include "json/JsonText.h"
#include <QProcess>
#include <QRegularExpression>

using namespace clitest;
using tad::Json;

namespace {

Json parsed(const QByteArray &out)
{
    auto value = tad::parseValue(out.trimmed().toStdString());
    return value ? *value : Json("(not JSON)");
}

bool isJson(const QByteArray &out)
{
    return bool(tad::parseValue(out.trimmed().toStdString()));
}

} // namespace

class TestCliOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!cliPath().isEmpty(), "ctest sets TAD_CLI"); }

    void recoverLeavesAHealthyFileAlone()
    {
        CliFixture f;
        QVERIFY(f.populate());
        const auto before = f.snapshot();
        const Run healthy = f.run({"recover"});
        QCOMPARE(healthy.exitCode, 1);
        QVERIFY2(healthy.err.contains("reads and passes the schema"), healthy.err.constData());
        QCOMPARE(f.snapshot(), before);
        const Run empty = f.run({"recover", "--from", ""});
        QCOMPARE(empty.exitCode, 1);
        QCOMPARE(f.snapshot(), before);
        const Run unknown = f.run({"recover", "--from", "backup-none.json"});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(f.snapshot(), before);

        // --force says what it replaces, then replaces it.
        QCOMPARE(f.run({"set", "settings.fontSize", "20"}).exitCode, 0);
        const Run forced = f.run({"recover", "--force", "--from", f.backupName()});
        QCOMPARE(forced.exitCode, 0);
        QVERIFY2(forced.out.contains("  settings.fontSize: 20 \u2192 16\n"),
                 forced.out.constData());
        QCOMPARE(f.run({"get", "settings.fontSize"}).out, QByteArray("16\n"));
    }

    // An empty list prints no line a script would count, and says so to
    // the person on stderr; --json prints an empty array and no word.
    void emptyListsSaySoOnStandardError()
    {
        CliFixture f;
        QVERIFY(f.isValid());
        QVERIFY(writeAll(f.path(), "{\"settings\":{\"fontSize\":14}}"));
        const Run backups = f.run({"backup", "list"});
        QCOMPARE(backups.exitCode, 0);
        QCOMPARE(backups.out, QByteArray());
        QVERIFY2(backups.err.contains("no backups yet") && backups.err.contains("backup create"),
                 backups.err.constData());
        const Run history = f.run({"history", "list"});
        QCOMPARE(history.exitCode, 0);
        QCOMPARE(history.out, QByteArray());
        QVERIFY2(history.err.contains("no history yet"), history.err.constData());
        const Run json = f.run({"backup", "list", "--json"});
        QCOMPARE(json.out.trimmed(), QByteArray("[]"));
        QCOMPARE(json.err, QByteArray());

        QVERIFY(f.populate());
        const Run listed = f.run({"backup", "list"});
        QVERIFY2(!listed.out.isEmpty() && !listed.err.contains("no backups"),
                 listed.err.constData());
    }

    // --limit keeps the newest, says on stderr how many there were, and
    // refuses what is not a count.
    void listsTakeALimit()
    {
        CliFixture f;
        QVERIFY(f.isValid());
        QVERIFY(writeAll(f.path(), "{\"settings\":{\"fontSize\":14}}"));
        for (const char *size : {"15", "16", "17"})
            QCOMPARE(f.run({"set", "settings.fontSize", size}).exitCode, 0);
        const Run all = f.run({"history", "list"});
        QCOMPARE(all.exitCode, 0);
        const QList<QByteArray> lines = all.out.trimmed().split('\n');
        QVERIFY2(lines.size() >= 3, all.out.constData());
        const Run two = f.run({"history", "list", "--limit", "2"});
        QCOMPARE(two.exitCode, 0);
        QCOMPARE(two.out.trimmed().split('\n'), lines.mid(0, 2));
        QVERIFY2(
            two.err.contains(QByteArray("the 2 newest of ") + QByteArray::number(lines.size())),
            two.err.constData());
        const Run json = f.run({"history", "list", "--limit=1", "--json"});
        QCOMPARE(parsed(json.out).size(), size_t(1));
        const Run enough = f.run({"history", "list", "--limit", "100"});
        QCOMPARE(enough.out, all.out);
        QCOMPARE(enough.err, QByteArray());
        for (const char *bad : {"0", "-1", "two", ""}) {
            const Run refused = f.run({"history", "list", "--limit", bad});
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains("--limit takes a whole number"), refused.err.constData());
        }
        QVERIFY(f.populate());
        const Run backups = f.run({"backup", "list", "--limit", "1"});
        QCOMPARE(backups.exitCode, 0);
        QCOMPARE(backups.out.trimmed().split('\n').size(), 1);
    }

    // A file broken before any history existed: the recovery is still one
    // entry, under its own source, naming the backup it came from.
    void recoveryWithoutEarlierHistoryIsRecorded()
    {
        CliFixture f;
        QVERIFY(f.populate());
        QVERIFY(QDir(f.dir() + QStringLiteral("/storeHistory")).removeRecursively());
        QFile file(f.path());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"settings\": ");
        file.close();
        const Run recovered = f.run({"recover"});
        QCOMPARE(recovered.exitCode, 0);
        const Run list = f.run({"history", "list", "--json"});
        QCOMPARE(list.exitCode, 0);
        const Json entries = parsed(list.out);
        QVERIFY2(entries.is_array() && entries.size() == 1, list.out.constData());
        QVERIFY2(entries[0]["source"] == Json("recovery"), list.out.constData());
        QVERIFY2(
            QString::fromStdString(entries[0]["label"].get<std::string>()).contains(f.backupName()),
            list.out.constData());
    }

    void historyShowReadsAsText()
    {
        CliFixture f;
        QVERIFY(f.populate());
        QCOMPARE(f.run({"set", "settings.fontSize", "18"}).exitCode, 0);
        QCOMPARE(f.run({"set", "ai.apiKey", "sk-live-1234567890abcdef"}).exitCode, 0);
        const QList<QByteArray> list = f.run({"history", "list"}).out.split('\n');
        const QString keyEntry = QString::fromUtf8(list.at(0).split(' ').at(0));
        const QString sizeEntry = QString::fromUtf8(list.at(1).split(' ').at(0));

        const Run show = f.run({"history", "show", sizeEntry});
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(show.out.contains("\ntime      20"), show.out.constData());
        QVERIFY(show.out.contains("\nsource    cli (set)\n"));
        QVERIFY(show.out.endsWith("\nsettings.fontSize: 16 \u2192 18\n"));
        QVERIFY(!isJson(show.out));

        const Run secret = f.run({"history", "show", keyEntry});
        QVERIFY(!secret.out.contains("1234567890"));
        QVERIFY2(secret.out.contains("ai.apiKey: \"\" \u2192 \"********cdef\""),
                 secret.out.constData());

        const Run json = f.run({"history", "show", sizeEntry, "--json"});
        const Json entry = parsed(json.out);
        QVERIFY2(entry.is_object(), json.out.constData());
        QVERIFY(entry["changes"][0]["before"] == Json(16));
        QVERIFY(entry["changes"][0]["after"] == Json(18));
        for (const char *patch : {"patch", "inverse"}) {
            for (const Json &op : entry[patch]) {
                for (const auto &[member, value] : op.items())
                    QVERIFY2(member == "op" || member == "path" || member == "value" ||
                                 member == "from",
                             member.c_str());
            }
        }
        QVERIFY(!f.run({"history", "show", keyEntry, "--json"}).out.contains("1234567890"));

        // Several operations: each shows the number --ops takes, and
        // rolling back that number undoes that key alone.
        QCOMPARE(
            f.run({"set-multiple", "{\"settings.fontSize\":20,\"user.name\":\"Bob\"}"}).exitCode,
            0);
        const QString both =
            QString::fromUtf8(f.run({"history", "list"}).out.split('\n').at(0).split(' ').at(0));
        const Run several = f.run({"history", "show", both});
        const QRegularExpression nameLine(
            QStringLiteral("\n\\[(\\d+)\\] user\\.name: .* → \"Bob\"\n"));
        const auto match = nameLine.match(QString::fromUtf8(several.out));
        QVERIFY2(match.hasMatch(), several.out.constData());
        const Json severalJson = parsed(f.run({"history", "show", both, "--json"}).out);
        bool listed = false;
        for (const Json &change : severalJson["changes"])
            listed = listed || (change["key"] == Json("user.name") &&
                                change["operation"] == Json(match.captured(1).toInt()));
        QVERIFY2(listed, severalJson.dump().c_str());
        QCOMPARE(f.run({"rollback", both, "--ops", match.captured(1)}).exitCode, 0);
        QCOMPARE(f.run({"get", "settings.fontSize"}).out, QByteArray("20\n"));
        QVERIFY(f.run({"get", "user.name"}).out != QByteArray("\"Bob\"\n"));
    }

    // One entry per write, none `external` for our own; the list names the keys.
    void historyListNamesTheKeys()
    {
        CliFixture f;
        QVERIFY(f.populate());
        const int before = int(parsed(f.run({"history", "list", "--json"}).out).size());
        QCOMPARE(f.run({"set", "settings.theme", "dark"}).exitCode, 0);
        QCOMPARE(f.run({"set-multiple",
                        R"({"settings.fontSize":12,"user.name":"Ada","ui.sidebarCollapsed":true})"})
                     .exitCode,
                 0);
        QCOMPARE(f.run({"delete", "user.name"}).exitCode, 0);
        const Json entries = parsed(f.run({"history", "list", "--json"}).out);
        QCOMPARE(int(entries.size()), before + 3);
        for (const Json &e : entries)
            QVERIFY(e["source"] != Json("external"));
        const QList<QByteArray> lines = f.run({"history", "list"}).out.split('\n');
        QVERIFY2(lines.at(0).contains("  cli  delete  1 change: user.name"), lines.at(0));
        QVERIFY2(
            lines.at(1).contains("  3 changes: settings.fontSize, user.name, ui.sidebarCollapsed"),
            lines.at(1));
        QVERIFY2(lines.at(2).contains("  1 change: settings.theme"), lines.at(2));
        QVERIFY(!f.run({"history", "list"}).out.contains("change(s)"));
        QCOMPARE(entries[1]["keys"].size(), size_t(3));

        // With `watch` following the file, a write is still one entry.
        QProcess watch;
        watch.start(cliPath(), {"--config", f.path(), "watch", "user.name", "--initial"});
        QVERIFY(watch.waitForStarted());
        QByteArray seen;
        while (!seen.contains("\"initial\"") && watch.waitForReadyRead(30000))
            seen += watch.readAllStandardOutput();
        QVERIFY2(seen.contains("\"initial\""), seen.constData());
        QCOMPARE(f.run({"set", "user.name", "Grace"}).exitCode, 0);
        while (!seen.contains("Grace") && watch.waitForReadyRead(30000))
            seen += watch.readAllStandardOutput();
        QVERIFY2(seen.contains("\"newValue\":\"Grace\""), seen.constData());
        watch.kill();
        watch.waitForFinished();
        const Json after = parsed(f.run({"history", "list", "--json"}).out);
        QCOMPARE(int(after.size()), before + 4);
        QVERIFY(after[0]["source"] == Json("cli"));
        QVERIFY(after[1]["id"] == entries[0]["id"]);
    }

    // Text by default, JSON with --json, for each command that reports something.
    void textByDefaultJsonOnRequest_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("info") << QStringList{"info"} << QByteArray("\nversion    1.0.0\n");
        QTest::newRow("schema KEY") << QStringList{"schema", "settings.theme"}
                                    << QByteArray("  one of       \"light\" (Light)");
        QTest::newRow("schema") << QStringList{"schema"}
                                << QByteArray("\nsettings.fontSize  number  Font size\n");
        QTest::newRow("defaults") << QStringList{"defaults"}
                                  << QByteArray("\nsettings.fontSize = 14\n");
        QTest::newRow("diff") << QStringList{"diff", "%BACKUP%", "%CONFIG%"}
                              << QByteArray("settings.theme: \"auto\" \u2192 \"dark\"\n");
        QTest::newRow("backup diff") << QStringList{"backup", "diff", "%NAME%"}
                                     << QByteArray("settings.theme: \"auto\" \u2192 \"dark\"\n");
        QTest::newRow("backup show")
            << QStringList{"backup", "show", "%NAME%"} << QByteArray("  \"fixture\"\n{\n");
        QTest::newRow("backup prune")
            << QStringList{"backup", "prune"} << QByteArray("nothing to remove\n");
    }

    void textByDefaultJsonOnRequest()
    {
        QFETCH(QStringList, command);
        QFETCH(QByteArray, text);
        CliFixture f;
        QVERIFY(f.populate());
        QCOMPARE(f.run({"set", "settings.theme", "dark"}).exitCode, 0);
        for (QString &word : command) {
            if (word == QLatin1String("%NAME%"))
                word = f.backupName();
            else if (word == QLatin1String("%BACKUP%"))
                word = f.dir() + QStringLiteral("/backups/") + f.backupName();
            else if (word == QLatin1String("%CONFIG%"))
                word = f.path();
        }
        const Run plain = f.run(command);
        QCOMPARE(plain.exitCode, 0);
        QVERIFY2(plain.out.contains(text), plain.out.constData());
        QVERIFY2(!isJson(plain.out), plain.out.constData());
        const Run json = f.run(command + QStringList{"--json"});
        QCOMPARE(json.exitCode, 0);
        QVERIFY2(isJson(json.out), json.out.constData());
    }

    // The writes that report something: text by default, their JSON with --json.
    void writesReportAsTextOrJson()
    {
        CliFixture f;
        QVERIFY(f.populate());
        QCOMPARE(f.run({"set", "settings.theme", "dark"}).exitCode, 0);
        const Run restore = f.run({"backup", "restore", f.backupName(), "--json"});
        QCOMPARE(restore.exitCode, 0);
        const Json restored = parsed(restore.out);
        QVERIFY2(restored["restored"] == Json(f.backupName().toStdString()),
                 restore.out.constData());
        QVERIFY(restored["changed"] == Json(true));

        QCOMPARE(f.run({"set", "settings.fontSize", "20"}).exitCode, 0);
        const QString id =
            QString::fromUtf8(f.run({"history", "list"}).out.split(' ').at(0)).trimmed();
        const Run rollback = f.run({"rollback", id});
        QCOMPARE(rollback.exitCode, 0);
        QVERIFY2(rollback.out.startsWith("rolled back " + id.toUtf8() + " as entry "),
                 rollback.out.constData());
        QVERIFY(!isJson(rollback.out));
        const QString next =
            QString::fromUtf8(f.run({"history", "list"}).out.split(' ').at(0)).trimmed();
        const Json undone = parsed(f.run({"rollback", next, "--json"}).out);
        QVERIFY(undone["rolledBack"] == Json(next.toStdString()));

        QCOMPARE(f.run({"set", "settings.fontSize", "22"}).exitCode, 0);
        const Run recover = f.run({"recover", "--force", "--from", f.backupName(), "--json"});
        QCOMPARE(recover.exitCode, 0);
        const Json recovered = parsed(recover.out);
        QVERIFY2(recovered["forced"] == Json(true), recover.out.constData());
        QVERIFY(recovered["changes"][0]["key"] == Json("settings.fontSize"));
        QVERIFY(recovered["changes"][0]["before"] == Json(22));
        QVERIFY(recovered["changes"][0]["after"] == Json(16));
    }

    void dashReadsStandardInput()
    {
        CliFixture f;
        QVERIFY(f.populate());
        QCOMPARE(f.run({"set", "user.name", "-"}, "Ada Lovelace\n").exitCode, 0);
        QCOMPARE(f.run({"get", "user.name"}).out, QByteArray("\"Ada Lovelace\"\n"));
        QCOMPARE(f.run({"set", "settings.fontSize", "-"}, "18\n").exitCode, 0);
        QCOMPARE(f.run({"get", "settings.fontSize"}).out, QByteArray("18\n"));
        QCOMPARE(f.run({"set-multiple", "-"}, R"({"settings.theme":"dark"})").exitCode, 0);
        QCOMPARE(f.run({"get", "settings.theme"}).out, QByteArray("\"dark\"\n"));

        const Run valid = f.run({"validate", "-"}, R"({"settings":{"fontSize":12}})");
        QCOMPARE(valid.exitCode, 0);
        const Run invalid = f.run({"validate", "-"}, R"({"settings":{"fontSize":99}})");
        QCOMPARE(invalid.exitCode, 2);
        QVERIFY2(invalid.out.contains("settings.fontSize: 99 is above the maximum 24"),
                 invalid.out.constData());
        // Ajv counts a oneOf of consts once per branch; the keys to fix are counted too.
        const Run two =
            f.run({"validate", "-"}, "{\"settings\":{\"fontSize\":99,\"theme\":\"purple\"}}");
        QVERIFY2(two.err.contains("violation(s) of the schema at 2 key(s)"), two.err.constData());
        // --json carries what the schema asked for, in Ajv's names.
        const Run asJson = f.run({"validate", "-", "--json"}, R"({"settings":{"fontSize":99}})");
        QCOMPARE(asJson.exitCode, 2);
        const Json found = parsed(asJson.out);
        QVERIFY2(found.is_array() && found.size() == 1, asJson.out.constData());
        QVERIFY2(found[0]["keyword"] == Json("maximum"), asJson.out.constData());
        QVERIFY2(found[0]["params"] == (Json{{"comparison", "<="}, {"limit", 24}}),
                 asJson.out.constData());

        const Run diff = f.run({"diff", "-", f.path()}, R"({"settings":{"fontSize":12}})");
        QCOMPARE(diff.exitCode, 0);
        QVERIFY2(diff.out.contains("settings.fontSize: 12 \u2192 18\n"), diff.out.constData());
        QCOMPARE(f.run({"diff", "-", "-"}, "{}").exitCode, 1);
    }

    // A file that does not parse: every command says how to get it back, the
    // command it names works as printed, and no backup is made of it (one
    // could never be restored, and it would push a good one out).
    void aBrokenFileSaysHowToRepairIt()
    {
        CliFixture f;
        QVERIFY(f.populate());
        QVERIFY(writeAll(f.path(), "{\"settings\": "));
        const QString backups = f.dir() + QStringLiteral("/backups");
        const QStringList before = QDir(backups).entryList(QDir::Files);
        const QString recover =
            QStringLiteral("`tad-settings-cli --config %1 recover`").arg(f.path());

        const Run get = f.run({"get", "settings.fontSize"});
        QCOMPARE(get.exitCode, 4);
        QVERIFY2(QString::fromUtf8(get.err).contains(recover), get.err.constData());
        const Run set = f.run({"set", "settings.fontSize", "18"});
        QCOMPARE(set.exitCode, 4);
        QVERIFY2(set.err.contains("nothing was written over it"), set.err.constData());
        QVERIFY2(QString::fromUtf8(set.err).contains(recover), set.err.constData());

        const Run create = f.run({"backup", "create"});
        QCOMPARE(create.exitCode, 4);
        QVERIFY2(create.err.contains("no backup was made"), create.err.constData());
        QCOMPARE(QDir(backups).entryList(QDir::Files), before);

        // `backup restore NAME` cannot read the file it restores into: it
        // names the recovery from that same backup, which then works.
        const Run restore = f.run({"backup", "restore", f.backupName()});
        QCOMPARE(restore.exitCode, 4);
        const QString named = QStringLiteral("`tad-settings-cli --config %1 recover --from %2`")
                                  .arg(f.path(), f.backupName());
        QVERIFY2(QString::fromUtf8(restore.err).contains(named), restore.err.constData());
        QCOMPARE(f.run({"recover", "--from", f.backupName()}).exitCode, 0);
        QCOMPARE(f.run({"get", "settings.fontSize"}).out, QByteArray("16\n"));

        // No backup at all: recover could not help, so it is not offered.
        QVERIFY(QDir(backups).removeRecursively());
        QVERIFY(writeAll(f.path(), "{\n  \"settings\": }"));
        const Run none = f.run({"get", "settings.fontSize"});
        QCOMPARE(none.exitCode, 4);
        QVERIFY2(none.err.contains("There is no backup of it to recover from: fix the file by "
                                   "hand (line 2, column 15)"),
                 none.err.constData());
        QVERIFY2(!none.err.contains("recover`"), none.err.constData());
    }

    // A backup the retention policy removes after a new one is named: here
    // a damaged one, which takes no slot.
    void backupCreateSaysWhatRetentionRemoved()
    {
        CliFixture f;
        QVERIFY(f.populate());
        const QString damaged = f.dir() + QStringLiteral("/backups/") + f.backupName();
        QVERIFY(writeAll(damaged, readAll(damaged) + "\n"));
        QCOMPARE(f.run({"set", "settings.fontSize", "17"}).exitCode, 0);
        const Run made = f.run({"backup", "create", "--json"});
        QCOMPARE(made.exitCode, 0);
        const Json out = tad::parseValue(made.out.trimmed().toStdString()).value();
        QVERIFY2(out["pruned"] == Json::array({f.backupName().toStdString()}),
                 made.out.constData());
        QVERIFY(!QFileInfo::exists(damaged));
        QCOMPARE(f.run({"set", "settings.fontSize", "18"}).exitCode, 0);
        const Run quiet = f.run({"backup", "create"});
        QCOMPARE(quiet.exitCode, 0);
        QVERIFY2(!quiet.err.contains("removed"), quiet.err.constData());
    }

    // A --schema file that does not parse is a file that does not parse
    // (exit 4), with its line and column and no advice meant for values.
    void aSchemaFileThatDoesNotParse()
    {
        CliFixture f;
        const QString schema = f.dir() + QStringLiteral("/bad-schema.json");
        QVERIFY(writeAll(schema, "{\"a\": \n"));
        const Run run = f.run({"--schema", schema, "get", "settings.theme"});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(":2:1: schema " + schema.toUtf8() + " does not parse: "),
                 run.err.constData());
        QVERIFY2(!run.err.contains("double quotes"), run.err.constData());
        QCOMPARE(run.err.count("not valid JSON"), 1);
    }

    // A version behind the file's is no migration: said as such, not as
    // "up to date", and nothing is written.
    void migrateToAnOlderVersionSaysItOnlyGoesForward()
    {
        CliFixture f;
        QVERIFY(f.populate());
        QCOMPARE(f.run({"migrate"}).exitCode, 0);
        const auto before = f.snapshot();
        const Run back = f.run({"migrate", "--to", "1.0.5"});
        QCOMPARE(back.exitCode, 0);
        QVERIFY2(back.out.contains("already past 1.0.5; migrations only go forward"),
                 back.out.constData());
        QVERIFY2(!back.out.contains("up to date"), back.out.constData());
        QCOMPARE(f.snapshot(), before);
        QVERIFY(f.run({"migrate", "--to", "1.1.0"}).out.contains("up to date with 1.1.0"));
    }

    // A file that names a key twice reads (JSON.parse keeps the last) but
    // takes no change here. Its refusal says to mend it by hand, not to
    // throw it away with recover; and a backup of it is passed over by a
    // recovery, which would otherwise bring that state back.
    void aKeyNamedTwiceIsMendedByHandNotRecovered()
    {
        CliFixture f;
        QVERIFY(f.populate());
        QVERIFY(writeAll(f.path(), R"({"a":1,"a":2})"));
        const Run set = f.run({"set", "b", "1"});
        QCOMPARE(set.exitCode, 4);
        QVERIFY2(set.err.contains("appears more than once"), set.err.constData());
        QVERIFY2(!set.err.contains("recover"), set.err.constData());
        const Run validate = f.run({"validate"});
        QCOMPARE(validate.exitCode, 0);
        QVERIFY2(validate.err.contains("no change is made here until the other is removed"),
                 validate.err.constData());
        QCOMPARE(f.run({"backup", "create"}).exitCode, 0);
        QVERIFY(writeAll(f.path(), "{\"version\":\"1.0"));
        const Run recovered = f.run({"recover"});
        QCOMPARE(recovered.exitCode, 0);
        QVERIFY2(recovered.out.contains("names a key twice (line 1)"), recovered.out.constData());
        QVERIFY2(recovered.out.contains("recovered from " + f.backupName().toUtf8()),
                 recovered.out.constData());
        QCOMPARE(f.run({"get", "settings.fontSize"}).out, QByteArray("16\n"));
    }

    // Changes made since the backup are taken back by a recovery: it says
    // which (against the last state the history knew) and how to have them
    // again, and that way works.
    void recoverSaysWhatItTakesBack()
    {
        CliFixture f;
        QVERIFY(f.populate()); // the file is created by its first set
        QCOMPARE(f.run({"set", "settings.fontSize", "20"}).exitCode, 0);
        // The history of a file it created can rebuild each state: a change
        // made by hand is recorded, with no warning.
        QByteArray edited = readAll(f.path());
        edited.replace("\"fontSize\":20", "\"fontSize\":21");
        QVERIFY(writeAll(f.path(), edited));
        const Run found = f.run({"set", "user.name", "Ada"});
        QCOMPARE(found.exitCode, 0);
        QVERIFY2(found.err.isEmpty(), found.err.constData());
        QVERIFY2(f.run({"history", "list"})
                     .out.contains("  external  1 change: "
                                   "settings.fontSize"),
                 f.run({"history", "list"}).out.constData());
        QVERIFY(writeAll(f.path(), "{\"settings\": "));
        const Run recovered = f.run({"recover"});
        QCOMPARE(recovered.exitCode, 0);
        QVERIFY2(recovered.out.contains("taken back since the last recorded state (2 changes):\n"
                                        "  settings.fontSize: 21 → 16\n"),
                 recovered.out.constData());
        const QRegularExpression hint(QStringLiteral("`rollback (\\S+)` puts them back"));
        const auto match = hint.match(QString::fromUtf8(recovered.err));
        QVERIFY2(match.hasMatch(), recovered.err.constData());
        QCOMPARE(f.run({"get", "settings.fontSize"}).out, QByteArray("16\n"));
        QCOMPARE(f.run({"rollback", match.captured(1)}).exitCode, 0);
        QCOMPARE(f.run({"get", "settings.fontSize"}).out, QByteArray("21\n"));
    }

    // A missing or unreadable file is exit 4 wherever a file is named.
    void missingFileIsFourEverywhere()
    {
        CliFixture f;
        QVERIFY(f.populate());
        const QString missing = f.dir() + QStringLiteral("/no-such.json");
        QCOMPARE(f.run({"validate", missing}).exitCode, 4);
        QCOMPARE(f.run({"diff", missing, f.path()}).exitCode, 4);
        QCOMPARE(f.run({"diff", f.path(), missing}).exitCode, 4);
        QVERIFY(writeAll(f.path(), "{\"settings\": "));
        QCOMPARE(f.run({"get", "settings"}).exitCode, 4);
        QCOMPARE(f.run({"validate"}).exitCode, 4);
        QCOMPARE(f.run({"set", "user.name", "Ada"}).exitCode, 4);
    }
};

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_cli_output.moc"
