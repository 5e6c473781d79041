// The same random operations through the real conf (15 and 10) and through
// `tad-settings-cli batch` must leave byte-identical files, in each of the
// styles the Electron app may use; and each side must read the other's file.
#include "InteropOps.h"
#include "LineProcess.h"

#include "json/JsonText.h"
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>

using namespace tad;
using namespace tad::interop;

namespace {

constexpr quint64 kDefaultSeed = 20261120;
constexpr int kDefaultOps = 300;
constexpr int kCrossCheckEvery = 50;

QString engineArgument(Engine engine)
{
    return engine == Engine::Conf15 ? QStringLiteral("conf15") : QStringLiteral("conf10");
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<missing>");
    return file.readAll();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

Json parseReply(const QByteArray &line)
{
    auto parsed = parseValue(std::string_view(line.constData(), size_t(line.size())));
    return parsed ? parsed.value() : Json{{"unparsable", line.toStdString()}};
}

// Where two files part, with enough around it to see why.
QString describeFiles(const QByteArray &confBytes, const QByteArray &ourBytes)
{
    qsizetype at = 0;
    while (at < confBytes.size() && at < ourBytes.size() && confBytes[at] == ourBytes[at])
        ++at;
    const qsizetype from = qMax<qsizetype>(0, at - 160);
    QString text = QStringLiteral("first difference at byte %1 (conf %2 bytes, ours %3 bytes)\n"
                                  "  conf: ...%4...\n  ours: ...%5...\n")
                       .arg(at)
                       .arg(confBytes.size())
                       .arg(ourBytes.size())
                       .arg(QString::fromUtf8(confBytes.mid(from, at - from + 160)),
                            QString::fromUtf8(ourBytes.mid(from, at - from + 160)));
    if (confBytes.size() < 4000 && ourBytes.size() < 4000)
        text += QStringLiteral("conf file:\n%1\nour file:\n%2\n")
                    .arg(QString::fromUtf8(confBytes), QString::fromUtf8(ourBytes));
    return text;
}

// Empty when the two replies to `op` agree; else what differs.
QString disagreement(const InteropOp &op, const Json &confReply, const Json &ourReply,
                     bool confChangedFile)
{
    const bool confOk = confReply.value("ok", false);
    const bool ourOk = ourReply.value("ok", false);
    const int ourCode = ourReply.value("code", 0);
    // dot-prop drops the whole operation when a segment is forbidden, and
    // conf writes the file unchanged; whether a segment is one depends on
    // the dialect ("a\\.constructor" is one segment in dot-prop 6), so
    // both agreeing is fine too.
    if (op.expect == InteropOp::Expect::MaybeConfIgnores && confOk && !ourOk) {
        if (confChangedFile)
            return QStringLiteral("conf changed the file; we refused");
        if (ourCode != int(ErrorCode::Usage))
            return QStringLiteral("conf ignores this key; we must refuse it with code 1");
        return {};
    }
    if (op.op == QLatin1String("get") && confOk) {
        if (!confReply.value("found", false))
            return (!ourOk && ourCode == int(ErrorCode::NotFound))
                       ? QString()
                       : QStringLiteral("conf finds nothing; we must answer code 3");
        if (!ourOk)
            return QStringLiteral("conf finds a value; we do not");
        return compactJson(confReply["value"]) == compactJson(ourReply["value"])
                   ? QString()
                   : QStringLiteral("different values");
    }
    if (confOk != ourOk)
        return confOk ? QStringLiteral("conf accepts, we refuse")
                      : QStringLiteral("conf refuses, we accept");
    if (!confOk && ourCode != int(ErrorCode::Usage))
        return QStringLiteral("refused with code %1, expected 1 (usage)").arg(ourCode);
    if (op.op == QLatin1String("has") && confOk &&
        confReply.value("value", false) != ourReply.value("value", true))
        return QStringLiteral("different answers");
    return {};
}

} // namespace

class ConfInteropTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void randomOpsMatchConf_data();
    void randomOpsMatchConf();
    void oddKeysAgree_data();
    void oddKeysAgree();

private:
    bool startDriver(LineProcess &process, Engine engine, const QString &style,
                     const QString &file);
    bool startCli(LineProcess &process, Engine engine, const QString &file);
    QByteArray cliGetAll(Engine engine, const QString &file, QString *error);
    QString confDisagreesWithText(Engine engine, const QString &style, const QString &file,
                                  const QByteArray &json);
    QString prepareFiles(Engine engine, const QString &style, const QString &confFile,
                         const QString &ourFile);

