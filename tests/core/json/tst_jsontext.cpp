// JsonText: the JSON.parse / JSON.stringify behaviour the store relies on.
// Expected texts are what Node 20 prints for the same input;
// tst_jsontext_node checks the same rules against a live Node on random
// documents.
#include "json/JsonText.h"
#include <QTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace tad;

Q_DECLARE_METATYPE(tad::TextStyle)

namespace {

std::string text(const QByteArray &bytes)
{
    return bytes.toStdString();
}

// parseValue then stringify, or the error message.
QByteArray reformat(const QByteArray &input, const TextStyle &style = {})
{
    const auto parsed = parseValue(text(input));
    if (!parsed)
        return "error: " + parsed.error().message.toUtf8();
    return QByteArray::fromStdString(stringify(*parsed, style));
}

// One document with every kind of token, for the truncation and corruption
// tests.
const char kEveryToken[] = "{\"a\": [1, -2.5e-3, true, false, null],\n"
                           " \"\xc3\xa9\\u00e9\\uD83D\\uDE00\\n\": {\"7\": {}, \"x\": []},\n"
                           " \"\xf0\x9f\x98\x80\": \"\\\"q\\\\\\/\\b\\f\\r\\t\\u0000\"}";

QByteArray nested(int depth, bool arrays)
{
    QByteArray out;
    for (int i = 0; i < depth; ++i)
        out += arrays ? "[" : "{\"k\":";
    out += "0";
    for (int i = 0; i < depth; ++i)
        out += arrays ? "]" : "}";
    return out;
}

} // namespace

class TestJsonText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbers_data();
    void numbers();
    void jsNumberOfDoubles_data();
    void jsNumberOfDoubles();
    void strings_data();
    void strings();
    void embeddedNulRoundTrips();
    void keyOrder_data();
    void keyOrder();
    void arrayIndexKeys_data();
    void arrayIndexKeys();
    void styles_data();
    void styles();
    void appendAtDepth();
    void detect_data();
    void detect();
    void bom();
    void badDocuments_data();
    void badDocuments();
    void errorTextInFull();
    void badValues_data();
    void badValues();
    void duplicates();
    void depthLimit_data();
    void depthLimit();
    void deepDocumentStringifiesAndCompares();
    void hugeString();
    void everyTruncationFails();
    void corruptedBytesNeverCrash();
    void jsEqual_data();
    void jsEqual();
};

void TestJsonText::numbers_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("integer") << QByteArray("14") << QByteArray("14");
    QTest::newRow("integral double") << QByteArray("14.0") << QByteArray("14");
    QTest::newRow("minus zero") << QByteArray("-0") << QByteArray("0");
    QTest::newRow("minus zero double") << QByteArray("-0.0e5") << QByteArray("0");
    QTest::newRow("hundred") << QByteArray("1E2") << QByteArray("100");
    QTest::newRow("uint64 past 2^53")
        << QByteArray("12345678901234567890") << QByteArray("12345678901234567000");
    QTest::newRow("uint64 max") << QByteArray("18446744073709551615")
                                << QByteArray("18446744073709552000");
    QTest::newRow("past uint64") << QByteArray("18446744073709551616")
                                 << QByteArray("18446744073709552000");
    QTest::newRow("int64 min") << QByteArray("-9223372036854775808")
                               << QByteArray("-9223372036854776000");
    QTest::newRow("below int64") << QByteArray("-9223372036854775809")
                                 << QByteArray("-9223372036854776000");
    QTest::newRow("2^53 + 1") << QByteArray("9007199254740993") << QByteArray("9007199254740992");
    QTest::newRow("1e20 in full") << QByteArray("1e20") << QByteArray("100000000000000000000");
    QTest::newRow("1e21 exponent") << QByteArray("1e21") << QByteArray("1e+21");
    QTest::newRow("long integer") << QByteArray("123456789012345678901234567890")
                                  << QByteArray("1.2345678901234568e+29");
    QTest::newRow("1e-7") << QByteArray("0.0000001") << QByteArray("1e-7");
    QTest::newRow("1e-6 fixed") << QByteArray("1e-6") << QByteArray("0.000001");
    QTest::newRow("small fraction") << QByteArray("2.5e-5") << QByteArray("0.000025");
    QTest::newRow("0.1 + 0.2") << QByteArray("0.30000000000000004")
                               << QByteArray("0.30000000000000004");
    QTest::newRow("big") << QByteArray("1.5e300") << QByteArray("1.5e+300");
    QTest::newRow("max double") << QByteArray("1.7976931348623157e308")
                                << QByteArray("1.7976931348623157e+308");
    QTest::newRow("smallest subnormal") << QByteArray("5e-324") << QByteArray("5e-324");
    QTest::newRow("negative exponent") << QByteArray("123e-20") << QByteArray("1.23e-18");
    QTest::newRow("fraction") << QByteArray("-3.25") << QByteArray("-3.25");
    QTest::newRow("overflow") << QByteArray("1e400") << QByteArray("null");
    QTest::newRow("negative overflow") << QByteArray("-1e400") << QByteArray("null");
    QTest::newRow("overflow by digits")
        << QByteArray("1" + QByteArray(400, '0') + ".5") << QByteArray("null");
    QTest::newRow("underflow") << QByteArray("1e-400") << QByteArray("0");
    QTest::newRow("underflow by zeros")
        << QByteArray("0." + QByteArray(400, '0') + "1") << QByteArray("0");
    QTest::newRow("huge exponent") << QByteArray("1e99999999999999999999") << QByteArray("null");
    QTest::newRow("in array") << QByteArray("[1.0,-0,1e21,0.5]") << QByteArray("[1,0,1e+21,0.5]");
}

