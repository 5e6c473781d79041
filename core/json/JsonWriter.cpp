// stringify and its helpers: JSON.stringify's exact output.
//
// This runs on every `set`, so it appends to one buffer, copies unescaped
// runs of a string in one go and only sorts the members of objects that have
// array-index keys.
#include "JsonText.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace tad {
namespace {

constexpr double kMaxSafeInteger = 9007199254740992.0; // 2^53: every integer below is exact

// What JSON.stringify writes for a byte in a string: 0 means itself.
// Bytes 0xED are checked further: they may start a lone surrogate (WTF-8).
enum EscapeKind : uint8_t
{
    Literal,
    Short,
    Unicode,
    MaybeSurrogate
};

constexpr auto kEscapeKinds = [] {
    std::array<uint8_t, 256> table{};
    for (int c = 0; c < 0x20; ++c)
        table[c] = Unicode;
    for (int c : {'\b', '\t', '\n', '\f', '\r', '"', '\\'})
        table[c] = Short;
    table[0xED] = MaybeSurrogate;
    return table;
}();

constexpr char kHexDigits[] = "0123456789abcdef";

void appendUnicodeEscape(std::string &out, unsigned unit)
{
    const char text[6] = {'\\',
                          'u',
                          kHexDigits[(unit >> 12) & 0xF],
                          kHexDigits[(unit >> 8) & 0xF],
                          kHexDigits[(unit >> 4) & 0xF],
                          kHexDigits[unit & 0xF]};
    out.append(text, 6);
}

void appendQuoted(std::string &out, std::string_view s)
{
    out += '"';
    const char *p = s.data();
    const char *end = p + s.size();
    const char *run = p;
    while (p != end) {
        const auto c = static_cast<unsigned char>(*p);
        const uint8_t kind = kEscapeKinds[c];
        if (kind == Literal) {
            ++p;
            continue;
        }
        if (kind == MaybeSurrogate) {
            // ED A0..BF xx is a surrogate code unit, which only a lone
            // surrogate escape can have produced.
            if (end - p >= 3 && (static_cast<unsigned char>(p[1]) & 0xE0) == 0xA0) {
                out.append(run, p);
                const unsigned unit = 0xD000 | ((static_cast<unsigned char>(p[1]) & 0x3F) << 6) |
                                      (static_cast<unsigned char>(p[2]) & 0x3F);
                appendUnicodeEscape(out, unit);
                p += 3;
                run = p;
            } else {
                ++p;
            }
            continue;
        }
        out.append(run, p);
        if (kind == Unicode) {
            appendUnicodeEscape(out, c);
        } else {
            out += '\\';
            switch (c) {
            case '\b':
                out += 'b';
                break;
            case '\t':
                out += 't';
                break;
            case '\n':
                out += 'n';
                break;
            case '\f':
                out += 'f';
                break;
            case '\r':
                out += 'r';
                break;
            default:
                out += static_cast<char>(c);
                break; // '"' and '\\'
            }
        }
        ++p;
        run = p;
    }
    out.append(run, end);
    out += '"';
}

template <class Integer> void appendInteger(std::string &out, Integer v)
{
    char buf[24];
    const auto result = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, result.ptr);
}

