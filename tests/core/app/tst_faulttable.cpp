// The fault table: ENOSPC and EIO at each step (open, write, fsync, close,
// rename) of every file a change writes - the settings file, the backup
// before a critical change, its meta file, the history's base copy of the
// file and its journal line. Whatever fails, the settings file holds the
// old or the new content, the result says which, and no failure is silent.
#include "FileTestHelpers.h"
#include "app/SettingsFile.h"
#include "io/AtomicFileTesting.h"

#include "json/JsonText.h"
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <memory>

using namespace tad;
using tad::testing::WriteStep;

namespace {

const QByteArray kBefore = R"({"settings":{"theme":"dark"},"ui":{"zoom":1}})";
const QByteArray kAfter = R"({"settings":{"theme":"light"},"ui":{"zoom":1}})";

// Which of the files a change writes `name` is.
QString kindOf(const QByteArray &name)
{
    if (name == "tad-config.json")
        return QStringLiteral("config");
    if (name.startsWith("journal-"))
        return name.endsWith(".base") ? QStringLiteral("base") : QStringLiteral("journal");
    if (name.startsWith("backup-"))
        return name.endsWith(".meta.json") ? QStringLiteral("meta") : QStringLiteral("backup");
    if (name.startsWith(".pin-"))
        return QStringLiteral("pin");
    return QStringLiteral("other");
}

// Temp files of ours left anywhere under `dir`.
QStringList leftovers(const QString &dir)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QStringLiteral(".tad-tmp-")))
            found << path;
    }
    return found;
}

} // namespace