void TestJsonText::numbers()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(reformat(input), expected);
}

void TestJsonText::jsNumberOfDoubles_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0.1 + 0.2") << 0.1 + 0.2 << "0.30000000000000004";
    QTest::newRow("minus zero") << -0.0 << "0";
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << "NaN";
    QTest::newRow("Infinity") << std::numeric_limits<double>::infinity() << "Infinity";
    QTest::newRow("-Infinity") << -std::numeric_limits<double>::infinity() << "-Infinity";
    QTest::newRow("2^53") << 9007199254740992.0 << "9007199254740992";
    QTest::newRow("1/3") << 1.0 / 3 << "0.3333333333333333";
    QTest::newRow("-1e-7") << -1e-7 << "-1e-7";
    QTest::newRow("1.5e-10") << 1.5e-10 << "1.5e-10";
    QTest::newRow("denormal max") << 2.225073858507201e-308 << "2.225073858507201e-308";
    QTest::newRow("123456.789") << 123456.789 << "123456.789";
}

void TestJsonText::jsNumberOfDoubles()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(jsNumber(value)), expected);
}

void TestJsonText::strings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("short escapes")
        << QByteArray(R"("\b\f\n\r\t\"\\")") << QByteArray(R"("\b\f\n\r\t\"\\")");
    QTest::newRow("slash unescaped") << QByteArray(R"("a\/b")") << QByteArray(R"("a/b")");
    QTest::newRow("controls lower hex")
        << QByteArray(R"("\u0001\u001F\u000B")") << QByteArray(R"("\u0001\u001f\u000b")");
    QTest::newRow("NUL") << QByteArray(R"("\u0000")") << QByteArray(R"("\u0000")");
    QTest::newRow("DEL literal") << QByteArray(R"("\u007f")") << QByteArray("\"\x7f\"");
    QTest::newRow("U+2028/9 literal")
        << QByteArray(R"("\u2028\u2029")") << QByteArray("\"\xe2\x80\xa8\xe2\x80\xa9\"");
    QTest::newRow("latin escaped") << QByteArray(R"("caf\u00E9")") << QByteArray("\"caf\xc3\xa9\"");
    QTest::newRow("utf8 literal") << QByteArray("\"\xe4\xb8\xad\xc3\xa9\"")
                                  << QByteArray("\"\xe4\xb8\xad\xc3\xa9\"");
    QTest::newRow("surrogate pair")
        << QByteArray(R"("\uD83D\uDE00")") << QByteArray("\"\xf0\x9f\x98\x80\"");
    QTest::newRow("emoji literal")
        << QByteArray("\"\xf0\x9f\x98\x80\"") << QByteArray("\"\xf0\x9f\x98\x80\"");
    QTest::newRow("lone high") << QByteArray(R"("a\uD800b")") << QByteArray(R"("a\ud800b")");
    QTest::newRow("lone low") << QByteArray(R"("\uDC00")") << QByteArray(R"("\udc00")");
    QTest::newRow("reversed pair")
        << QByteArray(R"("\uDE00\uD83D")") << QByteArray(R"("\ude00\ud83d")");
    QTest::newRow("high then text")
        << QByteArray(R"("\uD83Dx\uDE00")") << QByteArray(R"("\ud83dx\ude00")");
    QTest::newRow("hangul near surrogates")
        << QByteArray(R"("\uD7FF\uE000")") << QByteArray("\"\xed\x9f\xbf\xee\x80\x80\"");
    QTest::newRow("key escaped too")
        << QByteArray(R"({"\n\u0002":1})") << QByteArray(R"({"\n\u0002":1})");
}

