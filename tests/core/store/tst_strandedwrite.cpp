// A write of ours that meets the running app, tested at the exact moments
// that matter: the app writes between our read and our exchange, and then
// (1) we are killed right after the exchange, before the merge: the next run
//     puts the app's change back, and only where nobody changed the key since;
// (2) we are killed before the exchange: nothing of ours appears later;
// (3) the app read our intermediate version, or the one before our write,
//     and writes after our set() returned: following the file until it is
//     quiet puts back whatever that late write dropped, theirs or ours.
// A kill is an _exit() in a forked child: no destructor, no cleanup runs.
#include "WatchTestSupport.h"
#include "io/AtomicFile.h"
#include "io/AtomicFileTesting.h"
#include "store/Store.h"

#include "json/JsonText.h"
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <functional>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>

using namespace tad;
using tad::testing::parsedFile;
using tad::testing::writeByRename;

namespace {

QStringList hiddenFiles(const QString &folder)
{
    return QDir(folder)
        .entryList(QDir::Hidden | QDir::Files | QDir::System)
        .filter(QRegularExpression(QStringLiteral("^\\.")));
}

enum class KillAt
{
    BeforeExchange,
    AfterExchange
};

// A writer of ours in a child process: it opens the store at `path` and runs
// `write`, which sets the hooks that end it (::_exit(0) at the moment
// tested) and writes. Returns whether it ended there.
bool runWriterUntilItDies(const QString &path, const std::function<void(Store &)> &write)
{
    const pid_t child = ::fork();
    if (child < 0)
        return false;
    if (child == 0) {
        Store store(path);
        if (!store.open())
            ::_exit(10);
        write(store);
        ::_exit(12); // the kill did not happen
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// A writer of ours that sets `key`, the app writes `appVersion` in its
// window (if given), and it dies at `at`. Returns whether it died there.
bool runKilledWriter(const QString &path, const std::string &key, const Json &value,
                     const std::string &appVersion, KillAt at)
{
    return runWriterUntilItDies(path, [&](Store &store) {
        testing::setBeforeRenameHook([&] {
            if (!appVersion.empty() && !writeByRename(path, appVersion))
                ::_exit(11);
            if (at == KillAt::BeforeExchange)
                ::_exit(0);
        });
        testing::setAfterExchangeHook([&] {
            if (at == KillAt::AfterExchange)
                ::_exit(0);
        });
        (void)store.set(key, value);
    });
}

// The next run (a window, a CLI) writes `later` and follows the file; the
// file then, or null if that run failed.
Json nextRunWrites(const QString &path)
{
    Store next(path);
    if (!next.open() || !next.set("later", Json(3)) || !next.followUntilQuiet())
        return Json();
    return parsedFile(path);
}

// A file where the app and we each keep an object, opened by a store.
struct OpenedStore
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("tad-config.json"));
    bool written = writeByRename(path, R"({"app":{},"ours":{}})");
    Store store{path};
    bool ready() { return written && store.open(); }
};

// The app writes `late` 60 ms from now while the store follows the file.
// A wide quiet window: the late write must land inside it however loaded
// the machine is (the product's window is 300 ms).
bool followWhileTheAppWritesLate(Store &store, const QString &path, const std::string &late)
{
    std::thread app([&] {
        QThread::msleep(60);
        writeByRename(path, late);
    });
    const bool followed = bool(store.followUntilQuiet(/*quietMs=*/3000));
    app.join();
    return followed;
}

} // namespace

class TestStrandedWrite : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void killedAfterTheExchangeTheNextRunPutsTheAppsChangeBack();
    void aKeyChangedSinceKeepsItsNewerValue();
    void killedBeforeTheExchangeLeavesNothingBehind();
    void killedAfterAnExchangeWithNoOtherWriterLeavesNothing();
    void killedWhileWritingItsTempFileLeavesNothing();
    void aReplaceDuringTheBaseLinkIsNotLeftUnrecorded();
    void aLinkRefusedWithTheFileUnchangedDoesNotStopTheWrite();
    void aDisplacedVersionThatCannotBeReadIsMergedByTheNextRun();
    void lateWriteOnOurIntermediateVersionIsRepaired();
    void lateWriteOnTheVersionBeforeOursIsRepaired();
    void changeCarriedByTheAppIsStillRepaired();
    void theAppsBookkeepingIsPutBackBesideOurChange();
    void aChangeBackInTheFileIsPutBackWhileFollowing();
    void noOtherWriterMeansNoFollowing();
};

