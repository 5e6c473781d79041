// parseDocument / parseValue: a JSON.parse-compatible reader.
//
// Our own reader rather than nlohmann's: it has to report positions for
// duplicate keys, count columns in characters, keep lone surrogate escapes
// the way JavaScript does, refuse deep nesting before it costs stack, and
// build the order-keeping Json directly. It is iterative, so the nesting
// depth costs heap, not stack.
//
// The same reader also reads a document for one key (parseDocumentFor): every
// byte is checked as above, but only the members on the way to the key are
// built; the rest is only validated, with duplicate keys found by the names
// alone. One reader for both, so both give the same errors by construction.
#include "JsonText.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <limits>
#include <memory>
#include <unordered_set>

namespace tad {
namespace {

// What a byte means inside a string: plain bytes are copied in runs.
enum StringByte : uint8_t
{
    Plain,
    Quote,
    Backslash,
    Control,
    NonAscii
};

constexpr auto kStringBytes = [] {
    std::array<uint8_t, 256> table{};
    for (int c = 0; c < 0x20; ++c)
        table[c] = Control;
    table['"'] = Quote;
    table['\\'] = Backslash;
    for (int c = 0x80; c < 0x100; ++c)
        table[c] = NonAscii;
    return table;
}();

// Length of the well-formed UTF-8 sequence at p (Unicode table 3-7), or 0.
// Surrogates encoded directly are ill-formed, as in any UTF-8 file.
int utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const auto avail = end - p;
    const unsigned char c = p[0];
    auto cont = [&](int i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return i < avail && p[i] >= lo && p[i] <= hi;
    };
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c == 0xE0)
        return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if (c == 0xED)
        return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (c >= 0xE1 && c <= 0xEF)
        return cont(1) && cont(2) ? 3 : 0;
    if (c == 0xF0)
        return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3)
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (c == 0xF4)
        return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