    QString m_node;
    QString m_cli;
    QString m_driver;
    quint64 m_seed = kDefaultSeed;
    int m_ops = kDefaultOps;
};

void ConfInteropTest::initTestCase()
{
    m_node = qEnvironmentVariable("TAD_NODE");
    m_cli = qEnvironmentVariable("TAD_CLI");
    m_driver = qEnvironmentVariable("TAD_INTEROP_DIR") + QStringLiteral("/conf/driver.mjs");
    QVERIFY2(!m_node.isEmpty(), "TAD_NODE must name node (ctest sets it)");
    QVERIFY2(QFile::exists(m_cli), qPrintable("TAD_CLI is not a file: " + m_cli));
    QVERIFY2(QFile::exists(m_driver), qPrintable("driver missing: " + m_driver));
    if (qEnvironmentVariableIsSet("TAD_INTEROP_SEED"))
        m_seed = qEnvironmentVariable("TAD_INTEROP_SEED").toULongLong();
    if (qEnvironmentVariableIsSet("TAD_INTEROP_OPS"))
        m_ops = qEnvironmentVariableIntValue("TAD_INTEROP_OPS");
    qInfo("seed %llu, %d operations per combination (TAD_INTEROP_SEED, TAD_INTEROP_OPS)",
          static_cast<unsigned long long>(m_seed), m_ops);
}

bool ConfInteropTest::startDriver(LineProcess &process, Engine engine, const QString &style,
                                  const QString &file)
{
    return process.start(m_node,
                         {m_driver, QStringLiteral("--engine"), engineArgument(engine),
                          QStringLiteral("--style"), style, QStringLiteral("--file"), file});
}

bool ConfInteropTest::startCli(LineProcess &process, Engine engine, const QString &file)
{
    return process.start(m_cli, {QStringLiteral("--config"), file, QStringLiteral("--no-schema"),
                                 QStringLiteral("--compat"), engineArgument(engine),
                                 QStringLiteral("batch")});
}

QByteArray ConfInteropTest::cliGetAll(Engine engine, const QString &file, QString *error)
{
    QProcess cli;
    cli.start(m_cli,
              {QStringLiteral("--config"), file, QStringLiteral("--no-schema"),
               QStringLiteral("--compat"), engineArgument(engine), QStringLiteral("get-all")});
    if (!cli.waitForFinished(30000) || cli.exitCode() != 0) {
        *error = QStringLiteral("get-all failed (%1): %2")
                     .arg(cli.exitCode())
                     .arg(QString::fromUtf8(cli.readAllStandardError()));
        return {};
    }
    return cli.readAllStandardOutput().trimmed();
}

// Opens `file` with a fresh conf and checks that its store deep-equals the
// JSON text `json` and prints the same. Empty when they agree.
QString ConfInteropTest::confDisagreesWithText(Engine engine, const QString &style,
                                               const QString &file, const QByteArray &json)
{
    LineProcess conf;
    if (!startDriver(conf, engine, style, file))
        return conf.lastError();
    const auto reply = conf.request("{\"op\":\"compare-store\",\"value\":" + json + "}");
    if (!reply)
        return conf.lastError();
    const Json answer = parseReply(*reply);
    if (!answer.value("ok", false))
        return QStringLiteral("conf cannot read %1: %2").arg(file, QString::fromUtf8(*reply));
    if (!answer["value"].value("deepEqual", false) || !answer["value"].value("sameText", false))
        return QStringLiteral("conf's store differs from %1 (%2)")
            .arg(QString::fromUtf8(json.left(2000)), QString::fromUtf8(*reply));
    return {};
}

