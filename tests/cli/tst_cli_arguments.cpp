// Every command of the command table, run with what it does not take: an
// unknown option, a misspelled one, another command's option, one argument
// too many, an argument that is not UTF-8. Each is refused with exit 1
// before any file is read or written. And every command has its help.
#include "CliFixture.h"
#include "CommandTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace clitest;
using tad::cli::CommandSpec;
using tad::cli::commandTable;
using tad::cli::optionsOf;

namespace {

// Arguments the command needs, made from the names its usage gives them.
QStringList requiredArguments(const CommandSpec &spec, const CliFixture &fixture)
{
    QStringList words = spec.name.split(QLatin1Char(' '));
    // The names outside [...] are the required ones.
    const QString required = QString(spec.arguments).remove(QRegularExpression(R"(\[[^\]]*\])"));
    for (const QString &name : required.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (name == QLatin1String("KEY"))
            words << QStringLiteral("settings.theme");
        else if (name == QLatin1String("VALUE"))
            words << QStringLiteral("dark");
        else if (name == QLatin1String("JSON_OBJECT"))
            words << QStringLiteral(R"({"settings.theme":"dark"})");
        else if (name == QLatin1String("NAME"))
            words << fixture.backupName();
        else if (name == QLatin1String("ID"))
            words << fixture.entryId();
        else if (name.startsWith(QLatin1String("FILE")))
            words << fixture.path();
        else
            words << QStringLiteral("unknown-placeholder-") + name;
    }
    return words;
}

// The command's longest option (else --pretty) with one letter left out,
// and the option it stands for.
std::pair<QString, QString> misspelledOption(const CommandSpec &spec)
{
    QString real = QStringLiteral("pretty");
    for (const QString &name : optionsOf(spec)) {
        if (name.size() > real.size() || real == QLatin1String("pretty"))
            real = name;
    }
    if (real.size() < 4)
        real = QStringLiteral("pretty");
    QString typo = real;
    typo.remove(typo.size() - 2, 1);
    return {QStringLiteral("--") + typo, QStringLiteral("--") + real};
}

} // namespace

