#include "JsonSplice.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace tad {
namespace {

// Bytes that matter while skipping a value: quotes, backslashes, brackets.
enum SkipByte : uint8_t
{
    Other,
    Quote,
    Backslash,
    Open,
    Close
};

constexpr auto kSkipBytes = [] {
    std::array<uint8_t, 256> table{};
    table['"'] = Quote;
    table['\\'] = Backslash;
    table['{'] = Open;
    table['['] = Open;
    table['}'] = Close;
    table[']'] = Close;
    return table;
}();

class Scanner
{
public:
    explicit Scanner(std::string_view text) : m_text(text) {}

    size_t pos() const { return m_pos; }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    void advance() { ++m_pos; }

    void skipWhitespace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\n' || peek() == '\r' || peek() == '\t'))
            ++m_pos;
    }

    // At '"': past the closing quote. False if the text ends first.
    // memchr finds the next quote; only a backslash before it can escape it.
    bool skipString()
    {
        ++m_pos;
        while (m_pos < m_text.size()) {
            const char *from = m_text.data() + m_pos;
            const size_t left = m_text.size() - m_pos;
            const auto *quote = static_cast<const char *>(std::memchr(from, '"', left));
            if (!quote)
                return false;
            const size_t span = size_t(quote - from);
            const auto *escape = static_cast<const char *>(std::memchr(from, '\\', span));
            if (!escape) {
                m_pos += span + 1;
                return true;
            }
            m_pos += size_t(escape - from) + 2; // past the backslash and what it escapes
        }
        return false;
    }

    // A member name, unescaped; nullopt if it cannot be read.
    std::optional<std::string> readName()
    {
        if (peek() != '"')
            return std::nullopt;
        const size_t start = m_pos;
        if (!skipString())
            return std::nullopt;
        const std::string_view raw = m_text.substr(start + 1, m_pos - start - 2);
        if (raw.find('\\') == std::string_view::npos)
            return std::string(raw);
        auto decoded = parseValue(m_text.substr(start, m_pos - start));
        if (!decoded || !decoded->is_string())
            return std::nullopt;
        return decoded->get<std::string>();
    }

    // Past one value of a valid text.
    bool skipValue()
    {
        if (peek() == '"')
            return skipString();
        if (peek() == '{' || peek() == '[') {
            int depth = 0;
            while (m_pos < m_text.size()) {
                switch (kSkipBytes[static_cast<unsigned char>(m_text[m_pos])]) {
                case Quote:
                    if (!skipString())
                        return false;
                    continue;
                case Open:
                    ++depth;
                    break;
                case Close:
                    if (--depth == 0) {
                        ++m_pos;
                        return true;
                    }
                    break;
                default:
                    break;
                }
                ++m_pos;
            }
            return false;
        }
        // A number or a literal runs to the next delimiter.
        while (!atEnd() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' ' &&
               peek() != '\n' && peek() != '\r' && peek() != '\t')
            ++m_pos;
        return true;
    }

private:
    std::string_view m_text;
    size_t m_pos = 0;
};

} // namespace

std::optional<std::pair<size_t, size_t>> locateMember(std::string_view text,
                                                      const std::vector<std::string> &path)
{
    if (path.empty())
        return std::nullopt;
    Scanner scan(text);
    scan.skipWhitespace();
    for (size_t level = 0; level < path.size(); ++level) {
        if (scan.peek() != '{')
            return std::nullopt;
        scan.advance();
        for (;;) {
            scan.skipWhitespace();
            auto name = scan.readName();
            if (!name)
                return std::nullopt; // '}' (not there) or not a name
            scan.skipWhitespace();
            if (scan.peek() != ':')
                return std::nullopt;
            scan.advance();
            scan.skipWhitespace();
            if (*name == path[level])
                break;
            if (!scan.skipValue())
                return std::nullopt;
            scan.skipWhitespace();
            if (scan.peek() != ',')
                return std::nullopt;
            scan.advance();
        }
    }
    const size_t first = scan.pos();
    if (!scan.skipValue())
        return std::nullopt;
    return std::make_pair(first, scan.pos());
}

std::optional<std::vector<MemberRange>> rootMembers(std::string_view text)
{
    Scanner scan(text);
    scan.skipWhitespace();
    if (scan.peek() != '{')
        return std::nullopt;
    scan.advance();
    std::vector<MemberRange> members;
    scan.skipWhitespace();
    if (scan.peek() == '}')
        return members;
    for (;;) {
        scan.skipWhitespace();
        auto name = scan.readName();
        if (!name)
            return std::nullopt;
        scan.skipWhitespace();
        if (scan.peek() != ':')
            return std::nullopt;
        scan.advance();
        scan.skipWhitespace();
        const size_t first = scan.pos();
        if (!scan.skipValue())
            return std::nullopt;
        members.push_back({std::move(*name), first, scan.pos()});
        scan.skipWhitespace();
        if (scan.peek() == '}')
            return members;
        if (scan.peek() != ',')
            return std::nullopt;
        scan.advance();
    }
}

std::string replaceRange(std::string_view before, std::pair<size_t, size_t> range,
                         const Json &value, const TextStyle &style, int depth)
{
    std::string out;
    out.reserve(before.size() + 64);
    out.append(before.substr(0, range.first));
    appendStringified(out, value, style, depth);
    out.append(before.substr(range.second));
    return out;
}

std::optional<std::string> spliceMember(std::string_view before,
                                        const std::vector<std::string> &path, const Json &value,
                                        const TextStyle &style)
{
    const auto range = locateMember(before, path);
    if (!range)
        return std::nullopt;
    return replaceRange(before, *range, value, style, int(path.size()));
}

} // namespace tad
