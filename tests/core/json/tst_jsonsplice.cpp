// spliceMember against stringify: one member's new value written into the
// text of the document must give exactly the bytes JSON.stringify gives for
// the changed document, in every style, on many random documents and edits;
// and nothing where the splice cannot be sure.
#include "../history/RandomDocuments.h"
#include "keys/KeyPath.h"

#include "json/JsonSplice.h"
#include "json/JsonText.h"
#include <QTest>
#include <cmath>
#include <limits>

using namespace tad;

namespace {

Json randomValue(historytest::RandomDocuments &random)
{
    switch (random.pick(0, 7)) {
    case 0:
        return random.document(2);
    case 1:
        return Json::object();
    case 2:
        return Json::array({1, "two", Json::array(), Json::object({{"k", nullptr}})});
    case 3:
        return random.pick(0, 1) == 1;
    case 4:
        return std::numeric_limits<double>::quiet_NaN(); // JSON.stringify writes null
    case 5:
        return "text with \"quotes\", \\ and \n and \xed\xa0\x80"; // a lone surrogate
    case 6:
        return random.pick(-100000, 100000) / 7.0;
    default:
        return Json::array();
    }
}

} // namespace

class TestJsonSplice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomEditsMatchStringify();
    void locatesNamesWithEscapes();
    void refusesWhatItCannotBeSureOf();
};

void TestJsonSplice::randomEditsMatchStringify()
{
    const TextStyle styles[] = {TextStyle::compact(),
                                TextStyle::tabs(),
                                TextStyle::withSpaces(2),
                                TextStyle::withSpaces(4),
                                {TextStyle::Indent::Tabs, 2, true}};
    int spliced = 0;
    for (unsigned seed = 1; seed <= 2000; ++seed) {
        historytest::RandomDocuments random(seed);
        Json doc = random.document(4);
        const TextStyle &style = styles[seed % 5];
        for (int edit = 0; edit < 5; ++edit) {
            const std::string before = stringify(doc, style);
            const auto path = random.memberPath(doc);
            if (path.empty())
                break;
            const Json value = randomValue(random);
            Json *slot = &doc;
            for (const auto &segment : path)
                slot = &(*slot)[segment];
            *slot = value;
            const std::string expected = stringify(doc, style);
            const auto splice = spliceMember(before, path, value, style);
            QVERIFY2(splice, qPrintable(QStringLiteral("seed %1: no splice").arg(seed)));
            QVERIFY2(*splice == expected,
                     qPrintable(QStringLiteral("seed %1\nsplice:   %2\nstringify: %3")
                                    .arg(seed)
                                    .arg(QString::fromStdString(*splice),
                                         QString::fromStdString(expected))));
            ++spliced;
        }
    }
    QVERIFY(spliced > 5000);
}

void TestJsonSplice::locatesNamesWithEscapes()
{
    const std::string text = R"({"a\"b":{"\u00e9":[1,{"x":"}"}]},"z":"]\\"})";
    const auto range = locateMember(text, {"a\"b", "\xc3\xa9"});
    QVERIFY(range);
    QCOMPARE(text.substr(range->first, range->second - range->first),
             std::string(R"([1,{"x":"}"}])"));
    const auto last = locateMember(text, {"z"});
    QVERIFY(last);
    QCOMPARE(text.substr(last->first, last->second - last->first), std::string(R"("]\\")"));
}

void TestJsonSplice::refusesWhatItCannotBeSureOf()
{
    const std::string text =
        stringify(*parseValue(R"({"a":{"b":1},"l":[{"c":2}],"s":"x"})"), TextStyle::tabs());
    QVERIFY(!spliceMember(text, {"a", "missing"}, 1, TextStyle::tabs())); // a new member
    QVERIFY(!spliceMember(text, {"l", "0", "c"}, 1, TextStyle::tabs()));  // through an array
    QVERIFY(!spliceMember(text, {"s", "length"}, 1, TextStyle::tabs()));  // into a string
    QVERIFY(!spliceMember(text, {}, 1, TextStyle::tabs()));               // the whole document
    QVERIFY(!spliceMember("[1]", {"a"}, 1, TextStyle::tabs()));
    QVERIFY(!spliceMember(R"({"a":1)", {"b"}, 1, TextStyle::compact())); // cut text
    QCOMPARE(
        *spliceMember(text, {"a", "b"}, Json::array({true}), TextStyle::tabs()),
        stringify(*parseValue(R"({"a":{"b":[true]},"l":[{"c":2}],"s":"x"})"), TextStyle::tabs()));
}

QTEST_GUILESS_MAIN(TestJsonSplice)
#include "tst_jsonsplice.moc"
