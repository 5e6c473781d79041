// Parsing and writing conf keys. The rules are dot-prop's (10.2.0 and 6.0.x),
// read from their sources:
//
// dot-prop 10 reads the key code point by code point:
//  - `.` ends a segment; `\` makes the next code point literal (`\\` is one
//    backslash, `\.` a dot, `\[` a bracket); a trailing `\` stays literal.
//  - `[digits]` is an index segment: `a[0].b` is a / 0 / b, `[0]` alone is 0,
//    `a.[0]` is a / "" / 0, `a[0][1]` is a / 0 / 1. `[]` is literal text.
//    Anything but digits inside brackets, a missing `]`, or anything other
//    than `.` or `[` right after `]` makes dot-prop throw. A lone `]` is text.
//  - An empty key is the one segment "", `a.` ends with "", `.a` starts with "".
//  - A segment `__proto__`, `prototype` or `constructor` makes dot-prop drop
//    the whole key: it returns as soon as it meets one, so text after it is
//    not checked (`__proto__[x]` is refused, `a[x].__proto__` malformed).
// dot-prop 6 splits on every `.` and glues a piece ending in `\` to the next
// one (the backslash becomes the dot). No other escape, no brackets, never
// throws; a refused segment anywhere drops the whole key.
#include "KeyPath.h"

#include <QString>
#include <algorithm>
#include <array>

namespace tad {
namespace {

constexpr std::array<std::string_view, 3> kRefusedSegments = {"__proto__", "prototype",
                                                              "constructor"};

// Length of the UTF-8 sequence starting at `text[pos]`; 1 for a stray byte, so
// odd input still moves forward.
std::size_t codePointLength(std::string_view text, std::size_t pos)
{
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = 1;
    if (lead >= 0xF0 && lead <= 0xF4)
        length = 4;
    else if (lead >= 0xE0)
        length = 3;
    else if (lead >= 0xC2 && lead <= 0xDF)
        length = 2;
    if (pos + length > text.size())
        return 1;
    for (std::size_t i = 1; i < length; ++i) {
        if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80)
            return 1;
    }
    return length;
}

struct ParseAttempt
{
    KeyProblem problem = KeyProblem::None;
    std::vector<std::string> segments;
    std::string detail; // dot-prop's own words for a malformed key
};

ParseAttempt parseDotProp10(std::string_view dotted)
{
    enum class Part
    {
        Start,
        Property,
        Index,
        IndexEnd
    };
    ParseAttempt attempt;
    std::string current;
    std::string index;
    bool hadProperty = false;
    bool escaping = false;
    Part part = Part::Start;
    int position = 0;

    auto refuse = [&] {
        attempt.problem = KeyProblem::Refused;
        attempt.segments.clear();
        return attempt;
    };
    auto malformed = [&](std::string detail) {
        attempt.problem = KeyProblem::Malformed;
        attempt.segments.clear();
        attempt.detail = std::move(detail);
        return attempt;
    };
    auto invalidCharacter = [&](std::string_view character, std::string_view where) {
        return malformed("Invalid character '" + std::string(character) + "' " +
                         std::string(where) + " at position " + std::to_string(position));
    };

    for (std::size_t pos = 0; pos < dotted.size();) {
        const std::size_t length = codePointLength(dotted, pos);
        const std::string_view character = dotted.substr(pos, length);
        pos += length;
        ++position;

        if (escaping) {
            current += character;
            escaping = false;
            continue;
        }
        const char c = length == 1 ? character[0] : '\0';
        if (c == '\\') {
            if (part == Part::Index)
                return invalidCharacter(character, "in an index");
            if (part == Part::IndexEnd)
                return invalidCharacter(character, "after an index");
            escaping = true;
            if (part == Part::Start)
                part = Part::Property;
            continue;
        }
        if (c == '.') {
            if (part == Part::Index)
                return invalidCharacter(character, "in an index");
            if (part == Part::IndexEnd) {
                part = Part::Property;
                continue;
            }
            if (KeyPath::isRefusedSegment(current))
                return refuse();
            attempt.segments.push_back(std::exchange(current, {}));
            part = Part::Property;
        } else if (c == '[') {
            if (part == Part::Index)
                return invalidCharacter(character, "in an index");
            if (part == Part::IndexEnd) {
                part = Part::Index;
                continue;
            }
            if (part == Part::Property && KeyPath::isRefusedSegment(current))
                return refuse();
            hadProperty = part == Part::Property;
            part = Part::Index;
        } else if (c == ']') {
            if (part == Part::IndexEnd)
                return invalidCharacter(character, "after an index");
            if (part != Part::Index) {
                part = Part::Property;
                current += ']';
                continue;
            }
            if (index.empty()) {
                current += "[]";
                part = Part::Property;
                continue;
            }
            if (!current.empty() || hadProperty) {
                if (KeyPath::isRefusedSegment(current))
                    return refuse();
                attempt.segments.push_back(current);
            }
            current.clear();
            hadProperty = false;
            attempt.segments.push_back(std::exchange(index, {}));
            part = Part::IndexEnd;
        } else {
            if (part == Part::Index) {
                if (c < '0' || c > '9')
                    return invalidCharacter(character, "in an index");
                index += c;
                continue;
            }
            if (part == Part::IndexEnd)
                return invalidCharacter(character, "after an index");
            part = Part::Property;
            current += character;
        }
    }

    if (escaping)
        current += '\\';
    switch (part) {
    case Part::Property:
        if (KeyPath::isRefusedSegment(current))
            return refuse();
        attempt.segments.push_back(std::move(current));
        break;
    case Part::Index:
        return malformed("Index was not closed");
    case Part::Start:
        attempt.segments.emplace_back();
        break;
    case Part::IndexEnd:
        break;
    }
    return attempt;
}

ParseAttempt parseDotProp6(std::string_view dotted)
{
    ParseAttempt attempt;
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = dotted.find('.', start);
        pieces.emplace_back(
            dotted.substr(start, dot == std::string_view::npos ? dotted.npos : dot - start));
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        std::string segment = pieces[i];
        while (!segment.empty() && segment.back() == '\\' && i + 1 < pieces.size()) {
            segment.back() = '.';
            segment += pieces[++i];
        }
        attempt.segments.push_back(std::move(segment));
    }
    if (std::any_of(attempt.segments.begin(), attempt.segments.end(),
                    [](const std::string &s) { return KeyPath::isRefusedSegment(s); })) {
        attempt.problem = KeyProblem::Refused;
        attempt.segments.clear();
    }
    return attempt;
}

