#include "TextPatch.h"

#include <algorithm>
#include <cstring>

namespace tad {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Where the member list of the changed object starts and ends in the old
// text, and which members it holds.
struct Located
{
    std::vector<std::string> path;
    std::vector<std::string> keys;
    size_t listStart = 0;     // just after '{' or the comma before the first member
    size_t listEnd = 0;       // the comma after the last member, or '}'
    bool wholeObject = false; // the list is everything between '{' and '}'
};

// Walks valid JSON (the old text) without building values. `changeStart`
// and `changeEnd` delimit the bytes that differ (changeEnd is exclusive).
class Scanner
{
public:
    Scanner(std::string_view text, size_t changeStart, size_t changeEnd)
        : m_text(text), m_start(changeStart), m_end(changeEnd)
    {}

    enum class Outcome
    {
        Found,
        Closed, // the object closed before the change ended: its parent decides
        Failed
    };

    // `open` is the index of an object's '{'.
    Outcome scanObject(size_t open, std::vector<std::string> &path, Located &found,
                       size_t &closedAt)
    {
        if (path.size() + 1 >= size_t(kMaxJsonDepth))
            return Outcome::Failed;
        size_t i = open + 1;
        size_t listStart = i;
        bool haveOverlap = false;
        bool firstIsFirstMember = false;
        size_t previousListStart = 0;
        std::string previousKey;
        bool havePrevious = false;
        std::vector<std::string> keys;
        size_t overlapStart = 0;
        size_t lastComma = 0;
        while (true) {
            i = skipSpace(i);
            if (i >= m_text.size())
                return Outcome::Failed;
            if (m_text[i] == '}') {
                if (m_end > i) {
                    closedAt = i + 1;
                    return Outcome::Closed;
                }
                if (!haveOverlap)
                    return Outcome::Failed; // only white space changed
                found.keys = std::move(keys);
                found.listStart = overlapStart;
                found.listEnd = i;
                found.wholeObject = firstIsFirstMember;
                found.path = path;
                return Outcome::Found;
            }
            const size_t keyStart = i;
            if (m_text[i] != '"')
                return Outcome::Failed;
            if (haveOverlap && listStart > m_end) {
                // Past the change: the list ends at the comma before this member.
                found.keys = std::move(keys);
                found.listStart = overlapStart;
                found.listEnd = lastComma;
                found.wholeObject = false;
                found.path = path;
                return Outcome::Found;
            }
            const size_t keyEnd = skipString(i);
            if (keyEnd == npos)
                return Outcome::Failed;
            std::optional<std::string> key = decodeKey(keyStart, keyEnd);
            if (!key)
                return Outcome::Failed;
            i = skipSpace(keyEnd);
            if (i >= m_text.size() || m_text[i] != ':')
                return Outcome::Failed;
            const size_t valueStart = skipSpace(i + 1);
            if (valueStart >= m_text.size())
                return Outcome::Failed;
            size_t valueEnd = npos;
            if (!haveOverlap && m_text[valueStart] == '{' && m_start > valueStart) {
                // The change starts inside this object: look there first.
                path.push_back(*key);
                size_t closed = 0;
                const Outcome inner = scanObject(valueStart, path, found, closed);
                path.pop_back();
                if (inner != Outcome::Closed)
                    return inner;
                valueEnd = closed;
            } else {
                valueEnd = skipValue(valueStart);
            }
            if (valueEnd == npos)
                return Outcome::Failed;

            // A change in the white space before a member counts as its own.
            const bool overlaps = listStart <= m_end && m_start <= valueEnd;
            if (overlaps && !haveOverlap) {
                haveOverlap = true;
                overlapStart = listStart;
                firstIsFirstMember = listStart == open + 1;
                if (m_start < listStart) {
                    // The change starts in the separator before this member:
                    // take the member before it too.
                    if (!havePrevious)
                        return Outcome::Failed;
                    overlapStart = previousListStart;
                    firstIsFirstMember = previousListStart == open + 1;
                    keys.push_back(previousKey);
                }
            }
            if (haveOverlap && overlaps)
                keys.push_back(std::move(*key));
            else if (!haveOverlap) {
                havePrevious = true;
                previousListStart = listStart;
                previousKey = std::move(*key);
            }
            i = skipSpace(valueEnd);
            if (i >= m_text.size())
                return Outcome::Failed;
            if (m_text[i] == ',') {
                lastComma = i;
                listStart = i + 1;
                ++i;
            } else if (m_text[i] != '}') {
                return Outcome::Failed;
            }
        }
    }

    size_t skipSpace(size_t i) const
    {
        while (i < m_text.size() && isSpace(m_text[i]))
            ++i;
        return i;
    }

private:
    static constexpr size_t npos = std::string_view::npos;

