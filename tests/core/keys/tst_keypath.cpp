// Parsing and writing conf keys (dot-prop 10 and dot-prop 6 rules), JSON
// Pointers, and the small path algebra.
#include "keys/KeyPath.h"

#include <QTest>

using namespace tad;

Q_DECLARE_METATYPE(tad::KeyDialect)
Q_DECLARE_METATYPE(tad::KeyProblem)

namespace {

std::vector<std::string> toSegments(const QStringList &list)
{
    std::vector<std::string> segments;
    for (const QString &s : list)
        segments.push_back(s.toStdString());
    return segments;
}

QStringList toList(const std::vector<std::string> &segments)
{
    QStringList list;
    for (const std::string &s : segments)
        list << QString::fromStdString(s);
    return list;
}

constexpr auto V10 = KeyDialect::DotProp10;
constexpr auto V6 = KeyDialect::DotProp6;

} // namespace

class TestKeyPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void errorMessages();
    void dottedRoundTrip_data();
    void dottedRoundTrip();
    void dotProp6CannotWriteEveryPath();
    void pointer_data();
    void pointer();
    void invalidPointer_data();
    void invalidPointer();
    void pathAlgebra();
    void numericSegments_data();
    void numericSegments();
};

void TestKeyPath::parse_data()
{
    QTest::addColumn<QString>("dotted");
    QTest::addColumn<KeyDialect>("dialect");
    QTest::addColumn<KeyProblem>("problem");
    QTest::addColumn<QStringList>("segments");

    const auto ok = KeyProblem::None;
    const auto bad = KeyProblem::Malformed;
    const auto refused = KeyProblem::Refused;
    // dot-prop 10
    QTest::newRow("plain") << "a.b.c" << V10 << ok << QStringList{"a", "b", "c"};
    QTest::newRow("empty key") << "" << V10 << ok << QStringList{""};
    QTest::newRow("trailing dot") << "a." << V10 << ok << QStringList{"a", ""};
    QTest::newRow("leading dot") << ".a" << V10 << ok << QStringList{"", "a"};
    QTest::newRow("double dot") << "a..b" << V10 << ok << QStringList{"a", "", "b"};
    QTest::newRow("escaped dot") << "ui\\.theme" << V10 << ok << QStringList{"ui.theme"};
    QTest::newRow("escaped backslash") << "a\\\\.b" << V10 << ok << QStringList{"a\\", "b"};
    QTest::newRow("trailing backslash") << "a\\" << V10 << ok << QStringList{"a\\"};
    QTest::newRow("escaped letter") << "a\\b" << V10 << ok << QStringList{"ab"};
    QTest::newRow("escaped bracket") << "a\\[0]" << V10 << ok << QStringList{"a[0]"};
    QTest::newRow("escaped multibyte") << "\\é" << V10 << ok << QStringList{"é"};
    QTest::newRow("non-ascii") << "é.ü" << V10 << ok << QStringList{"é", "ü"};
    QTest::newRow("index") << "list[0]" << V10 << ok << QStringList{"list", "0"};
    QTest::newRow("index then name")
        << "list[0].name" << V10 << ok << QStringList{"list", "0", "name"};
    QTest::newRow("index alone") << "[0]" << V10 << ok << QStringList{"0"};
    QTest::newRow("index after dot") << "a.[0]" << V10 << ok << QStringList{"a", "", "0"};
    QTest::newRow("two indices") << "a[0][1]" << V10 << ok << QStringList{"a", "0", "1"};
    QTest::newRow("index then dot") << "a[0]." << V10 << ok << QStringList{"a", "0", ""};
    QTest::newRow("empty brackets") << "a[]" << V10 << ok << QStringList{"a[]"};
    QTest::newRow("empty brackets after index")
        << "a[0][]" << V10 << ok << QStringList{"a", "0", "[]"};
    QTest::newRow("leading zero index") << "a[01]" << V10 << ok << QStringList{"a", "01"};
    QTest::newRow("closing bracket") << "a]b[0]" << V10 << ok << QStringList{"a]b", "0"};
    QTest::newRow("letter in index") << "a[x]" << V10 << bad << QStringList{};
    QTest::newRow("text after index") << "a[0]b" << V10 << bad << QStringList{};
    QTest::newRow("unclosed index") << "a[0" << V10 << bad << QStringList{};
    QTest::newRow("escape after index") << "a[0]\\." << V10 << bad << QStringList{};
    QTest::newRow("__proto__") << "__proto__" << V10 << refused << QStringList{};
    QTest::newRow("constructor inside") << "a.constructor" << V10 << refused << QStringList{};
    QTest::newRow("prototype before index") << "prototype[0]" << V10 << refused << QStringList{};
    QTest::newRow("refused before malformed") << "__proto__[x]" << V10 << refused << QStringList{};
    QTest::newRow("malformed before refused") << "a[x].__proto__" << V10 << bad << QStringList{};
    QTest::newRow("escape does not hide") << "__proto\\__" << V10 << refused << QStringList{};
    // dot-prop 6
    QTest::newRow("6 plain") << "a.b" << V6 << ok << QStringList{"a", "b"};
    QTest::newRow("6 empty key") << "" << V6 << ok << QStringList{""};
    QTest::newRow("6 lone dot") << "." << V6 << ok << QStringList{"", ""};
    QTest::newRow("6 escaped dot") << "ui\\.theme" << V6 << ok << QStringList{"ui.theme"};
    QTest::newRow("6 two escaped dots") << "a\\.\\.b" << V6 << ok << QStringList{"a..b"};
    QTest::newRow("6 backslashes are not escapes") << "a\\\\.b" << V6 << ok << QStringList{"a\\.b"};
    QTest::newRow("6 other backslash") << "a\\b" << V6 << ok << QStringList{"a\\b"};
    QTest::newRow("6 trailing backslash") << "a\\" << V6 << ok << QStringList{"a\\"};
    QTest::newRow("6 escaped trailing dot") << "a\\." << V6 << ok << QStringList{"a."};
    QTest::newRow("6 brackets are text") << "list[0]" << V6 << ok << QStringList{"list[0]"};
    QTest::newRow("6 never malformed") << "a[x]" << V6 << ok << QStringList{"a[x]"};
    QTest::newRow("6 refused") << "a.__proto__" << V6 << refused << QStringList{};
}