void TestJsonText::strings()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(reformat(input), expected);
}

void TestJsonText::embeddedNulRoundTrips()
{
    const auto parsed = parseDocument(R"({"a\u0000b":"x\u0000y"})");
    QVERIFY(parsed);
    const auto &member = *parsed->value.get_ptr<const Json::object_t *>()->begin();
    QCOMPARE(member.first, std::string("a\0b", 3));
    QCOMPARE(member.second.get<std::string>(), std::string("x\0y", 3));
    QCOMPARE(compactJson(parsed->value), std::string(R"({"a\u0000b":"x\u0000y"})"));
}

void TestJsonText::keyOrder_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("insertion order")
        << QByteArray(R"({"b":1,"a":2,"c":3})") << QByteArray(R"({"b":1,"a":2,"c":3})");
    QTest::newRow("indices first ascending") << QByteArray(R"({"b":1,"10":2,"2":3,"0":4})")
                                             << QByteArray(R"({"0":4,"2":3,"10":2,"b":1})");
    QTest::newRow("largest index") << QByteArray(R"({"x":1,"4294967295":2,"4294967294":3})")
                                   << QByteArray(R"({"4294967294":3,"x":1,"4294967295":2})");
    QTest::newRow("not indices") << QByteArray(R"({"z":0,"01":1,"-1":2,"1.5":3," 1":4,"1e3":5})")
                                 << QByteArray(R"({"z":0,"01":1,"-1":2,"1.5":3," 1":4,"1e3":5})");
    QTest::newRow("dotted keys") << QByteArray(R"({"ui.theme":1,"3":2,"a.b.c":3})")
                                 << QByteArray(R"({"3":2,"ui.theme":1,"a.b.c":3})");
    QTest::newRow("duplicate keeps first place")
        << QByteArray(R"({"a":1,"b":2,"a":3})") << QByteArray(R"({"a":3,"b":2})");
    QTest::newRow("nested") << QByteArray(R"({"o":{"k":1,"1":2},"a":[{"9":0,"8":1}]})")
                            << QByteArray(R"({"o":{"1":2,"k":1},"a":[{"8":1,"9":0}]})");
}

void TestJsonText::keyOrder()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(reformat(input), expected);
}

void TestJsonText::arrayIndexKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("isIndex");
    QTest::newRow("0") << "0" << true;
    QTest::newRow("7") << "7" << true;
    QTest::newRow("4294967294") << "4294967294" << true;
    QTest::newRow("4294967295") << "4294967295" << false;
    QTest::newRow("10000000000") << "10000000000" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("00") << "00" << false;
    QTest::newRow("01") << "01" << false;
    QTest::newRow("-0") << "-0" << false;
    QTest::newRow("1a") << "1a" << false;
}

void TestJsonText::arrayIndexKeys()
{
    QFETCH(QString, key);
    QFETCH(bool, isIndex);
    QCOMPARE(isArrayIndexKey(key.toStdString()), isIndex);
}