    // `i` is at an opening quote; returns the index after the closing one.
    size_t skipString(size_t i) const
    {
        const char *base = m_text.data();
        size_t from = i + 1;
        while (true) {
            const void *hit = std::memchr(base + from, '"', m_text.size() - from);
            if (!hit)
                return npos;
            const size_t quote = size_t(static_cast<const char *>(hit) - base);
            size_t backslashes = 0;
            while (quote - backslashes > i + 1 && base[quote - backslashes - 1] == '\\')
                ++backslashes;
            if (backslashes % 2 == 0)
                return quote + 1;
            from = quote + 1;
        }
    }

    size_t skipValue(size_t i) const
    {
        const char c = m_text[i];
        if (c == '"')
            return skipString(i);
        if (c != '{' && c != '[') {
            while (i < m_text.size() && !isSpace(m_text[i]) && m_text[i] != ',' &&
                   m_text[i] != '}' && m_text[i] != ']')
                ++i;
            return i;
        }
        int depth = 0;
        while (i < m_text.size()) {
            switch (m_text[i]) {
            case '"':
                i = skipString(i);
                if (i == npos)
                    return npos;
                continue;
            case '{':
            case '[':
                ++depth;
                break;
            case '}':
            case ']':
                if (--depth == 0)
                    return i + 1;
                break;
            default:
                break;
            }
            ++i;
        }
        return npos;
    }

    std::optional<std::string> decodeKey(size_t start, size_t end) const
    {
        const std::string_view quoted = m_text.substr(start, end - start);
        if (quoted.find('\\') == std::string_view::npos)
            return std::string(quoted.substr(1, quoted.size() - 2));
        auto value = parseValue(quoted);
        if (!value || !value->is_string())
            return std::nullopt;
        return value->get<std::string>();
    }

    std::string_view m_text;
    size_t m_start;
    size_t m_end;
};

} // namespace

std::optional<DocumentPatch> diffText(std::string_view oldText, std::string_view newText)
{
    const size_t shorter = std::min(oldText.size(), newText.size());
    size_t prefix = 0;
    {
        const auto mismatch =
            std::mismatch(oldText.begin(), oldText.begin() + long(shorter), newText.begin());
        prefix = size_t(mismatch.first - oldText.begin());
    }
    if (prefix == oldText.size() && prefix == newText.size())
        return std::nullopt; // the same text: nothing to adopt
    size_t suffix = 0;
    while (suffix < shorter - prefix &&
           oldText[oldText.size() - 1 - suffix] == newText[newText.size() - 1 - suffix])
        ++suffix;

    size_t root = oldText.starts_with(kBom) ? kBom.size() : 0;
    Scanner scanner(oldText, prefix, oldText.size() - suffix);
    root = scanner.skipSpace(root);
    if (root >= oldText.size() || oldText[root] != '{' || prefix <= root)
        return std::nullopt;
    std::vector<std::string> path;
    Located found;
    size_t closed = 0;
    if (scanner.scanObject(root, path, found, closed) != Scanner::Outcome::Found)
        return std::nullopt;
    if (found.listStart > prefix || found.listEnd < oldText.size() - suffix)
        return std::nullopt;

    // The same members in the new text: the bytes around them are unchanged.
    const long long shift = (long long)newText.size() - (long long)oldText.size();
    const long long newListEnd = (long long)found.listEnd + shift;
    if (newListEnd < (long long)found.listStart || size_t(newListEnd) > newText.size())
        return std::nullopt;
    std::string members;
    members.reserve(size_t(newListEnd) - found.listStart + 2);
    members += '{';
    members += newText.substr(found.listStart, size_t(newListEnd) - found.listStart);
    members += '}';
    auto parsed = parseDocument(members);
    if (!parsed || !parsed->duplicates.empty())
        return std::nullopt;
    // No members left between two separators would leave ",," or "{,".
    if (parsed->value.empty() && !found.wholeObject)
        return std::nullopt;
    if (int(found.path.size()) + jsonDepth(parsed->value) > kMaxJsonDepth)
        return std::nullopt;
    // JavaScript lists array-index keys first, wherever they stand in the
    // text; such objects are left to a full parse.
    for (const auto &key : found.keys) {
        if (isArrayIndexKey(key))
            return std::nullopt;
    }
    for (const auto &[key, value] : parsed->value.items()) {
        if (isArrayIndexKey(key))
            return std::nullopt;
    }

    DocumentPatch patch;
    patch.objectPath = std::move(found.path);
    patch.removedKeys = std::move(found.keys);
    patch.added = std::move(parsed->value);
    patch.style = TextStyle::detect(newText);
    patch.prefix = prefix;
    patch.suffix = suffix;
    patch.oldMiddle = std::string(oldText.substr(prefix, oldText.size() - suffix - prefix));
    return patch;
}

} // namespace tad