// Number::toString (ECMA-262 6.1.6.1.20) from the shortest round-trip digits.
void appendJsNumber(std::string &out, double v)
{
    if (std::isnan(v)) {
        out += "NaN";
        return;
    }
    if (std::isinf(v)) {
        out += v > 0 ? "Infinity" : "-Infinity";
        return;
    }
    if (v == 0) {
        out += '0'; // -0 too
        return;
    }
    if (std::fabs(v) < kMaxSafeInteger && v == std::trunc(v)) {
        appendInteger(out, static_cast<int64_t>(v));
        return;
    }
    char buf[40];
    const auto result = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    // buf holds "-d.ddde-XX": split it into digits and exponent.
    const char *p = buf;
    if (*p == '-') {
        out += '-';
        ++p;
    }
    char digits[20];
    int k = 0;
    for (; *p != 'e'; ++p) {
        if (*p != '.')
            digits[k++] = *p;
    }
    int exponent = 0;
    std::from_chars(*(p + 1) == '+' ? p + 2 : p + 1, result.ptr, exponent);
    const int n = exponent + 1; // the value is 0.digits * 10^n

    if (k <= n && n <= 21) {
        out.append(digits, static_cast<size_t>(k));
        out.append(static_cast<size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out.append(digits, static_cast<size_t>(n));
        out += '.';
        out.append(digits + n, static_cast<size_t>(k - n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<size_t>(-n), '0');
        out.append(digits, static_cast<size_t>(k));
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out.append(digits + 1, static_cast<size_t>(k - 1));
        }
        out += 'e';
        out += n - 1 < 0 ? '-' : '+';
        appendInteger(out, std::abs(n - 1));
    }
}

class Writer
{
public:
    Writer(std::string &out, const TextStyle &style) : m_out(out)
    {
        if (style.indent == TextStyle::Indent::Tabs)
            m_unit = "\t";
        else if (style.indent == TextStyle::Indent::Spaces && style.spaces >= 1)
            m_unit.assign(static_cast<size_t>(std::min(style.spaces, 10)), ' ');
        m_newlineIndent = "\n";
    }

    void write(const Json &v, int depth)
    {
        switch (v.type()) {
        case Json::value_t::null:
            m_out += "null";
            break;
        case Json::value_t::boolean:
            m_out += v.get<bool>() ? "true" : "false";
            break;
        case Json::value_t::string:
            appendQuoted(m_out, *v.get_ptr<const std::string *>());
            break;
        case Json::value_t::number_integer: {
            const auto i = v.get<Json::number_integer_t>();
            if (i > -kMaxSafeInteger && i < kMaxSafeInteger)
                appendInteger(m_out, i);
            else
                appendJsNumber(m_out, static_cast<double>(i));
            break;
        }
        case Json::value_t::number_unsigned: {
            const auto u = v.get<Json::number_unsigned_t>();
            if (u < kMaxSafeInteger)
                appendInteger(m_out, u);
            else
                appendJsNumber(m_out, static_cast<double>(u));
            break;
        }
        case Json::value_t::number_float: {
            const double d = v.get<double>();
            if (std::isfinite(d))
                appendJsNumber(m_out, d);
            else
                m_out += "null";
            break;
        }
        case Json::value_t::array:
            writeArray(*v.get_ptr<const Json::array_t *>(), depth);
            break;
        case Json::value_t::object:
            writeObject(*v.get_ptr<const Json::object_t *>(), depth);
            break;
        default:
            m_out += "null";
            break; // binary and discarded never come from JSON text
        }
    }

private:
    void newline(int depth)
    {
        if (m_unit.empty())
            return;
        const size_t length = 1 + static_cast<size_t>(depth) * m_unit.size();
        while (m_newlineIndent.size() < length)
            m_newlineIndent += m_unit;
        m_out.append(m_newlineIndent.data(), length);
    }

    void writeArray(const Json::array_t &elements, int depth)
    {
        if (elements.empty()) {
            m_out += "[]";
            return;
        }
        m_out += '[';
        bool first = true;
        for (const Json &element : elements) {
            if (!first)
                m_out += ',';
            first = false;
            newline(depth + 1);
            write(element, depth + 1);
        }
        newline(depth);
        m_out += ']';
    }

    void writeMember(const Json::object_t::value_type &member, int depth, bool first)
    {
        if (!first)
            m_out += ',';
        newline(depth + 1);
        appendQuoted(m_out, member.first);
        m_out += m_unit.empty() ? ":" : ": ";
        write(member.second, depth + 1);
    }

    void writeObject(const Json::object_t &members, int depth)
    {
        if (members.empty()) {
            m_out += "{}";
            return;
        }
        m_out += '{';
        const bool reordered = std::any_of(members.begin(), members.end(),
                                           [](const auto &m) { return isArrayIndexKey(m.first); });
        bool first = true;
        if (reordered) {
            for (const auto *member : jsMemberOrder(members)) {
                writeMember(*member, depth, first);
                first = false;
            }
        } else {
            for (const auto &member : members) {
                writeMember(member, depth, first);
                first = false;
            }
        }
        newline(depth);
        m_out += '}';
    }

    std::string &m_out;
    std::string m_unit; // empty when compact
    std::string m_newlineIndent;
};

} // namespace

bool isArrayIndexKey(std::string_view key)
{
    if (key.empty() || key.size() > 10 || key[0] < '0' || key[0] > '9')
        return false;
    if (key[0] == '0')
        return key.size() == 1;
    uint64_t value = 0;
    for (char c : key) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + static_cast<uint64_t>(c - '0');
    }
    return value <= 4294967294u;
}

std::vector<const Json::object_t::value_type *> jsMemberOrder(const Json::object_t &obj)
{
    std::vector<std::pair<uint32_t, const Json::object_t::value_type *>> indexed;
    std::vector<const Json::object_t::value_type *> ordered;
    ordered.reserve(obj.size());
    for (const auto &member : obj) {
        if (isArrayIndexKey(member.first)) {
            uint32_t index = 0;
            std::from_chars(member.first.data(), member.first.data() + member.first.size(), index);
            indexed.emplace_back(index, &member);
        }
    }
    std::sort(indexed.begin(), indexed.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &entry : indexed)
        ordered.push_back(entry.second);
    for (const auto &member : obj) {
        if (!isArrayIndexKey(member.first))
            ordered.push_back(&member);
    }
    return ordered;
}

void appendStringified(std::string &out, const Json &value, const TextStyle &style, int depth)
{
    Writer(out, style).write(value, depth);
}

std::string stringify(const Json &value, const TextStyle &style)
{
    std::string out;
    appendStringified(out, value, style);
    if (style.trailingNewline)
        out += '\n';
    return out;
}

std::string compactJson(const Json &value)
{
    return stringify(value, TextStyle::compact());
}

std::string jsNumber(double v)
{
    std::string out;
    appendJsNumber(out, v);
    return out;
}

} // namespace tad
