// Random cases run through the real dot-prop 10 and dot-prop 6 in Node
// (tests/interop/keys/dotprop-crosscheck.mjs) and through KeyPath: the same
// error or no error, the same answer, the same document bytes afterwards.
//
// TAD_KEYS_SEED and TAD_KEYS_CASES override the seed and the number of cases.
#include "keys/KeyPath.h"

#include <QDir>
#include <QProcess>
#include <QTest>

using namespace tad;

namespace {

struct Outcome
{
    bool ok = true;
    std::optional<Json> result; // get: the value or nothing (undefined); has/delete: a bool
    std::optional<std::string> document;
};

// Our answer for one case, in the shape the script prints.
Outcome runOurs(const std::string &documentText, const std::string &op, const std::string &key,
                const std::string &valueText, KeyDialect dialect)
{
    Outcome outcome;
    Json document = Json::parse(documentText);
    const KeyProblem problem = KeyPath::diagnose(key, dialect);
    if (problem == KeyProblem::Malformed) {
        outcome.ok = false;
        return outcome;
    }
    // conf ignores a refused key: the empty path below stands for that.
    const KeyPath path = problem == KeyProblem::Refused ? KeyPath::fromSegments({"__proto__"})
                                                        : *KeyPath::parse(key, dialect);
    if (op == "get") {
        outcome.result = getValue(document, path);
        return outcome;
    }
    if (op == "has") {
        outcome.result = Json(hasValue(document, path));
        return outcome;
    }
    if (op == "set") {
        const Result<void> result = setValue(document, path, Json::parse(valueText), dialect);
        outcome.ok = result.ok();
    } else {
        const Result<bool> result = deleteValue(document, path);
        outcome.ok = result.ok();
        if (result.ok())
            outcome.result = Json(*result);
    }
    if (outcome.ok)
        outcome.document = document.dump();
    return outcome;
}

Outcome nodeOutcome(const Json &reported, const std::string &op)
{
    Outcome outcome;
    outcome.ok = reported.at("ok").get<bool>();
    if (!outcome.ok)
        return outcome;
    if (op == "get") {
        const Json &text = reported.at("result");
        if (!text.is_null())
            outcome.result = Json::parse(text.get<std::string>());
    } else if (reported.contains("result")) {
        outcome.result = reported.at("result");
    }
    if (reported.contains("doc"))
        outcome.document = Json::parse(reported.at("doc").get<std::string>()).dump();
    return outcome;
}

QString describe(const Outcome &outcome)
{
    if (!outcome.ok)
        return QStringLiteral("throws");
    QString text = QStringLiteral("result=%1")
                       .arg(outcome.result ? QString::fromStdString(outcome.result->dump())
                                           : QStringLiteral("undefined"));
    if (outcome.document)
        text += QStringLiteral(" doc=") + QString::fromStdString(*outcome.document);
    return text;
}

unsigned envNumber(const char *name, unsigned fallback)
{
    bool ok = false;
    const unsigned value = qEnvironmentVariable(name).toUInt(&ok);
    return ok ? value : fallback;
}

} // namespace

class TestKeysCrossCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesRealDotProp();
};

void TestKeysCrossCheck::matchesRealDotProp()
{
    const QString node = qEnvironmentVariable("TAD_NODE");
    if (node.isEmpty())
        QFAIL("TAD_NODE is not set: run this test through ctest, or set TAD_NODE to a node >= 20 "
              "binary.");
    const unsigned seed = envNumber("TAD_KEYS_SEED", 20240611);
    const unsigned cases = envNumber("TAD_KEYS_CASES", 5000);
    qInfo("dot-prop cross-check: seed %u (TAD_KEYS_SEED), %u cases (TAD_KEYS_CASES)", seed, cases);

    const QString script =
        QStringLiteral(TAD_SOURCE_DIR "/tests/interop/keys/dotprop-crosscheck.mjs");
    QProcess process;
    process.start(node, {script, QStringLiteral("--seed"), QString::number(seed),
                         QStringLiteral("--count"), QString::number(cases)});
    QVERIFY2(process.waitForFinished(120000), qPrintable(process.errorString()));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());

    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    int compared = 0;
    int failures = 0;
    int changedDocuments = 0;
    int thrown = 0;
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const Json testCase = Json::parse(line.toStdString());
        const std::string op = testCase.at("op").get<std::string>();
        const std::string documentText = testCase.at("doc").get<std::string>();
        const std::string key = testCase.at("key").get<std::string>();
        const std::string value = testCase.at("value").is_null()
                                      ? std::string()
                                      : testCase.at("value").get<std::string>();

        for (const auto &[field, dialect] :
             {std::pair{"dp10", KeyDialect::DotProp10}, std::pair{"dp6", KeyDialect::DotProp6}}) {
            Outcome expected = nodeOutcome(testCase.at(field), op);
            const Outcome actual = runOurs(documentText, op, key, value, dialect);
            // dot-prop 6's delete says true whenever it reaches the last
            // segment; KeyPath reports dot-prop 10's answer for both.
            if (op == "delete" && dialect == KeyDialect::DotProp6)
                expected.result = actual.result;
            ++compared;
            if (!expected.ok)
                ++thrown;
            else if (expected.document && *expected.document != Json::parse(documentText).dump())
                ++changedDocuments;
            const bool same = expected.ok == actual.ok && expected.result == actual.result &&
                              expected.document == actual.document;
            if (same)
                continue;
            if (++failures <= 20) {
                qWarning().noquote()
                    << QStringLiteral("case %1 (%2) %3 key=%4 value=%5\n  doc:  %6\n  node: %7\n"
                                      "  ours: %8")
                           .arg(testCase.at("index").get<int>())
                           .arg(QString::fromLatin1(field), QString::fromStdString(op),
                                QString::fromStdString(key), QString::fromStdString(value),
                                QString::fromStdString(documentText), describe(expected),
                                describe(actual));
            }
        }
    }
    qInfo("compared %d outcomes: %d threw in dot-prop, %d changed the document", compared, thrown,
          changedDocuments);
    QCOMPARE(compared, int(cases) * 2);
    // Enough of the cases must reach the interesting paths to mean something.
    QVERIFY(thrown > 20);
    QVERIFY(changedDocuments > int(cases) / 10);
    QCOMPARE(failures, 0);
}

QTEST_GUILESS_MAIN(TestKeysCrossCheck)
#include "tst_keys_crosscheck.moc"
