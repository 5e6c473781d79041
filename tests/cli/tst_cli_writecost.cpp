// What a change costs on disk, counted by the process itself
// (TAD_IO_COUNTERS): a burst of 40 sets through `batch` with the default
// options (the built-in schema, history and backups on) makes at most 2.2
// fsyncs and writes at most 1.15 times the file's size per set, on a 2 KB
// file (the smallest size the targets name). Counts, not
// timings: the same on any machine.
#include "CliFixture.h"

#include "json/JsonText.h"
#include <QFile>
#include <QTest>

using namespace tad;
using namespace clitest;

class TestCliWriteCost : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY2(!cliPath().isEmpty(), "ctest sets TAD_CLI"); }

    void aSetCostsAboutOneDurableWrite()
    {
        const QString key = QStringLiteral("ui.sidebarCollapsed"); // no backup guards it
        CliFixture f;
        QVERIFY(f.isValid());
        // The demo config grown to the smallest size, 2 KB, with
        // more workspaces of the same shape.
        QFile demo(QStringLiteral(TAD_SOURCE_DIR "/resources/demo/tad-config.demo.json"));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        const QByteArray demoBytes = demo.readAll();
        auto config = parseValue(std::string_view(demoBytes.constData(), size_t(demoBytes.size())));
        QVERIFY(config);
        Json doc = config.value();
        const Json workspace = doc["workspaces"]["notes"];
        for (int i = 0; compactJson(doc).size() < 2048; ++i)
            doc["workspaces"]["notes-" + std::to_string(i)] = workspace;
        QFile out(f.path());
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray::fromStdString(compactJson(doc)));
        out.close();
        // The history exists already, as it does for anyone past a first run.
        QCOMPARE(f.run({"set", key, "true"}).exitCode, 0);

        QByteArray requests;
        const int sets = 40;
        for (int i = 0; i < sets; ++i)
            requests += QByteArray::fromStdString(compactJson(Json{
                            {"op", "set"}, {"key", key.toStdString()}, {"value", i % 2 == 0}})) +
                        '\n';
        const QString counts = f.dir() + QStringLiteral("/io-counts.json");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TAD_IO_COUNTERS"), counts);
        const Run batch =
            runCli({QStringLiteral("--config"), f.path(), QStringLiteral("batch")}, requests, env);
        QCOMPARE(batch.exitCode, 0);
        QCOMPARE(batch.out.count("\"ok\":true"), sets);

        QFile countsFile(counts);
        QVERIFY(countsFile.open(QIODevice::ReadOnly));
        const QByteArray line = countsFile.readAll().trimmed();
        auto parsed = parseValue(std::string_view(line.constData(), size_t(line.size())));
        QVERIFY2(parsed, line.constData());
        const double fsyncs = double(parsed.value()["fsyncs"].get<qint64>()) / sets;
        const double bytes = double(parsed.value()["bytesWritten"].get<qint64>()) / sets;
        const double fileSize = double(QFile(f.path()).size());
        qInfo("per set: %.2f fsyncs, %.0f bytes = %.2fx the file (%.0f bytes)", fsyncs, bytes,
              bytes / fileSize, fileSize);
        QVERIFY2(fsyncs <= 2.2, qPrintable(QString::number(fsyncs)));
        QVERIFY2(bytes <= 1.15 * fileSize, qPrintable(QString::number(bytes / fileSize)));
    }
};

QTEST_GUILESS_MAIN(TestCliWriteCost)
#include "tst_cli_writecost.moc"
