// `tad-settings-cli watch`, `recover` and `batch` while another program
// writes the file.
#include "ConfProcess.h"
#include "WatchTestSupport.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace tad;
using namespace tad::testing;

namespace {

QString cliPath()
{
    return qEnvironmentVariable("TAD_CLI");
}

// The next line the process prints, running nothing else meanwhile.
std::optional<Json> nextLine(QProcess &process, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!process.canReadLine()) {
        if (deadline.hasExpired() || process.state() == QProcess::NotRunning)
            return std::nullopt;
        process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    const QByteArray line = process.readLine().trimmed();
    auto parsed = parseValue(std::string_view(line.constData(), size_t(line.size())));
    return parsed ? std::optional<Json>(parsed.value()) : std::nullopt;
}

struct CliRun
{
    int exitCode = -1;
    QByteArray out, err;
};

CliRun runCli(const QStringList &arguments)
{
    QProcess p;
    p.start(cliPath(), arguments);
    p.waitForFinished(30000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString writeBackup(const QString &storePath, const std::string &bytes, int secondsAgo)
{
    const QString folder = QFileInfo(storePath).absoluteDir().filePath(QStringLiteral("backups"));
    QDir().mkpath(folder);
    QString time = QDateTime::currentDateTimeUtc()
                       .addSecs(-secondsAgo)
                       .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    time.replace(QLatin1Char(':'), QLatin1Char('-')).replace(QLatin1Char('.'), QLatin1Char('-'));
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::fromStdString(bytes), QCryptographicHash::Sha256)
            .toHex()
            .left(8));
    const QString name = QStringLiteral("backup-%1-%2.json").arg(time, hash);
    writeInPlace(QDir(folder).filePath(name), bytes);
    return name;
}

} // namespace

class TestWatchCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!cliPath().isEmpty(), "TAD_CLI must name tad-settings-cli"); }
    void watchPrintsEachChangeOfItsKeys();
    void watchMasksSecrets();
    void recoverRestoresTheNewestGoodBackup();
    void recoverRefusesAnUnsafeName();
    void batchKeepsWatching();
    void symlinkedConfigIsFollowedAndKept();
};

void TestWatchCli::watchPrintsEachChangeOfItsKeys()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"ui":{"theme":"light"},"other":0})"));
    QProcess watch;
    watch.start(cliPath(),
                {QStringLiteral("--config"), path, QStringLiteral("--no-schema"),
                 QStringLiteral("watch"), QStringLiteral("ui.theme"), QStringLiteral("--initial")});
    QVERIFY(watch.waitForStarted());
    auto initial = nextLine(watch);
    QVERIFY2(initial, watch.readAllStandardError().constData());
    TAD_COMPARE_JSON((*initial)["key"], Json("ui.theme"));
    TAD_COMPARE_JSON((*initial)["newValue"], Json("light"));
    TAD_COMPARE_JSON((*initial)["source"], Json("initial"));

    ConfProcess conf;
    QVERIFY2(conf.start(path), qPrintable(conf.lastError()));
    QVERIFY(conf.request(Json{{"op", "set"}, {"key", "ui.theme"}, {"value", "dark"}}));
    auto change = nextLine(watch);
    QVERIFY(change);
    TAD_COMPARE_JSON((*change)["key"], Json("ui.theme"));
    TAD_COMPARE_JSON((*change)["newValue"], Json("dark"));
    TAD_COMPARE_JSON((*change)["oldValue"], Json("light"));
    TAD_COMPARE_JSON((*change)["source"], Json("external"));
    QVERIFY((*change)["timestamp"].is_number());

    // A key nobody asked for prints nothing: the next line is the next theme change.
    QVERIFY(conf.request(Json{{"op", "set"}, {"key", "other"}, {"value", 1}}));
    QVERIFY(conf.request(Json{{"op", "delete"}, {"key", "ui"}}));
    change = nextLine(watch);
    QVERIFY(change);
    TAD_COMPARE_JSON((*change)["key"], Json("ui.theme"));
    QVERIFY(!change->contains("newValue")); // removed: undefined, left out
    TAD_COMPARE_JSON((*change)["oldValue"], Json("dark"));
    QCOMPARE(conf.finish(), 0);
    watch.kill();
    watch.waitForFinished();
}