void TestJsonText::styles_data()
{
    QTest::addColumn<TextStyle>("style");
    QTest::addColumn<QByteArray>("expected");
    // JSON.stringify({a:[1,{}],b:{c:[]},d:{e:null}}, null, space)
    QTest::newRow("compact") << TextStyle::compact()
                             << QByteArray(R"({"a":[1,{}],"b":{"c":[]},"d":{"e":null}})");
    QTest::newRow("tabs") << TextStyle::tabs()
                          << QByteArray(
                                 "{\n\t\"a\": [\n\t\t1,\n\t\t{}\n\t],\n\t\"b\": {\n\t\t\"c\": "
                                 "[]\n\t},\n\t\"d\": {\n\t\t\"e\": null\n\t}\n}");
    QTest::newRow("2 spaces") << TextStyle::withSpaces(2)
                              << QByteArray("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": {\n    "
                                            "\"c\": []\n  },\n  \"d\": {\n    \"e\": null\n  }\n}");
    QTest::newRow("1 space") << TextStyle::withSpaces(1)
                             << QByteArray(
                                    "{\n \"a\": [\n  1,\n  {}\n ],\n \"b\": {\n  \"c\": []\n "
                                    "},\n \"d\": {\n  \"e\": null\n }\n}");
    QTest::newRow("0 spaces is compact")
        << TextStyle::withSpaces(0) << QByteArray(R"({"a":[1,{}],"b":{"c":[]},"d":{"e":null}})");
    QTest::newRow("more than 10 spaces gives 10")
        << TextStyle::withSpaces(12)
        << QByteArray("{\n          \"a\": [\n                    1,\n                    {}\n     "
                      "     ],\n          \"b\": {\n                    \"c\": []\n          },\n  "
                      "        \"d\": {\n                    \"e\": null\n          }\n}");
    TextStyle newline = TextStyle::compact();
    newline.trailingNewline = true;
    QTest::newRow("compact + newline")
        << newline << QByteArray("{\"a\":[1,{}],\"b\":{\"c\":[]},\"d\":{\"e\":null}}\n");
    TextStyle tabsNewline = TextStyle::tabs();
    tabsNewline.trailingNewline = true;
    QTest::newRow("tabs + newline")
        << tabsNewline
        << QByteArray(
               "{\n\t\"a\": [\n\t\t1,\n\t\t{}\n\t],\n\t\"b\": {\n\t\t\"c\": []\n\t},\n\t\"d\": "
               "{\n\t\t\"e\": null\n\t}\n}\n");
}

void TestJsonText::styles()
{
    QFETCH(TextStyle, style);
    QFETCH(QByteArray, expected);
    QCOMPARE(reformat(R"({"a":[1,{}],"b":{"c":[]},"d":{"e":null}})", style), expected);
}

void TestJsonText::appendAtDepth()
{
    // A value placed two levels deep in a 2-space document: nested lines carry
    // three units, the closing bracket two.
    std::string out = "prefix:";
    appendStringified(out, *parseValue(R"({"a":[1]})"), TextStyle::withSpaces(2), 2);
    QCOMPARE(out, std::string("prefix:{\n      \"a\": [\n        1\n      ]\n    }"));
}

void TestJsonText::detect_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<TextStyle>("expected");
    TextStyle compactNewline;
    compactNewline.trailingNewline = true;
    TextStyle twoNewline = TextStyle::withSpaces(2);
    twoNewline.trailingNewline = true;
    QTest::newRow("empty") << QByteArray() << TextStyle::compact();
    QTest::newRow("one line") << QByteArray(R"({"a":{"b":1}})") << TextStyle::compact();
    QTest::newRow("one line + newline") << QByteArray("{\"a\":1}\n") << compactNewline;
    QTest::newRow("tabs") << QByteArray("{\n\t\"a\": 1\n}") << TextStyle::tabs();
    QTest::newRow("2 spaces") << QByteArray("{\n  \"a\": 1\n}") << TextStyle::withSpaces(2);
    QTest::newRow("2 spaces + newline") << QByteArray("{\n  \"a\": 1\n}\n") << twoNewline;
    QTest::newRow("4 spaces") << QByteArray("{\n    \"a\": {\n        \"b\": 1\n    }\n}")
                              << TextStyle::withSpaces(4);
    QTest::newRow("16 spaces clamp")
        << QByteArray("{\n" + QByteArray(16, ' ') + "\"a\": 1\n}") << TextStyle::withSpaces(10);
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF{\n  \"a\": 1\n}") << TextStyle::withSpaces(2);
    QTest::newRow("first indent later")
        << QByteArray("{\n\"a\": [\n   1\n]\n}") << TextStyle::withSpaces(3);
    QTest::newRow("unindented lines") << QByteArray("{\n\"a\": 1\n}") << TextStyle::compact();
    QTest::newRow("blank line of spaces skipped")
        << QByteArray("{\n    \n\t\"a\": 1\n}") << TextStyle::tabs();
}

