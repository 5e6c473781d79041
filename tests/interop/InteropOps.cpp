#include "InteropOps.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace tad::interop {
namespace {

// Path segments as typed in a key (backslashes are key syntax, not JSON).
const std::vector<std::string> kNames = {"ui",   "theme", "workspaces", "ws-1",  "ws-2",
                                         "name", "list",  "settings",   "x",     "y",
                                         "tags", "text",  "n",          "flags", "empty"};
// dot-prop 10 turns "0", "10" (no leading zero) into numbers, and a number
// after a missing parent creates an array; dot-prop 6 creates an object.
const std::vector<std::string> kIntegerLike = {"0", "1", "2", "3", "10", "007", "01", "-1"};
const std::vector<std::string> kEscapedDots = {"a\\.b", "ui\\.theme", "x\\.y\\.z"};
const std::vector<std::string> kAwkwardNames = {
    "sp ace",  "\xC3\xBCmlaut", "emoji\xF0\x9F\x98\x80", "quo\"te",
    "nl\nkey", "tab\tkey",      "sep\xE2\x80\xA8key"};
// dot-prop 10 drops a backslash before any character; dot-prop 6 keeps it
// unless a dot follows. "dbl\\" + "." differs between the two as well.
const std::vector<std::string> kBackslashes = {"back\\slash", "dbl\\\\"};
// Brackets are indices in dot-prop 10 (and "a[x]" is an error there);
// dot-prop 6 takes them literally.
const std::vector<std::string> kBrackets = {"arr[0]", "arr[2]", "b[]", "[1]", "a[x]", "a[0]b"};
// Only at the top, where the parent is always an object: under an array
// they would make conf write millions of nulls.
const std::vector<std::string> kTopOnly = {"4294967294", "4294967295", "1000001",
                                           "9007199254740993"};
const std::vector<std::string> kDisallowed = {"__proto__", "prototype", "constructor"};

const std::vector<std::string> kAwkwardNumbers = {"1e21",
                                                  "1e-7",
                                                  "0.30000000000000004",
                                                  "-0",
                                                  "5e-324",
                                                  "1.7976931348623157e308",
                                                  "9007199254740993",
                                                  "-9007199254740993",
                                                  "12345678901234567890",
                                                  "1e+21",
                                                  "1E21",
                                                  "0.1",
                                                  "100",
                                                  "1e-6",
                                                  "123e-20",
                                                  "0.000001",
                                                  "1.5e300",
                                                  "-1.5e-300",
                                                  "2.5",
                                                  "4.35",
                                                  "0.1e1",
                                                  "1.0",
                                                  "-0.0",
                                                  "999999999999999999999",
                                                  "1e20",
                                                  "123456789012345680000",
                                                  "4.9406564584124654e-324",
                                                  "2.2250738585072014e-308",
                                                  "14",
                                                  "-7"};

// JSON string literals, escapes as they would arrive on the wire.
const std::vector<std::string> kStrings = {R"("quote\" inside")",
                                           R"("back\\slash")",
                                           R"("nul\u0000byte")",
                                           R"("ctl\u0001\u001f\b\f\n\r\t")",
                                           R"("\u2028\u2029")",
                                           "\"raw \xE2\x80\xA8 separator\"",
                                           "\"emoji \xF0\x9F\x98\x80\"",
                                           R"("\ud83d\ude00")",
                                           R"("lone \ud800 high")",
                                           R"("lone \udc00 low")",
                                           R"("del \u007f")",
                                           R"("")",
                                           R"("slash \/ /")",
                                           "\"caf\xC3\xA9\"",
                                           R"("<script>")",
                                           R"("\u00e9\u0041")",
                                           R"("dark")"};

const std::vector<std::string> kMemberNames = {"b", "a", "10", "2", "007", "", "x.y", "0", "z"};

// Values whose parsing is itself a trap.
const std::vector<std::string> kSpecialValues = {
    R"({"a":1,"a":2,"b":3})",      R"({"__proto__":{"x":1}})", R"({"b":1,"10":2,"a":3,"2":4})",
    R"({"__internal__":{"x":1}})", R"([[],{},[[]],{"":{}}])",  R"({"nested":{"deep":{"x":[]}}})"};

} // namespace

