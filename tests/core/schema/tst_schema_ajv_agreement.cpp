// Agreement with the real Ajv, configured as electron-store configures it:
// a generated corpus around the shipped schema goes through Ajv (Node) and
// through us; verdicts, failing instance paths, keywords and messages, and
// the documents after useDefaults must all be the same. Also: the real conf
// creates a store from the shipped schema and writes our defaults.
#include "SchemaTestData.h"
#include "schema/Defaults.h"

#include "json/JsonText.h"
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

using tad::Json;

namespace {

QString nodeProgram()
{
    return qEnvironmentVariable("TAD_NODE");
}

QString interopDir()
{
    return qEnvironmentVariable("TAD_INTEROP_DIR");
}

bool runNode(const QStringList &args, QByteArray &out, QString &failure)
{
    QProcess node;
    node.setWorkingDirectory(interopDir());
    node.start(nodeProgram(), args);
    if (!node.waitForFinished(120000)) {
        failure = QStringLiteral("node did not finish: ") + node.errorString();
        return false;
    }
    out = node.readAllStandardOutput();
    if (node.exitCode() != 0) {
        failure = QString::fromUtf8(node.readAllStandardError());
        return false;
    }
    return true;
}

using ErrorKey = std::tuple<std::string, std::string, std::string>; // path, keyword, message

} // namespace

class TestSchemaAjvAgreement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void corpusAgreesWithAjv();
    // The real conf, handed the shipped schema, creates a store from nothing
    // without error and writes the defaults we compute.
    void confCreatesStoreFromShippedSchema();

private:
    tad::Schema m_schema;
};

void TestSchemaAjvAgreement::initTestCase()
{
    QVERIFY2(!nodeProgram().isEmpty(), "TAD_NODE is not set (run through ctest)");
    QVERIFY2(QFile::exists(interopDir() + QStringLiteral("/node_modules/ajv/package.json")),
             "tests/interop/node_modules is not installed");
    m_schema = schematest::shippedSchema();
    QVERIFY(!m_schema.isNull());
}

void TestSchemaAjvAgreement::corpusAgreesWithAjv()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    schematest::CorpusGenerator generator(20240501);
    std::vector<Json> corpus;
    for (int i = 0; i < 800; ++i)
        corpus.push_back(generator.document());
    QFile file(dir.filePath(QStringLiteral("corpus.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (const auto &doc : corpus)
        file.write(QByteArray::fromStdString(doc.dump() + "\n"));
    file.close();

    QByteArray output;
    QString failure;
    QVERIFY2(runNode({QStringLiteral(TAD_SOURCE_DIR "/tests/interop/schema/ajv-validate.mjs"),
                      schematest::shippedSchemaPath(), file.fileName()},
                     output, failure),
             qPrintable(failure));
    const QList<QByteArray> lines = output.trimmed().split('\n');
    QCOMPARE(lines.size(), qsizetype(corpus.size()));

    std::map<std::string, int> byKeyword;
    int invalid = 0, sameVerdict = 0, samePaths = 0, sameErrors = 0, sameDefaults = 0;
    QStringList disagreements;
    for (size_t i = 0; i < corpus.size(); ++i) {
        const Json ajv = Json::parse(lines[static_cast<qsizetype>(i)].toStdString());
        // electron-store fills defaults while validating: do the same.
        Json ours = corpus[i];
        tad::applySchemaDefaults(m_schema, ours);
        const tad::SchemaViolations violations = m_schema.validate(ours);

        std::set<std::string> ajvPaths, ourPaths;
        std::multiset<ErrorKey> ajvErrors, ourErrors;
        for (const auto &e : ajv["errors"]) {
            ajvPaths.insert(e["instancePath"].get<std::string>());
            ajvErrors.insert({e["instancePath"].get<std::string>(), e["keyword"].get<std::string>(),
                              e["message"].get<std::string>()});
        }
        for (const auto &v : violations) {
            ++byKeyword[v.keyword + " " + v.pointer.substr(0, v.pointer.find('/', 1))];
            ourPaths.insert(v.pointer);
            ourErrors.insert({v.pointer, v.keyword, v.message});
        }
        const bool verdictOk = ajv["valid"].get<bool>() == violations.empty();
        invalid += violations.empty() ? 0 : 1;
        sameVerdict += verdictOk;
        samePaths += ajvPaths == ourPaths;
        sameErrors += ajvErrors == ourErrors;
        sameDefaults += tad::jsEqual(ajv["filled"], ours);
        if (!verdictOk || ajvPaths != ourPaths || ajvErrors != ourErrors ||
            !tad::jsEqual(ajv["filled"], ours)) {
            QString ourText;
            for (const auto &v : violations)
                ourText +=
                    QStringLiteral("[%1 %2 %3] ")
                        .arg(QString::fromStdString(v.pointer), QString::fromStdString(v.keyword),
                             QString::fromStdString(v.message));
            disagreements << QStringLiteral("doc %1: %2\n  ajv: %3\n  ours: %4\n  our defaults: %5")
                                 .arg(i)
                                 .arg(QString::fromStdString(corpus[i].dump()),
                                      QString::fromStdString(ajv["errors"].dump() + " filled " +
                                                             ajv["filled"].dump()),
                                      ourText, QString::fromStdString(ours.dump()));
        }
    }
    std::printf("Ajv agreement on %zu documents (%d invalid): verdict %d, instance paths %d, "
                "keyword+message %d, defaults %d\n",
                corpus.size(), invalid, sameVerdict, samePaths, sameErrors, sameDefaults);
    std::printf("violations by keyword and top-level key:");
    for (const auto &[what, count] : byKeyword)
        std::printf(" [%s] %d", what.c_str(), count);
    std::printf("\n");
    for (const auto &d : disagreements.mid(0, 10))
        std::printf("%s\n", qPrintable(d));
    QVERIFY(invalid > 100);
    QVERIFY(invalid < int(corpus.size()) - 100);
    QCOMPARE(sameVerdict, int(corpus.size()));
    QCOMPARE(samePaths, int(corpus.size()));
    QCOMPARE(sameErrors, int(corpus.size()));
    QCOMPARE(sameDefaults, int(corpus.size()));
}

void TestSchemaAjvAgreement::confCreatesStoreFromShippedSchema()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script = dir.filePath(QStringLiteral("create.mjs"));
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        QStringLiteral("import Conf from '%1/node_modules/conf/dist/source/index.js';\n"
                       "import fs from 'node:fs';\n"
                       "const schema = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));\n"
                       "const store = new Conf({projectName: 'tad', cwd: process.argv[3], "
                       "configName: 'tad-config', schema, serialize: JSON.stringify});\n"
                       "store.set('settings.fontSize', 16);\n"
                       "store.reset('settings');\n"
                       "process.stdout.write(fs.readFileSync(store.path, 'utf8'));\n")
            .arg(interopDir())
            .toUtf8());
    file.close();
    QByteArray output;
    QString failure;
    QVERIFY2(runNode({script, schematest::shippedSchemaPath(), dir.path()}, output, failure),
             qPrintable(failure));
    const Json written = Json::parse(output.toStdString());
    const Json expected = tad::schemaDefaultsDocument(m_schema);
    QCOMPARE(QString::fromStdString(written.dump()), QString::fromStdString(expected.dump()));
    QVERIFY(m_schema.validate(expected).empty());
}

QTEST_GUILESS_MAIN(TestSchemaAjvAgreement)
#include "tst_schema_ajv_agreement.moc"
