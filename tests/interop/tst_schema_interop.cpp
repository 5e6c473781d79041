// The shipped schema in use on both sides: the real conf given the schema
// (as the Electron app configures it) and `tad-settings-cli batch` with the
// built-in schema receive the same random operations, about a third of them
// invalid. After every operation both files must be byte-identical (defaults
// filled the same way, clear and delete included), and a change conf refuses
// must be refused by us with exit code 2 and conf's own message.
#include "LineProcess.h"

#include "json/JsonText.h"
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>

using namespace tad;
using namespace tad::interop;

namespace {

constexpr quint64 kDefaultSeed = 20261125;
constexpr int kDefaultOps = 250;

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<missing>");
    return file.readAll();
}

Json parseReply(const QByteArray &line)
{
    auto parsed = parseValue(std::string_view(line.constData(), size_t(line.size())));
    return parsed ? *parsed : Json();
}

// Operations around the shipped schema; some break it on purpose.
class SchemaOpGenerator
{
public:
    explicit SchemaOpGenerator(quint64 seed) : m_random(seed) {}

    Json next()
    {
        switch (m_random.bounded(16)) {
        case 0:
            return set("settings.fontSize", int(m_random.bounded(4, 31)));
        case 1:
            return set("settings.theme", pick({"light", "dark", "auto", "neon"}));
        case 2:
            return set("settings.autoSave", pick({Json(true), Json(false), Json("yes")}));
        case 3:
            return set("user.email", pick({"", "ada@example.com", "not-an-email"}));
        case 4:
            return set("ai.temperature", pick({Json(0), Json(1.5), Json(2.5)}));
        case 5:
            return set("ai.provider", pick({"openai", "anthropic", "someone-else"}));
        case 6: {
            Json list = Json::array();
            const int count = int(m_random.bounded(0, 13)); // maxItems is 10
            for (int i = 0; i < count; ++i)
                list.push_back("/w/" + std::to_string(i));
            return set("recent.workspaces", list);
        }
        case 7:
            return set("workspaces." + workspace(),
                       Json{{"name", "Workspace"}, {"path", "/home/ada/project"}});
        case 8:
            return set("workspaces." + workspace() + ".lastOpened",
                       pick({"2026-11-25T10:00:00Z", "yesterday"}));
        case 9:
            return Json{{"op", "delete"},
                        {"key", pick({"settings.fontSize", "settings", "user.email", "ai",
                                      "recent.workspaces", "ui.activePanels", "extra"})}};
        case 10:
            return Json{{"op", "delete"}, {"key", "workspaces." + workspace()}};
        case 11:
            // conf's reset knows top-level keys only.
            return Json{{"op", "reset"}, {"key", pick({"settings", "ai", "user", "recent", "ui"})}};
        case 12:
            return Json{{"op", "clear"}};
        case 13:
            return Json{{"op", "set-multiple"},
                        {"value",
                         {{"settings.theme", pick({"dark", "light"})},
                          {"ai.maxTokens", pick({Json(100), Json(5000)})}}}};
        case 14:
            return set("extra.k" + std::to_string(m_random.bounded(3)), int(m_random.bounded(9)));
        default:
            return set("user.name", pick({Json("Ada"), Json(5)}));
        }
    }

private:
    static Json set(const std::string &key, Json value)
    {
        return Json{{"op", "set"}, {"key", key}, {"value", std::move(value)}};
    }
    Json pick(std::initializer_list<Json> choices)
    {
        return *(choices.begin() + m_random.bounded(int(choices.size())));
    }
    std::string workspace() { return "w" + std::to_string(m_random.bounded(4)); }

    QRandomGenerator64 m_random;
};

} // namespace

class SchemaInteropTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameBytesAndSameRefusals_data();
    void sameBytesAndSameRefusals();

private:
    QString m_node;
    QString m_cli;
    QString m_driver;
    QString m_schemaMap;
    quint64 m_seed = kDefaultSeed;
    int m_ops = kDefaultOps;
};

