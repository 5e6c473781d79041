// A patch's changes key by key: old values from the guarded inverse, and
// only RFC 6902's members in a patch shown to others.
#include "history/JsonPatch.h"
#include "history/PatchChanges.h"

#include <QTest>

using tad::Json;

class TestPatchChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oldAndNewValues()
    {
        const Json before = Json::parse(R"({"a":{"b":1,"c":true},"list":[1,2],"gone":"x"})");
        const Json after = Json::parse(R"({"a":{"b":2,"c":true,"d":null},"list":[1]})");
        const auto changes = tad::changesBetween(before, after);
        std::map<std::string, std::pair<std::optional<Json>, std::optional<Json>>> byPointer;
        for (const auto &c : changes)
            byPointer[c.pointer] = {c.before, c.after};
        QCOMPARE(byPointer.size(), size_t(4));
        QVERIFY(byPointer["/a/b"].first == Json(1) && byPointer["/a/b"].second == Json(2));
        QVERIFY(!byPointer["/a/d"].first && byPointer["/a/d"].second == Json());
        QVERIFY(byPointer["/gone"].first == Json("x") && !byPointer["/gone"].second);
        QVERIFY(byPointer["/list/1"].first == Json(2) && !byPointer["/list/1"].second);
    }

    // A diff's patch without an inverse: old values come from the document
    // it was made to; a `test` is no change; each keeps its patch position.
    void changesToADocument()
    {
        const Json before = Json::parse(R"({"a":{"b":1},"list":[1,2],"we~ird/":"x"})");
        const Json patch = Json::parse(
            R"([{"op":"test","path":"/a/b","value":1},{"op":"replace","path":"/a/b","value":2},
                {"op":"add","path":"/c","value":3},{"op":"remove","path":"/list/1"},
                {"op":"replace","path":"/we~0ird~1","value":"y"}])");
        const auto changes = tad::changesTo(before, patch);
        QCOMPARE(changes.size(), size_t(4));
        QCOMPARE(changes[0].index, 1);
        QVERIFY(changes[0].before == Json(1) && changes[0].after == Json(2));
        QCOMPARE(changes[1].index, 2);
        QVERIFY(!changes[1].before && changes[1].after == Json(3));
        QCOMPARE(changes[2].op, std::string("remove"));
        QVERIFY(changes[2].before == Json(2) && !changes[2].after);
        QVERIFY(changes[3].before == Json("x") && changes[3].after == Json("y"));
    }

    void valuesAtPointers()
    {
        const Json doc = Json::parse(R"({"a":{"b":[10,{"c":true}]},"":0})");
        QCOMPARE(tad::valueAt(doc, ""), &doc);
        QVERIFY(tad::valueAt(doc, "/a/b/1/c") && *tad::valueAt(doc, "/a/b/1/c") == Json(true));
        QVERIFY(tad::valueAt(doc, "/") && *tad::valueAt(doc, "/") == Json(0));
        QVERIFY(!tad::valueAt(doc, "/a/b/2"));
        QVERIFY(!tad::valueAt(doc, "/a/b/x"));
        QVERIFY(!tad::valueAt(doc, "/a/b/0/deeper"));
        QVERIFY(!tad::valueAt(doc, "/missing"));
    }

    void keysOnceInPatchOrder()
    {
        const Json patch = Json::parse(
            R"([{"op":"test","path":"/z","value":1},{"op":"replace","path":"/a/b","value":1},
                {"op":"add","path":"/c","value":2},{"op":"replace","path":"/a/b","value":3}])");
        const std::vector<std::string> keys = tad::patchedKeys(patch);
        QCOMPARE(keys, (std::vector<std::string>{"a.b", "c"}));
    }

    void standardMembersOnly()
    {
        const tad::ChangeSet set =
            tad::makeChangeSet(Json::parse(R"({"a":1,"b":2})"), Json::parse(R"({"b":3})"));
        bool hadPrivate = false;
        for (const Json &op : set.inverse)
            hadPrivate = hadPrivate || op.contains("of") || op.contains("index");
        QVERIFY(hadPrivate); // the history's own inverse does carry them
        for (const Json &op : tad::standardPatch(set.inverse)) {
            for (const auto &[member, value] : op.items())
                QVERIFY2(member == "op" || member == "path" || member == "value" ||
                             member == "from",
                         member.c_str());
        }
        QCOMPARE(tad::standardPatch(set.inverse).size(), set.inverse.size());
    }
};

QTEST_GUILESS_MAIN(TestPatchChanges)
#include "tst_patchchanges.moc"