QByteArray initialDocument()
{
    return QByteArrayLiteral(
        R"({"2":"two","10":"ten","version":"1.0.0","settings":{"theme":"dark","fontSize":14,)"
        R"("autoSave":true},"ui.theme":"light","workspaces":{"ws-1":{"path":"/home/u/src/p1",)"
        R"("name":"Project 1","tags":["a","b"]}},"list":[1,2,3],"empty":{},"none":[],)"
        R"("text":"quote\" back\\ nl\n)"
        "\xE2\x80\xA8"
        R"( \u0000","n":1e+21,"small":1e-7,"__internal__":{"migrations":{"version":"1.0.0"}}})");
}

QList<QByteArray> oddKeyLiterals()
{
    return {R"("")",
            R"("a..b")",
            R"(".a")",
            R"("a.")",
            R"("a\\")",
            R"("a\\\\.b")",
            R"("a\\b")",
            R"("__proto__")",
            R"("a.constructor.b")",
            R"("prototype.x")",
            R"("__internal__.x")",
            R"("x.__internal__")",
            R"("a[x]")",
            R"("list[1]")",
            R"("list[1].x")",
            R"("[0]")",
            R"("new.0.x")",
            R"("new.007.x")",
            R"("new.1000001")",
            R"("settings.theme.x")",
            R"("4294967295")"};
}

std::string jsonQuote(const std::string &text)
{
    std::string out = "\"";
    for (unsigned char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
            out += buffer;
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

InteropOpGenerator::InteropOpGenerator(quint64 seed, Engine engine) : m_rng(seed), m_engine(engine)
{}

bool InteropOpGenerator::chance(double p)
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_rng) < p;
}

std::string InteropOpGenerator::segment(int position, bool last)
{
    const double r = std::uniform_real_distribution<double>(0.0, 1.0)(m_rng);
    if (r < 0.44)
        return pick(kNames);
    if (r < 0.64)
        return pick(kIntegerLike);
    if (r < 0.72)
        return pick(kEscapedDots);
    if (r < 0.80)
        return pick(kAwkwardNames);
    if (r < 0.85)
        return last && chance(0.3) ? std::string("end\\") : pick(kBackslashes);
    if (r < 0.91)
        return pick(kBrackets);
    if (r < 0.94)
        return std::string();
    return position == 0 ? pick(kTopOnly) : pick(kNames);
}

std::string InteropOpGenerator::freshKey()
{
    const int depth = std::uniform_int_distribution<int>(1, 4)(m_rng);
    std::string key;
    for (int i = 0; i < depth; ++i) {
        if (i > 0)
            key += '.';
        key += segment(i, i == depth - 1);
    }
    // An all-empty key is refused by our CLI as "needs a KEY"; keep to paths.
    return key.empty() ? std::string("x") : key;
}

std::string InteropOpGenerator::randomKey(bool forQuery, InteropOp::Expect *expect)
{
    std::string key;
    if (!m_usedKeys.empty() && chance(0.5)) {
        key = pick(m_usedKeys);
        const int dots = int(std::count(key.begin(), key.end(), '.'));
        const double r = std::uniform_real_distribution<double>(0.0, 1.0)(m_rng);
        if (r < 0.3) {
            const size_t cut = key.rfind('.');
            if (cut != std::string::npos && cut > 0)
                key.resize(cut);
        } else if (r < 0.65) {
            key += '.' + segment(dots + 1, true);
        }
    } else {
        key = freshKey();
    }
    if (!forQuery && chance(0.03)) {
        // Put a forbidden segment somewhere in the path.
        const size_t dot = key.find('.');
        const std::string bad = pick(kDisallowed);
        key = (dot == std::string::npos || chance(0.5)) ? bad + '.' + key
                                                        : key.substr(0, dot + 1) + bad;
        *expect = InteropOp::Expect::MaybeConfIgnores;
    }
    return key;
}

std::string InteropOpGenerator::randomDouble()
{
    double v = 0;
    do {
        const quint64 bits = m_rng();
        std::memcpy(&v, &bits, sizeof v);
    } while (!std::isfinite(v));
    const int precision = chance(0.5) ? 17 : std::uniform_int_distribution<int>(1, 16)(m_rng);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, v);
    return buffer;
}

