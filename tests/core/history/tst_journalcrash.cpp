// A process that sets keys through the product's path (journal_crash_worker:
// SettingsFile with the built-in schema, history and backups on) is killed
// at each point of the history's write, found by the write path's test
// hooks rather than by timing: before the settings file's rename, right
// after it, before the journal line, in the middle of the line, after it and
// before the group's fdatasync, at that fdatasync, while the next segment's
// base is written, after it before its first line, and while the old
// layout's head.json becomes the first base. A power cut is emulated by
// cutting the journal back to what its last fdatasync covered (and into a
// line). After each crash: every acknowledged change is in the file,
// `history list` opens, and the next change is recorded with a chain that
// ends at the file. See docs/BACKUPS.md, "What a crash leaves".
#include "HistoryTestHelpers.h"
#include "history/History.h"

#include "json/JsonText.h"
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <array>
#include <optional>

using namespace tad;
using namespace historytest;

namespace {

const QString kConfig = QStringLiteral("tad-config.json");
const QStringList kKeys = {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("width"),
                           QStringLiteral("height")};
// The segment the short history appends to, and the boundary's next one.
const QString kFirstSegment = QStringLiteral("journal-000001.jsonl");
// Sets in the template that stops a few sets short of a segment's end.
constexpr int kNearlyFull = History::kSegmentEntries - 4;

struct Run
{
    int exitCode = -1; // -2: killed
    QByteArray out, err;
};

Run runProgram(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Run cli(const QString &config, const QStringList &args)
{
    return runProgram(qEnvironmentVariable("TAD_CLI"),
                      QStringList{QStringLiteral("--config"), config} + args);
}

Run worker(const QString &config, int first, int count, const QStringList &point = {})
{
    return runProgram(QStringLiteral(TAD_JOURNAL_CRASH_WORKER),
                      QStringList{config, QString::number(first), QString::number(count)} + point);
}

QString sha256(const std::string &bytes)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArrayView(bytes.data(), qsizetype(bytes.size())),
                                 QCryptographicHash::Sha256)
            .toHex());
}

// The four keys the worker sets, as the file holds them.
std::array<qint64, 4> boundsIn(const std::string &bytes)
{
    std::array<qint64, 4> out{-1, -1, -1, -1};
    auto doc = parseDocument(bytes);
    if (!doc)
        return out;
    for (int i = 0; i < 4; ++i) {
        const Json &bounds = doc->value["ui"]["windowBounds"];
        const auto it = bounds.find(kKeys[i].toStdString());
        if (it != bounds.end() && it->is_number_integer())
            out[size_t(i)] = it->get<qint64>();
    }
    return out;
}

// Copies a folder with the modes of its files (the side folders are 0700).
bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(source);
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else if (!QFile::copy(source, target)) {
            return false;
        }
        QFile::setPermissions(target, QFile(source).permissions());
    }
    return true;
}

qint64 sizeOf(const QString &path)
{
    return QFileInfo::exists(path) ? QFileInfo(path).size() : 0;
}

} // namespace

class TestJournalCrash : public QObject
{
    Q_OBJECT

    QTemporaryDir m_templates;
    QString templateDir(const QString &name) const { return m_templates.filePath(name); }