// Both files start as conf itself writes the initial document in `style`.
QString ConfInteropTest::prepareFiles(Engine engine, const QString &style, const QString &confFile,
                                      const QString &ourFile)
{
    if (!writeBytes(confFile, initialDocument()))
        return QStringLiteral("cannot write ") + confFile;
    LineProcess conf;
    if (!startDriver(conf, engine, style, confFile))
        return conf.lastError();
    const auto reply = conf.request("{\"op\":\"set\",\"key\":\"version\",\"value\":\"1.0.0\"}");
    if (!reply || !parseReply(*reply).value("ok", false))
        return QStringLiteral("conf could not restyle the initial file: ") +
               (reply ? QString::fromUtf8(*reply) : conf.lastError());
    conf.finish();
    QFile::remove(ourFile);
    if (!QFile::copy(confFile, ourFile))
        return QStringLiteral("cannot copy to ") + ourFile;
    return {};
}

void ConfInteropTest::randomOpsMatchConf_data()
{
    QTest::addColumn<int>("engine");
    QTest::addColumn<QString>("style");
    for (Engine engine : {Engine::Conf15, Engine::Conf10}) {
        for (const char *style : {"compact", "tab", "2"}) {
            const QByteArray name = engineArgument(engine).toLatin1() + " " + style;
            QTest::newRow(name.constData()) << int(engine) << QString::fromLatin1(style);
        }
    }
}

