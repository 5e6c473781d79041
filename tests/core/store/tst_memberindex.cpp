// The store's splice with its MemberIndex (WriteText) against stringify: a
// chain of edits on one document, each written into the text the edit
// before produced, must give exactly what JSON.stringify gives, whichever
// root member each edit touches; and a text the index was not built for
// (a version from disk, a whole stringify after a new member) is indexed
// again, never spliced at stale offsets.
#include "../history/RandomDocuments.h"
#include "store/MemberIndex.h"
#include "store/WriteText.h"

#include "json/JsonText.h"
#include <QTest>

using namespace tad;

namespace {

Json randomValue(historytest::RandomDocuments &random)
{
    switch (random.pick(0, 4)) {
    case 0:
        return random.document(2);
    case 1:
        return "a \"longer\" text with \\ and {brackets} [too]";
    case 2:
        return random.pick(0, 1) == 1;
    case 3:
        return Json::object();
    default:
        return random.pick(-1000, 1000);
    }
}

void setAt(Json &doc, const std::vector<std::string> &path, const Json &value)
{
    Json *slot = &doc;
    for (const auto &segment : path)
        slot = &(*slot)[segment];
    *slot = value;
}

} // namespace

class TestMemberIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chainsOfEditsMatchStringify();
    void aTextItWasNotBuiltForIsIndexedAgain();
};

void TestMemberIndex::chainsOfEditsMatchStringify()
{
    const TextStyle styles[] = {TextStyle::compact(), TextStyle::tabs(), TextStyle::withSpaces(2)};
    int steps = 0;
    for (unsigned seed = 1; seed <= 600; ++seed) {
        historytest::RandomDocuments random(seed);
        Json doc = random.document(4);
        if (!doc.is_object())
            continue;
        const TextStyle &style = styles[seed % 3];
        MemberIndex index;
        std::string text = stringify(doc, style);
        for (int edit = 0; edit < 25; ++edit) {
            const auto path = random.memberPath(doc);
            if (path.empty())
                break;
            setAt(doc, path, randomValue(random));
            const std::vector<StoreOp> ops{
                StoreOp::set(KeyPath::fromSegments(path), Json(nullptr))};
            text = textToWrite(doc, ops, &text, style, index);
            QVERIFY2(text == stringify(doc, style),
                     qPrintable(QStringLiteral("seed %1, edit %2").arg(seed).arg(edit)));
            ++steps;
        }
    }
    QVERIFY(steps > 5000);
}

void TestMemberIndex::aTextItWasNotBuiltForIsIndexedAgain()
{
    MemberIndex index;
    Json doc = {{"a", {{"x", 1}}}, {"b", {{"y", 2}}}};
    std::string text = stringify(doc, TextStyle::tabs());
    doc["a"]["x"] = 12345;
    text = textToWrite(doc, {StoreOp::set(KeyPath::fromSegments({"a", "x"}), 0)}, &text,
                       TextStyle::tabs(), index);
    QCOMPARE(text, stringify(doc, TextStyle::tabs()));
    // Another writer's version of the same size: the members moved.
    Json theirs = {{"b", {{"y", 2}}}, {"a", {{"x", 54321}}}};
    std::string other = stringify(theirs, TextStyle::tabs());
    QCOMPARE(other.size(), text.size());
    theirs["b"]["y"] = 3;
    const std::string next =
        textToWrite(theirs, {StoreOp::set(KeyPath::fromSegments({"b", "y"}), 0)}, &other,
                    TextStyle::tabs(), index);
    QCOMPARE(next, stringify(theirs, TextStyle::tabs()));
}

QTEST_GUILESS_MAIN(TestMemberIndex)
#include "tst_memberindex.moc"
