// A file that breaks while we watch: the last good state stays, the bytes
// on disk are never touched, one `.bad-` copy per distinct content.
// (Recovering from a backup is the application layer's: tst_settingsfile.)
#include "WatchTestSupport.h"
#include "history/BackupManager.h"
#include "watch/BrokenFileCopies.h"
#include "watch/StoreWatcher.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace tad;
using namespace tad::testing;

namespace {

const std::string kGood = R"({"theme":"dark","list":[1,2,3],"user":{"name":"Ada"}})";

quint32 modeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

} // namespace

class TestBrokenFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void brokenWhileWatching_data();
    void brokenWhileWatching();
    void sameBrokenContentIsCopiedOnce();
    void repairedFileIsFollowedAgain();
    void emptyFileAppearingIsBroken();
    void linksAmongCopiesAreNotFollowed();
};

void TestBrokenFile::brokenWhileWatching_data()
{
    QTest::addColumn<QString>("broken");
    QTest::addColumn<bool>("inPlace"); // truncated where it is, or renamed over it
    QTest::newRow("emptied") << QString() << true;
    QTest::newRow("truncated") << QString::fromStdString(kGood.substr(0, 20)) << true;
    QTest::newRow("truncated by rename") << QString::fromStdString(kGood.substr(0, 31)) << false;
    QTest::newRow("not JSON") << QStringLiteral("theme=dark\n") << false;
    QTest::newRow("a person's typo") << QStringLiteral("{\"theme\":\"dark\",}") << true;
    QTest::newRow("array at the root") << QStringLiteral("[1,2]") << false;
    QTest::newRow("NUL bytes") << QString(QChar(0)).repeated(16) << true;
}

void TestBrokenFile::brokenWhileWatching()
{
    QFETCH(QString, broken);
    QFETCH(bool, inPlace);
    const std::string brokenBytes = broken.toStdString();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, kGood));
    Store store(path);
    QVERIFY(store.open());
    EventLog log(store);
    StoreWatcher watcher(store);
    QSignalSpy brokenSpy(&watcher, &StoreWatcher::fileBroken);
    watcher.start();
    QTRY_VERIFY(watcher.isIdle());

    QVERIFY(inPlace ? writeInPlace(path, brokenBytes) : writeByRename(path, brokenBytes));
    QTRY_COMPARE(brokenSpy.count(), 1);
    QVERIFY(watcher.isFileBroken());

    // The error says what is wrong; the copy holds exactly the bytes.
    const auto error = qvariant_cast<Error>(brokenSpy.at(0).at(0));
    const QString copy = brokenSpy.at(0).at(1).toString();
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(error.code, ErrorCode::Unreadable);
    QVERIFY2(QFileInfo(copy).fileName().startsWith(QStringLiteral("tad-config.json.bad-")),
             qPrintable(copy));
    QCOMPARE(QFileInfo(copy).absolutePath(), QFileInfo(path).absolutePath());
    QCOMPARE(readAll(copy), brokenBytes);
    QCOMPARE(modeOf(copy), quint32(0600));

    // The last good state stays; nothing writes over the broken file.
    QVERIFY(jsEqual(store.document(), parseDocument(kGood).value().value));
    QCOMPARE(log.count(ChangeSource::External), 0);
    QVERIFY(!store.set("theme", Json("light")));
    QVERIFY(!store.remove("list"));
    QTest::qWait(200);
    QCOMPARE(readAll(path), brokenBytes);
    QCOMPARE(listBadCopies(path).size(), 1);
}

