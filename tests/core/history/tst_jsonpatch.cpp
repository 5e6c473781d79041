// Patches and their guarded inverses: round trips over a generated corpus,
// guards that refuse, and the edge cases of RFC 6902 pointers.
#include "RandomDocuments.h"
#include "history/JsonPatch.h"

#include "json/JsonText.h"
#include <QTest>

using namespace tad;

class tst_JsonPatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripOverGeneratedCorpus()
    {
        historytest::RandomDocuments random(20240611);
        int nonEmpty = 0;
        for (int round = 0; round < 3000; ++round) {
            const Json before = random.document();
            const Json after = random.edited(before);
            const ChangeSet change = makeChangeSet(before, after);
            if (!change.empty())
                ++nonEmpty;

            Json forward = before;
            const auto applied = applyPatch(forward, change.patch);
            QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
            QVERIFY2(jsEqual(forward, after),
                     (compactJson(before) + " -> " + compactJson(after) + " patch " +
                      compactJson(change.patch) + " gave " + compactJson(forward))
                         .c_str());

            // The inverse, guards included, turns the patched document back
            // into exactly the before state: same members, same order, same
            // bytes. (RFC 6902 cannot express a change of member order, so
            // only the patched document, not `after` itself, is byte-exact.)
            Json backward = forward;
            const auto undone = applyPatch(backward, change.inverse, {.strictAdd = true});
            QVERIFY2(undone.ok(),
                     qPrintable(QStringLiteral("%1 -> %2: %3")
                                    .arg(QString::fromStdString(compactJson(before)),
                                         QString::fromStdString(compactJson(after)),
                                         undone.ok() ? QString() : undone.error().message)));
            QVERIFY2(compactJson(backward) == compactJson(before),
                     (compactJson(before) + " -> " + compactJson(after) + " inverse " +
                      compactJson(change.inverse) + " gave " + compactJson(backward))
                         .c_str());
            Json fromAfter = after;
            QVERIFY(applyPatch(fromAfter, change.inverse, {.strictAdd = true}).ok());
            QVERIFY(jsEqual(fromAfter, before));

            // nlohmann's own patch agrees with ours on the forward patch.
            QVERIFY(jsEqual(before.patch(change.patch), after));
        }
        QVERIFY(nonEmpty > 2500);
    }

    void undoingChosenOperationsLeavesTheOthers()
    {
        const Json before = Json::parse(R"({"a":1,"b":{"c":2},"d":[1,2]})");
        const Json after = Json::parse(R"({"a":5,"b":{"c":3},"d":[1,2,3,4],"e":true})");
        const ChangeSet change = makeChangeSet(before, after);
        int bIndex = -1, dIndex = -1;
        for (std::size_t i = 0; i < change.patch.size(); ++i) {
            if (change.patch[i]["path"] == "/b/c")
                bIndex = int(i);
            if (change.patch[i]["path"] == "/d/3")
                dIndex = int(i);
        }
        QVERIFY(bIndex >= 0 && dIndex >= 0);
        Json doc = after;
        // Choosing one append chooses the whole run on that array.
        QVERIFY(
            applyPatch(doc, selectInverse(change.inverse, {bIndex, dIndex}), {.strictAdd = true})
                .ok());
        QCOMPARE(compactJson(doc), std::string(R"({"a":5,"b":{"c":2},"d":[1,2],"e":true})"));
    }

    void guardsRefuseLaterChanges_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QString>("conflicts");
        QTest::newRow("replaced value changed again") << R"({"t":"a","u":1})"
                                                      << R"({"t":"b","u":1})"
                                                      << R"({"t":"c","u":1})"
                                                      << "t (test failed)";
        QTest::newRow("added key removed since") << R"({})"
                                                 << R"({"n":{"x":1}})"
                                                 << R"({})"
                                                 << "n (path not found)";
        QTest::newRow("deleted key is back") << R"({"k":1,"j":2})"
                                             << R"({"j":2})"
                                             << R"({"j":2,"k":9})"
                                             << "k (exists again)";
        QTest::newRow("array grew since") << R"({"l":[1]})"
                                          << R"({"l":[1,2]})"
                                          << R"({"l":[1,2,3]})"
                                          << "l (test failed)";
        QTest::newRow("two keys in conflict") << R"({"a":1,"b":1})"
                                              << R"({"a":2,"b":2})"
                                              << R"({"a":3,"b":3})"
                                              << "a (test failed), b (test failed)";
        QTest::newRow("unrelated change is fine") << R"({"a":1,"b":1})"
                                                  << R"({"a":2,"b":1})"
                                                  << R"({"a":2,"b":7})"
                                                  << "";
    }
    void guardsRefuseLaterChanges()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, now);
        QFETCH(QString, conflicts);
        const ChangeSet change =
            makeChangeSet(Json::parse(before.toStdString()), Json::parse(after.toStdString()));
        Json doc = Json::parse(now.toStdString());
        std::vector<PatchFailure> failures;
        const auto undone = applyPatch(doc, change.inverse,
                                       {.strictAdd = true, .collectConflicts = true}, &failures);
        if (conflicts.isEmpty()) {
            QVERIFY(undone.ok());
            return;
        }
        QVERIFY(!undone.ok());
        QCOMPARE(undone.error().code, ErrorCode::Conflict);
        QCOMPARE(undone.error().message, QStringLiteral("the patch does not apply: ") + conflicts);
    }

    void escapedPointersAndKeys()
    {
        const Json before = Json::parse(R"({"a/b":{"~":1},"x.y":2})");
        const Json after = Json::parse(R"({"a/b":{"~":3}})");
        const ChangeSet change = makeChangeSet(before, after);
        QCOMPARE(
            compactJson(change.patch),
            std::string(
                R"([{"op":"replace","path":"/a~1b/~0","value":3},{"op":"remove","path":"/x.y"}])"));
        QCOMPARE(pointerToKey("/a~1b/~0"), std::string("a/b.~"));
        QCOMPARE(pointerToKey("/x.y"), std::string("x\\.y"));
    }

    void malformedPatchIsAUsageError()
    {
        Json doc = Json::object();
        const auto result = applyPatch(doc, Json::parse(R"([{"op":"frobnicate","path":"/a"}])"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Usage);
    }

    // A change set of one value (the history of a single set) may have an
    // array at its root: its length change is guarded like any other array's.
    void arrayAtTheRootIsGuarded()
    {
        const Json before = Json::parse("[1,2,3]");
        const Json after = Json::parse("[1]");
        const ChangeSet change = makeChangeSet(before, after);
        QCOMPARE(compactJson(change.inverse.front()),
                 std::string(R"({"op":"test","path":"","value":[1],"of":1,"run":[0,1]})"));
        Json changedSince = Json::parse("[9]");
        QCOMPARE(applyPatch(changedSince, change.inverse).error().code, ErrorCode::Conflict);
        Json back = after;
        QVERIFY(applyPatch(back, change.inverse).ok());
        QCOMPARE(compactJson(back), std::string("[1,2,3]"));
    }
};

QTEST_GUILESS_MAIN(tst_JsonPatch)
#include "tst_jsonpatch.moc"