class tst_FaultTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { tad::testing::setWriteFaultHook({}); }

    void faultAtEveryStepOfEveryFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("err");
        QTest::addColumn<bool>("changeStands"); // the settings file ends with the new content
        const QList<std::pair<WriteStep, const char *>> steps = {{WriteStep::Open, "open"},
                                                                 {WriteStep::Write, "write"},
                                                                 {WriteStep::Sync, "fsync"},
                                                                 {WriteStep::Close, "close"},
                                                                 {WriteStep::Rename, "rename"}};
        // The journal line is written after the change, which then stands:
        // appended to the open segment (write), made durable when the burst
        // ends (fsync). The base is written on the first look (see below).
        const QList<std::pair<const char *, bool>> kinds = {
            {"config", false}, {"backup", false}, {"meta", false}, {"journal", true}};
        for (const auto &[kind, stands] : kinds) {
            for (const auto &[step, stepName] : steps) {
                if (QByteArray(kind) == "journal" && step != WriteStep::Write &&
                    step != WriteStep::Sync)
                    continue;
                for (const auto &[err, errName] :
                     QList<std::pair<int, const char *>>{{ENOSPC, "ENOSPC"}, {EIO, "EIO"}}) {
                    QTest::addRow("%s %s %s", kind, stepName, errName)
                        << QString::fromLatin1(kind) << int(step) << err << stands;
                }
            }
        }
    }
    void faultAtEveryStepOfEveryFile()
    {
        QFETCH(QString, kind);
        QFETCH(int, step);
        QFETCH(int, err);
        QFETCH(bool, changeStands);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("tad-config.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kBefore);
        }
        SettingsFile file(path, {KeyDialect::DotProp10, Schema(), true});
        QVERIFY(file.open());
        QVERIFY(file.takeProblems().empty());

        int hits = 0;
        tad::testing::setWriteFaultHook([&](WriteStep at, const QByteArray &name) {
            if (int(at) != step || kindOf(name) != kind)
                return 0;
            ++hits;
            return err;
        });
        // A critical key: a backup and its meta file first, then the file,
        // then the history's base (its first change) and the journal line.
        auto done = file.set(KeyPath::fromSegments({"settings", "theme"}), Json("light"),
                             ChangeSource::Editor);
        (void)file.settle(); // the end of a burst: the journal is made durable
        const auto problems = file.takeProblems();
        tad::testing::setWriteFaultHook({});

        QVERIFY2(hits > 0, "the fault was never reached");
        const QByteArray now = filetest::readAll(path);
        QVERIFY2(now == kBefore || now == kAfter, now.constData());
        // The result tells the truth about the file...
        QCOMPARE(done.ok(), now == kAfter);
        QCOMPARE(done.ok(), changeStands);
        // ...and whatever failed is said, with the system's reason.
        QVERIFY(!done.ok() || !problems.empty());
        const QString said = done.ok() ? problems.front().message : done.error().message;
        QVERIFY2(said.contains(qt_error_string(err)), qPrintable(said));
        if (!done.ok())
            QCOMPARE(done.error().code, ErrorCode::Unreadable);
        QVERIFY2(leftovers(dir.path()).isEmpty(), qPrintable(leftovers(dir.path()).join(' ')));
        // Half a backup is never left: a backup without its meta file goes too.
        const QStringList backups =
            QDir(dir.filePath(QStringLiteral("backups"))).entryList(QDir::Files);
        QVERIFY2(backups.size() % 2 == 0, qPrintable(backups.join(' ')));

        // Nothing stays broken: the next change goes through and is recorded.
        QVERIFY(file.set(KeyPath::fromSegments({"ui", "zoom"}), Json(2), ChangeSource::Editor));
        QVERIFY(file.takeProblems().empty());
        QVERIFY(parseDocument(filetest::readAll(path).toStdString())->value["ui"]["zoom"] ==
                Json(2));
    }

    // The history's base copy is written when a file is first looked at. A
    // fault there leaves the file as it was, is said, and the next change
    // goes through and is recorded.
    void faultWritingTheBaseOnFirstLook_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("err");
        const QList<std::pair<WriteStep, const char *>> steps = {{WriteStep::Open, "open"},
                                                                 {WriteStep::Write, "write"},
                                                                 {WriteStep::Sync, "fsync"},
                                                                 {WriteStep::Close, "close"},
                                                                 {WriteStep::Rename, "rename"}};
        for (const auto &[step, stepName] : steps) {
            for (const auto &[err, errName] :
                 QList<std::pair<int, const char *>>{{ENOSPC, "ENOSPC"}, {EIO, "EIO"}})
                QTest::addRow("base %s %s", stepName, errName) << int(step) << err;
        }
    }
    void faultWritingTheBaseOnFirstLook()
    {
        QFETCH(int, step);
        QFETCH(int, err);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("tad-config.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kBefore);
        }
        int hits = 0;
        tad::testing::setWriteFaultHook([&](WriteStep at, const QByteArray &name) {
            if (int(at) != step || kindOf(name) != QLatin1String("base"))
                return 0;
            ++hits;
            return err;
        });
        SettingsFile file(path, {KeyDialect::DotProp10, Schema(), true});
        const auto opened = file.open();
        const auto problems = file.takeProblems();
        tad::testing::setWriteFaultHook({});
        QVERIFY2(hits > 0, "the fault was never reached");
        QVERIFY(opened);
        QCOMPARE(filetest::readAll(path), kBefore);
        QVERIFY(!problems.empty());
        QVERIFY2(problems.front().message.contains(qt_error_string(err)),
                 qPrintable(problems.front().message));
        QVERIFY2(leftovers(dir.path()).isEmpty(), qPrintable(leftovers(dir.path()).join(' ')));

        QVERIFY(file.set(KeyPath::fromSegments({"ui", "zoom"}), Json(2), ChangeSource::Editor));
        (void)file.settle();
        QVERIFY(file.takeProblems().empty());
        QVERIFY(file.history());
        auto entries = file.history()->history().list();
        QVERIFY(entries);
        QVERIFY(!entries->empty());
    }
};

QTEST_GUILESS_MAIN(tst_FaultTable)
#include "tst_faulttable.moc"
