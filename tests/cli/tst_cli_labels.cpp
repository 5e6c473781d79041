// Labels given later, run as a script would: `backup label NAME LABEL` and
// `history label ID LABEL` write only the label (the backup's copy, its other
// metadata and the entry's patch stay byte for byte), an empty label removes
// it, and an unknown name or id is exit 3 with nothing written.
#include "CliFixture.h"
#include "FileTestHelpers.h"

#include "json/JsonText.h"

using namespace clitest;
using tad::Json;

namespace {

Json parsedFile(const QString &path)
{
    auto value = tad::parseValue(readAll(path).toStdString());
    return value ? *value : Json("(not JSON)");
}

} // namespace

class TestCliLabels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!cliPath().isEmpty(), "ctest sets TAD_CLI"); }

    void backupLabelChangesOnlyTheLabel()
    {
        CliFixture f;
        QVERIFY(f.populate());
        const QString backup = f.dir() + QStringLiteral("/backups/") + f.backupName();
        const QString meta = backup + QStringLiteral(".meta.json");
        const QByteArray copy = readAll(backup);
        Json before = parsedFile(meta);
        QVERIFY(before["label"] == Json("fixture"));

        const Run run = f.run({"backup", "label", f.backupName(), "before the trip"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("\"before the trip\""), run.out.constData());
        QCOMPARE(readAll(backup), copy);
        Json after = parsedFile(meta);
        QVERIFY(after["label"] == Json("before the trip"));
        after.erase("label");
        before.erase("label");
        QVERIFY(after == before);
        // The listing shows it, and --json says it too.
        QVERIFY(f.run({"backup", "list"}).out.contains("\"before the trip\""));
        const Run json = f.run({"backup", "label", f.backupName(), "again", "--json"});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(tad::parseValue(json.out.trimmed().toStdString()).value()["label"] ==
                Json("again"));

        // An empty label removes it.
        QCOMPARE(f.run({"backup", "label", f.backupName(), ""}).exitCode, 0);
        QVERIFY(!parsedFile(meta).contains("label"));

        // Another reason for unchanged content makes no backup; it says so
        // rather than dropping the reason unseen.
        const Run again = f.run({"backup", "create", "--reason", "nightly"});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.startsWith(f.backupName().toUtf8()), again.out.constData());
        QVERIFY2(again.err.contains("no new backup") && again.err.contains("reason manual"),
                 again.err.constData());
        QVERIFY(parsedFile(meta)["reason"] == Json("manual"));
    }

    void historyLabelChangesOnlyTheLabel()
    {
        CliFixture f;
        QVERIFY(f.populate());
        // The entry as the history gives it (its line in the journal).
        const auto entry = [&] {
            const Run show = f.run({"history", "show", f.entryId(), "--json"});
            return show.exitCode == 0 ? tad::parseValue(show.out.trimmed().toStdString()).value()
                                      : Json();
        };
        Json before = entry();
        QVERIFY(before.is_object());
        QVERIFY(before.contains("label") && before["label"].is_null()); // there, without a value
        const QByteArray config = filetest::readAll(f.path());

        // A unique prefix of the id is enough.
        const Run run = f.run({"history", "label", f.entryId().left(20), "theme experiment"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out,
                 QByteArray("labelled " + f.entryId().toUtf8() + " \"theme experiment\"\n"));
        Json after = entry();
        QVERIFY(after["label"] == Json("theme experiment"));
        after["label"] = Json();
        QVERIFY(after == before);
        QCOMPARE(filetest::readAll(f.path()), config); // the settings file is not touched
        const Run show = f.run({"history", "show", f.entryId()});
        QVERIFY2(show.out.contains("\nlabel     theme experiment\n"), show.out.constData());

        const Run removed = f.run({"history", "label", f.entryId(), "", "--json"});
        QCOMPARE(removed.exitCode, 0);
        QVERIFY(tad::parseValue(removed.out.trimmed().toStdString()).value()["label"].is_null());
        QVERIFY(entry()["label"].is_null());
    }

    void unknownNamesWriteNothing()
    {
        CliFixture f;
        QVERIFY(f.populate());
        const auto files = f.snapshot();
        const Run backup =
            f.run({"backup", "label", "backup-2020-01-01T00-00-00-000Z-abcdef12.json", "x"});
        QCOMPARE(backup.exitCode, 3);
        QVERIFY2(backup.err.contains("no backup named"), backup.err.constData());
        const Run entry = f.run({"history", "label", "19990101T", "x"});
        QCOMPARE(entry.exitCode, 3);
        QVERIFY2(entry.err.contains("no history entry"), entry.err.constData());
        // Both arguments are needed: the table says so before anything is opened.
        QCOMPARE(f.run({"history", "label", f.entryId()}).exitCode, 1);
        QCOMPARE(f.snapshot(), files);
    }
};

QTEST_GUILESS_MAIN(TestCliLabels)
#include "tst_cli_labels.moc"
