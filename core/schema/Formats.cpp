#include "Formats.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <string>

namespace tad::schema {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isHex(char c)
{
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}
bool isAlnum(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 128;
}
char lower(char c)
{
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), isDigit);
}
int toInt(std::string_view s)
{
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

bool isLeapYear(int year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

// RFC 3339 full-date plus a real calendar day.
bool checkDate(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    const auto y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
    if (!allDigits(y) || !allDigits(m) || !allDigits(d))
        return false;
    static constexpr std::array<int, 13> days{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int month = toInt(m), day = toInt(d);
    if (month < 1 || month > 12 || day < 1)
        return false;
    return day <= (month == 2 && isLeapYear(toInt(y)) ? 29 : days[month]);
}

// hh:mm:ss[.frac] with a required zone (z, +hh:mm, +hhmm, +hh); a leap
// second only at 23:59 UTC.
bool checkTime(std::string_view s)
{
    if (s.size() < 8 || s[2] != ':' || s[5] != ':')
        return false;
    const auto h = s.substr(0, 2), mi = s.substr(3, 2), se = s.substr(6, 2);
    if (!allDigits(h) || !allDigits(mi) || !allDigits(se))
        return false;
    size_t pos = 8;
    if (pos < s.size() && s[pos] == '.') {
        const size_t start = ++pos;
        while (pos < s.size() && isDigit(s[pos]))
            ++pos;
        if (pos == start)
            return false;
    }
    if (pos >= s.size())
        return false; // the zone is required
    int tzSign = 1, tzH = 0, tzM = 0;
    const char z = lower(s[pos]);
    if (z == 'z') {
        if (pos + 1 != s.size())
            return false;
    } else if (z == '+' || z == '-') {
        tzSign = z == '-' ? -1 : 1;
        auto rest = s.substr(pos + 1);
        if (rest.size() < 2 || !allDigits(rest.substr(0, 2)))
            return false;
        tzH = toInt(rest.substr(0, 2));
        rest.remove_prefix(2);
        if (!rest.empty() && rest[0] == ':')
            rest.remove_prefix(1);
        if (!rest.empty()) {
            if (rest.size() != 2 || !allDigits(rest))
                return false;
            tzM = toInt(rest);
        }
    } else {
        return false;
    }
    const int hr = toInt(h), min = toInt(mi);
    const int sec = toInt(se);
    if (tzH > 23 || tzM > 59)
        return false;
    if (hr <= 23 && min <= 59 && sec < 60)
        return true;
    const int utcMin = min - tzM * tzSign;
    const int utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
    return (utcHr == 23 || utcHr == -1) && (utcMin == 59 || utcMin == -1) && sec < 61;
}

bool checkDateTime(std::string_view s)
{
    // Split on every 't', 'T' or whitespace: exactly two parts.
    size_t sep = std::string_view::npos;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = lower(s[i]);
        if (c == 't' || std::isspace(static_cast<unsigned char>(c))) {
            if (sep != std::string_view::npos)
                return false;
            sep = i;
        }
    }
    return sep != std::string_view::npos && checkDate(s.substr(0, sep)) &&
           checkTime(s.substr(sep + 1));
}

bool isEmailLocalChar(char c)
{
    return isAlnum(c) || std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

// A DNS label: letters, digits and inner hyphens.
bool checkLabel(std::string_view label, size_t maxLength)
{
    if (label.empty() || label.size() > maxLength || !isAlnum(label.front()) ||
        !isAlnum(label.back()))
        return false;
    return std::all_of(label.begin(), label.end(), [](char c) { return isAlnum(c) || c == '-'; });
}

bool checkEmail(std::string_view s)
{
    const auto at = s.find('@');
    if (at == std::string_view::npos)
        return false;
    // Local part: dot-separated atoms, no empty atom.
    const auto local = s.substr(0, at);
    size_t start = 0;
    while (true) {
        const auto dot = local.find('.', start);
        const auto atom = local.substr(start, dot == std::string_view::npos ? std::string_view::npos
                                                                            : dot - start);
        if (atom.empty() || !std::all_of(atom.begin(), atom.end(), isEmailLocalChar))
            return false;
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    // Domain: at least two labels.
    const auto domain = s.substr(at + 1);
    size_t labels = 0;
    start = 0;
    while (true) {
        const auto dot = domain.find('.', start);
        const auto label = domain.substr(
            start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (!checkLabel(label, std::string_view::npos))
            return false;
        ++labels;
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    return labels >= 2;
}

bool checkHostname(std::string_view s)
{
    if (!s.empty() && s.back() == '.')
        s.remove_suffix(1);
    if (s.empty() || s.size() > 253)
        return false;
    size_t start = 0;
    while (true) {
        const auto dot = s.find('.', start);
        const auto label =
            s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (!checkLabel(label, 63))
            return false;
        if (dot == std::string_view::npos)
            return true;
        start = dot + 1;
    }
}

// Dotted quad, no leading zeros.
bool checkIpv4(std::string_view s)
{
    int parts = 0;
    size_t start = 0;
    while (true) {
        const auto dot = s.find('.', start);
        const auto part =
            s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (part.empty() || part.size() > 3 || !allDigits(part) ||
            (part.size() > 1 && part[0] == '0') || toInt(part) > 255)
            return false;
        ++parts;
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    return parts == 4;
}

// Eight 16-bit groups, one "::" for a run of zero groups, an IPv4 tail
// counting as two groups.
bool checkIpv6(std::string_view s)
{
    if (s.empty())
        return false;
    const auto gap = s.find("::");
    if (gap != std::string_view::npos && s.find("::", gap + 1) != std::string_view::npos)
        return false;
    auto countGroups = [](std::string_view part, bool allowIpv4Tail, int &groups) {
        groups = 0;
        if (part.empty())
            return true;
        size_t start = 0;
        while (true) {
            const auto colon = part.find(':', start);
            const auto group = part.substr(
                start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
            if (colon == std::string_view::npos && allowIpv4Tail &&
                group.find('.') != std::string_view::npos) {
                if (!checkIpv4(group))
                    return false;
                groups += 2;
                return true;
            }
            if (group.empty() || group.size() > 4 ||
                !std::all_of(group.begin(), group.end(), isHex))
                return false;
            ++groups;
            if (colon == std::string_view::npos)
                return true;
            start = colon + 1;
        }
    };
    if (gap == std::string_view::npos) {
        int groups = 0;
        return countGroups(s, true, groups) && groups == 8;
    }
    int head = 0, tail = 0;
    const auto before = s.substr(0, gap), after = s.substr(gap + 2);
    if (!countGroups(before, false, head) || !countGroups(after, true, tail))
        return false;
    return head + tail <= 7;
}

bool checkUuid(std::string_view s)
{
    if (s.size() > 9) {
        std::string prefix(s.substr(0, 9));
        for (auto &c : prefix)
            c = lower(c);
        if (prefix == "urn:uuid:")
            s.remove_prefix(9);
    }
    if (s.size() != 36)
        return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !isHex(s[i]))
            return false;
    }
    return true;
}

// Characters of one URI component, plus percent-escapes.
bool uriChars(std::string_view s, std::string_view extra)
{
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '%') {
            if (i + 2 >= s.size() || !isHex(s[i + 1]) || !isHex(s[i + 2]))
                return false;
            i += 2;
            continue;
        }
        if (isAlnum(c) || std::string_view("-._~!$&'()*+,;=").find(c) != std::string_view::npos)
            continue;
        if (extra.find(c) != std::string_view::npos)
            continue;
        return false;
    }
    return true;
}

bool checkPathAbEmpty(std::string_view path)
{
    // Every segment after a '/', each made of path characters.
    return path.empty() || (path[0] == '/' && uriChars(path, ":@/"));
}

bool checkAuthorityAndPath(std::string_view rest)
{
    const auto slash = rest.find('/');
    auto authority = rest.substr(0, slash);
    const auto path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    const auto at = authority.find('@');
    if (at != std::string_view::npos) {
        if (!uriChars(authority.substr(0, at), ":"))
            return false;
        authority.remove_prefix(at + 1);
    }
    std::string_view port;
    if (!authority.empty() && authority[0] == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos)
            return false;
        const auto literal = authority.substr(1, close - 1);
        const bool future = !literal.empty() && lower(literal[0]) == 'v';
        if (future) {
            const auto dot = literal.find('.');
            if (dot == std::string_view::npos || dot < 2 || dot + 1 >= literal.size())
                return false;
            const auto ver = literal.substr(1, dot - 1);
            if (!std::all_of(ver.begin(), ver.end(), isHex) ||
                !uriChars(literal.substr(dot + 1), ":"))
                return false;
            if (literal.substr(dot + 1).find('%') != std::string_view::npos)
                return false;
        } else if (!checkIpv6(literal)) {
            return false;
        }
        port = authority.substr(close + 1);
    } else {
        const auto colon = authority.find(':');
        if (!uriChars(authority.substr(0, colon), ""))
            return false;
        port = colon == std::string_view::npos ? std::string_view() : authority.substr(colon);
    }
    if (!port.empty() && (port[0] != ':' || !std::all_of(port.begin() + 1, port.end(), isDigit)))
        return false;
    return checkPathAbEmpty(path);
}

// An absolute URI (scheme required), RFC 3986.
bool checkUri(std::string_view s)
{
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 ||
        !std::isalpha(static_cast<unsigned char>(s[0])))
        return false;
    for (size_t i = 1; i < colon; ++i) {
        const char c = s[i];
        if (!(isAlnum(c) || c == '+' || c == '-' || c == '.'))
            return false;
    }
    auto rest = s.substr(colon + 1);
    const auto hash = rest.find('#');
    if (hash != std::string_view::npos) {
        if (!uriChars(rest.substr(hash + 1), ":@/?"))
            return false;
        rest = rest.substr(0, hash);
    }
    const auto question = rest.find('?');
    if (question != std::string_view::npos) {
        if (!uriChars(rest.substr(question + 1), ":@/?"))
            return false;
        rest = rest.substr(0, question);
    }
    if (rest.empty())
        return false;
    if (rest[0] == '/') {
        if (rest.size() > 1 && rest[1] == '/' && checkAuthorityAndPath(rest.substr(2)))
            return true;
        return checkAuthorityAndPath(rest.substr(1));
    }
    return uriChars(rest, ":@/");
}

bool checkRegex(std::string_view s)
{
    // A "\Z" anchor is not JavaScript.
    for (size_t i = 1; i + 1 < s.size(); ++i) {
        if (s[i] == '\\' && s[i + 1] == 'Z' && s[i - 1] != '\\')
            return false;
    }
    try {
        std::regex re{std::string(s), std::regex::ECMAScript};
        return true;
    } catch (const std::regex_error &) {
        return false;
    }
}

bool checkJsonPointer(std::string_view s)
{
    if (!s.empty() && s[0] != '/')
        return false;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '~' && (i + 1 >= s.size() || (s[i + 1] != '0' && s[i + 1] != '1')))
            return false;
    }
    return true;
}

