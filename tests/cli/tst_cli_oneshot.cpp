// A one-shot `get` or `has` reads its key alone (store/KeyRead.h); `batch`
// and `info` open the file as a store. Both must say the same thing about
// every file: the value (secrets masked), the error with its line and
// column, the duplicate-key warnings, the exit status.
#include "CliFixture.h"

#include "json/JsonText.h"

using namespace clitest;
using tad::Json;

namespace {

const QByteArray kPrefix = "tad-settings-cli: ";

// What the open store answers for one request, as the one-shot command
// prints it: stdout, the error line (if any) and the exit status.
struct Answer
{
    QByteArray out;
    QByteArray error;
    int exitCode = 0;
};

Answer throughTheStore(const CliFixture &f, const QString &op, const QString &key,
                       const QStringList &extra)
{
    Json request{{"op", op.toStdString()}, {"key", key.toStdString()}};
    const int at = int(extra.indexOf(QStringLiteral("--default")));
    if (at >= 0)
        request["default"] = *tad::parseValue(extra.at(at + 1).toStdString());
    QStringList args = extra;
    if (at >= 0)
        args.remove(at, 2);
    const Run run = f.run(args + QStringList{QStringLiteral("batch")},
                          QByteArray::fromStdString(tad::compactJson(request)) + "\n");
    Answer answer;
    if (run.exitCode != 0) { // the file did not open: the same report as any command
        answer.error = run.err;
        answer.exitCode = run.exitCode;
        return answer;
    }
    const auto line = tad::parseValue(run.out.trimmed().toStdString());
    if (!line || !line->is_object())
        return {"(no answer)", run.err, -1};
    if ((*line)["ok"].get<bool>()) {
        const tad::TextStyle style = extra.contains(QStringLiteral("--pretty"))
                                         ? tad::TextStyle::withSpaces(2)
                                         : tad::TextStyle();
        answer.out = QByteArray::fromStdString(tad::stringify((*line)["value"], style)) + "\n";
        if (op == QLatin1String("has") && !(*line)["value"].get<bool>())
            answer.exitCode = int(tad::ErrorCode::NotFound);
        return answer;
    }
    answer.error = kPrefix + QByteArray::fromStdString((*line)["error"].get<std::string>()) + "\n";
    // Batch names a request's member where the command line names its option.
    answer.error.replace("\"default\" gives", "--default JSON gives");
    answer.exitCode = (*line)["code"].get<int>();
    return answer;
}

// The warnings a store prints when it opens the file (`info` prints them).
QByteArray warningsOf(const CliFixture &f, const QStringList &extra)
{
    QStringList args = extra;
    if (const int at = int(args.indexOf(QStringLiteral("--default"))); at >= 0)
        args.remove(at, 2);
    const Run info = f.run(args + QStringList{QStringLiteral("info")});
    QByteArray warnings;
    for (const QByteArray &line : info.err.split('\n')) {
        if (line.startsWith(kPrefix) && line.contains(": warning: "))
            warnings += line + "\n";
    }
    return warnings;
}

const QByteArray kDemo =
    R"({"version":"1.0.0","settings":{"theme":"dark","fontSize":14},"ai":{"apiKey":"sk-secret-1234","model":"m"},)"
    R"("ui":{"activePanels":["chat","templates"],"sidebarCollapsed":false},"user":{"name":"Ada \u00e9\ud83d\ude00"},"n":[1.5e300,-0,12345678901234567890]})";

} // namespace

