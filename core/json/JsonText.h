// JSON text in and out, byte for byte the way the Electron app's JSON.parse
// and JSON.stringify read and write tad-config.json.
//
// Strings are UTF-8. JSON.parse accepts lone surrogate escapes ("\ud800")
// because JavaScript strings are UTF-16; they are kept as 3-byte WTF-8
// sequences inside a Json string, and stringify writes them back as escapes,
// exactly as JSON.stringify does.
#pragma once

#include "Json.h"
#include "Result.h"

#include <QString>
#include <string>
#include <string_view>
#include <vector>

namespace tad {

// Deeper nesting than this is refused while parsing, so nothing that walks a
// parsed value (stringify, jsEqual, the destructor) can run out of stack.
inline constexpr int kMaxJsonDepth = 1000;

// How many objects and arrays are nested in `value` (0 for a scalar, 1 for
// {"a":1}), the way the reader counts them. Walks with a heap stack, so any
// value, however deep, is measured safely; stops counting past `stopAbove`.
int jsonDepth(const Json &value, int stopAbove = kMaxJsonDepth);

// How a file lays out its JSON: the `space` argument given to JSON.stringify,
// plus whether an editor left a newline at the end.
struct TextStyle
{
    enum class Indent
    {
        Compact,
        Tabs,
        Spaces
    };
    Indent indent = Indent::Compact;
    int spaces = 2; // used when indent == Spaces; clamped to 1..10 like JSON.stringify
    bool trailingNewline = false;

    // Reads the style from a file's own bytes: the first indented line gives
    // the indentation unit. Empty or one-line text gives Compact.
    static TextStyle detect(std::string_view bytes);

    static TextStyle compact() { return {}; }
    static TextStyle tabs() { return {Indent::Tabs, 2, false}; }
    static TextStyle withSpaces(int n) { return {Indent::Spaces, n, false}; }

    bool operator==(const TextStyle &) const = default;
};

// A key that occurs twice in one object. JSON.parse keeps the last value at
// the first key's position; the store decides whether that deserves a warning.
struct DuplicateKey
{
    std::string pointer; // JSON Pointer (RFC 6901) of the duplicated member
    int line = 0;        // of the repeated occurrence, 1-based
    int column = 0;      // 1-based, in characters

    bool operator==(const DuplicateKey &) const = default;
};

struct ParsedDocument
{
    Json value;
    TextStyle style;
    bool hadBom = false;
    std::vector<DuplicateKey> duplicates;
};

// The store file: a JSON object at the root, optionally after a UTF-8 BOM.
// Failures are Unreadable errors with line and column (column counts
// characters, not bytes; a BOM is not counted) and a message that says what
// is wrong; what to do about it is the caller's to say (the file may be the
// settings file, a backup or a file named on the command line). `file` only
// fills Error::file.
Result<ParsedDocument> parseDocument(std::string_view bytes, const QString &file = {});

// The store file read for one key, for a program that needs nothing else
// (a one-shot `get`): the whole text is checked exactly as parseDocument
// checks it (the same errors with the same line and column, the depth
// limit, UTF-8, the same duplicates and style), but `value` holds only the
// members named by `segments` from the root down, each level's member
// alone, and the value at the end whole. A value on the way that is not an
// object (an array, a string) is built whole too. No segments: the text is
// only checked, and `value` is an empty object.
Result<ParsedDocument> parseDocumentFor(std::string_view bytes,
                                        const std::vector<std::string> &segments,
                                        const QString &file = {});

// Any JSON value, e.g. a command-line argument. Failures are Usage errors.
Result<Json> parseValue(std::string_view text);

// == JSON.stringify(value, null, indent), plus "\n" if style.trailingNewline.
std::string stringify(const Json &value, const TextStyle &style);

// Appends the JSON.stringify text of `value` as if it sat `depth` levels deep
// in a larger document (nested lines get depth + 1 indentation units). No
// trailing newline is added.
void appendStringified(std::string &out, const Json &value, const TextStyle &style, int depth = 0);

// Compact, no newline: for command-line output.
std::string compactJson(const Json &value);

// Number.prototype.toString of a double ("NaN", "Infinity" included; -0
// gives "0"). JSON.stringify prints non-finite numbers as null instead.
std::string jsNumber(double v);

// Deep equality as node's isDeepStrictEqual sees two JSON values: numbers
// compare as doubles (14 == 14.0), object member order does not matter.
bool jsEqual(const Json &a, const Json &b);

// True for the keys JavaScript enumerates before all others: canonical
// array indices "0".."4294967294".
bool isArrayIndexKey(std::string_view key);

// Members of an object in the order JavaScript enumerates them: array-index
// keys ascending first, then the others in insertion order.
std::vector<const Json::object_t::value_type *> jsMemberOrder(const Json::object_t &obj);

} // namespace tad