    // The history as `history list --json` prints it, newest first.
    std::optional<Json> historyOf(const QString &config)
    {
        const Run list = cli(
            config, {QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json")});
        if (list.exitCode != 0)
            return std::nullopt;
        auto parsed = parseValue(std::string_view(list.out.constData(), size_t(list.out.size())));
        if (!parsed || !parsed->is_array())
            return std::nullopt;
        return *parsed;
    }

    static int countSource(const Json &entries, const char *source)
    {
        int n = 0;
        for (const Json &e : entries)
            n += e.value("source", std::string()) == source ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("TAD_CLI").isEmpty(), "ctest sets TAD_CLI");
        QVERIFY(m_templates.isValid());
        const QString demo = QStringLiteral(TAD_SOURCE_DIR "/resources/demo/tad-config.demo.json");

        // A file with a short history, as anyone past a first run has it.
        const QString shortDir = templateDir(QStringLiteral("short"));
        QVERIFY(QDir().mkpath(shortDir));
        QVERIFY(QFile::copy(demo, shortDir + QLatin1Char('/') + kConfig));
        QFile::setPermissions(shortDir + QLatin1Char('/') + kConfig,
                              QFile::ReadOwner | QFile::WriteOwner);
        const Run start = worker(shortDir + QLatin1Char('/') + kConfig, 0, 3);
        QVERIFY2(start.exitCode == 0 && start.out.endsWith("done\n"), start.out.constData());

        // The same a few sets short of the segment's end.
        const QString fullDir = templateDir(QStringLiteral("nearly-full"));
        QVERIFY(copyTree(shortDir, fullDir));
        const Run fill = worker(fullDir + QLatin1Char('/') + kConfig, 3, kNearlyFull - 3);
        QVERIFY2(fill.exitCode == 0 && fill.out.endsWith("done\n"),
                 fill.out.right(300).constData());
        QFile segment(fullDir + QStringLiteral("/storeHistory/") + kFirstSegment);
        QVERIFY(segment.open(QIODevice::ReadOnly));
        QCOMPARE(segment.readAll().count('\n'), kNearlyFull);

        // The layout before the journal: head.json and one entry file.
        const QString oldDir = templateDir(QStringLiteral("old-layout"));
        QVERIFY(QDir().mkpath(oldDir + QStringLiteral("/storeHistory")));
        QFile::setPermissions(oldDir + QStringLiteral("/storeHistory"),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(QFile::copy(demo, oldDir + QLatin1Char('/') + kConfig));
        QFile::setPermissions(oldDir + QLatin1Char('/') + kConfig,
                              QFile::ReadOwner | QFile::WriteOwner);
        const std::string content = readBytes(oldDir + QLatin1Char('/') + kConfig);
        writeBytes(oldDir + QStringLiteral("/storeHistory/head.json"), content);
        HistoryEntry old;
        old.id = QStringLiteral("20240501T093000123Z-3f9a");
        old.time = QDateTime(QDate(2024, 5, 1), QTime(9, 30, 0, 123), QTimeZone::utc());
        old.operation = "set";
        old.patch = Json::array(
            {Json{{"op", "replace"}, {"path", "/ui/sidebarCollapsed"}, {"value", false}}});
        old.inverse = Json::array(
            {Json{{"op", "test"}, {"path", "/ui/sidebarCollapsed"}, {"value", false}, {"of", 0}},
             Json{
                 {"op", "replace"}, {"path", "/ui/sidebarCollapsed"}, {"value", true}, {"of", 0}}});
        old.hashBefore = sha256("{}");
        old.hashAfter = sha256(content);
        old.sizeAfter = qint64(content.size());
        writeBytes(oldDir + QStringLiteral("/storeHistory/") + old.id + QStringLiteral(".json"),
                   compactJson(old.toJson()));
        const auto oldHistory = historyOf(oldDir + QLatin1Char('/') + kConfig);
        QVERIFY2(oldHistory && oldHistory->size() == 1, "the old layout does not list");
    }

    void crashAt_data()
    {
        QTest::addColumn<QString>("from");    // template
        QTest::addColumn<int>("count");       // sets the worker is asked for
        QTest::addColumn<QString>("point");   // see journal_crash_worker.cpp
        QTest::addColumn<QString>("name");    // of the file at that point
        QTest::addColumn<int>("hit");         // the how-manieth time it is reached
        QTest::addColumn<int>("written");     // the set in flight is in the file: 1, 0, -1 either
        QTest::addColumn<bool>("lineStands"); // ... and its journal line stands
        QTest::addColumn<int>("externals");   // entries the next open records as found
        QTest::addColumn<int>("powerCut");    // -1: none; else bytes kept past the last fdatasync

        const QString s = QStringLiteral("short"), full = QStringLiteral("nearly-full"),
                      old = QStringLiteral("old-layout");
        const QString jsonl = QStringLiteral("*.jsonl"), config = kConfig;
        // clang-format off
        QTest::newRow("before the store's rename")
            << s << 8 << "rename" << config << 3 << 0 << false << 0 << -1;
        QTest::newRow("right after the store's rename")
            << s << 8 << "exchanged" << config << 3 << 1 << false << 1 << -1;
        QTest::newRow("after the rename, before the line")
            << s << 8 << "write" << jsonl << 3 << 1 << false << 1 << -1;
        QTest::newRow("in the middle of the line")
            << s << 8 << "half-appended" << jsonl << 3 << 1 << false << 1 << -1;
        QTest::newRow("after the line, before the group's fdatasync")
            << s << 8 << "appended" << jsonl << 3 << 1 << true << 0 << -1;
        QTest::newRow("at the group's fdatasync")
            << s << 40 << "sync" << jsonl << 1 << 1 << true << 0 << -1;
        QTest::newRow("power cut: nothing of this process synced")
            << s << 8 << "appended" << jsonl << 5 << 1 << true << 1 << 0;
        QTest::newRow("power cut: lines after the group's fdatasync lost")
            << s << 40 << "appended" << jsonl << 20 << 1 << true << 1 << 0;
        QTest::newRow("power cut: a line torn after the fdatasync")
            << s << 40 << "appended" << jsonl << 20 << 1 << true << 1 << 37;
        QTest::newRow("while the next base is created")
            << full << 8 << "write" << "*.base" << 1 << 1 << true << 0 << -1;
        QTest::newRow("while the next base is renamed into place")
            << full << 8 << "rename" << "*.base" << 1 << 1 << true << 0 << -1;
        QTest::newRow("after the next base, before its first line")
            << full << 8 << "write" << "journal-000002.jsonl" << 1 << 1 << false << 1 << -1;
        QTest::newRow("before head.json is renamed into the first base")
            << old << 4 << "before-side-rename" << "head.json" << 1 << 1 << false << 1 << -1;
        QTest::newRow("after head.json was renamed, before the folder's fsync")
            << old << 4 << "after-side-rename" << "head.json" << 1 << 1 << false << 1 << -1;
        // clang-format on
    }

    void crashAt()
    {
        QFETCH(QString, from);
        QFETCH(int, count);
        QFETCH(QString, point);
        QFETCH(QString, name);
        QFETCH(int, hit);
        QFETCH(int, written);
        QFETCH(bool, lineStands);
        QFETCH(int, externals);
        QFETCH(int, powerCut);

        QTemporaryDir dir;
        QVERIFY(copyTree(templateDir(from), dir.path()));
        const QString config = dir.filePath(kConfig);
        const QString segmentPath = dir.filePath(QStringLiteral("storeHistory/") + kFirstSegment);
        const std::array<qint64, 4> before = boundsIn(readBytes(config));
        const auto historyBefore = historyOf(config);
        QVERIFY(historyBefore);
        const qint64 syncedBefore = sizeOf(segmentPath);

        // Numbers the template has not used, so each set changes the file.
        const int first = 1000;
        const Run run = worker(config, first, count, {point, name, QString::number(hit)});
        const QByteArray hitLine = "hit " + point.toUtf8() + ' ';
        QVERIFY2(run.out.contains(hitLine),
                 qPrintable(QStringLiteral("the point was not reached:\n") +
                            QString::fromUtf8(run.out.right(400) + run.err.right(400))));
        QCOMPARE(run.exitCode, -2);
        QVERIFY2(!run.out.contains("failed") && !run.out.contains("problem"), run.out.constData());

        // What the worker was told was done, and the one it was doing.
        int acknowledged = 0;
        qint64 synced = syncedBefore;
        for (const QByteArray &line : run.out.split('\n')) {
            if (line.startsWith("ok "))
                ++acknowledged;
            else if (line.startsWith("sync " + kFirstSegment.toUtf8() + ' '))
                synced = line.mid(line.lastIndexOf(' ') + 1).toLongLong();
        }
        QVERIFY(acknowledged < count);
        std::array<qint64, 4> expected = before;
        for (int n = first; n < first + acknowledged; ++n)
            expected[size_t(n % 4)] = n;
        const int inFlight = first + acknowledged;

        if (powerCut >= 0) {
            // The journal's page cache is gone past what its last fdatasync
            // covered (the settings file was synced before each "ok").
            const qint64 size = sizeOf(segmentPath);
            QVERIFY2(size > synced + powerCut, "nothing unsynced to lose");
            QVERIFY(QFile::resize(segmentPath, synced + powerCut));
        }

        const std::string bytes = readBytes(config);
        const std::array<qint64, 4> found = boundsIn(bytes);
        for (int i = 0; i < 4; ++i) {
            const qint64 want = expected[size_t(i)];
            if (i == inFlight % 4 && written == 1)
                QCOMPARE(found[size_t(i)], qint64(inFlight));
            else if (i == inFlight % 4 && written == -1 && found[size_t(i)] == inFlight)
                continue;
            else
                QCOMPARE(found[size_t(i)], want);
        }

        const Run list = cli(config, {QStringLiteral("history"), QStringLiteral("list")});
        QVERIFY2(list.exitCode == 0, list.err.constData());

        // The next change is recorded, and the chain ends at the file.
        const Run next = cli(config, {QStringLiteral("set"), QStringLiteral("ui.windowBounds.x"),
                                      QStringLiteral("424242")});
        QVERIFY2(next.exitCode == 0, next.err.constData());
        const std::string after = readBytes(config);
        QCOMPARE(boundsIn(after)[0], qint64(424242));
        const auto history = historyOf(config);
        QVERIFY2(history && !history->empty(), "history list --json failed");
        const Json &newest = history->front();
        QCOMPARE(QString::fromStdString(newest.value("source", std::string())),
                 QStringLiteral("cli"));
        QCOMPARE(QString::fromStdString(newest.value("hashAfter", std::string())),
                 versionHash(after));
        for (size_t i = 0; i + 1 < history->size(); ++i) {
            const Json &later = (*history)[i], &earlier = (*history)[i + 1];
            QVERIFY2(later.value("hashBefore", std::string()) ==
                         earlier.value("hashAfter", std::string()),
                     qPrintable(QStringLiteral("a hole in the chain before %1")
                                    .arg(QString::fromStdString(later.value("id", "")))));
        }

        // Each change the worker made is an entry of its own unless a
        // crash lost its line: then it is found in the file and recorded
        // once, as a change from outside.
        const int cliBefore = countSource(*historyBefore, "cli");
        const int externalBefore = countSource(*historyBefore, "external");
        QCOMPARE(countSource(*history, "external"), externalBefore + externals);
        if (powerCut < 0)
            QCOMPARE(countSource(*history, "cli"),
                     cliBefore + acknowledged + (lineStands ? 1 : 0) + 1);
        else
            QVERIFY(countSource(*history, "cli") < cliBefore + acknowledged + 2);
        if (from == QLatin1String("old-layout"))
            QCOMPARE(QString::fromStdString(history->back().value("id", std::string())),
                     QStringLiteral("20240501T093000123Z-3f9a"));
    }
};

QTEST_GUILESS_MAIN(TestJournalCrash)
#include "tst_journalcrash.moc"
