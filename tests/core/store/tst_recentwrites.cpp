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
        const auto verdict = recent.examine(withName("Ada"), 1010);
        QCOMPARE(verdict.reapply.size(), size_t(1));
        QCOMPARE(verdict.reapply.front().value, std::optional<Json>(Json("Grace")));
        QVERIFY(verdict.conflicts.empty());
    }

    void aThirdValueIsTheirs()
    {
        RecentWrites recent;
        recent.record(kName, Json("Ada"), Json("Grace"), ChangeSource::Editor, 1000);
        const auto verdict = recent.examine(withName("Linus"), 1010);
        QVERIFY(verdict.reapply.empty());
        QCOMPARE(verdict.conflicts.size(), size_t(1));
        QVERIFY(recent.isEmpty());
    }

    void aChangeOutOfTheWindowIsForgotten()
    {
        RecentWrites recent;
        recent.record(kName, Json("Ada"), Json("Grace"), ChangeSource::Editor, 1000);
        const auto verdict = recent.examine(withName("Ada"), 1000 + RecentWrites::kWindowMs + 1);
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
            const auto verdict = recent.examine(withName(onDisk), ++now);
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
            const auto verdict = recent.examine(Json{{"user", Json{{"name", before}}}}, ++now);
            QCOMPARE(verdict.reapply.size(), size_t(1));
            recent.record(kName, before, after, ChangeSource::Editor, ++now);
        }
    }
};

QTEST_GUILESS_MAIN(tst_RecentWrites)
#include "tst_recentwrites.moc"
