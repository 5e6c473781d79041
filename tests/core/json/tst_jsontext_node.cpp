// JsonText against a live Node: random documents go through
// JSON.stringify(JSON.parse(text), null, space) in Node and through
// parseValue + stringify here; the bytes must match in every style. Random
// doubles go through String(x) and jsNumber.
#include "json/JsonText.h"
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <bit>
#include <cmath>
#include <cstdint>
#include <random>

using namespace tad;

namespace {

// JSON texts written the many ways a file may spell the same thing.
class DocumentGenerator
{
public:
    explicit DocumentGenerator(uint64_t seed) : m_rng(seed) {}

    std::string document(bool objectRoot)
    {
        return ws() + (objectRoot ? object(0, 30) : array(0, 30)) + ws();
    }

    std::string number()
    {
        static const char *const awkward[] = {"-0",
                                              "0",
                                              "0.0",
                                              "-0.0e-5",
                                              "1e21",
                                              "1E21",
                                              "1e-7",
                                              "1e-6",
                                              "5e-324",
                                              "1e400",
                                              "-1e400",
                                              "1e-400",
                                              "0.30000000000000004",
                                              "9007199254740993",
                                              "9007199254740991",
                                              "18446744073709551615",
                                              "18446744073709551616",
                                              "-9223372036854775808",
                                              "-9223372036854775809",
                                              "4.9406564584124654e-324",
                                              "2.2250738585072014e-308",
                                              "1.7976931348623157e308",
                                              "123456789012345680000",
                                              "100",
                                              "1E2",
                                              "1e+2",
                                              "0.1",
                                              "0.000001",
                                              "1234.5e-2",
                                              "99999999999999999999.5"};
        switch (pick(6)) {
        case 0:
            return awkward[pick(std::size(awkward))];
        case 1:
            return std::to_string(pick(2001) - 1000);
        case 2:
            return (pick(2) ? "-" : "") + digits(1 + pick(30), false);
        case 3:
            return (pick(2) ? "-" : "") + digits(1 + pick(8), false) + "." +
                   digits(1 + pick(20), true);
        case 4: {
            std::string s = (pick(2) ? "-" : "") + digits(1, false);
            if (pick(2))
                s += "." + digits(1 + pick(17), true);
            s += pick(2) ? "e" : "E";
            const int exponent = pick(661) - 330;
            s += exponent < 0 ? "-" : (pick(2) ? "+" : "");
            return s + std::to_string(std::abs(exponent));
        }
        default: {
            double d;
            do {
                d = std::bit_cast<double>(static_cast<uint64_t>(m_rng()));
            } while (!std::isfinite(d));
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.17g", d);
            return buf;
        }
        }
    }

    std::string string()
    {
        std::string s = "\"";
        const int pieces = pick(8);
        for (int i = 0; i < pieces; ++i)
            s += stringPiece();
        return s + "\"";
    }

private:
    int pick(size_t n) { return static_cast<int>(m_rng() % n); }

    std::string ws()
    {
        static const char *const spaces[] = {"", "", "", "", " ", "\n", "\t", "\r\n", "  \n\t "};
        return spaces[pick(std::size(spaces))];
    }

    std::string digits(int count, bool leadingZeroOk)
    {
        std::string s;
        for (int i = 0; i < count; ++i)
            s += static_cast<char>('0' + (i == 0 && !leadingZeroOk ? 1 + pick(9) : pick(10)));
        return s == "" ? "0" : s;
    }

    std::string hex4(unsigned unit)
    {
        static const char lower[] = "0123456789abcdef";
        static const char upper[] = "0123456789ABCDEF";
        const char *digitsOf = pick(2) ? lower : upper;
        std::string s = "\\u";
        for (int shift = 12; shift >= 0; shift -= 4)
            s += digitsOf[(unit >> shift) & 0xF];
        return s;
    }

    std::string stringPiece()
    {
        static const char *const literal[] = {"a",
                                              "Z",
                                              "settings",
                                              " ",
                                              ".",
                                              "a.b",
                                              "~",
                                              "/",
                                              "'",
                                              "\x7f",
                                              "\xc3\xa9",
                                              "\xe4\xb8\xad",
                                              "\xf0\x9f\x98\x80",
                                              "\xe2\x80\xa8",
                                              "\xe2\x80\xa9",
                                              "\xef\xbb\xbf",
                                              "\xed\x9f\xbf",
                                              "\xee\x80\x80"};
        static const char *const escapes[] = {"\\\"", "\\\\", "\\/", "\\b",
                                              "\\f",  "\\n",  "\\r", "\\t"};
        switch (pick(7)) {
        case 0:
        case 1:
            return literal[pick(std::size(literal))];
        case 2:
            return escapes[pick(std::size(escapes))];
        case 3:
            return hex4(static_cast<unsigned>(pick(0x20)));
        case 4: {
            unsigned unit;
            do {
                unit = static_cast<unsigned>(pick(0x10000));
            } while (unit >= 0xD800 && unit <= 0xDFFF);
            return hex4(unit);
        }
        case 5: // a surrogate pair
            return hex4(0xD800 + static_cast<unsigned>(pick(0x400))) +
                   hex4(0xDC00 + static_cast<unsigned>(pick(0x400)));
        default: // a lone surrogate
            return hex4(0xD800 + static_cast<unsigned>(pick(0x800)));
        }
    }