void TestBrokenFile::sameBrokenContentIsCopiedOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, kGood));
    Store store(path);
    QVERIFY(store.open());
    StoreWatcher watcher(store);
    QSignalSpy brokenSpy(&watcher, &StoreWatcher::fileBroken);
    watcher.start();

    QVERIFY(writeInPlace(path, "{\"a\":"));
    QTRY_COMPARE(brokenSpy.count(), 1);
    // Written again with the same bytes: same content, no new copy or report.
    QVERIFY(writeByRename(path, "{\"a\":"));
    QTest::qWait(400);
    QTRY_VERIFY(watcher.isIdle());
    QCOMPARE(brokenSpy.count(), 1);
    // Another broken content gets its own copy.
    QVERIFY(writeByRename(path, "{\"a\":1"));
    QTRY_COMPARE(brokenSpy.count(), 2);
    QCOMPARE(listBadCopies(path).size(), 2);
    QCOMPARE(readAll(listBadCopies(path).first()), std::string("{\"a\":1"));

    // A second watcher (another process, later) finds the copy already there.
    Store other(path);
    QVERIFY(!other.open()); // a broken file does not open
    QCOMPARE(keepBadCopy(path, "{\"a\":1").value(), listBadCopies(path).first());
    QCOMPARE(listBadCopies(path).size(), 2);
}

// A .bad- copy holds the API key: a link where a copy would go, pointing
// elsewhere (existing or dangling), is neither read, reused nor written through.
void TestBrokenFile::linksAmongCopiesAreNotFollowed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    const QString outside = dir.filePath(QStringLiteral("outside"));
    QVERIFY(QDir().mkpath(outside));
    const QString sameBytes = outside + QStringLiteral("/same");
    const QString dangling = outside + QStringLiteral("/not-yet");
    QVERIFY(writeInPlace(sameBytes, "{\"a\":"));
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
    const QString first = dir.filePath(badCopyName(QStringLiteral("tad-config.json"), time));
    QVERIFY(QFile::link(dangling, first));
    QVERIFY(QFile::link(sameBytes, first + QStringLiteral("-x")));

    QVERIFY(listBadCopies(path).isEmpty());
    const auto kept = keepBadCopy(path, "{\"a\":", time);
    QVERIFY2(kept.ok(), qPrintable(kept.ok() ? QString() : kept.error().toString()));
    QCOMPARE(*kept, first + QStringLiteral("-2"));
    QCOMPARE(readAll(*kept), std::string("{\"a\":"));
    QVERIFY(!QFileInfo::exists(dangling));
    QCOMPARE(readAll(sameBytes), std::string("{\"a\":"));
    QCOMPARE(QDir(outside).entryList(QDir::Files), QStringList{QStringLiteral("same")});
    QVERIFY(QFileInfo(first).isSymLink());
}

void TestBrokenFile::repairedFileIsFollowedAgain()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    QVERIFY(writeByRename(path, kGood));
    Store store(path);
    QVERIFY(store.open());
    EventLog log(store);
    StoreWatcher watcher(store);
    QSignalSpy brokenSpy(&watcher, &StoreWatcher::fileBroken);
    QSignalSpy repairedSpy(&watcher, &StoreWatcher::fileRepaired);
    watcher.start();

    QVERIFY(writeInPlace(path, ""));
    QTRY_COMPARE(brokenSpy.count(), 1);
    QVERIFY(writeByRename(path, R"({"theme":"light","list":[1,2,3],"user":{"name":"Ada"}})"));
    QTRY_COMPARE(repairedSpy.count(), 1);
    QVERIFY(!watcher.isFileBroken());
    // Changes are reported against the last good state.
    QTRY_VERIFY(log.last("theme", ChangeSource::External));
    TAD_COMPARE_JSON(*log.last("theme", ChangeSource::External)->oldValue, Json("dark"));
    TAD_COMPARE_JSON(*log.last("theme", ChangeSource::External)->newValue, Json("light"));
    QCOMPARE(log.count(ChangeSource::External), 1);
    QVERIFY(store.set("theme", Json("blue")));
}

void TestBrokenFile::emptyFileAppearingIsBroken()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    Store store(path);
    QVERIFY(store.open()); // no file yet
    StoreWatcher watcher(store);
    QSignalSpy brokenSpy(&watcher, &StoreWatcher::fileBroken);
    watcher.start();
    QTRY_VERIFY(watcher.isIdle());

    QVERIFY(writeInPlace(path, ""));
    QTRY_COMPARE(brokenSpy.count(), 1);
    QCOMPARE(readAll(brokenSpy.at(0).at(1).toString()), std::string());
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(QFileInfo(path).size(), qint64(0));
}

QTEST_GUILESS_MAIN(TestBrokenFile)
#include "tst_brokenfile.moc"
