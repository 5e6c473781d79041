// Dot-notation keys as conf reads them, and the four dot-prop operations on a
// JSON document.
//
// conf hands every key to dot-prop: conf 15 (electron-store 11) uses
// dot-prop 10, conf 10 (electron-store 8) uses dot-prop 6. The two differ in
// how a key is split and in what `set` creates for a missing parent, so both
// are modelled. The operations work on the document as conf sees it right
// after reading the file (the root is a prototype-less object, every nested
// object an ordinary one) and leave it as conf's JSON.stringify would write it
// back: see KeyOperations.cpp for what that means for arrays and the few
// JavaScript properties (`length`, inherited methods) a key can reach.
//
// What conf adds around these calls (the store applies it, not this file):
//  - set(key, undefined) throws "Use `delete()` to clear values"; set({k:
//    undefined}) throws for `k`. Nested undefined vanishes in JSON.stringify.
//  - conf 15 refuses to set `__internal__` and `__internal__.*` (also as a key
//    anywhere inside an object passed to set({...})); conf 10 only refuses
//    `__internal__.*` and a first key `__internal__` of set({...}). The check
//    is on the text: `__internal__[0]` gets through in conf 15.
//  - get(key, default) gives the default for undefined; a refused key gives
//    the default in conf 15 but undefined in conf 10.
//  - delete never restores a default; conf writes the file even when nothing
//    was deleted. conf 15 puts `__internal__` back from the file whenever a
//    written store lacks it (so delete('__internal__') and clear() keep it);
//    conf 10 does not.
#pragma once

#include "Result.h"

#include "json/Json.h"
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tad {

enum class KeyDialect
{
    DotProp10, // conf 15 / electron-store 11 (the default)
    DotProp6,  // conf 10 / electron-store 8
};

// Why a dotted key cannot be used.
enum class KeyProblem
{
    None,
    Malformed, // dot-prop throws while parsing (dot-prop 10 bracket syntax only)
    Refused,   // has a segment `__proto__`, `prototype` or `constructor`: dot-prop
               // silently ignores the whole key (get gives undefined, set does nothing)
};

class KeyPath
{
public:
    KeyPath() = default;

    // Splits a conf key. Errors (ErrorCode::Usage) say what is wrong with the
    // key and how to write it; a refused segment is an error here although
    // conf itself ignores such a key without a word (see diagnose()).
    static Result<KeyPath> parse(std::string_view dotted,
                                 KeyDialect dialect = KeyDialect::DotProp10);
    // The outcome of parse() without the message, for callers that must mimic
    // conf exactly (a refused key is a silent no-op there, a malformed one throws).
    static KeyProblem diagnose(std::string_view dotted, KeyDialect dialect = KeyDialect::DotProp10);
    static KeyPath fromSegments(std::vector<std::string> segments);
    static Result<KeyPath> fromPointer(std::string_view jsonPointer); // RFC 6901

    const std::vector<std::string> &segments() const { return m_segments; }
    bool isEmpty() const { return m_segments.empty(); } // the document root
    // True if some segment is one dot-prop refuses; every operation then
    // behaves as dot-prop does for such a key (nothing found, nothing changed).
    bool isRefused() const;

    // The key written so that parse(toDotted(d), d) gives this path back.
    // dot-prop 10: `\`, `.` and `[` are escaped with a backslash. dot-prop 6
    // only knows `\.`, so a segment ending in a backslash cannot be followed
    // by another one there (see hasDottedForm). The root has no dotted form
    // (its toDotted() is "", which parses as the one key "").
    std::string toDotted(KeyDialect dialect = KeyDialect::DotProp10) const;
    bool hasDottedForm(KeyDialect dialect = KeyDialect::DotProp10) const;
    std::string toPointer() const; // RFC 6901 ("~0", "~1")

    KeyPath parent() const; // the root's parent is the root
    KeyPath child(std::string segment) const;
    bool isPrefixOf(const KeyPath &other) const; // a.b is a prefix of a.b.c and of a.b

    bool operator==(const KeyPath &) const = default;
    auto operator<=>(const KeyPath &) const = default;

    static bool isRefusedSegment(std::string_view segment);
    // dot-prop 10 turns these segments into numbers, which makes `set` create
    // an array for a missing parent: "0", or digits without a leading zero up
    // to 1,000,000 (dot-prop's MAX_ARRAY_INDEX).
    static bool isNumericSegment(std::string_view segment);

private:
    explicit KeyPath(std::vector<std::string> segments) : m_segments(std::move(segments)) {}
    std::vector<std::string> m_segments;
};

// --- Operations with dot-prop semantics ---------------------------------------
// `root` is the whole document (conf's store); it must be an object.

// dotProp.get when the answer is a value stored in the document; nullptr for
// undefined, and also for answers computed by JavaScript (an array's or a
// string's `length`, a character of a string): use getValue() for those.
// The empty path (no dotted form, only fromPointer("")) is the whole document
// for findValue/getValue/hasValue; setValue and deleteValue refuse it.
const Json *findValue(const Json &root, const KeyPath &path);
// dotProp.get including computed answers. An inherited method (`a.toString`)
// is a function, which JSON cannot hold: std::nullopt, as JSON.stringify
// would drop it.
std::optional<Json> getValue(const Json &root, const KeyPath &path);
// dotProp.has. Note it sees inherited names: has('a.toString') is true when
// `a` is an object (not at the root, which conf keeps prototype-less).
bool hasValue(const Json &root, const KeyPath &path);
// dotProp.set followed by conf's JSON.stringify. Fails (ErrorCode::Usage)
// where dot-prop throws (e.g. an invalid array `length`), leaving `root`
// untouched as conf leaves the file, and where the array would grow past
// kMaxArrayLength elements (see KeyOperations.cpp).
Result<void> setValue(Json &root, const KeyPath &path, Json value,
                      KeyDialect dialect = KeyDialect::DotProp10);
// dotProp.delete: true if a property was deleted. A deleted array element
// becomes null (the hole JSON.stringify writes). Fails where dot-prop throws
// (deleting an array's `length`). dot-prop 6 returns true whenever it reaches
// the last segment, even when nothing is there; the document is the same
// either way, so this returns dot-prop 10's answer for both dialects.
Result<bool> deleteValue(Json &root, const KeyPath &path);

// Longest array setValue will produce (dot-prop 10's largest index + 1).
inline constexpr std::size_t kMaxArrayLength = 1'000'001;

} // namespace tad