    std::string key(const std::vector<std::string> &earlier)
    {
        static const char *const special[] = {"\"0\"",          "\"1\"",
                                              "\"2\"",          "\"7\"",
                                              "\"10\"",         "\"42\"",
                                              "\"4294967294\"", "\"4294967295\"",
                                              "\"01\"",         "\"-1\"",
                                              "\"1.5\"",        "\"1e3\"",
                                              "\"a.b\"",        "\"ui\\\\.theme\"",
                                              "\"__proto__\"",  "\"constructor\"",
                                              "\"\"",           "\" \"",
                                              "\"10 \"",        "\"\\u0031\""};
        if (!earlier.empty() && pick(15) == 0)
            return earlier[pick(earlier.size())]; // a duplicate
        if (pick(3) == 0)
            return special[pick(std::size(special))];
        return string();
    }

    std::string value(int depth)
    {
        switch (pick(depth < 5 ? 8 : 5)) {
        case 0:
            return pick(2) ? "true" : "false";
        case 1:
            return "null";
        case 2:
        case 3:
            return number();
        case 4:
            return string();
        case 5:
        case 6:
            return object(depth + 1, 8);
        default:
            return array(depth + 1, 6);
        }
    }

    std::string object(int depth, int maxMembers)
    {
        // Some objects pass the size where the map starts hashing its keys.
        const int members = pick(10) == 0 ? 12 + pick(20) : pick(maxMembers + 1);
        std::vector<std::string> keys;
        std::string s = "{" + ws();
        for (int i = 0; i < members; ++i) {
            if (i > 0)
                s += "," + ws();
            keys.push_back(key(keys));
            s += keys.back() + ws() + ":" + ws() + value(depth) + ws();
        }
        return s + "}";
    }

    std::string array(int depth, int maxElements)
    {
        const int elements = pick(maxElements + 1);
        std::string s = "[" + ws();
        for (int i = 0; i < elements; ++i)
            s += (i > 0 ? "," + ws() : std::string()) + value(depth) + ws();
        return s + "]";
    }

    std::mt19937_64 m_rng;
};

struct NamedStyle
{
    const char *name;
    TextStyle style;
};

const NamedStyle kStyles[] = {
    {"compact", TextStyle::compact()}, {"tabs", TextStyle::tabs()},
    {"s1", TextStyle::withSpaces(1)},  {"s2", TextStyle::withSpaces(2)},
    {"s4", TextStyle::withSpaces(4)},  {"s10", TextStyle::withSpaces(10)},
};

const char kNodeScript[] = R"js(
import fs from 'node:fs';
const dir = process.argv[2];
const count = Number(process.argv[3]);
const styles = { compact: undefined, tabs: '\t', s1: 1, s2: 2, s4: 4, s10: 10 };
for (let i = 0; i < count; i++) {
    const value = JSON.parse(fs.readFileSync(`${dir}/doc${i}.json`, 'utf8'));
    for (const [name, space] of Object.entries(styles))
        fs.writeFileSync(`${dir}/doc${i}.${name}.out`, JSON.stringify(value, null, space));
}
const doubles = fs.readFileSync(`${dir}/doubles.txt`, 'utf8').trim().split('\n');
fs.writeFileSync(`${dir}/doubles.out`,
    doubles.map(hex => String(Buffer.from(hex, 'hex').readDoubleBE(0))).join('\n'));
)js";

constexpr int kDocuments = 400;
constexpr int kDoubles = 5000;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray("<cannot read ") + path.toUtf8() + ">";
    return file.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Where two texts part, for a failure message.
QByteArray firstDifference(const std::string &ours, const QByteArray &node)
{
    size_t at = 0;
    while (at < ours.size() && at < static_cast<size_t>(node.size()) && ours[at] == node[int(at)])
        ++at;
    const size_t from = at > 40 ? at - 40 : 0;
    return "at byte " + QByteArray::number(qulonglong(at)) + "\n  ours: " +
           QByteArray::fromStdString(ours.substr(from, 80)).toPercentEncoding(" {}[]:,\"") +
           "\n  node: " + node.mid(int(from), 80).toPercentEncoding(" {}[]:,\"");
}

} // namespace

class TestJsonTextNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void documentsMatchNode();
    void detectedStyleRewritesNodeOutput();
    void numbersMatchNode();

private:
    QTemporaryDir m_dir;
    std::vector<std::string> m_documents;
    std::vector<uint64_t> m_doubles;
};