void TestStrandedWrite::cleanup()
{
    testing::setBeforeRenameHook({});
    testing::setAfterExchangeHook({});
    testing::setWriteFaultHook({});
}

void TestStrandedWrite::killedAfterTheExchangeTheNextRunPutsTheAppsChangeBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"app":{},"ours":{}})"));
    QVERIFY(runKilledWriter(path, "ours.k", Json(2), R"({"app":{"k":1},"ours":{}})",
                            KillAt::AfterExchange));
    // Right after the kill the file lacks the app's change...
    QVERIFY(!parsedFile(path)["app"].contains("k"));
    TAD_COMPARE_JSON(parsedFile(path)["ours"]["k"], Json(2));
    // ...which waits beside it, with the version our write was based on.
    QCOMPARE(int(findStrandedWrites(path).size()), 1);

    // The next run (a window, a CLI) merges it back on its first write.
    const Json doc = nextRunWrites(path);
    TAD_COMPARE_JSON(doc["app"]["k"], Json(1));
    TAD_COMPARE_JSON(doc["ours"]["k"], Json(2));
    TAD_COMPARE_JSON(doc["later"], Json(3));
    QVERIFY(findStrandedWrites(path).empty());
    QVERIFY2(hiddenFiles(QFileInfo(path).path()).isEmpty(),
             qPrintable(hiddenFiles(QFileInfo(path).path()).join(QLatin1Char(' '))));
}

void TestStrandedWrite::aKeyChangedSinceKeepsItsNewerValue()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"app":{"k":0,"j":0},"ours":{}})"));
    QVERIFY(runKilledWriter(path, "ours.k", Json(2), R"({"app":{"k":1,"j":1},"ours":{}})",
                            KillAt::AfterExchange));
    // The app set app.k again since (to 5), on the file as our write left it.
    QVERIFY(writeByRename(path, R"({"app":{"k":5,"j":0},"ours":{"k":2}})"));
    const Json doc = nextRunWrites(path);
    TAD_COMPARE_JSON(doc["app"]["k"], Json(5)); // its newer value stays
    TAD_COMPARE_JSON(doc["app"]["j"], Json(1)); // the change that was hidden comes back
    TAD_COMPARE_JSON(doc["ours"]["k"], Json(2));
    QVERIFY(findStrandedWrites(path).empty());
}

void TestStrandedWrite::killedBeforeTheExchangeLeavesNothingBehind()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"app":{},"ours":{}})"));
    QVERIFY(runKilledWriter(path, "ours.k", Json(2), R"({"app":{"k":1},"ours":{}})",
                            KillAt::BeforeExchange));
    TAD_COMPARE_JSON(parsedFile(path), Json::parse(R"({"app":{"k":1},"ours":{}})"));
    const Json doc = nextRunWrites(path);
    // The unfinished write's change never appears: it did not report success.
    QVERIFY(!doc["ours"].contains("k"));
    TAD_COMPARE_JSON(doc["app"]["k"], Json(1));
    QVERIFY2(hiddenFiles(QFileInfo(path).path()).isEmpty(),
             qPrintable(hiddenFiles(QFileInfo(path).path()).join(QLatin1Char(' '))));
}

void TestStrandedWrite::killedAfterAnExchangeWithNoOtherWriterLeavesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"ours":{}})"));
    QVERIFY(runKilledWriter(path, "ours.k", Json(2), std::string(), KillAt::AfterExchange));
    const QByteArray before = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    Store next(path);
    QVERIFY(next.open());
    QVERIFY(next.set("ours.k", Json(2))); // the same value: nothing to write
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QVERIFY2(hiddenFiles(QFileInfo(path).path()).isEmpty(),
             qPrintable(hiddenFiles(QFileInfo(path).path()).join(QLatin1Char(' '))));
}