void appendCodeUnit(std::string &out, uint32_t cp)
{
    // cp may be a lone surrogate: encoded like any BMP code point (WTF-8).
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendPointerSegment(std::string &pointer, std::string_view segment)
{
    pointer += '/';
    for (char c : segment) {
        if (c == '~')
            pointer += "~0";
        else if (c == '/')
            pointer += "~1";
        else
            pointer += c;
    }
}

struct TextPosition
{
    int line = 1;
    int column = 1;
};

// Line and character column of byte offsets, moving forward only, so that
// reporting many duplicates stays linear in the size of the text.
class PositionCursor
{
public:
    explicit PositionCursor(std::string_view text) : m_text(text) {}

    TextPosition at(size_t offset)
    {
        if (offset < m_offset)
            *this = PositionCursor(m_text);
        for (; m_offset < offset && m_offset < m_text.size(); ++m_offset) {
            const auto c = static_cast<unsigned char>(m_text[m_offset]);
            if (c == '\n') {
                ++m_position.line;
                m_position.column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++m_position.column; // continuation bytes belong to the previous character
            }
        }
        return m_position;
    }

private:
    std::string_view m_text;
    size_t m_offset = 0;
    TextPosition m_position;
};

constexpr const char *kExpectedValue = "expected a value (a string in double quotes, a number, "
                                       "true, false, null, an object or an array)";

constexpr size_t kInitialCapacity = 4;

// Past this many members, an object whose values are not built finds its
// repeated names through a hash set instead of a scan.
constexpr size_t kLinearKeyScan = 32;

class Parser
{
public:
    // With `target`, only the members named by it (one name per level) are
    // built, from the root object down; the value at its end is built whole.
    explicit Parser(std::string_view text, const std::vector<std::string> *target = nullptr)
        : m_begin(text.data()), m_p(text.data()), m_end(text.data() + text.size()),
          m_positions(text), m_target(target)
    {}

    bool parse(Json &root)
    {
        skipWhitespace();
        if (m_p == m_end)
            return fail(m_begin == m_end ? "the text is empty" : "the text holds only whitespace");
        if (!beginValue(&root, m_target ? 0 : kBuildAll))
            return false;
        while (!m_stack.empty()) {
            if (!(m_stack.back().isObject ? continueObject() : continueArray()))
                return false;
        }
        skipWhitespace();
        if (m_p != m_end)
            return failHere("unexpected text after the end of the JSON value");
        return true;
    }

    const std::string &errorMessage() const { return m_error; }
    TextPosition errorPosition() { return m_positions.at(m_errorOffset); }
    std::vector<DuplicateKey> takeDuplicates() { return std::move(m_duplicates); }

private:
    // A frame's `pathDepth`: build everything below (kBuildAll), or build
    // only the member named (*m_target)[pathDepth] of this object.
    static constexpr int kBuildAll = -1;

    struct Frame
    {
        Json *value = nullptr; // null: validated, not built
        bool isObject = false;
        int pathDepth = kBuildAll;
        size_t count = 0;
        std::string_view key; // current member, for duplicate pointers
        // The names seen in an object that is not built whole, for repeats:
        // m_keys[keysBegin..] (or keySet once there are many); the unescaped
        // ones that differ from their text live in m_storedKeys[storedBegin..].
        size_t keysBegin = 0;
        size_t storedBegin = 0;
        std::unique_ptr<std::unordered_set<std::string_view>> keySet;
    };

    bool buildsWhole(const Frame &frame) const
    {
        return frame.value && frame.pathDepth == kBuildAll;
    }

    void popFrame()
    {
        m_keys.resize(m_stack.back().keysBegin);
        m_storedKeys.resize(m_stack.back().storedBegin);
        m_stack.pop_back();
    }

    // False if the frame has seen `key` before.
    bool rememberKey(Frame &frame, std::string_view key)
    {
        if (frame.keySet)
            return frame.keySet->insert(key).second;
        for (size_t i = frame.keysBegin; i < m_keys.size(); ++i) {
            if (m_keys[i] == key)
                return false;
        }
        m_keys.push_back(key);
        if (m_keys.size() - frame.keysBegin > kLinearKeyScan) {
            frame.keySet = std::make_unique<std::unordered_set<std::string_view>>(
                m_keys.begin() + long(frame.keysBegin), m_keys.end());
            m_keys.resize(frame.keysBegin);
        }
        return true;
    }

    bool fail(std::string message, const char *at = nullptr)
    {
        m_error = std::move(message);
        m_errorOffset = static_cast<size_t>((at ? at : m_p) - m_begin);
        return false;
    }

    // Failure at the current byte, named more precisely when it is not
    // ordinary text.
    bool failHere(const char *expected)
    {
        if (m_p == m_end)
            return fail(std::string("unexpected end of text, ") + expected);
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == 0)
            return fail(std::string("NUL byte where JSON text was expected (") + expected + ")");
        if (c >= 0x80 && utf8SequenceLength(reinterpret_cast<const unsigned char *>(m_p),
                                            reinterpret_cast<const unsigned char *>(m_end)) == 0)
            return failInvalidUtf8();
        return fail(expected);
    }

    bool failInvalidUtf8()
    {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(*m_p));
        return fail(std::string("invalid UTF-8 (byte ") + hex +
                    "): the file must be saved as UTF-8");
    }

    void skipWhitespace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    // `slot` null: the value is checked, not built. `pathDepth`: see Frame.
    bool beginValue(Json *slot, int pathDepth)
    {
        if (m_p == m_end)
            return failHere("expected a value");
        switch (*m_p) {
        case '{':
        case '[': {
            const bool isObject = *m_p == '{';
            if (m_stack.size() >= static_cast<size_t>(kMaxJsonDepth))
                return fail("objects and arrays are nested more than " +
                            std::to_string(kMaxJsonDepth) + " levels deep");
            ++m_p;
            if (slot)
                *slot = Json(isObject ? Json::value_t::object : Json::value_t::array);
            skipWhitespace();
            if (m_p != m_end && *m_p == (isObject ? '}' : ']')) {
                ++m_p;
                return true;
            }
            Frame frame;
            frame.value = slot;
            frame.isObject = isObject;
            // Only objects are walked by name; an array on the way is built whole.
            frame.pathDepth = isObject ? pathDepth : kBuildAll;
            frame.keysBegin = m_keys.size();
            frame.storedBegin = m_storedKeys.size();
            // Settings objects are small: room for a few members up front
            // saves the 1-2-4 reallocations, which dominate on large files.
            if (buildsWhole(frame)) {
                if (isObject)
                    slot->get_ptr<Json::object_t *>()->reserve(kInitialCapacity);
                else
                    slot->get_ptr<Json::array_t *>()->reserve(kInitialCapacity);
            }
            m_stack.push_back(std::move(frame));
            return true;
        }
        case '"':
            if (!slot) {
                m_scratch.clear();
                return parseString(m_scratch);
            }
            *slot = Json(Json::value_t::string);
            return parseString(*slot->get_ptr<std::string *>());
        case 't':
            return parseLiteral(slot, "true", Json(true));
        case 'f':
            return parseLiteral(slot, "false", Json(false));
        case 'n':
            return parseLiteral(slot, "null", Json(nullptr));
        case '-':
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
        case '8':
        case '9':
            return parseNumber(slot);
        case ']':
        case '}':
            return fail("expected a value; a trailing ',' is not allowed");
        case 'T':
        case 'F':
        case 'N':
            if (startsWithWordIgnoringCase("true") || startsWithWordIgnoringCase("false") ||
                startsWithWordIgnoringCase("null"))
                return fail("expected a value (true, false and null are written in lower case)");
            [[fallthrough]];
        default:
            return failHere(kExpectedValue);
        }
    }

    bool startsWithWordIgnoringCase(std::string_view word) const
    {
        if (static_cast<size_t>(m_end - m_p) < word.size())
            return false;
        for (size_t i = 0; i < word.size(); ++i) {
            if ((m_p[i] | 0x20) != word[i])
                return false;
        }
        return true;
    }

    bool continueObject()
    {
        Frame &frame = m_stack.back();
        skipWhitespace();
        if (frame.count > 0) {
            if (m_p != m_end && *m_p == '}') {
                ++m_p;
                popFrame();
                return true;
            }
            if (m_p == m_end || *m_p != ',')
                return failHere("expected ',' or '}' after an object member");
            ++m_p;
            skipWhitespace();
        }
        if (m_p == m_end || *m_p != '"') {
            if (m_p != m_end && *m_p == '}')
                return fail("expected a member name; a trailing ',' is not allowed");
            return failHere("expected a member name in double quotes");
        }
        const char *keyStart = m_p;
        if (!buildsWhole(frame))
            return continuePartialObject(frame, keyStart);
        std::string key;
        if (!parseString(key))
            return false;
        skipWhitespace();
        if (m_p == m_end || *m_p != ':')
            return failHere("expected ':' after the member name");
        ++m_p;
        skipWhitespace();

        auto &members = *frame.value->get_ptr<Json::object_t *>();
        auto [member, inserted] = members.emplace(std::move(key), Json());
        if (!inserted) {
            // JSON.parse: the last value wins, at the first key's position.
            noteDuplicate(member->first, keyStart);
            member->second = Json();
        }
        ++frame.count;
        frame.key = member->first;
        return beginValue(&member->second,
                          kBuildAll); // may grow m_stack: `frame` is dead from here
    }

    // A member of an object that is not built whole: its name is remembered
    // for repeats, and its value is built only if it is the next step of
    // the target.
    bool continuePartialObject(Frame &frame, const char *keyStart)
    {
        m_keyBuffer.clear();
        if (!parseString(m_keyBuffer))
            return false;
        // A name without escapes is its own text; one with escapes is kept.
        std::string_view key(keyStart + 1, static_cast<size_t>(m_p - keyStart) - 2);
        if (m_keyBuffer.size() != key.size()) {
            m_storedKeys.push_back(m_keyBuffer);
            key = m_storedKeys.back();
        }
        skipWhitespace();
        if (m_p == m_end || *m_p != ':')
            return failHere("expected ':' after the member name");
        ++m_p;
        skipWhitespace();

        if (!rememberKey(frame, key))
            noteDuplicate(key, keyStart);
        ++frame.count;
        frame.key = key;
        const bool onTarget = frame.value && frame.pathDepth >= 0 &&
                              size_t(frame.pathDepth) < m_target->size() &&
                              key == (*m_target)[size_t(frame.pathDepth)];
        if (!onTarget)
            return beginValue(nullptr, kBuildAll);
        auto &members = *frame.value->get_ptr<Json::object_t *>();
        auto [member, inserted] = members.emplace(std::string(key), Json());
        if (!inserted)
            member->second = Json(); // JSON.parse: the last value wins
        const int next =
            size_t(frame.pathDepth) + 1 < m_target->size() ? frame.pathDepth + 1 : kBuildAll;
        return beginValue(&member->second, next); // may grow m_stack: `frame` is dead from here
    }

    bool continueArray()
    {
        Frame &frame = m_stack.back();
        skipWhitespace();
        if (frame.count > 0) {
            if (m_p != m_end && *m_p == ']') {
                ++m_p;
                popFrame();
                return true;
            }
            if (m_p == m_end || *m_p != ',')
                return failHere("expected ',' or ']' after an array element");
            ++m_p;
            skipWhitespace();
        }
        ++frame.count;
        if (!frame.value)
            return beginValue(nullptr, kBuildAll);
        auto &elements = *frame.value->get_ptr<Json::array_t *>();
        elements.emplace_back();
        return beginValue(&elements.back(), kBuildAll);
    }

    void noteDuplicate(std::string_view key, const char *keyStart)
    {
        std::string pointer;
        for (size_t i = 0; i + 1 < m_stack.size(); ++i) {
            const Frame &f = m_stack[i];
            if (f.isObject)
                appendPointerSegment(pointer, f.key);
            else
                appendPointerSegment(pointer, std::to_string(f.count - 1));
        }
        appendPointerSegment(pointer, key);
        const TextPosition pos = m_positions.at(static_cast<size_t>(keyStart - m_begin));
        m_duplicates.push_back(DuplicateKey{std::move(pointer), pos.line, pos.column});
    }

    bool parseLiteral(Json *slot, std::string_view word, Json value)
    {
        const auto avail = static_cast<size_t>(m_end - m_p);
        if (avail < word.size() || std::memcmp(m_p, word.data(), word.size()) != 0) {
            if (avail < word.size() && std::memcmp(m_p, word.data(), avail) == 0) {
                m_p = m_end;
                return failHere("expected a value");
            }
            return failHere(kExpectedValue);
        }
        m_p += word.size();
        if (slot)
            *slot = std::move(value);
        return true;
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    bool parseNumber(Json *target)
    {
        Json unused;
        Json &slot = target ? *target : unused;
        const char *start = m_p;
        const bool negative = *m_p == '-';
        if (negative)
            ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return failHere("expected a digit after '-'");
        const char *intStart = m_p;
        if (*m_p == '0') {
            ++m_p;
            if (m_p != m_end && isDigit(*m_p))
                return fail("a number cannot start with 0 (leading zeros are not allowed)", start);
        } else {
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
        }
        const char *intEnd = m_p;
        bool integral = true;
        if (m_p != m_end && *m_p == '.') {
            integral = false;
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return failHere("expected a digit after the decimal point");
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            integral = false;
            ++m_p;
            if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return failHere("expected a digit in the exponent of a number");
            while (m_p != m_end && isDigit(*m_p))
                ++m_p;
        }

        // Integers keep nlohmann's types (unsigned if >= 0, signed if < 0)
        // as long as they fit; their JavaScript value is the double they
        // round to, which stringify prints.
        if (integral && intEnd - intStart <= 19) {
            uint64_t magnitude = 0;
            bool fits = true;
            for (const char *d = intStart; d != intEnd; ++d) {
                const auto digit = static_cast<uint64_t>(*d - '0');
                if (magnitude > (std::numeric_limits<uint64_t>::max() - digit) / 10) {
                    fits = false;
                    break;
                }
                magnitude = magnitude * 10 + digit;
            }
            if (fits && !negative) {
                slot = Json(static_cast<Json::number_unsigned_t>(magnitude));
                return true;
            }
            if (fits && magnitude <= uint64_t(1) << 63) {
                slot = Json(static_cast<Json::number_integer_t>(0 - magnitude));
                return true;
            }
        }
        slot = Json(toDouble(start, m_p, intStart, intEnd));
        return true;
    }

    // The double JSON.parse gives: correctly rounded, ±Infinity past the
    // largest double, ±0 below the smallest.
    static double toDouble(const char *start, const char *end, const char *intStart,
                           const char *intEnd)
    {
        double value = 0;
        const auto result = std::from_chars(start, end, value);
        if (result.ec == std::errc())
            return value;
        const bool negative = *start == '-';
        // Out of range: the decimal exponent of the first significant digit
        // says which way.
        long long magnitude = 0;
        const char *p = intStart;
        while (p != intEnd && *p == '0')
            ++p;
        if (p != intEnd) {
            magnitude = intEnd - p;
        } else if (intEnd != end && *intEnd == '.') {
            const char *f = intEnd + 1;
            while (f != end && *f == '0')
                ++f;
            magnitude = -(f - (intEnd + 1));
        }
        const char *e = intEnd;
        while (e != end && *e != 'e' && *e != 'E')
            ++e;
        if (e != end) {
            ++e;
            const bool negativeExponent = *e == '-';
            if (*e == '+' || *e == '-')
                ++e;
            long long exponent = 0;
            for (; e != end; ++e)
                exponent = std::min<long long>(exponent * 10 + (*e - '0'), 1'000'000'000'000LL);
            magnitude += negativeExponent ? -exponent : exponent;
        }
        const double limit = magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
        return negative ? -limit : limit;
    }

    bool parseString(std::string &out)
    {
        const char *opening = m_p;
        ++m_p;
        const char *run = m_p;
        for (;;) {
            while (m_p != m_end && kStringBytes[static_cast<unsigned char>(*m_p)] == Plain)
                ++m_p;
            if (m_p == m_end)
                return fail("a string is not closed (missing '\"')", opening);
            switch (kStringBytes[static_cast<unsigned char>(*m_p)]) {
            case Quote:
                out.append(run, m_p);
                ++m_p;
                return true;
            case NonAscii: {
                const int length =
                    utf8SequenceLength(reinterpret_cast<const unsigned char *>(m_p),
                                       reinterpret_cast<const unsigned char *>(m_end));
                if (length == 0)
                    return failInvalidUtf8();
                m_p += length;
                break;
            }
            case Control: {
                char text[96];
                std::snprintf(text, sizeof text,
                              "control character U+%04X inside a string; write it as an escape "
                              "such as \\n or \\u%04x",
                              static_cast<unsigned>(static_cast<unsigned char>(*m_p)),
                              static_cast<unsigned>(static_cast<unsigned char>(*m_p)));
                if (*m_p == '\n')
                    return fail("line break inside a string (is a closing '\"' missing?)");
                return fail(text);
            }
            case Backslash:
                out.append(run, m_p);
                if (!parseEscape(out))
                    return false;
                run = m_p;
                break;
            default:
                break;
            }
        }
    }

    bool readHex4(const char *at, uint32_t &value)
    {
        if (m_end - at < 4)
            return false;
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(at[i]);
            if (h < 0)
                return false;
            value = value * 16 + static_cast<uint32_t>(h);
        }
        return true;
    }

    bool parseEscape(std::string &out)
    {
        const char *backslash = m_p;
        ++m_p;
        if (m_p == m_end)
            return fail("a string is not closed (missing '\"')", backslash);
        switch (*m_p++) {
        case '"':
            out += '"';
            return true;
        case '\\':
            out += '\\';
            return true;
        case '/':
            out += '/';
            return true;
        case 'b':
            out += '\b';
            return true;
        case 'f':
            out += '\f';
            return true;
        case 'n':
            out += '\n';
            return true;
        case 'r':
            out += '\r';
            return true;
        case 't':
            out += '\t';
            return true;
        case 'u': {
            uint32_t unit = 0;
            if (!readHex4(m_p, unit))
                return fail("\\u must be followed by four hex digits", backslash);
            m_p += 4;
            uint32_t low = 0;
            if (unit >= 0xD800 && unit <= 0xDBFF && m_end - m_p >= 6 && m_p[0] == '\\' &&
                m_p[1] == 'u' && readHex4(m_p + 2, low) && low >= 0xDC00 && low <= 0xDFFF) {
                m_p += 6;
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            }
            appendCodeUnit(out, unit);
            return true;
        }
        default:
            return fail("invalid escape in a string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                        "\\uXXXX)",
                        backslash);
        }
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    std::vector<Frame> m_stack;
    std::vector<DuplicateKey> m_duplicates;
    PositionCursor m_positions;
    const std::vector<std::string> *m_target;
    std::vector<std::string_view> m_keys;
    std::deque<std::string> m_storedKeys;
    std::string m_keyBuffer;
    std::string m_scratch;
    std::string m_error;
    size_t m_errorOffset = 0;
};

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