class TestCliArguments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!cliPath().isEmpty(), "TAD_CLI must name tad-settings-cli (ctest sets it)");
        QVERIFY(m_fixture.isValid());
        QVERIFY(m_fixture.populate());
        m_before = m_fixture.snapshot();
        QVERIFY(m_before.size() >= 4); // config, backup and its metadata, an entry
    }

    void everyCommand_data()
    {
        QTest::addColumn<QString>("command");
        for (const CommandSpec &spec : commandTable())
            QTest::newRow(qPrintable(spec.name)) << spec.name;
    }

    // An unknown option and a misspelled real one: exit 1, every file as it was.
    void everyCommand()
    {
        QFETCH(QString, command);
        const CommandSpec *spec = tad::cli::findCommand(command);
        QVERIFY(spec);
        const QStringList base = requiredArguments(*spec, m_fixture);

        const Run unknown = m_fixture.run(base + QStringList{"--no-such-option"});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("--no-such-option"), unknown.err.constData());
        QVERIFY(unknown.out.isEmpty());
        QCOMPARE(m_fixture.snapshot(), m_before);

        const auto [typo, real] = misspelledOption(*spec);
        const Run misspelled = m_fixture.run(base + QStringList{typo});
        QCOMPARE(misspelled.exitCode, 1);
        QVERIFY2(misspelled.err.contains(QStringLiteral("did you mean %1?").arg(real).toUtf8()),
                 misspelled.err.constData());
        QVERIFY(misspelled.out.isEmpty());
        QCOMPARE(m_fixture.snapshot(), m_before);

        if (spec->maxArguments >= 0) {
            QStringList tooMany = base;
            const int given = int(base.size() - spec->name.count(QLatin1Char(' ')) - 1);
            for (int i = given; i <= spec->maxArguments; ++i)
                tooMany << QStringLiteral("extra%1").arg(i);
            const Run extra = m_fixture.run(tooMany);
            QCOMPARE(extra.exitCode, 1);
            QVERIFY2(extra.err.contains("too many arguments"), extra.err.constData());
            QCOMPARE(m_fixture.snapshot(), m_before);
        }
    }

    // A command that only reads writes nothing beside the file either, not
    // even the history's record of a change another program made: that is
    // the next writer's to record (and `history list` says it waits).
    void readsWriteNothing_data()
    {
        QTest::addColumn<QStringList>("command");
        const QStringList writesBesideTheFile = {"backup create", "backup label", "backup prune",
                                                 "history label", "watch",        "help"};
        for (const CommandSpec &spec : commandTable()) {
            if (!spec.writes && !writesBesideTheFile.contains(spec.name))
                QTest::newRow(qPrintable(spec.name)) << requiredArguments(spec, m_fixture);
        }
        QTest::newRow("migrate --dry-run") << QStringList{"migrate", "--dry-run"};
        QTest::newRow("backup list --verify") << QStringList{"backup", "list", "--verify"};
    }

    void readsWriteNothing()
    {
        QFETCH(QStringList, command);
        for (const bool withHistory : {true, false}) {
            CliFixture fixture;
            QVERIFY(fixture.isValid() && fixture.populate());
            if (!withHistory)
                QVERIFY(QDir(fixture.dir() + QStringLiteral("/storeHistory")).removeRecursively());
            // Another program's change, not recorded yet.
            QByteArray edited = readAll(fixture.path());
            QVERIFY(edited.contains("\"fontSize\":16"));
            edited.replace("\"fontSize\":16", "\"fontSize\":17");
            QVERIFY(writeAll(fixture.path(), edited));
            // The fixture's names (backup, entry) stand in this fixture too.
            QStringList args = command;
            for (QString &word : args) {
                if (word == m_fixture.backupName())
                    word = fixture.backupName();
                else if (word == m_fixture.entryId())
                    word = fixture.entryId();
                else if (word == m_fixture.path())
                    word = fixture.path();
            }
            const auto before = fixture.snapshot();
            const Run run = fixture.run(args);
            QVERIFY2(run.exitCode == 0 || run.exitCode == 2 || run.exitCode == 3,
                     run.err.constData());
            QCOMPARE(fixture.snapshot().keys(), before.keys());
            QCOMPARE(fixture.snapshot(), before);
            if (withHistory && args.startsWith(QStringLiteral("history")) &&
                args.value(1) == QLatin1String("list"))
                QVERIFY2(run.err.contains("the file has changed since the newest entry"),
                         run.err.constData());
        }
    }

    // A refused change writes nothing, not even the history's first copy of
    // the file; the first change that is made starts the history from the
    // file as it was, so that change is its first entry.
    void aRefusedFirstChangeStartsNoHistory_data()
    {
        QTest::addColumn<QStringList>("refused");
        QTest::newRow("schema") << QStringList{"set", "settings.theme", "5"};
        QTest::newRow("not finite") << QStringList{"set", "ui.windowBounds.x", "1e999"};
        QTest::newRow("set-multiple")
            << QStringList{"set-multiple", R"({"settings.fontSize":"big"})"};
    }

    void aRefusedFirstChangeStartsNoHistory()
    {
        QFETCH(QStringList, refused);
        CliFixture fixture;
        QVERIFY(fixture.isValid() && fixture.populate());
        QVERIFY(QDir(fixture.dir() + QStringLiteral("/storeHistory")).removeRecursively());
        const QByteArray original = readAll(fixture.path());
        const auto before = fixture.snapshot();
        const Run run = fixture.run(refused);
        QVERIFY2(run.exitCode != 0, run.out.constData());
        QCOMPARE(fixture.snapshot().keys(), before.keys());
        QCOMPARE(fixture.snapshot(), before);

        QCOMPARE(fixture.run({"set", "settings.fontSize", "18"}).exitCode, 0);
        const Run list = fixture.run({"history", "list", "--json"});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray entries = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0][QStringLiteral("operation")].toString(), QStringLiteral("set"));
        // Rolled back, the file is as it was before both commands.
        const QString id = entries[0][QStringLiteral("id")].toString();
        QCOMPARE(fixture.run({QStringLiteral("rollback"), id}).exitCode, 0);
        QCOMPARE(readAll(fixture.path()), original);
    }

    // An empty --keys (a script's unset variable) restored every key.
    void anEmptyKeyListRestoresNothing()
    {
        CliFixture fixture;
        QVERIFY(fixture.isValid() && fixture.populate());
        QCOMPARE(fixture.run({"set", "settings.fontSize", "18"}).exitCode, 0);
        const auto changed = fixture.snapshot();
        for (const QString &empty : {QStringLiteral("--keys="), QStringLiteral("--keys=,")}) {
            const Run none = fixture.run({"backup", "restore", fixture.backupName(), empty});
            QCOMPARE(none.exitCode, 1);
            QVERIFY2(none.err.contains("--keys needs at least one key"), none.err.constData());
            QCOMPARE(fixture.snapshot(), changed);
        }
        const Run separate = fixture.run({"backup", "restore", fixture.backupName(), "--keys", ""});
        QCOMPARE(separate.exitCode, 1);
        QCOMPARE(fixture.snapshot(), changed);
    }

    // The cases a new user ran into, one by one.
    void typosThatUsedToRun()
    {
        const Run migrate = m_fixture.run({"migrate", "--dryrun"});
        QCOMPARE(migrate.exitCode, 1);
        QVERIFY2(migrate.err.contains("did you mean --dry-run?"), migrate.err.constData());

        const Run restore =
            m_fixture.run({"backup", "restore", m_fixture.backupName(), "--key", "user.name"});
        QCOMPARE(restore.exitCode, 1);
        QVERIFY2(restore.err.contains("did you mean --keys?"), restore.err.constData());

        // A short option after the command was taken as the value: the
        // name became "-n". A negative number is still a value, and --
        // lets a word that begins with - through.
        const Run shortOption = m_fixture.run({"set", "user.name", "-n"});
        QCOMPARE(shortOption.exitCode, 1);
        QVERIFY2(shortOption.err.contains("unknown option -n") &&
                     shortOption.err.contains("`set -- user.name -n`"),
                 shortOption.err.constData());
        const Run shortJson = m_fixture.run({"get", "-j", "user.name"});
        QCOMPARE(shortJson.exitCode, 1);
        QVERIFY2(shortJson.err.contains("did you mean --json?"), shortJson.err.constData());
        QCOMPARE(m_fixture.snapshot(), m_before);
        {
            CliFixture own;
            QVERIFY(own.isValid() && own.populate());
            QCOMPARE(own.run({"set", "ui.windowBounds.x", "-5"}).exitCode, 0);
            QCOMPARE(own.run({"set", "user.name", "--", "-n"}).exitCode, 0);
            const Run name = own.run({"get", "user.name"});
            QCOMPARE(name.out.trimmed(), QByteArray("\"-n\""));
            QCOMPARE(own.run({"get", "ui.windowBounds.x"}).out.trimmed(), QByteArray("-5"));
        }

        // Two neighbours swapped in a short name: one slip, not two.
        const Run swapped = m_fixture.run({"set", "user.nmae", "\"Bob\""});
        QCOMPARE(swapped.exitCode, 1);
        QVERIFY2(swapped.err.contains("did you mean user.name?"), swapped.err.constData());
        QCOMPARE(m_fixture.snapshot(), m_before);

        // The schema's readOnly version is the app's to move, by any command.
        for (const QStringList &command : {QStringList{"set", "version", "\"2.0.0\""},
                                           QStringList{"set-multiple", R"({"version":"2.0.0"})"}}) {
            const Run readOnly = m_fixture.run(command);
            QCOMPARE(readOnly.exitCode, 1);
            QVERIFY2(readOnly.err.contains("version is read-only"), readOnly.err.constData());
            QCOMPARE(m_fixture.snapshot(), m_before);
        }

        const Run get = m_fixture.run({"get", "settings.theme", "--jsn"});
        QCOMPARE(get.exitCode, 1);
        QVERIFY(get.out.isEmpty());
        QVERIFY2(get.err.contains("did you mean --json?"), get.err.constData());

        const Run other = m_fixture.run({"get", "settings.theme", "--dry-run"});
        QCOMPARE(other.exitCode, 1);
        QVERIFY2(other.err.contains("not an option of get (it belongs to migrate)"),
                 other.err.constData());

        const Run command = m_fixture.run({"sett", "user.name", "Ada"});
        QCOMPARE(command.exitCode, 1);
        QVERIFY2(command.err.contains("did you mean set?"), command.err.constData());

        // The same typo hint where a key is named but not found.
        const QList<QStringList> misspelt = {
            {"has", "settings.them"},
            {"schema", "settings.them"},
            {"reset", "settings.them"},
            {"backup", "restore", m_fixture.backupName(), "--keys", "settings.them"}};
        for (const QStringList &command : misspelt) {
            const Run run = m_fixture.run(command);
            QCOMPARE(run.exitCode, 3);
            QVERIFY2(run.err.contains("did you mean settings.theme?"),
                     qPrintable(command.join(' ') + QStringLiteral(": ") + run.err));
        }
        QCOMPARE(m_fixture.snapshot(), m_before);

        // KEY and VALUE swapped: the advice is the right order, not to
        // store the key's name as text under a new key.
        const Run swappedArgs = m_fixture.run({"set", "light", "settings.theme"});
        QCOMPARE(swappedArgs.exitCode, 1);
        QVERIFY2(swappedArgs.err.contains("the key comes first (set settings.theme light)"),
                 swappedArgs.err.constData());
        const Run empty = m_fixture.run({"set", "settings.fontSize", ""});
        QCOMPARE(empty.exitCode, 1);
        QVERIFY2(empty.err.contains("'' (nothing) is not a value settings.fontSize takes"),
                 empty.err.constData());
        QCOMPARE(m_fixture.snapshot(), m_before);

        // A misspelt global option before the command: its value is not
        // taken for the command, and the other file is not touched.
        const QString elsewhere = m_fixture.dir() + QStringLiteral("/elsewhere.json");
        const Run before = m_fixture.run({"--confg", elsewhere, "set", "user.name", "\"Eve\""});
        QCOMPARE(before.exitCode, 1);
        QVERIFY2(before.err.contains("unknown option --confg before the command; did you mean "
                                     "--config?"),
                 before.err.constData());
        QVERIFY(!QFileInfo::exists(elsewhere));
        const Run shortName = m_fixture.run({"-c", elsewhere, "get", "user.name"});
        QCOMPARE(shortName.exitCode, 1);
        QVERIFY2(shortName.err.contains("unknown option -c") && shortName.err.contains("--config"),
                 shortName.err.constData());
        QCOMPARE(m_fixture.snapshot(), m_before);

        const Run flagValue = m_fixture.run({"migrate", "--dry-run=no"});
        QCOMPARE(flagValue.exitCode, 1);
        QCOMPARE(m_fixture.snapshot(), m_before);
        QCOMPARE(m_fixture.run({"get", "version"}).out, QByteArray("\"1.0.0\"\n"));
    }

    // Qt would read a bad byte as U+FFFD; the CLI refuses it instead.
    // A mistyped key is refused with the key meant, before its value is
    // read; --new-key adds it; get names the key meant. Batch has no check.
    void mistypedKeysAreRefusedWithTheKeyMeant()
    {
        const Run set = m_fixture.run({"set", "settings.them", "dark"});
        QCOMPARE(set.exitCode, 1);
        QVERIFY2(set.err.contains("did you mean settings.theme?") && set.err.contains("--new-key"),
                 set.err.constData());
        const Run multiple = m_fixture.run({"set-multiple", "{\"settigns.fontSize\":12}"});
        QCOMPARE(multiple.exitCode, 1);
        QVERIFY2(multiple.err.contains("did you mean settings.fontSize?"),
                 multiple.err.constData());
        const Run get = m_fixture.run({"get", "settings.fontsize"});
        QCOMPARE(get.exitCode, 3);
        QVERIFY2(get.err.contains("did you mean settings.fontSize?"), get.err.constData());
        // Deleting what is not there is no error (electron-store's delete), but said.
        const Run remove = m_fixture.run({"delete", "settings.them"});
        QCOMPARE(remove.exitCode, 0);
        QVERIFY2(remove.err.contains("nothing at settings.them to delete; did you mean "
                                     "settings.theme?"),
                 remove.err.constData());
        QCOMPARE(m_fixture.snapshot(), m_before);

        CliFixture fresh;
        QVERIFY(fresh.populate());
        QCOMPARE(fresh.run({"set", "settings.them", "\"dark\"", "--new-key"}).exitCode, 0);
        QCOMPARE(fresh.run({"get", "settings.them"}).out, QByteArray("\"dark\"\n"));
        // Batch takes keys as electron-store does: a program typed them.
        const Run batch =
            fresh.run({"batch"}, "{\"op\":\"set\",\"key\":\"settings.fontsize\",\"value\":3}\n");
        QVERIFY2(batch.out.startsWith("{\"ok\":true"), batch.out.constData());
        // A key far from every known name is a new key, not a typo.
        QCOMPARE(fresh.run({"set", "myTool.lastRun", "3"}).exitCode, 0);
    }

    // A write that creates the settings file says so: a mistyped --config
    // would otherwise start a new file unnoticed.
    void aNewFileIsNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nope/tad-config.json"));
        const Run get = runCli({"--config", path, "get", "settings.theme"});
        QCOMPARE(get.exitCode, 3);
        QVERIFY2(get.err.contains("there is no settings file at"), get.err.constData());
        const Run created = runCli({"--config", path, "set", "settings.theme", "dark"});
        QCOMPARE(created.exitCode, 0);
        QVERIFY2(created.err.contains("created ") && created.err.contains("no settings file there"),
                 created.err.constData());
        const Run again = runCli({"--config", path, "set", "settings.theme", "light"});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.err, QByteArray());
    }

    void argumentsThatAreNotUtf8()
    {
        QProcess shell;
        shell.start(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"),
             QStringLiteral(R"sh("$0" --config "$1" set user.name "$(printf 'Ad\377a')")sh"),
             cliPath(), m_fixture.path()});
        QVERIFY(shell.waitForFinished(60000));
        QCOMPARE(shell.exitCode(), 1);
        QVERIFY(shell.readAllStandardError().contains("not valid UTF-8"));
        QCOMPARE(m_fixture.snapshot(), m_before);

        const Run stdinValue = m_fixture.run({"set", "user.name", "-"}, QByteArray("Ad\xff"
                                                                                   "a"));
        QCOMPARE(stdinValue.exitCode, 1);
        QCOMPARE(m_fixture.snapshot(), m_before);
    }

    // `help COMMAND` and `COMMAND --help` print the same text from the
    // table: usage, every option, an example and the exit statuses.
    void helpForEveryCommand()
    {
        const Run all = runCli({"help"});
        QCOMPARE(all.exitCode, 0);
        QCOMPARE(runCli({"--help"}).out, all.out);
        for (const CommandSpec &spec : commandTable()) {
            QVERIFY2(!spec.summary.isEmpty() && !spec.example.isEmpty() &&
                         !spec.exitStatuses.isEmpty(),
                     qPrintable(spec.name + ": summary, example and exit statuses are needed"));
            QVERIFY2(all.out.contains("\n  " + spec.name.toUtf8() + ' ') ||
                         all.out.contains("\n  " + spec.name.toUtf8() + '\n'),
                     qPrintable(spec.name));
            const Run help = runCli(QStringList{"help"} + spec.name.split(QLatin1Char(' ')));
            QCOMPARE(help.exitCode, 0);
            const QByteArray text = help.out;
            QVERIFY2(text.startsWith("Usage: tad-settings-cli [options] " + spec.name.toUtf8()),
                     text.constData());
            for (const QString &option : optionsOf(spec))
                QVERIFY2(text.contains("\n  --" + option.toUtf8()), qPrintable(spec.name + option));
            QVERIFY2(text.contains("\nExample:\n  ") &&
                         text.mid(text.indexOf("\nExample:\n")).contains("tad-settings-cli "),
                     qPrintable(spec.name));
            QVERIFY(text.contains("\nExit status: "));
            if (spec.name == QLatin1String("help"))
                continue;
            const Run flag = runCli(spec.name.split(QLatin1Char(' ')) + QStringList{"--help"});
            QCOMPARE(flag.exitCode, 0);
            QCOMPARE(flag.out, text);
        }
        const Run group = runCli({"help", "backup"});
        QCOMPARE(group.exitCode, 0);
        QVERIFY(group.out.contains("backup restore NAME"));
        const Run none = runCli({"help", "sett"});
        QCOMPARE(none.exitCode, 1);
        QVERIFY(none.err.contains("did you mean set?"));
    }

private:
    CliFixture m_fixture;
    QMap<QString, QByteArray> m_before;
};

QTEST_GUILESS_MAIN(TestCliArguments)
#include "tst_cli_arguments.moc"