void TestJsonText::detect()
{
    QFETCH(QByteArray, bytes);
    QFETCH(TextStyle, expected);
    const TextStyle style = TextStyle::detect(text(bytes));
    QCOMPARE(int(style.indent), int(expected.indent));
    if (expected.indent == TextStyle::Indent::Spaces)
        QCOMPARE(style.spaces, expected.spaces);
    QCOMPARE(style.trailingNewline, expected.trailingNewline);
}

void TestJsonText::bom()
{
    const auto withBom = parseDocument("\xEF\xBB\xBF{\"a\":1}");
    QVERIFY(withBom);
    QVERIFY(withBom->hadBom);
    QCOMPARE(compactJson(withBom->value), std::string(R"({"a":1})"));
    QVERIFY(!parseDocument(R"({"a":1})")->hadBom);

    // The BOM is not a character the user sees: columns start after it.
    const auto bad = parseDocument("\xEF\xBB\xBF{\"a\" 1}");
    QVERIFY(!bad);
    QCOMPARE(bad.error().line, 1);
    QCOMPARE(bad.error().column, 6);
}

void TestJsonText::badDocuments_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("problem");
    QTest::newRow("empty") << QByteArray() << 1 << 1 << "the text is empty";
    QTest::newRow("whitespace") << QByteArray("  \n ") << 2 << 2 << "only whitespace";
    QTest::newRow("array root") << QByteArray(" [1]") << 1 << 2 << "the top level is an array";
    QTest::newRow("string root") << QByteArray("\n\"x\"") << 2 << 1 << "the top level is a string";
    QTest::newRow("number root") << QByteArray("3") << 1 << 1 << "the top level is a number";
    QTest::newRow("null root") << QByteArray("null") << 1 << 1 << "the top level is null";
    QTest::newRow("truncated object")
        << QByteArray("{\"a\":1") << 1 << 7 << "unexpected end of text, expected ',' or '}'";
    QTest::newRow("truncated after colon")
        << QByteArray("{\"a\":") << 1 << 6 << "unexpected end of text, expected a value";
    QTest::newRow("truncated literal")
        << QByteArray("{\"a\":tr") << 1 << 8 << "unexpected end of text";
    QTest::newRow("truncated string")
        << QByteArray("{\"a\":\"abc") << 1 << 6 << "a string is not closed";
    QTest::newRow("truncated escape")
        << QByteArray("{\"a\":\"abc\\") << 1 << 10 << "a string is not closed";
    QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}") << 1 << 8 << "trailing ','";
    QTest::newRow("trailing comma array") << QByteArray("{\"a\":[1,]}") << 1 << 9 << "trailing ','";
    QTest::newRow("missing comma") << QByteArray("{\"a\":1\n \"b\":2}") << 2 << 2
                                   << "expected ',' or '}' after an object member";
    QTest::newRow("missing comma array")
        << QByteArray("{\"a\":[1 2]}") << 1 << 9 << "expected ',' or ']' after an array element";
    QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << 1 << 6 << "expected ':'";
    QTest::newRow("single quotes")
        << QByteArray("{'a':1}") << 1 << 2 << "expected a member name in double quotes";
    QTest::newRow("bare word") << QByteArray("{\"a\":yes}") << 1 << 6 << "expected a value";
    QTest::newRow("True") << QByteArray("{\"a\":True}") << 1 << 6 << "lower case";
    QTest::newRow("leading zero") << QByteArray("{\"a\":01}") << 1 << 6 << "leading zeros";
    QTest::newRow("plus sign") << QByteArray("{\"a\":+1}") << 1 << 6 << "expected a value";
    QTest::newRow("bare minus") << QByteArray("{\"a\":-}") << 1 << 7 << "after '-'";
    QTest::newRow("dot without digits")
        << QByteArray("{\"a\":1.}") << 1 << 8 << "after the decimal point";
    QTest::newRow("empty exponent") << QByteArray("{\"a\":1e}") << 1 << 8 << "exponent";
    QTest::newRow("NaN") << QByteArray("{\"a\":NaN}") << 1 << 6 << "expected a value";
    QTest::newRow("bad escape") << QByteArray("{\"a\":\"\\x\"}") << 1 << 7 << "invalid escape";
    QTest::newRow("short unicode escape")
        << QByteArray("{\"a\":\"\\u12\"}") << 1 << 7 << "four hex digits";
    QTest::newRow("raw newline in string")
        << QByteArray("{\"a\":\"x\ny\"}") << 1 << 8 << "line break inside a string";
    QTest::newRow("raw tab in string")
        << QByteArray("{\"a\":\"x\ty\"}") << 1 << 8 << "control character U+0009";
    QTest::newRow("raw NUL in string")
        << QByteArray("{\"a\":\"x\0y\"}", 11) << 1 << 8 << "control character U+0000";
    QTest::newRow("NUL outside") << QByteArray("{\"a\":1}\0", 8) << 1 << 8 << "NUL byte";
    QTest::newRow("NUL before value") << QByteArray("{\"a\":\0}", 7) << 1 << 6 << "NUL byte";
    QTest::newRow("bad UTF-8 in string")
        << QByteArray("{\"a\":\"\xC3\x28\"}") << 1 << 7 << "invalid UTF-8 (byte 0xc3)";
    QTest::newRow("overlong UTF-8")
        << QByteArray("{\"a\":\"\xC0\xAF\"}") << 1 << 7 << "invalid UTF-8 (byte 0xc0)";
    QTest::newRow("UTF-8 surrogate")
        << QByteArray("{\"a\":\"\xED\xA0\x80\"}") << 1 << 7 << "invalid UTF-8 (byte 0xed)";
    QTest::newRow("cut UTF-8 at end")
        << QByteArray("{\"a\":\"\xE4\xB8") << 1 << 7 << "invalid UTF-8 (byte 0xe4)";
    QTest::newRow("Latin-1 outside")
        << QByteArray("{\"a\":1,\xE9}") << 1 << 8 << "invalid UTF-8 (byte 0xe9)";
    QTest::newRow("trailing garbage")
        << QByteArray("{\"a\":1} x") << 1 << 9 << "unexpected text after the end";
    QTest::newRow("two documents")
        << QByteArray("{}\n{}") << 2 << 1 << "unexpected text after the end";
    QTest::newRow("columns count characters")
        << QByteArray("{\"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\":1 }x") << 1 << 11
        << "unexpected text after the end";
    QTest::newRow("column after line break")
        << QByteArray("{\n  \"\xc3\xa9\": [1,\n  \xc3\xa9]}") << 3 << 3 << "expected a value";
    QTest::newRow("CRLF lines") << QByteArray("{\r\n\"a\":1,\r\n\"b\" 2}") << 3 << 5
                                << "expected ':'";
}