bool checkRelativeJsonPointer(std::string_view s)
{
    size_t i = 0;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    if (i == 0 || (i > 1 && s[0] == '0'))
        return false;
    const auto rest = s.substr(i);
    return rest == "#" || checkJsonPointer(rest);
}

} // namespace

FormatCheck checkFormat(std::string_view format, std::string_view value)
{
    auto verdict = [](bool ok) {
        return ok ? FormatCheck::Valid : FormatCheck::Invalid;
    };
    if (format == "date")
        return verdict(checkDate(value));
    if (format == "time")
        return verdict(checkTime(value));
    if (format == "date-time")
        return verdict(checkDateTime(value));
    if (format == "email")
        return verdict(checkEmail(value));
    if (format == "hostname")
        return verdict(checkHostname(value));
    if (format == "ipv4")
        return verdict(checkIpv4(value));
    if (format == "ipv6")
        return verdict(checkIpv6(value));
    if (format == "uri")
        return verdict(checkUri(value));
    if (format == "uuid")
        return verdict(checkUuid(value));
    if (format == "regex")
        return verdict(checkRegex(value));
    if (format == "json-pointer")
        return verdict(checkJsonPointer(value));
    if (format == "relative-json-pointer")
        return verdict(checkRelativeJsonPointer(value));
    if (format == "password" || format == "binary")
        return FormatCheck::Valid;
    return FormatCheck::Unknown;
}

bool isKnownFormat(std::string_view format)
{
    return checkFormat(format, "") != FormatCheck::Unknown;
}

} // namespace tad::schema