// Killed with its temp file still empty (or cut short): the next run knows
// the file as the write's own by its inode, removes it and warns of nothing.
// Before, it was taken for another writer's version that does not parse and
// kept as tad-config.json.displaced-<time>, with a warning.
void TestStrandedWrite::killedWhileWritingItsTempFileLeavesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"ours":{}})"));
    QVERIFY(runWriterUntilItDies(path, [](Store &store) {
        testing::setWriteFaultHook([](testing::WriteStep step, const QByteArray &) {
            if (step == testing::WriteStep::Write)
                ::_exit(0);
            return 0;
        });
        (void)store.set("ours.k", Json(2));
    }));
    QCOMPARE(int(findStrandedWrites(path).size()), 1);

    Store next(path);
    QVERIFY(next.open());
    QVERIFY(next.set("later", Json(3)));
    QVERIFY(next.warnings().empty());
    const QStringList all = QDir(dir.path()).entryList(QDir::Hidden | QDir::Files | QDir::System);
    QCOMPARE(all, QStringList{QStringLiteral("tad-config.json")});
    TAD_COMPARE_JSON(parsedFile(path), Json::parse(R"({"ours":{},"later":3})"));
}

// The app's rename lands while our write links its base record: link(2)
// then fails with ENOENT, as it does on an inode whose last name is going.
// The write used to go on without a record, its exchange displaced the
// app's version, and a kill right after lost the app's key for good (1 of
// 300 in tst_threewriters under load). Now it starts over from the app's
// version, so the app's change is in what it writes.
void TestStrandedWrite::aReplaceDuringTheBaseLinkIsNotLeftUnrecorded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"app":{},"ours":{}})"));
    QVERIFY(runWriterUntilItDies(path, [&path](Store &store) {
        bool appWrote = false;
        testing::setWriteFaultHook([&](testing::WriteStep step, const QByteArray &) {
            if (step != testing::WriteStep::Link || appWrote)
                return 0;
            appWrote = true;
            if (!writeByRename(path, R"({"app":{"k":1},"ours":{}})"))
                ::_exit(11);
            return ENOENT;
        });
        testing::setAfterExchangeHook([] { ::_exit(0); });
        (void)store.set("ours.k", Json(2));
    }));

    const Json doc = nextRunWrites(path);
    QVERIFY2(doc["app"].contains("k"), compactJson(doc).c_str());
    TAD_COMPARE_JSON(doc["app"]["k"], Json(1));
    TAD_COMPARE_JSON(doc["ours"]["k"], Json(2));
}

// A file system that answers link(2) with ENOENT while the file is there,
// unchanged: the write goes on without a record (it went round for its
// whole 20 s budget, then said the change was merged).
void TestStrandedWrite::aLinkRefusedWithTheFileUnchangedDoesNotStopTheWrite()
{
    OpenedStore opened;
    QVERIFY(opened.ready());
    const QString &path = opened.path;
    Store &store = opened.store;
    int links = 0;
    testing::setWriteFaultHook([&links](testing::WriteStep step, const QByteArray &) {
        if (step != testing::WriteStep::Link)
            return 0;
        ++links;
        return ENOENT;
    });
    const auto written = store.set("ours.k", Json(2));
    testing::setWriteFaultHook({});
    QVERIFY2(written, written ? "" : qPrintable(written.error().message));
    QCOMPARE(links, 1);
    TAD_COMPARE_JSON(parsedFile(path)["ours"]["k"], Json(2));
    QVERIFY2(hiddenFiles(QFileInfo(path).path()).isEmpty(),
             qPrintable(hiddenFiles(QFileInfo(path).path()).join(QLatin1Char(' '))));
}

// The exchange displaced the app's version, and reading it back fails (EIO,
// EMFILE): the write reports it, and the record stays for the next run.
void TestStrandedWrite::aDisplacedVersionThatCannotBeReadIsMergedByTheNextRun()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"app":{},"ours":{}})"));
    QVERIFY(runWriterUntilItDies(path, [&path](Store &store) {
        testing::setBeforeRenameHook([&path] {
            if (!writeByRename(path, R"({"app":{"k":1},"ours":{}})"))
                ::_exit(11);
        });
        testing::setWriteFaultHook([](testing::WriteStep step, const QByteArray &) {
            return step == testing::WriteStep::ReadDisplaced ? EIO : 0;
        });
        const auto written = store.set("ours.k", Json(2));
        // An error that says the write happened; then the program ends.
        ::_exit(!written && written.error().message.contains(QStringLiteral("merges it back"))
                    ? 0
                    : 13);
    }));
    QVERIFY(!parsedFile(path)["app"].contains("k"));
    QCOMPARE(int(findStrandedWrites(path).size()), 1);

    const Json doc = nextRunWrites(path);
    TAD_COMPARE_JSON(doc["app"]["k"], Json(1));
    TAD_COMPARE_JSON(doc["ours"]["k"], Json(2));
    QVERIFY(findStrandedWrites(path).empty());
}