void TestJsonTextNode::initTestCase()
{
    const QString node = qEnvironmentVariable("TAD_NODE");
    QVERIFY2(!node.isEmpty(), "TAD_NODE is not set: run through ctest, or set TAD_NODE to a "
                              "Node >= 20 executable");
    QVERIFY(m_dir.isValid());

    DocumentGenerator generator(20261120);
    for (int i = 0; i < kDocuments; ++i) {
        // A few array roots: parseValue must agree with JSON.parse there too.
        m_documents.push_back(generator.document(i % 10 != 9));
        QVERIFY(writeAll(m_dir.filePath(QStringLiteral("doc%1.json").arg(i)),
                         QByteArray::fromStdString(m_documents.back())));
    }

    std::mt19937_64 rng(7);
    QByteArray doublesText;
    for (int i = 0; i < kDoubles; ++i) {
        double d = 0;
        switch (i % 4) {
        case 0: // anything, NaN and infinities included
            d = std::bit_cast<double>(static_cast<uint64_t>(rng()));
            break;
        case 1: // decimal-looking values such as a user types
            d = static_cast<double>(rng() % 2000000) / std::pow(10.0, double(rng() % 12));
            break;
        case 2: // around the places where the notation changes
            d = std::pow(10.0, double(int(rng() % 60) - 30)) * (1 + double(rng() % 1000) / 1000);
            break;
        default: // integers near 2^53 and beyond
            d = std::ldexp(double(rng() % (uint64_t(1) << 53)), int(rng() % 30));
            break;
        }
        if (rng() % 2)
            d = -d;
        m_doubles.push_back(std::bit_cast<uint64_t>(d));
        doublesText += QByteArray::number(qulonglong(m_doubles.back()), 16).rightJustified(16, '0');
        doublesText += '\n';
    }
    QVERIFY(writeAll(m_dir.filePath(QStringLiteral("doubles.txt")), doublesText));

    const QString script = m_dir.filePath(QStringLiteral("roundtrip.mjs"));
    QVERIFY(writeAll(script, kNodeScript));
    QProcess process;
    process.start(node, {script, m_dir.path(), QString::number(kDocuments)});
    QVERIFY2(process.waitForFinished(120000), "node did not finish within 2 minutes");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
}

void TestJsonTextNode::documentsMatchNode()
{
    int compared = 0;
    for (int i = 0; i < kDocuments; ++i) {
        const auto parsed = parseValue(m_documents[size_t(i)]);
        if (!parsed)
            QFAIL(qPrintable(QStringLiteral("doc%1.json: %2").arg(i).arg(parsed.error().message)));
        if (parsed->is_object()) {
            const auto document = parseDocument(m_documents[size_t(i)]);
            QVERIFY(document);
            QVERIFY(jsEqual(document->value, *parsed));
        }
        for (const NamedStyle &style : kStyles) {
            const QByteArray node = readAll(m_dir.filePath(
                QStringLiteral("doc%1.%2.out").arg(i).arg(QLatin1String(style.name))));
            const std::string ours = stringify(*parsed, style.style);
            QVERIFY2(ours == node.toStdString(),
                     qPrintable(QStringLiteral("doc%1.json, style %2, differs %3")
                                    .arg(i)
                                    .arg(QLatin1String(style.name))
                                    .arg(QString::fromUtf8(firstDifference(ours, node)))));
            ++compared;
        }
    }
    QCOMPARE(compared, kDocuments * int(std::size(kStyles)));
}

void TestJsonTextNode::detectedStyleRewritesNodeOutput()
{
    // A file written by JSON.stringify in any style, with or without an
    // editor's final newline, is written back identically.
    for (int i = 0; i < kDocuments; ++i) {
        for (const NamedStyle &style : kStyles) {
            const QByteArray node = readAll(m_dir.filePath(
                QStringLiteral("doc%1.%2.out").arg(i).arg(QLatin1String(style.name))));
            for (const QByteArray &bytes : {node, node + '\n'}) {
                const auto parsed = parseValue(bytes.toStdString());
                QVERIFY(parsed);
                const TextStyle detected = TextStyle::detect(bytes.toStdString());
                QVERIFY2(stringify(*parsed, detected) == bytes.toStdString(),
                         qPrintable(QStringLiteral("doc%1 style %2").arg(i).arg(style.name)));
                if (parsed->is_object()) {
                    const auto document = parseDocument(bytes.toStdString());
                    QVERIFY(document);
                    QVERIFY(document->style == detected);
                }
            }
        }
    }
}

void TestJsonTextNode::numbersMatchNode()
{
    const QList<QByteArray> node =
        readAll(m_dir.filePath(QStringLiteral("doubles.out"))).split('\n');
    QCOMPARE(node.size(), kDoubles);
    for (int i = 0; i < kDoubles; ++i) {
        const double d = std::bit_cast<double>(m_doubles[size_t(i)]);
        QVERIFY2(jsNumber(d) == node[i].toStdString(),
                 qPrintable(QStringLiteral("bits %1: ours %2, node %3")
                                .arg(m_doubles[size_t(i)], 16, 16, QLatin1Char('0'))
                                .arg(QString::fromStdString(jsNumber(d)))
                                .arg(QString::fromUtf8(node[i]))));
    }
}

QTEST_GUILESS_MAIN(TestJsonTextNode)
#include "tst_jsontext_node.moc"