ParseAttempt attemptParse(std::string_view dotted, KeyDialect dialect)
{
    return dialect == KeyDialect::DotProp6 ? parseDotProp6(dotted) : parseDotProp10(dotted);
}

QString quoted(std::string_view text)
{
    return QLatin1Char('"') + QString::fromUtf8(text.data(), qsizetype(text.size())) +
           QLatin1Char('"');
}

} // namespace

Result<KeyPath> KeyPath::parse(std::string_view dotted, KeyDialect dialect)
{
    ParseAttempt attempt = attemptParse(dotted, dialect);
    if (attempt.problem == KeyProblem::None)
        return KeyPath(std::move(attempt.segments));

    Error error;
    error.code = ErrorCode::Usage;
    error.key = QString::fromUtf8(dotted.data(), qsizetype(dotted.size()));
    if (attempt.problem == KeyProblem::Refused) {
        error.message =
            QStringLiteral("The key %1 has a segment __proto__, prototype or constructor, which "
                           "the app's store ignores: the key cannot be read or written. Escaping "
                           "does not help; rename the key.")
                .arg(quoted(dotted));
    } else {
        error.message =
            QStringLiteral("The key %1 is not valid: %2. [digits] after a name is an array "
                           "index (list[0]); write \\[ for a literal bracket and \\. for a "
                           "literal dot.")
                .arg(quoted(dotted), QString::fromStdString(attempt.detail));
    }
    return error;
}