void TestWatchCli::watchMasksSecrets()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    const QString schemaPath = dir.filePath(QStringLiteral("schema.json"));
    QVERIFY(writeInPlace(
        schemaPath,
        R"({"ai":{"type":"object","properties":{"apiKey":{"type":"string","writeOnly":true}}}})"));
    QVERIFY(writeByRename(path, R"({"ai":{"apiKey":"sk-first-secret-value"}})"));
    QProcess watch;
    watch.start(cliPath(), {QStringLiteral("--config"), path, QStringLiteral("--schema"),
                            schemaPath, QStringLiteral("watch"), QStringLiteral("--initial")});
    QVERIFY(watch.waitForStarted());
    auto initial = nextLine(watch);
    QVERIFY2(initial, watch.readAllStandardError().constData());
    QVERIFY(compactJson(*initial).find("sk-first") == std::string::npos);

    QVERIFY(writeByRename(path, R"({"ai":{"apiKey":"sk-second-secret-value"}})"));
    auto change = nextLine(watch);
    QVERIFY(change);
    TAD_COMPARE_JSON((*change)["key"], Json("ai.apiKey"));
    QVERIFY2(compactJson(*change).find("secret") == std::string::npos,
             compactJson(*change).c_str());
    watch.kill();
    watch.waitForFinished();
}

void TestWatchCli::recoverRestoresTheNewestGoodBackup()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    writeBackup(path, R"({"v":"older"})", 200);
    const QString good = writeBackup(path, R"({"v":"newest good"})", 100);
    writeBackup(path, R"({"v":)", 10);
    QVERIFY(writeInPlace(path, ""));

    const CliRun run = runCli({QStringLiteral("--config"), path, QStringLiteral("--no-schema"),
                               QStringLiteral("recover"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    auto out = parseValue(run.out.trimmed().toStdString());
    QVERIFY(out);
    TAD_COMPARE_JSON((*out)["restored"], Json(good.toStdString()));
    QCOMPARE((*out)["skipped"].size(), size_t(1));
    QCOMPARE(readAll(path), std::string(R"({"v":"newest good"})"));
    QCOMPARE(readAll(QString::fromStdString((*out)["keptCopy"].get<std::string>())), std::string());

    const CliRun get = runCli({QStringLiteral("--config"), path, QStringLiteral("--no-schema"),
                               QStringLiteral("get"), QStringLiteral("v")});
    QCOMPARE(get.exitCode, 0);
    QCOMPARE(get.out.trimmed(), QByteArray("\"newest good\""));
}

void TestWatchCli::recoverRefusesAnUnsafeName()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    writeBackup(path, R"({"v":1})", 100);
    QVERIFY(writeInPlace(path, "{"));
    const CliRun run = runCli({QStringLiteral("--config"), path, QStringLiteral("recover"),
                               QStringLiteral("--from"), QStringLiteral("../tad-config.json")});
    QCOMPARE(run.exitCode, int(ErrorCode::Usage));
    QCOMPARE(readAll(path), std::string("{"));
}

// A batch holds its store open; conf's read-modify-write undoing a batch
// `set` is noticed and repaired without waiting for the next request.
void TestWatchCli::batchKeepsWatching()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"a":1})"));
    QProcess batch;
    batch.start(cliPath(), {QStringLiteral("--config"), path, QStringLiteral("--no-schema"),
                            QStringLiteral("batch")});
    QVERIFY(batch.waitForStarted());
    batch.write(R"({"op":"set","key":"ours","value":"kept"})"
                "\n");
    auto answer = nextLine(batch);
    QVERIFY2(answer, batch.readAllStandardError().constData());
    TAD_COMPARE_JSON((*answer)["ok"], Json(true));

    // A writer that read the file before our set writes its own change.
    QVERIFY(writeByRename(path, R"({"a":1,"theirs":true})"));
    QTRY_VERIFY_WITH_TIMEOUT(parsedFile(path).contains("ours"), 5000);
    const Json onDisk = parsedFile(path);
    TAD_COMPARE_JSON(onDisk["theirs"], Json(true));
    TAD_COMPARE_JSON(onDisk["ours"], Json("kept"));
    batch.closeWriteChannel();
    QVERIFY(batch.waitForFinished(10000));
    QCOMPARE(batch.exitCode(), 0);
}