void TestJsonText::badDocuments()
{
    QFETCH(QByteArray, input);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, problem);
    const auto parsed = parseDocument(text(input), QStringLiteral("/tmp/tad-config.json"));
    QVERIFY(!parsed);
    const Error &error = parsed.error();
    QCOMPARE(error.code, ErrorCode::Unreadable);
    QVERIFY2(error.message.contains(problem), qPrintable(error.message));
    // What to do is the caller's to say: the parser cannot know whose file it read.
    QVERIFY2(!error.message.contains("backup"), qPrintable(error.message));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QCOMPARE(error.file, QStringLiteral("/tmp/tad-config.json"));
}

void TestJsonText::errorTextInFull()
{
    const auto parsed = parseDocument("{\"a\":1 \"b\":2}", QStringLiteral("tad-config.json"));
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().toString(),
             QStringLiteral("tad-config.json:1:8: not valid JSON: expected ',' or '}' after an "
                            "object member"));
}

void TestJsonText::badValues_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("unquoted string")
        << QByteArray("dark") << 1
        << "not valid JSON: expected a value (a string in double quotes, a number, true, false, "
           "null, an object or an array) at column 1; strings need double quotes, e.g. '\"dark\"'";
    QTest::newRow("trailing text") << QByteArray("1 2") << 3
                                   << "not valid JSON: unexpected text after the end of the JSON "
                                      "value at column 3; strings need double quotes, e.g. "
                                      "'\"dark\"'";
    QTest::newRow("empty") << QByteArray("") << 1
                           << "not valid JSON: the text is empty at column 1; strings need double "
                              "quotes, e.g. '\"dark\"'";
}