KeyProblem KeyPath::diagnose(std::string_view dotted, KeyDialect dialect)
{
    return attemptParse(dotted, dialect).problem;
}

KeyPath KeyPath::fromSegments(std::vector<std::string> segments)
{
    return KeyPath(std::move(segments));
}

Result<KeyPath> KeyPath::fromPointer(std::string_view jsonPointer)
{
    if (jsonPointer.empty())
        return KeyPath();
    auto invalid = [&](const QString &why) {
        Error error;
        error.code = ErrorCode::Usage;
        error.key = QString::fromUtf8(jsonPointer.data(), qsizetype(jsonPointer.size()));
        error.message =
            QStringLiteral("The JSON Pointer %1 is not valid: %2.").arg(quoted(jsonPointer), why);
        return error;
    };
    if (jsonPointer.front() != '/')
        return invalid(QStringLiteral("it must be empty or start with /"));

    std::vector<std::string> segments;
    std::string current;
    for (std::size_t i = 1; i <= jsonPointer.size(); ++i) {
        if (i == jsonPointer.size() || jsonPointer[i] == '/') {
            segments.push_back(std::exchange(current, {}));
            continue;
        }
        if (jsonPointer[i] != '~') {
            current += jsonPointer[i];
            continue;
        }
        const char next = i + 1 < jsonPointer.size() ? jsonPointer[i + 1] : '\0';
        if (next != '0' && next != '1')
            return invalid(QStringLiteral("~ must be followed by 0 (for ~) or 1 (for /)"));
        current += next == '0' ? '~' : '/';
        ++i;
    }
    return KeyPath(std::move(segments));
}

bool KeyPath::isRefused() const
{
    return std::any_of(m_segments.begin(), m_segments.end(),
                       [](const std::string &s) { return isRefusedSegment(s); });
}

std::string KeyPath::toDotted(KeyDialect dialect) const
{
    std::string dotted;
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        if (i > 0)
            dotted += '.';
        for (const char c : m_segments[i]) {
            const bool special =
                c == '.' || (dialect == KeyDialect::DotProp10 && (c == '\\' || c == '['));
            if (special)
                dotted += '\\';
            dotted += c;
        }
    }
    return dotted;
}

bool KeyPath::hasDottedForm(KeyDialect dialect) const
{
    if (isEmpty())
        return false;
    if (dialect == KeyDialect::DotProp10)
        return true;
    // dot-prop 6 would glue a segment ending in `\` to the one after it.
    return std::none_of(m_segments.begin(), m_segments.end() - 1,
                        [](const std::string &s) { return !s.empty() && s.back() == '\\'; });
}

std::string KeyPath::toPointer() const
{
    std::string pointer;
    for (const std::string &segment : m_segments) {
        pointer += '/';
        for (const char c : segment) {
            if (c == '~')
                pointer += "~0";
            else if (c == '/')
                pointer += "~1";
            else
                pointer += c;
        }
    }
    return pointer;
}

KeyPath KeyPath::parent() const
{
    if (isEmpty())
        return {};
    return KeyPath(std::vector<std::string>(m_segments.begin(), m_segments.end() - 1));
}

KeyPath KeyPath::child(std::string segment) const
{
    KeyPath path = *this;
    path.m_segments.push_back(std::move(segment));
    return path;
}

bool KeyPath::isPrefixOf(const KeyPath &other) const
{
    return m_segments.size() <= other.m_segments.size() &&
           std::equal(m_segments.begin(), m_segments.end(), other.m_segments.begin());
}

bool KeyPath::isRefusedSegment(std::string_view segment)
{
    return std::find(kRefusedSegments.begin(), kRefusedSegments.end(), segment) !=
           kRefusedSegments.end();
}

bool KeyPath::isNumericSegment(std::string_view segment)
{
    if (segment == "0")
        return true;
    if (segment.empty() || segment.size() > 7 || segment.front() < '1' || segment.front() > '9')
        return false;
    if (!std::all_of(segment.begin(), segment.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    return std::stoul(std::string(segment)) <= 1'000'000;
}

} // namespace tad