// A dotfiles setup: tad-config.json is a link into another folder. Our
// writes replace the file it points to and keep the link; the side folders
// stay beside the link; and `watch` follows the app's writes, which conf
// (atomically resolves the link) renames into place in the other folder.
void TestWatchCli::symlinkedConfigIsFollowedAndKept()
{
    QTemporaryDir dir;
    const QString dotfiles = dir.filePath(QStringLiteral("dotfiles"));
    const QString cfg = dir.filePath(QStringLiteral("cfg"));
    QVERIFY(QDir().mkpath(dotfiles) && QDir().mkpath(cfg));
    const QString real = dotfiles + QStringLiteral("/tad-config.json");
    QVERIFY(writeByRename(real, R"({"ui":{"theme":"light"}})"));
    QVERIFY(::chmod(QFile::encodeName(real).constData(), 0640) == 0);
    const QString link = cfg + QStringLiteral("/tad-config.json");
    const QByteArray relative = "../dotfiles/tad-config.json";
    QVERIFY(::symlink(relative.constData(), QFile::encodeName(link).constData()) == 0);
    const QStringList base{QStringLiteral("--config"), link, QStringLiteral("--no-schema")};
    auto linkTarget = [&] {
        char buffer[4096];
        const ssize_t n = ::readlink(QFile::encodeName(link).constData(), buffer, sizeof buffer);
        return n < 0 ? QByteArray() : QByteArray(buffer, int(n));
    };

    const CliRun set = runCli(base + QStringList{"set", "ui.theme", "\"dark\""});
    QVERIFY2(set.exitCode == 0, set.err.constData());
    QCOMPARE(linkTarget(), relative);
    QCOMPARE(readAll(real), std::string(R"({"ui":{"theme":"dark"}})"));
    struct stat st;
    QVERIFY(::stat(QFile::encodeName(real).constData(), &st) == 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0640));
    QVERIFY(!QDir(cfg + QStringLiteral("/storeHistory"))
                 .entryList({QStringLiteral("journal-*")}, QDir::Files)
                 .isEmpty());
    QCOMPARE(QDir(dotfiles).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("tad-config.json")});
    const CliRun get = runCli(base + QStringList{"get", "ui.theme"});
    QCOMPARE(get.out, QByteArray("\"dark\"\n"));

    QProcess watch;
    watch.start(cliPath(), base + QStringList{"watch", "ui.theme", "--initial"});
    QVERIFY(watch.waitForStarted());
    auto initial = nextLine(watch);
    QVERIFY2(initial, watch.readAllStandardError().constData());
    TAD_COMPARE_JSON((*initial)["newValue"], Json("dark"));
    ConfProcess conf;
    QVERIFY2(conf.start(link), qPrintable(conf.lastError()));
    for (const char *theme : {"blue", "green", "red"}) {
        QVERIFY(conf.request(Json{{"op", "set"}, {"key", "ui.theme"}, {"value", theme}}));
        auto change = nextLine(watch);
        QVERIFY2(change, watch.readAllStandardError().constData());
        TAD_COMPARE_JSON((*change)["newValue"], Json(theme));
        TAD_COMPARE_JSON((*change)["source"], Json("external"));
    }
    QCOMPARE(conf.finish(), 0);
    watch.kill();
    watch.waitForFinished();
    QCOMPARE(linkTarget(), relative);
}

QTEST_GUILESS_MAIN(TestWatchCli)
#include "tst_watch_cli.moc"