// The app read the file in our exchange window (our version without its own
// change) and writes after set() has returned: that late write drops the
// app's earlier change, which following the file puts back.
void TestStrandedWrite::lateWriteOnOurIntermediateVersionIsRepaired()
{
    OpenedStore opened;
    QVERIFY(opened.ready());
    const QString &path = opened.path;
    Store &store = opened.store;
    QByteArray intermediate;
    bool appWrote = false; // once: the merge's own write is not raced
    testing::setBeforeRenameHook([&] {
        if (!std::exchange(appWrote, true))
            QVERIFY(writeByRename(path, R"({"app":{"k":1},"ours":{}})"));
    });
    testing::setAfterExchangeHook([&] {
        if (!intermediate.isEmpty())
            return;
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        intermediate = f.readAll(); // what the app reads now
    });
    QVERIFY(store.set("ours.k", Json(2)));
    QVERIFY(store.metOtherWriter());
    auto seen =
        parseDocument(std::string_view(intermediate.constData(), size_t(intermediate.size())));
    QVERIFY(seen);
    QVERIFY(!seen->value["app"].contains("k"));
    Json late = seen->value;
    late["app"]["k2"] = 1;
    QVERIFY(followWhileTheAppWritesLate(store, path, late.dump()));
    const Json doc = parsedFile(path);
    TAD_COMPARE_JSON(doc["app"]["k"], Json(1));
    TAD_COMPARE_JSON(doc["app"]["k2"], Json(1));
    TAD_COMPARE_JSON(doc["ours"]["k"], Json(2));
}

// The app read the file before our write and writes after set() returned:
// its version lacks our change, which following the file writes again.
void TestStrandedWrite::lateWriteOnTheVersionBeforeOursIsRepaired()
{
    OpenedStore opened;
    QVERIFY(opened.ready());
    const QString &path = opened.path;
    Store &store = opened.store;
    bool appWrote = false; // once: the merge's own write is not raced
    testing::setBeforeRenameHook([&] {
        if (!std::exchange(appWrote, true))
            QVERIFY(writeByRename(path, R"({"app":{"k":1},"ours":{}})"));
    });
    QVERIFY(store.set("ours.k", Json(2)));
    QVERIFY(followWhileTheAppWritesLate(store, path, R"({"app":{"k":1,"k3":1},"ours":{}})"));
    const Json doc = parsedFile(path);
    TAD_COMPARE_JSON(doc["app"]["k"], Json(1));
    TAD_COMPARE_JSON(doc["app"]["k3"], Json(1));
    TAD_COMPARE_JSON(doc["ours"]["k"], Json(2));
}

// Our exchange displaced the app's version; before our merge could write,
// the app wrote a version built on ours that holds both changes, so the
// merge had nothing left to write. Then a late write of the app's, built on
// a read before ours, drops our key: following the file still puts it back.
void TestStrandedWrite::changeCarriedByTheAppIsStillRepaired()
{
    OpenedStore opened;
    QVERIFY(opened.ready());
    const QString &path = opened.path;
    Store &store = opened.store;
    int renames = 0, exchanges = 0;
    testing::setBeforeRenameHook([&] {
        if (renames++ == 0)
            QVERIFY(writeByRename(path, R"({"app":{"k":1},"ours":{}})"));
    });
    testing::setAfterExchangeHook([&] {
        if (exchanges++ == 0)
            QVERIFY(writeByRename(path, R"({"app":{"k":1},"ours":{"k":2}})"));
    });
    QVERIFY(store.set("ours.k", Json(2)));
    QCOMPARE(exchanges, 1); // the merge wrote nothing: the app's version had it all
    TAD_COMPARE_JSON(parsedFile(path)["ours"]["k"], Json(2));
    QVERIFY(followWhileTheAppWritesLate(store, path, R"({"app":{"k":1,"k3":1},"ours":{}})"));
    const Json doc = parsedFile(path);
    TAD_COMPARE_JSON(doc["app"]["k3"], Json(1));
    QVERIFY2(doc["ours"].contains("k"), "our key was lost");
    TAD_COMPARE_JSON(doc["ours"]["k"], Json(2));
}