void ConfInteropTest::randomOpsMatchConf()
{
    QFETCH(int, engine);
    QFETCH(QString, style);
    const Engine confEngine = Engine(engine);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath("conf") && QDir(dir.path()).mkpath("ours"));
    const QString confFile = dir.filePath("conf/tad-config.json");
    const QString ourFile = dir.filePath("ours/tad-config.json");
    const QString prepared = prepareFiles(confEngine, style, confFile, ourFile);
    QVERIFY2(prepared.isEmpty(), qPrintable(prepared));

    LineProcess conf;
    LineProcess ours;
    QVERIFY2(startDriver(conf, confEngine, style, confFile), qPrintable(conf.lastError()));
    QVERIFY2(startCli(ours, confEngine, ourFile), qPrintable(ours.lastError()));

    InteropOpGenerator generator(m_seed, confEngine);
    QStringList history;
    // The whole story goes to stderr (Qt Test cuts long failure messages);
    // the failure line itself stays short.
    auto failWith = [&](int index, const QString &what) {
        dir.setAutoRemove(false);
        const QString summary =
            QStringLiteral("op %1 of seed %2 (%3 %4): %5")
                .arg(index)
                .arg(m_seed)
                .arg(engineArgument(confEngine), style, what.section('\n', 0, 0));
        const QString story =
            QStringLiteral("%1\n%2\nlast ops:\n  %3\nfiles kept in %4\n")
                .arg(summary, what, history.mid(history.size() - 8).join(QStringLiteral("\n  ")),
                     dir.path());
        std::fputs(story.toUtf8().constData(), stderr);
        return summary;
    };

    for (int i = 0; i < m_ops; ++i) {
        const InteropOp op = generator.next();
        const QByteArray confBefore = readBytes(confFile);
        const auto confReply = conf.request(op.line);
        if (!confReply)
            QFAIL(qPrintable(failWith(i, conf.lastError())));
        const auto ourReply = ours.request(op.line);
        if (!ourReply)
            QFAIL(qPrintable(failWith(i, ours.lastError())));
        history << QStringLiteral("%1\n    conf: %2\n    ours: %3")
                       .arg(QString::fromUtf8(op.line), QString::fromUtf8(*confReply),
                            QString::fromUtf8(*ourReply));

        const QByteArray confAfter = readBytes(confFile);
        const QString replies = disagreement(op, parseReply(*confReply), parseReply(*ourReply),
                                             confAfter != confBefore);
        if (!replies.isEmpty())
            QFAIL(qPrintable(failWith(i, replies)));
        const QByteArray ourAfter = readBytes(ourFile);
        if (confAfter != ourAfter)
            QFAIL(qPrintable(failWith(i, QStringLiteral("files differ; ") +
                                             describeFiles(confAfter, ourAfter))));

        if ((i + 1) % kCrossCheckEvery == 0) {
            const QByteArray prefix = "{\"ok\":true,\"value\":";
            const auto all = ours.request("{\"op\":\"get-all\"}");
            if (!all || !all->startsWith(prefix))
                QFAIL(qPrintable(failWith(i, QStringLiteral("get-all failed"))));
            const QByteArray value = all->mid(prefix.size()).chopped(1);
            const QString crossCheck = confDisagreesWithText(confEngine, style, ourFile, value);
            if (!crossCheck.isEmpty())
                QFAIL(qPrintable(failWith(i, crossCheck)));
        }
    }
    QCOMPARE(ours.finish(), 0);
    conf.finish();

    // Each side reads the other's final file: conf reads ours, we read conf's.
    QString error;
    const QByteArray ourView = cliGetAll(confEngine, ourFile, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString confReadsOurs = confDisagreesWithText(confEngine, style, ourFile, ourView);
    QVERIFY2(confReadsOurs.isEmpty(), qPrintable(confReadsOurs));
    const QByteArray ourViewOfConf = cliGetAll(confEngine, confFile, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString weReadConf = confDisagreesWithText(confEngine, style, confFile, ourViewOfConf);
    QVERIFY2(weReadConf.isEmpty(), qPrintable(weReadConf));
    QCOMPARE(readBytes(ourFile), readBytes(confFile));
}

void ConfInteropTest::oddKeysAgree_data()
{
    QTest::addColumn<int>("engine");
    QTest::addColumn<QByteArray>("key"); // as a JSON string literal
    const QList<QByteArray> keys = oddKeyLiterals();
    for (Engine engine : {Engine::Conf15, Engine::Conf10}) {
        for (const QByteArray &key : keys) {
            const QByteArray name = engineArgument(engine).toLatin1() + " " + key;
            QTest::newRow(name.constData()) << int(engine) << key;
        }
    }
    // conf 15 refuses the bare key; conf 10 does not, but we keep it
    // untouched for both (our own rule).
    QTest::newRow("conf15 \"__internal__\"")
        << int(Engine::Conf15) << QByteArray("\"__internal__\"");
}

// One `set` with an unusual key: conf and we accept or refuse it alike, and
// leave the same bytes.
void ConfInteropTest::oddKeysAgree()
{
    QFETCH(int, engine);
    QFETCH(QByteArray, key);
    const Engine confEngine = Engine(engine);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath("conf") && QDir(dir.path()).mkpath("ours"));
    const QString confFile = dir.filePath("conf/tad-config.json");
    const QString ourFile = dir.filePath("ours/tad-config.json");
    const QString prepared = prepareFiles(confEngine, QStringLiteral("compact"), confFile, ourFile);
    QVERIFY2(prepared.isEmpty(), qPrintable(prepared));

    InteropOp op;
    op.op = QStringLiteral("set");
    op.line = R"({"op":"set","key":)" + key + R"(,"value":{"v":1}})";
    if (key.contains("__proto__") || key.contains("constructor") || key.contains("prototype"))
        op.expect = InteropOp::Expect::MaybeConfIgnores;

    LineProcess conf;
    LineProcess ours;
    QVERIFY(startDriver(conf, confEngine, QStringLiteral("compact"), confFile));
    QVERIFY(startCli(ours, confEngine, ourFile));
    const QByteArray before = readBytes(confFile);
    const auto confReply = conf.request(op.line);
    const auto ourReply = ours.request(op.line);
    QVERIFY2(confReply && ourReply, qPrintable(conf.lastError() + ours.lastError()));
    const QByteArray confAfter = readBytes(confFile);
    const QByteArray ourAfter = readBytes(ourFile);
    const QString replies =
        disagreement(op, parseReply(*confReply), parseReply(*ourReply), confAfter != before);
    const QString story = QStringLiteral("%1\n  conf: %2\n  ours: %3\n")
                              .arg(QString::fromUtf8(op.line), QString::fromUtf8(*confReply),
                                   QString::fromUtf8(*ourReply));
    if (!replies.isEmpty()) {
        std::fputs(story.toUtf8().constData(), stderr);
        QFAIL(qPrintable(replies));
    }
    if (confAfter != ourAfter) {
        std::fputs((story + describeFiles(confAfter, ourAfter)).toUtf8().constData(), stderr);
        QFAIL("files differ");
    }
}

QTEST_GUILESS_MAIN(ConfInteropTest)
#include "tst_conf_interop.moc"