void SchemaInteropTest::initTestCase()
{
    m_node = qEnvironmentVariable("TAD_NODE");
    m_cli = qEnvironmentVariable("TAD_CLI");
    m_driver = qEnvironmentVariable("TAD_INTEROP_DIR") + QStringLiteral("/conf/driver.mjs");
    m_schemaMap = QStringLiteral(TAD_SOURCE_DIR "/resources/schema/tad-config.schema.json");
    QVERIFY2(!m_node.isEmpty(), "TAD_NODE must name node (ctest sets it)");
    QVERIFY2(QFile::exists(m_cli), qPrintable("TAD_CLI is not a file: " + m_cli));
    QVERIFY2(QFile::exists(m_driver), qPrintable("driver missing: " + m_driver));
    QVERIFY(QFile::exists(m_schemaMap));
    if (qEnvironmentVariableIsSet("TAD_INTEROP_SEED"))
        m_seed = qEnvironmentVariable("TAD_INTEROP_SEED").toULongLong();
    if (qEnvironmentVariableIsSet("TAD_INTEROP_OPS"))
        m_ops = qEnvironmentVariableIntValue("TAD_INTEROP_OPS");
    qInfo("seed %llu, %d operations per engine (TAD_INTEROP_SEED, TAD_INTEROP_OPS)",
          static_cast<unsigned long long>(m_seed), m_ops);
}

void SchemaInteropTest::sameBytesAndSameRefusals_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("style");
    QTest::newRow("conf15 compact") << QStringLiteral("conf15") << QStringLiteral("compact");
    QTest::newRow("conf15 tab") << QStringLiteral("conf15") << QStringLiteral("tab");
    QTest::newRow("conf10 2") << QStringLiteral("conf10") << QStringLiteral("2");
}

void SchemaInteropTest::sameBytesAndSameRefusals()
{
    QFETCH(QString, engine);
    QFETCH(QString, style);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath("conf") && QDir(dir.path()).mkpath("ours"));
    const QString confFile = dir.filePath("conf/tad-config.json");
    const QString ourFile = dir.filePath("ours/tad-config.json");

    // conf creates the store from nothing with the schema's defaults; we
    // start from its file.
    LineProcess conf;
    QVERIFY2(conf.start(m_node, {m_driver, "--engine", engine, "--style", style, "--file", confFile,
                                 "--schema", m_schemaMap}),
             qPrintable(conf.lastError()));
    const auto first = conf.request(R"({"op":"get-all"})");
    QVERIFY2(first && parseReply(*first).value("ok", false),
             first ? first->constData() : "conf did not answer");
    QVERIFY(QFile::copy(confFile, ourFile));

    LineProcess ours;
    QVERIFY2(ours.start(m_cli, {"--config", ourFile, "--compat", engine, "batch"}),
             qPrintable(ours.lastError()));

    SchemaOpGenerator generator(m_seed);
    int refused = 0;
    QStringList story;
    for (int i = 0; i < m_ops; ++i) {
        const Json op = generator.next();
        const QByteArray line = QByteArray::fromStdString(compactJson(op));
        story << QString::fromUtf8(line);
        const auto confReply = conf.request(line);
        const auto ourReply = ours.request(line);
        QVERIFY2(confReply, qPrintable(conf.lastError()));
        QVERIFY2(ourReply, qPrintable(ours.lastError() + QString::fromUtf8(ours.standardError())));
        const Json confAnswer = parseReply(*confReply);
        const Json ourAnswer = parseReply(*ourReply);
        const bool confOk = confAnswer.value("ok", false);
        const bool ourOk = ourAnswer.value("ok", false);
        if (confOk != ourOk || readBytes(confFile) != readBytes(ourFile)) {
            std::fprintf(stderr, "operations so far:\n%s\n", qPrintable(story.join('\n')));
            std::fprintf(stderr, "conf: %s\nours: %s\nconf file: %s\nour file:  %s\n",
                         confReply->constData(), ourReply->constData(),
                         readBytes(confFile).constData(), readBytes(ourFile).constData());
        }
        QCOMPARE(ourOk, confOk);
        if (!confOk) {
            ++refused;
            QCOMPARE(ourAnswer.value("code", 0), 2);
            // The same words as conf's own error.
            const QString confError = QString::fromStdString(confAnswer.value("error", ""));
            const QString ourError = QString::fromStdString(ourAnswer.value("error", ""));
            QVERIFY2(ourError.contains(confError),
                     qPrintable(QStringLiteral("conf: %1\nours: %2").arg(confError, ourError)));
        }
        QCOMPARE(readBytes(ourFile), readBytes(confFile));
    }
    conf.finish();
    QCOMPARE(ours.finish(), 0);
    qInfo("%d operations, %d refused by both, files identical after each", m_ops, refused);
    QVERIFY(refused > m_ops / 10); // the corpus does exercise refusals
    QVERIFY(refused < m_ops);
}

QTEST_GUILESS_MAIN(SchemaInteropTest)
#include "tst_schema_interop.moc"