void TestKeyPath::parse()
{
    QFETCH(QString, dotted);
    QFETCH(KeyDialect, dialect);
    QFETCH(KeyProblem, problem);
    QFETCH(QStringList, segments);

    const std::string text = dotted.toStdString();
    QCOMPARE(KeyPath::diagnose(text, dialect), problem);
    const Result<KeyPath> parsed = KeyPath::parse(text, dialect);
    QCOMPARE(parsed.ok(), problem == KeyProblem::None);
    if (parsed.ok()) {
        QCOMPARE(toList(parsed->segments()), segments);
    } else {
        QCOMPARE(parsed.error().code, ErrorCode::Usage);
        QCOMPARE(parsed.error().key, dotted);
    }
}

void TestKeyPath::errorMessages()
{
    const Result<KeyPath> malformed = KeyPath::parse("list[x]");
    QVERIFY(!malformed.ok());
    QCOMPARE(malformed.error().message,
             QStringLiteral("The key \"list[x]\" is not valid: Invalid character 'x' in an index "
                            "at position 6. [digits] after a name is an array index (list[0]); "
                            "write \\[ for a literal bracket and \\. for a literal dot."));
    const Result<KeyPath> unclosed = KeyPath::parse("a[1");
    QVERIFY(unclosed.error().message.contains(QStringLiteral("Index was not closed")));

    const Result<KeyPath> refused = KeyPath::parse("a.__proto__.b");
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().message,
             QStringLiteral("The key \"a.__proto__.b\" has a segment __proto__, prototype or "
                            "constructor, which the app's store ignores: the key cannot be read "
                            "or written. Escaping does not help; rename the key."));
}

void TestKeyPath::dottedRoundTrip_data()
{
    QTest::addColumn<QStringList>("segments");
    QTest::addColumn<QString>("dotted10");
    QTest::addColumn<QString>("dotted6");

    QTest::newRow("plain") << QStringList{"a", "b"} << "a.b"
                           << "a.b";
    QTest::newRow("dot") << QStringList{"ui.theme", "x"} << "ui\\.theme.x"
                         << "ui\\.theme.x";
    QTest::newRow("backslash") << QStringList{"a\\b"} << "a\\\\b"
                               << "a\\b";
    QTest::newRow("bracket") << QStringList{"list[0]"} << "list\\[0]"
                             << "list[0]";
    QTest::newRow("index") << QStringList{"list", "0"} << "list.0"
                           << "list.0";
    QTest::newRow("empty segments") << QStringList{"", "a", ""} << ".a."
                                    << ".a.";
    QTest::newRow("one empty segment") << QStringList{""} << ""
                                       << "";
    QTest::newRow("trailing backslash last") << QStringList{"a", "b\\"} << "a.b\\\\"
                                             << "a.b\\";
    QTest::newRow("escaped dot then backslash") << QStringList{"x\\.y", "z"} << "x\\\\\\.y.z"
                                                << "x\\\\.y.z";
}