class TestCliOneShot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!cliPath().isEmpty(), "ctest sets TAD_CLI"); }

    void sameAsTheOpenStore_data()
    {
        QTest::addColumn<QByteArray>("content"); // "(missing)": no file at all
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QStringList>("extra");
        const QStringList none;
        QTest::newRow("nested") << kDemo << "get"
                                << "settings.theme" << none;
        QTest::newRow("object") << kDemo << "get"
                                << "settings" << none;
        QTest::newRow("pretty") << kDemo << "get"
                                << "ui" << QStringList{"--pretty"};
        QTest::newRow("secret masked") << kDemo << "get"
                                       << "ai" << none;
        QTest::newRow("secret shown") << kDemo << "get"
                                      << "ai.apiKey" << QStringList{"--show-secrets"};
        QTest::newRow("array element") << kDemo << "get"
                                       << "ui.activePanels.1" << none;
        QTest::newRow("array length") << kDemo << "get"
                                      << "ui.activePanels.length" << none;
        QTest::newRow("string length") << kDemo << "get"
                                       << "user.name.length" << none;
        QTest::newRow("numbers") << kDemo << "get"
                                 << "n" << none;
        QTest::newRow("unicode") << kDemo << "get"
                                 << "user.name" << none;
        QTest::newRow("missing") << kDemo << "get"
                                 << "settings.nope" << none;
        QTest::newRow("missing, default") << kDemo << "get"
                                          << "settings.nope" << QStringList{"--default", "\"x\""};
        QTest::newRow("prototype name") << kDemo << "get"
                                        << "settings.toString" << none;
        QTest::newRow("has") << kDemo << "has"
                             << "ui.sidebarCollapsed" << none;
        QTest::newRow("has not") << kDemo << "has"
                                 << "ui.nope" << none;
        QTest::newRow("has method") << kDemo << "has"
                                    << "settings.toString" << none;
        QTest::newRow("conf10 keys") << kDemo << "get"
                                     << "settings.theme" << QStringList{"--compat", "conf10"};
        QTest::newRow("bad key") << kDemo << "get"
                                 << "settings..theme" << none;
        QTest::newRow("bad key, broken file") << QByteArray("{\"a\":1,\n\"b\" 2}") << "get"
                                              << "settings..theme" << none;
        QTest::newRow("duplicates")
            << QByteArray("{\"a\":1,\n\"b\":{\"x\":1,\"x\":2},\"a\":3}") << "get"
            << "b.x" << none;
        QTest::newRow("duplicate on the path")
            << QByteArray("{\"b\":{\"x\":1},\n \"b\":{\"y\":2}}") << "get"
            << "b" << none;
        QTest::newRow("broken") << QByteArray("{\"settings\": {\"theme\": \"dark\",\n  \"x\" 1}}")
                                << "get"
                                << "settings.theme" << none;
        QTest::newRow("broken after the key")
            << QByteArray("{\"settings\": {\"theme\": \"dark\"},\n  \"x\": [1,]}") << "get"
            << "settings.theme" << none;
        QTest::newRow("bad UTF-8 elsewhere") << QByteArray("{\"a\":1,\"z\":\"\xC3\x28\"}") << "get"
                                             << "a" << none;
        QTest::newRow("array root") << QByteArray("[1,2]") << "get"
                                    << "a" << none;
        QTest::newRow("empty file") << QByteArray() << "get"
                                    << "a" << none;
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF{\"a\":{\"b\":true}}") << "get"
                             << "a.b" << none;
        QTest::newRow("missing file") << QByteArray("(missing)") << "get"
                                      << "a" << none;
        QTest::newRow("missing file, has") << QByteArray("(missing)") << "has"
                                           << "a" << none;
    }

    void sameAsTheOpenStore()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, op);
        QFETCH(QString, key);
        QFETCH(QStringList, extra);
        CliFixture f;
        QVERIFY(f.isValid());
        if (content != "(missing)")
            QVERIFY(writeAll(f.path(), content));
        QStringList oneShot = extra;
        oneShot << op << key;
        // `extra` holds options; --default belongs after the command.
        if (const int at = int(extra.indexOf(QStringLiteral("--default"))); at >= 0) {
            oneShot = extra.mid(0, at) + extra.mid(at + 2);
            oneShot << op << key << extra.mid(at, 2);
        }
        const auto before = f.snapshot();
        const Run run = f.run(oneShot);
        // A read writes nothing: no history entry, no backup.
        QCOMPARE(f.snapshot(), before);
        const Answer expected = throughTheStore(f, op, key, extra);
        QCOMPARE(run.out, expected.out);
        QCOMPARE(run.exitCode, expected.exitCode);
        // The warnings an open store gives (none when the file does not
        // open), then the answer's error.
        QCOMPARE(run.err, warningsOf(f, extra) + expected.error);
    }
};

QTEST_GUILESS_MAIN(TestCliOneShot)
#include "tst_cli_oneshot.moc"