std::string InteropOpGenerator::bigInteger()
{
    const int digits = std::uniform_int_distribution<int>(16, 30)(m_rng);
    std::string out = chance(0.3) ? "-" : "";
    out += char('1' + m_rng() % 9);
    for (int i = 1; i < digits; ++i)
        out += char('0' + m_rng() % 10);
    return out;
}

std::string InteropOpGenerator::awkwardNumber()
{
    return pick(kAwkwardNumbers);
}

std::string InteropOpGenerator::value(int depth)
{
    const double r = std::uniform_real_distribution<double>(0.0, 1.0)(m_rng);
    if (r < 0.2)
        return awkwardNumber();
    if (r < 0.3)
        return randomDouble();
    if (r < 0.35)
        return bigInteger();
    if (r < 0.4)
        return std::to_string(int(m_rng() % 2000) - 1000);
    if (r < 0.63)
        return pick(kStrings);
    if (r < 0.68)
        return pick(std::vector<std::string>{"true", "false", "null"});
    if (r < 0.8 && depth < 3) {
        const int n = std::uniform_int_distribution<int>(0, 3)(m_rng);
        std::string out = "[";
        for (int i = 0; i < n; ++i)
            out += (i ? "," : "") + value(depth + 1);
        return out + "]";
    }
    if (r < 0.94 && depth < 3) {
        const int n = std::uniform_int_distribution<int>(0, 3)(m_rng);
        std::string out = "{";
        for (int i = 0; i < n; ++i)
            out += (i ? "," : "") + jsonQuote(pick(kMemberNames)) + ":" + value(depth + 1);
        return out + "}";
    }
    if (depth == 0 && chance(0.5))
        return pick(kSpecialValues);
    return pick(kStrings);
}

InteropOp InteropOpGenerator::next()
{
    InteropOp op;
    const double r = std::uniform_real_distribution<double>(0.0, 1.0)(m_rng);
    if (r < 0.62) {
        op.op = QStringLiteral("set");
        std::string key;
        if (chance(0.03)) {
            // conf refuses its own bookkeeping key; conf 10 only with a dot after it.
            const bool bare = m_engine == Engine::Conf15 && chance(0.3);
            key = bare ? "__internal__" : "__internal__.migrations.version";
        } else {
            key = randomKey(false, &op.expect);
        }
        op.line = QByteArray::fromStdString("{\"op\":\"set\",\"key\":" + jsonQuote(key) +
                                            ",\"value\":" + value() + "}");
        if (op.expect == InteropOp::Expect::Agree && key.rfind("__internal__", 0) != 0) {
            m_usedKeys.push_back(key);
            if (m_usedKeys.size() > 200)
                m_usedKeys.erase(m_usedKeys.begin());
        }
    } else if (r < 0.8) {
        op.op = QStringLiteral("delete");
        const std::string key = randomKey(false, &op.expect);
        op.line = QByteArray::fromStdString("{\"op\":\"delete\",\"key\":" + jsonQuote(key) + "}");
    } else if (r < 0.85) {
        op.op = QStringLiteral("set-multiple");
        const int n = std::uniform_int_distribution<int>(1, 3)(m_rng);
        std::string object = "{";
        for (int i = 0; i < n; ++i) {
            InteropOp::Expect ignored = InteropOp::Expect::Agree;
            std::string key = randomKey(true, &ignored);
            // conf 10 checks only the first member for its bookkeeping key.
            if (m_engine == Engine::Conf15 && chance(0.05))
                key = "__internal__.x";
            object += (i ? "," : "") + jsonQuote(key) + ":" + value();
        }
        object += "}";
        op.line = QByteArray::fromStdString("{\"op\":\"set-multiple\",\"value\":" + object + "}");
    } else {
        op.op = chance(0.5) ? QStringLiteral("get") : QStringLiteral("has");
        InteropOp::Expect ignored = InteropOp::Expect::Agree;
        const std::string key = chance(0.05) ? std::string("__internal__.migrations.version")
                                             : randomKey(true, &ignored);
        op.line = QByteArray::fromStdString("{\"op\":\"" + op.op.toStdString() +
                                            "\",\"key\":" + jsonQuote(key) + "}");
    }
    return op;
}

} // namespace tad::interop