// The app's change that our write displaced and merged is its own
// bookkeeping (__internal__, which a person's edit may not touch); a late
// write on the version before drops it and ours: both go back, in one
// put-back that still refuses nothing of the app's.
void TestStrandedWrite::theAppsBookkeepingIsPutBackBesideOurChange()
{
    OpenedStore opened;
    QVERIFY(opened.ready());
    const QString &path = opened.path;
    Store &store = opened.store;
    bool appWrote = false;
    testing::setBeforeRenameHook([&] {
        if (!std::exchange(appWrote, true))
            QVERIFY(writeByRename(
                path, R"({"__internal__":{"migrations":{"version":"2.0.0"}},"app":{},"ours":{}})"));
    });
    QVERIFY(store.set("ours.k", Json(2)));
    testing::setBeforeRenameHook({});
    TAD_COMPARE_JSON(parsedFile(path)["__internal__"]["migrations"]["version"], Json("2.0.0"));
    QVERIFY(followWhileTheAppWritesLate(store, path, R"({"app":{"j":1},"ours":{}})"));
    const Json doc = parsedFile(path);
    QVERIFY2(doc.contains("__internal__"), compactJson(doc).c_str());
    TAD_COMPARE_JSON(doc["__internal__"]["migrations"]["version"], Json("2.0.0"));
    TAD_COMPARE_JSON(doc["ours"]["k"], Json(2));
    TAD_COMPARE_JSON(doc["app"]["j"], Json(1));
}

namespace {

// The app's change waits beside the file after a killed write of ours, and
// the file holds it again (the killed writer had put it back): the state in
// which the app's read-modify-write begun on our intermediate version may
// still land without it.
bool strandAChangeTheFileHoldsAgain(const QString &path)
{
    return writeByRename(path, R"({"app":{},"ours":{}})") &&
           runKilledWriter(path, "ours.k", Json(2), R"({"app":{"k":1},"ours":{}})",
                           KillAt::AfterExchange) &&
           writeByRename(path, R"({"app":{"k":1},"ours":{"k":2}})");
}

} // namespace

// The next run sees the change in the file, and the app's late version
// without it lands while that run follows the file: the run puts the change
// back as it would one of its own (it dropped the record on sight before).
void TestStrandedWrite::aChangeBackInTheFileIsPutBackWhileFollowing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(strandAChangeTheFileHoldsAgain(path));
    Store next(path);
    QVERIFY(next.open());
    QVERIFY(next.set("later", Json(3)));
    QVERIFY(followWhileTheAppWritesLate(next, path, R"({"app":{},"ours":{"k":2},"later":3})"));
    const Json doc = parsedFile(path);
    QVERIFY2(doc["app"].contains("k"), compactJson(doc).c_str());
    TAD_COMPARE_JSON(doc["app"]["k"], Json(1));
    TAD_COMPARE_JSON(doc["later"], Json(3));
    QVERIFY(findStrandedWrites(path).empty());
}

void TestStrandedWrite::noOtherWriterMeansNoFollowing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, R"({"ours":{}})"));
    // Last written a minute ago: nobody is at work on it.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-60),
                             QFileDevice::FileModificationTime));
    file.close();
    Store store(path);
    QVERIFY(store.open());
    QVERIFY(store.set("ours.k", Json(2)));
    QVERIFY(!store.metOtherWriter());
    // Returns at once: a write that is not followed by anything is not waited on.
    std::thread other([&] {
        QThread::msleep(100);
        writeByRename(path, R"({"ours":{},"late":1})");
    });
    QVERIFY(store.followUntilQuiet(/*quietMs=*/5000));
    TAD_COMPARE_JSON(store.document(), Json::parse(R"({"ours":{"k":2}})"));
    other.join();
}

QTEST_GUILESS_MAIN(TestStrandedWrite)
#include "tst_strandedwrite.moc"
