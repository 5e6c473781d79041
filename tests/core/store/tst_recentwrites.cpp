// store/RecentWrites: a change a racing writer undid is put back, one a
// writer meant is kept as theirs, and two records of one key that undo each
// other stop after a few rounds instead of writing in turn for ever.
#include "store/RecentWrites.h"

#include "json/JsonText.h"
#include <QTest>

using tad::ChangeSource;
using tad::Json;
using tad::KeyPath;
using tad::RecentWrites;

namespace {

const KeyPath kName = KeyPath::fromSegments({"user", "name"});
const KeyPath kOther = KeyPath::fromSegments({"ui", "sidebarCollapsed"});
// What a racing read-modify-write changed: our key (its old value again)
// and the key it set itself.
const std::vector<KeyPath> kRaced = {kName, kOther};

Json withName(const char *name)
{
    return Json{{"user", Json{{"name", name}}}};
}

} // namespace

class tst_RecentWrites : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRacedUndoIsPutBack()
    {
        RecentWrites recent;
        recent.record(kName, Json("Ada"), Json("Grace"), ChangeSource::Editor, 1000);
        const auto verdict = recent.examine(withName("Ada"), kRaced, 1010);
        QCOMPARE(verdict.reapply.size(), size_t(1));
        QCOMPARE(verdict.reapply.front().value, std::optional<Json>(Json("Grace")));
        QVERIFY(verdict.conflicts.empty());
    }

    // The other writer read our version and took the key back, or deleted
    // it: nothing else changed, so it was no race, and the file keeps theirs.
    void aRevertOfOurKeyAloneIsMeant_data()
    {
        QTest::addColumn<bool>("deleted");
        QTest::newRow("back to the old value") << false;
        QTest::newRow("deleted") << true;
    }

    void aRevertOfOurKeyAloneIsMeant()
    {
        QFETCH(bool, deleted);
        RecentWrites recent;
        recent.record(kName, deleted ? std::nullopt : std::optional<Json>(Json("Ada")),
                      Json("Grace"), ChangeSource::Cli, 1000);
        const Json version = deleted ? Json{{"user", Json::object()}} : withName("Ada");
        const auto verdict = recent.examine(version, {kName}, 1080);
        QVERIFY(verdict.reapply.empty());
        QCOMPARE(verdict.conflicts.size(), size_t(1));
        QCOMPARE(verdict.conflicts.front().ours, std::optional<Json>(Json("Grace")));
        QVERIFY(recent.isEmpty());
        // The same version with a change of its own besides is a race.
        RecentWrites raced;
        raced.record(kName, deleted ? std::nullopt : std::optional<Json>(Json("Ada")),
                     Json("Grace"), ChangeSource::Cli, 1000);
        QCOMPARE(raced.examine(version, kRaced, 1080).reapply.size(), size_t(1));
    }

    // We wrote A, then B; the other writer, racing B, set A to a value of
    // its own. That is its change, not a take-back of ours: B is put back
    // (and A, a third value, is a conflict).
    void aRaceThatChangesAnotherOfOurKeysStillPutsBack()
    {
        RecentWrites recent;
        const KeyPath a = KeyPath::fromSegments({"settings", "theme"});
        recent.record(a, Json("dark"), Json("light"), ChangeSource::Cli, 1000);
        recent.record(kName, Json("Ada"), Json("Grace"), ChangeSource::Cli, 1001);
        const Json version = {{"settings", {{"theme", "auto"}}}, {"user", {{"name", "Ada"}}}};
        const auto verdict = recent.examine(version, {a, kName}, 1010);
        QCOMPARE(verdict.reapply.size(), size_t(1));
        QVERIFY(verdict.reapply.front().path == kName);
        QCOMPARE(verdict.conflicts.size(), size_t(1));
        QVERIFY(verdict.conflicts.front().path == a);
    }

    // We set an item of a list; the other writer's version has it back as
    // it was and an item added: the list is reported changed whole, and the
    // added item is the other writer's own change, so ours is put back.
    void anItemAddedBesideOursIsARace()
    {
        RecentWrites recent;
        const KeyPath list = KeyPath::fromSegments({"recent", "templates"});
        const KeyPath item = KeyPath::fromSegments({"recent", "templates", "0"});
        recent.record(item, Json("a"), Json("b"), ChangeSource::Cli, 1000);
        const Json version = {{"recent", {{"templates", Json::array({"a", "c"})}}}};
        const auto verdict = recent.examine(version, {list}, 1010);
        QCOMPARE(verdict.reapply.size(), size_t(1));
        QVERIFY(verdict.conflicts.empty());
    }

    // A change of the other writer's that we displaced and watch, changed
    // again by it: a conflict of no one here, marked as theirs.
    void theOtherWritersOwnChangeIsMarkedTheirs()
    {
        RecentWrites recent;
        recent.record(kName, Json("Ada"), Json("Grace"), ChangeSource::External, 1000);
        const auto verdict = recent.examine(withName("Linus"), {kName}, 1010);
        QCOMPARE(verdict.conflicts.size(), size_t(1));
        QVERIFY(verdict.conflicts.front().source == ChangeSource::External);
    }

    // Our write that carries the other writer's displaced change back (the
    // same value again) leaves the change theirs: taken back later by its
    // writer, nothing is reported to the person.
    void aPutBackOfTheirsStaysTheirs()
    {
        RecentWrites recent;
        recent.record(kName, Json("Ada"), Json("Grace"), ChangeSource::External, 1000);
        recent.record(kName, Json("Ada"), Json("Grace"), ChangeSource::Editor, 1005);
        const auto verdict = recent.examine(withName("Linus"), {kName}, 1010);
        QCOMPARE(verdict.conflicts.size(), size_t(1));
        QVERIFY(verdict.conflicts.front().source == ChangeSource::External);
    }

    void aThirdValueIsTheirs()
    {
        RecentWrites recent;
        recent.record(kName, Json("Ada"), Json("Grace"), ChangeSource::Editor, 1000);
        const auto verdict = recent.examine(withName("Linus"), kRaced, 1010);
        QVERIFY(verdict.reapply.empty());
        QCOMPARE(verdict.conflicts.size(), size_t(1));
        QVERIFY(recent.isEmpty());
    }

    void aChangeOutOfTheWindowIsForgotten()
    {
        RecentWrites recent;
        recent.record(kName, Json("Ada"), Json("Grace"), ChangeSource::Editor, 1000);
        const auto verdict =
            recent.examine(withName("Ada"), kRaced, 1000 + RecentWrites::kWindowMs + 1);
        QVERIFY(verdict.reapply.empty());
        QVERIFY(verdict.conflicts.empty());
    }

    // Versions that keep showing one value and then the other (ours,
    // Ada -> Grace, and another writer's change that ours displaced,
    // Grace -> Ada, each written back in turn): the put-backs end, and the
    // version that stands is kept as theirs.
    void putBacksThatNeverSettleEnd()
    {
        RecentWrites recent;
        qint64 now = 1000;
        recent.record(kName, Json("Ada"), Json("Grace"), ChangeSource::Editor, now);
        recent.record(kName, Json("Grace"), Json("Ada"), ChangeSource::External, ++now);
        int putBacks = 0;
        bool conflict = false;
        for (int i = 0; i < 200 && !conflict; ++i) {
            const char *onDisk = i % 2 ? "Ada" : "Grace";
            const auto verdict = recent.examine(withName(onDisk), kRaced, ++now);
            conflict = !verdict.conflicts.empty();
            for (const auto &again : verdict.reapply) {
                ++putBacks;
                recent.record(again.path, Json(onDisk), again.value, again.source, ++now);
            }
        }
        QVERIFY2(conflict, qPrintable(QStringLiteral("%1 put-backs, no end").arg(putBacks)));
        QVERIFY2(putBacks <= RecentWrites::kMaxReapplies, qPrintable(QString::number(putBacks)));
    }

    // A new value for the key starts its count again: a long session of
    // edits each raced once is put back every time.
    void aNewValueStartsTheCountAgain()
    {
        RecentWrites recent;
        qint64 now = 1000;
        for (int i = 0; i < 3 * RecentWrites::kMaxReapplies; ++i) {
            const Json before(std::to_string(i)), after(std::to_string(i + 1));
            recent.record(kName, before, after, ChangeSource::Editor, ++now);
            const auto verdict =
                recent.examine(Json{{"user", Json{{"name", before}}}}, kRaced, ++now);
            QCOMPARE(verdict.reapply.size(), size_t(1));
            recent.record(kName, before, after, ChangeSource::Editor, ++now);
        }
    }
};

QTEST_GUILESS_MAIN(tst_RecentWrites)
#include "tst_recentwrites.moc"