void TestKeyPath::dottedRoundTrip()
{
    QFETCH(QStringList, segments);
    QFETCH(QString, dotted10);
    QFETCH(QString, dotted6);

    const KeyPath path = KeyPath::fromSegments(toSegments(segments));
    QCOMPARE(QString::fromStdString(path.toDotted()), dotted10);
    QCOMPARE(QString::fromStdString(path.toDotted(V6)), dotted6);
    QVERIFY(path.hasDottedForm(V10));
    QVERIFY(path.hasDottedForm(V6));
    QCOMPARE(*KeyPath::parse(path.toDotted(), V10), path);
    QCOMPARE(*KeyPath::parse(path.toDotted(V6), V6), path);
}

void TestKeyPath::dotProp6CannotWriteEveryPath()
{
    // dot-prop 6 glues a piece ending in a backslash to the next one.
    const KeyPath path = KeyPath::fromSegments({"dir\\", "name"});
    QVERIFY(!path.hasDottedForm(V6));
    QVERIFY(path.hasDottedForm(V10));
    QCOMPARE(*KeyPath::parse(path.toDotted(V10), V10), path);
    QVERIFY(!(*KeyPath::parse(path.toDotted(V6), V6) == path));
    QVERIFY(!KeyPath().hasDottedForm(V10)); // the root
}

void TestKeyPath::pointer_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QStringList>("segments");

    QTest::newRow("root") << "" << QStringList{};
    QTest::newRow("empty key") << "/" << QStringList{""};
    QTest::newRow("plain") << "/a/b" << QStringList{"a", "b"};
    QTest::newRow("escapes") << "/a~1b/c~0d/~01" << QStringList{"a/b", "c~d", "~1"};
    QTest::newRow("dots are plain") << "/ui.theme/0" << QStringList{"ui.theme", "0"};
    QTest::newRow("empty segments") << "//x/" << QStringList{"", "x", ""};
}

void TestKeyPath::pointer()
{
    QFETCH(QString, pointer);
    QFETCH(QStringList, segments);

    const Result<KeyPath> parsed = KeyPath::fromPointer(pointer.toStdString());
    QVERIFY(parsed.ok());
    QCOMPARE(toList(parsed->segments()), segments);
    QCOMPARE(QString::fromStdString(parsed->toPointer()), pointer);
}

void TestKeyPath::invalidPointer_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::newRow("no slash") << "a/b";
    QTest::newRow("bad escape") << "/a~2";
    QTest::newRow("tilde at end") << "/a~";
}

void TestKeyPath::invalidPointer()
{
    QFETCH(QString, pointer);
    const Result<KeyPath> parsed = KeyPath::fromPointer(pointer.toStdString());
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Usage);
}

void TestKeyPath::pathAlgebra()
{
    const KeyPath ab = *KeyPath::parse("a.b");
    const KeyPath abc = ab.child("c");
    QCOMPARE(abc, *KeyPath::parse("a.b.c"));
    QCOMPARE(abc.parent(), ab);
    QCOMPARE(ab.parent().parent(), KeyPath());
    QVERIFY(KeyPath().parent().isEmpty());
    QVERIFY(ab.isPrefixOf(abc));
    QVERIFY(ab.isPrefixOf(ab));
    QVERIFY(!abc.isPrefixOf(ab));
    QVERIFY(KeyPath().isPrefixOf(ab));
    QVERIFY(!KeyPath::fromSegments({"a.b"}).isPrefixOf(abc));
    QVERIFY(!KeyPath::fromSegments({"a"}).isRefused());
    QVERIFY(KeyPath::fromSegments({"a", "prototype"}).isRefused());
}

void TestKeyPath::numericSegments_data()
{
    QTest::addColumn<QString>("segment");
    QTest::addColumn<bool>("numeric");
    QTest::newRow("zero") << "0" << true;
    QTest::newRow("small") << "42" << true;
    QTest::newRow("limit") << "1000000" << true;
    QTest::newRow("past limit") << "1000001" << false;
    QTest::newRow("leading zero") << "01" << false;
    QTest::newRow("negative") << "-1" << false;
    QTest::newRow("fraction") << "1.5" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("letters") << "1a" << false;
}

void TestKeyPath::numericSegments()
{
    QFETCH(QString, segment);
    QFETCH(bool, numeric);
    QCOMPARE(KeyPath::isNumericSegment(segment.toStdString()), numeric);
}

QTEST_GUILESS_MAIN(TestKeyPath)
#include "tst_keypath.moc"