const char *typeName(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::array:
        return "an array";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::boolean:
        return "a boolean";
    case Json::value_t::null:
        return "null";
    default:
        return "a number";
    }
}

Result<ParsedDocument> readDocument(std::string_view bytes, const QString &file,
                                    const std::vector<std::string> *target)
{
    ParsedDocument doc;
    std::string_view text = bytes;
    if (text.starts_with(kUtf8Bom)) {
        doc.hadBom = true;
        text.remove_prefix(kUtf8Bom.size());
    }
    // What to do about it depends on whose file it is (the settings file, a
    // backup, a file named on the command line): the caller says that.
    auto error = [&](const QString &what, TextPosition pos) {
        Error e = makeError(ErrorCode::Unreadable, what);
        e.file = file;
        e.line = pos.line;
        e.column = pos.column;
        return e;
    };

    Parser parser(text, target);
    if (!parser.parse(doc.value))
        return error(QStringLiteral("not valid JSON: ") +
                         QString::fromStdString(parser.errorMessage()),
                     parser.errorPosition());
    if (!doc.value.is_object()) {
        PositionCursor positions(text);
        const size_t start = text.find_first_not_of(" \t\r\n");
        return error(QStringLiteral("not a settings file: the top level is %1, not an object {...}")
                         .arg(QLatin1String(typeName(doc.value))),
                     positions.at(start));
    }
    doc.duplicates = parser.takeDuplicates();
    doc.style = TextStyle::detect(bytes);
    return doc;
}

} // namespace

Result<ParsedDocument> parseDocument(std::string_view bytes, const QString &file)
{
    return readDocument(bytes, file, nullptr);
}

Result<ParsedDocument> parseDocumentFor(std::string_view bytes,
                                        const std::vector<std::string> &segments,
                                        const QString &file)
{
    return readDocument(bytes, file, &segments);
}

Result<Json> parseValue(std::string_view text)
{
    Json value;
    Parser parser(text);
    if (!parser.parse(value)) {
        const TextPosition pos = parser.errorPosition();
        QString where = pos.line > 1 ? QStringLiteral(" at line %1, column %2").arg(pos.line)
                                     : QStringLiteral(" at column %1");
        where = where.arg(pos.column);
        Error e = makeError(ErrorCode::Usage,
                            QStringLiteral("not valid JSON: %1%2; strings need double quotes, "
                                           "e.g. '\"dark\"'")
                                .arg(QString::fromStdString(parser.errorMessage()), where));
        e.line = pos.line;
        e.column = pos.column;
        return e;
    }
    return value;
}

} // namespace tad