void TestJsonText::badValues()
{
    QFETCH(QByteArray, input);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto parsed = parseValue(text(input));
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::Usage);
    QCOMPARE(parsed.error().column, column);
    QCOMPARE(parsed.error().message, message);

    // Any JSON value is fine here, not only objects.
    QCOMPARE(reformat(" [1, \"x\", null] "), QByteArray(R"([1,"x",null])"));
    QCOMPARE(reformat("\"dark\""), QByteArray(R"("dark")"));
}

void TestJsonText::duplicates()
{
    const char *input = "{\"a\": 1,\n"
                        " \"b\": {\"x\": 1, \"x\": 2, \"a/~\": 0, \"a/~\": 9},\n"
                        " \"l\": [0, {\"k\": 1, \"k\": {\"deep\": true}}],\n"
                        " \"a\": [3]}";
    const auto parsed = parseDocument(input);
    QVERIFY(parsed);
    QCOMPARE(compactJson(parsed->value),
             std::string(R"({"a":[3],"b":{"x":2,"a/~":9},"l":[0,{"k":{"deep":true}}]})"));
    const std::vector<DuplicateKey> expected{
        {"/b/x", 2, 16},
        {"/b/a~1~0", 2, 34},
        {"/l/1/k", 3, 20},
        {"/a", 4, 2},
    };
    QCOMPARE(parsed->duplicates.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(parsed->duplicates[i].pointer, expected[i].pointer);
        QCOMPARE(parsed->duplicates[i].line, expected[i].line);
        QCOMPARE(parsed->duplicates[i].column, expected[i].column);
    }
    QVERIFY(parseDocument(R"({"a":1,"b":{"a":2}})")->duplicates.empty());
}

void TestJsonText::depthLimit_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("1000 objects") << nested(kMaxJsonDepth, false) << true;
    QTest::newRow("1001 objects") << nested(kMaxJsonDepth + 1, false) << false;
    QTest::newRow("object + 999 arrays")
        << "{\"a\":" + nested(kMaxJsonDepth - 1, true) + "}" << true;
    QTest::newRow("object + 1000 arrays") << "{\"a\":" + nested(kMaxJsonDepth, true) + "}" << false;
    QTest::newRow("100000 arrays, unclosed") << "{\"a\":" + QByteArray(100000, '[') << false;
    QTest::newRow("100000 objects") << nested(100000, false) << false;
}

void TestJsonText::depthLimit()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, accepted);
    const auto parsed = parseDocument(text(input));
    QCOMPARE(parsed.ok(), accepted);
    if (!accepted) {
        QVERIFY2(parsed.error().message.contains("nested more than 1000 levels deep"),
                 qPrintable(parsed.error().message));
        QCOMPARE(parsed.error().line, 1);
        QVERIFY(parsed.error().column > kMaxJsonDepth);
    }
}

void TestJsonText::deepDocumentStringifiesAndCompares()
{
    const QByteArray input = nested(kMaxJsonDepth, false);
    const auto parsed = parseDocument(text(input));
    QVERIFY(parsed);
    QCOMPARE(QByteArray::fromStdString(compactJson(parsed->value)), input);
    const std::string pretty = stringify(parsed->value, TextStyle::withSpaces(10));
    QCOMPARE(compactJson(*parseValue(pretty)), text(input));
    const auto copy = parseDocument(text(input));
    QVERIFY(tad::jsEqual(parsed->value, copy->value));

    // jsEqual uses no recursion at all: a value built in code may go deeper.
    Json deep = 0;
    Json other = 0;
    for (int i = 0; i < 200000; ++i) {
        deep = Json::array({std::move(deep)});
        other = Json::array({std::move(other)});
    }
    QVERIFY(tad::jsEqual(deep, other));
}

void TestJsonText::hugeString()
{
    std::string big(50 * 1024 * 1024, 'x');
    for (size_t i = 0; i < big.size(); i += 4096)
        big[i] = static_cast<char>('a' + i % 26);
    big.replace(1000, 2, "\\n");
    big.replace(big.size() / 2, 4, "\xf0\x9f\x98\x80");
    const std::string input = "{\"blob\":\"" + big + "\"}";
    const auto parsed = parseDocument(input);
    QVERIFY(parsed);
    QCOMPARE(parsed->value["blob"].get_ref<const std::string &>().size(), big.size() - 1);
    QVERIFY(compactJson(parsed->value) == input);
}

void TestJsonText::everyTruncationFails()
{
    const std::string full = kEveryToken;
    QVERIFY(parseDocument(full));
    for (size_t length = 0; length < full.size(); ++length) {
        const std::string prefix = full.substr(0, length);
        const auto parsed = parseDocument(prefix);
        QVERIFY2(!parsed, prefix.c_str());
        const int lines = int(std::count(prefix.begin(), prefix.end(), '\n')) + 1;
        QVERIFY(parsed.error().line >= 1 && parsed.error().line <= lines);
        QVERIFY(parsed.error().column >= 1);
        QCOMPARE(parsed.error().code, ErrorCode::Unreadable);
    }
}

void TestJsonText::corruptedBytesNeverCrash()
{
    // Whatever a damaged file holds, the outcome is an error or a value that
    // survives its own round trip.
    std::mt19937 rng(12345);
    const std::string full = kEveryToken;
    int accepted = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string damaged = full;
        const int edits = 1 + int(rng() % 3);
        for (int e = 0; e < edits; ++e) {
            const size_t at = rng() % damaged.size();
            if (rng() % 2)
                damaged[at] = static_cast<char>(rng() % 256);
            else
                damaged.erase(at, 1 + rng() % 3);
        }
        const auto parsed = parseDocument(damaged);
        if (!parsed) {
            QVERIFY(parsed.error().line >= 1 && parsed.error().column >= 1);
            continue;
        }
        ++accepted;
        const std::string text = stringify(parsed->value, TextStyle::tabs());
        const auto again = parseDocument(text);
        QVERIFY(again);
        QVERIFY(tad::jsEqual(again->value, parsed->value));
        QCOMPARE(stringify(again->value, TextStyle::tabs()), text);
    }
    QVERIFY(accepted > 0); // some edits only touch string contents
}

void TestJsonText::jsEqual_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("int and double") << QByteArray("14") << QByteArray("14.0") << true;
    QTest::newRow("signed and unsigned") << QByteArray("[-0, 3]") << QByteArray("[0, 3e0]") << true;
    QTest::newRow("big int rounds")
        << QByteArray("9007199254740993") << QByteArray("9007199254740992") << true;
    QTest::newRow("different numbers") << QByteArray("1") << QByteArray("1.5") << false;
    QTest::newRow("number vs string") << QByteArray("1") << QByteArray("\"1\"") << false;
    QTest::newRow("null vs false") << QByteArray("null") << QByteArray("false") << false;
    QTest::newRow("member order ignored") << QByteArray(R"({"a":1,"b":[1,{"c":2}]})")
                                          << QByteArray(R"({"b":[1,{"c":2.0}],"a":1})") << true;
    QTest::newRow("array order matters") << QByteArray("[1,2]") << QByteArray("[2,1]") << false;
    QTest::newRow("extra member") << QByteArray(R"({"a":1})") << QByteArray(R"({"a":1,"b":1})")
                                  << false;
    QTest::newRow("missing member")
        << QByteArray(R"({"a":1,"c":1})") << QByteArray(R"({"a":1,"b":1})") << false;
    QTest::newRow("deep difference") << QByteArray(R"({"a":{"b":{"c":[1,2,{"d":"x"}]}}})")
                                     << QByteArray(R"({"a":{"b":{"c":[1,2,{"d":"y"}]}}})") << false;
    QTest::newRow("overflows are equal") << QByteArray("1e400") << QByteArray("2e400") << true;
}

void TestJsonText::jsEqual()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    const auto left = parseValue(text(a));
    const auto right = parseValue(text(b));
    QVERIFY(left && right);
    QCOMPARE(tad::jsEqual(*left, *right), equal);
    QCOMPARE(tad::jsEqual(*right, *left), equal);
}

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
