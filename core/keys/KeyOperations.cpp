// dot-prop's get/has/set/delete on a JSON document, as conf runs them.
//
// conf reads the file, runs one dot-prop call on the parsed object and, for
// set and delete, writes JSON.stringify of the result. So the model here is
// the parsed document plus the JavaScript that a key can reach beyond it:
//  - The root is prototype-less (conf copies the parsed file into
//    Object.create(null)), so `toString` at the root is just a missing key.
//    Nested objects inherit Object.prototype's methods and arrays also
//    Array.prototype's: has('a.toString') is true, get gives a function
//    (nothing JSON can hold, and nothing JSON.stringify writes).
//  - Arrays have `length` (get gives it, set changes it, delete throws) and
//    their index keys. Any other key set on an array lands on the array
//    object, which JSON.stringify ignores: the file does not change.
//  - Strings have `length` and their characters (UTF-16 code units).
//  - `set` walks into an inherited method as into any object: the value ends
//    up on the function, not in the file, except that its read-only `name`
//    and `length` and its poisoned `arguments`/`caller` make it throw.
//  - A sparse array, left by a set past the end or a delete, is written
//    with null in each hole: that is what the document holds here.
// A set or delete that throws in dot-prop leaves conf's file as it was; here
// it returns an error and leaves the document untouched.
//
// Not modelled (each needs a function value, which no JSON file holds):
// reading through a method (`a.toString.name`), and the properties a
// previous set may have left on a shared built-in method. get/has return
// undefined/false there; conf would answer from the function or throw.
#include "JsSemantics.h"
#include "KeyPath.h"

#include <QString>

namespace tad {
namespace {

// What a JavaScript property access yields, seen from the document.
struct Slot
{
    enum class Kind
    {
        Undefined,
        Stored,   // a value in the document
        Computed, // a primitive JavaScript derives: a length, a character
        Opaque,   // a primitive we do not track (a method's arity)
        Function, // an inherited method
        Fresh,    // an object or array created by set outside the document
        Throws,   // the access itself throws (`arguments`, `caller`)
    };
    Kind kind = Kind::Undefined;
    Json *stored = nullptr;
    Json computed;
    bool isRoot = false;
    bool freshArray = false;

    static Slot make(Kind kind)
    {
        Slot slot;
        slot.kind = kind;
        return slot;
    }
    static Slot storedAt(Json &value, bool isRoot = false)
    {
        Slot slot = make(Kind::Stored);
        slot.stored = &value;
        slot.isRoot = isRoot;
        return slot;
    }
    static Slot computedValue(Json value)
    {
        Slot slot = make(Kind::Computed);
        slot.computed = std::move(value);
        return slot;
    }
    static Slot fresh(bool array)
    {
        Slot slot = make(Kind::Fresh);
        slot.freshArray = array;
        return slot;
    }

    const Json *value() const { return kind == Kind::Stored ? stored : &computed; }
    // JavaScript's "object" for dot-prop: objects, arrays, functions.
    bool isObjectLike() const
    {
        if (kind == Kind::Stored)
            return stored->is_object() || stored->is_array();
        return kind == Kind::Function || kind == Kind::Fresh;
    }
    bool isNullish() const
    {
        return kind == Kind::Undefined || (kind == Kind::Stored && stored->is_null());
    }
};

using Kind = Slot::Kind;

Slot stringProperty(const std::string &text, const std::string &key)
{
    const QString utf16 = QString::fromStdString(text);
    if (key == "length")
        return Slot::computedValue(Json(static_cast<std::uint64_t>(utf16.size())));
    const std::optional<std::uint32_t> index = js::arrayIndex(key);
    if (!index || *index >= std::uint64_t(utf16.size()) || utf16.at(*index).isSurrogate())
        return {}; // a lone surrogate has no UTF-8 form: not modelled
    return Slot::computedValue(Json(QString(utf16.at(*index)).toStdString()));
}

// `slot[key]` without side effects. Every Slot handed in is non-nullish.
Slot lookup(const Slot &slot, const std::string &key)
{
    switch (slot.kind) {
    case Kind::Stored:
    case Kind::Computed: {
        Json &value = slot.kind == Kind::Stored ? *slot.stored : const_cast<Json &>(slot.computed);
        if (value.is_object()) {
            auto &members = value.get_ref<Json::object_t &>();
            if (auto it = members.find(key); it != members.end())
                return Slot::storedAt(it->second);
            if (!slot.isRoot && js::isObjectPrototypeName(key))
                return Slot::make(Kind::Function);
            return {};
        }
        if (value.is_array()) {
            if (const auto index = js::arrayIndex(key); index && *index < value.size())
                return Slot::storedAt(value[*index]);
            if (key == "length")
                return Slot::computedValue(Json(static_cast<std::uint64_t>(value.size())));
            if (js::isArrayPrototypeName(key) || js::isObjectPrototypeName(key))
                return Slot::make(Kind::Function);
            return {};
        }
        if (value.is_string())
            return stringProperty(value.get_ref<const std::string &>(), key);
        return {}; // numbers and booleans only have methods
    }
    case Kind::Function:
        if (key == "arguments" || key == "caller")
            return Slot::make(Kind::Throws);
        if (key == "name" || key == "length")
            return Slot::make(Kind::Opaque);
        if (js::isFunctionPrototypeMethod(key) || js::isObjectPrototypeName(key))
            return Slot::make(Kind::Function);
        return {};
    case Kind::Fresh:
        // Created empty; only inherited names are there.
        if (slot.freshArray && key == "length")
            return Slot::computedValue(Json(0));
        if ((slot.freshArray && js::isArrayPrototypeName(key)) || js::isObjectPrototypeName(key))
            return Slot::make(Kind::Function);
        return {};
    default:
        return {};
    }
}

// `key in slot`, for a slot that is an object in JavaScript's sense.
bool hasProperty(const Slot &slot, const std::string &key)
{
    return lookup(slot, key).kind != Kind::Undefined;
}

Json &mutableRoot(const Json &root)
{
    // The read-only operations share the walk with set; they never write.
    return const_cast<Json &>(root);
}

Slot walkForGet(const Json &root, const KeyPath &path)
{
    Slot slot = Slot::storedAt(mutableRoot(root), true);
    const auto &segments = path.segments();
    for (std::size_t i = 0; i < segments.size(); ++i) {
        slot = lookup(slot, segments[i]);
        if (slot.kind == Kind::Throws)
            return {};
        if (slot.isNullish())
            return i + 1 == segments.size() ? slot : Slot{};
    }
    return slot;
}

Error operationError(const KeyPath &path, QString message)
{
    Error error;
    error.code = ErrorCode::Usage;
    error.key = QString::fromStdString(path.toDotted());
    error.message = std::move(message);
    return error;
}

QString dottedKey(const KeyPath &path)
{
    return QLatin1Char('`') + QString::fromStdString(path.toDotted()) + QLatin1Char('`');
}

class SetWalk
{
public:
    SetWalk(Json &root, const KeyPath &path, bool apply)
        : m_root(root), m_path(path), m_apply(apply)
    {}

    // dot-prop 10: walk existing objects; create `[]` for a missing or
    // primitive parent whose next segment is numeric, `{}` otherwise.
    Result<void> runDotProp10(const Json &value)
    {
        const auto &segments = m_path.segments();
        Slot slot = Slot::storedAt(m_root, true);
        for (std::size_t i = 0; i < segments.size(); ++i) {
            const std::string &key = segments[i];
            if (i + 1 == segments.size())
                return assign(slot, key, value).kind == Kind::Throws ? failure() : Result<void>();
            Slot existing = lookup(slot, key);
            if (existing.kind == Kind::Throws)
                return poisonedAccess(key);
            if (!existing.isObjectLike()) {
                const bool array = KeyPath::isNumericSegment(segments[i + 1]);
                existing = assign(slot, key, array ? Json::array() : Json::object());
                if (existing.kind == Kind::Throws)
                    return failure();
            }
            slot = existing;
        }
        return {};
    }

    // dot-prop 6: any non-object on the way, the last segment included, is
    // first replaced by `{}`; then the last segment gets the value.
    Result<void> runDotProp6(const Json &value)
    {
        const auto &segments = m_path.segments();
        Slot slot = Slot::storedAt(m_root, true);
        for (std::size_t i = 0; i < segments.size(); ++i) {
            const std::string &key = segments[i];
            Slot existing = lookup(slot, key);
            if (existing.kind == Kind::Throws)
                return poisonedAccess(key);
            if (!existing.isObjectLike()) {
                existing = assign(slot, key, Json::object());
                if (existing.kind == Kind::Throws)
                    return failure();
            }
            if (i + 1 == segments.size())
                return assign(slot, key, value).kind == Kind::Throws ? failure() : Result<void>();
            slot = existing;
        }
        return {};
    }

private:
    // `slot[key] = value`. Returns where the value now is, or Throws with
    // m_failure set.
    Slot assign(const Slot &slot, const std::string &key, const Json &value)
    {
        switch (slot.kind) {
        case Kind::Stored:
            if (slot.stored->is_object()) {
                if (!m_apply)
                    return Slot::fresh(value.is_array());
                return Slot::storedAt(js::assignMember(*slot.stored, key, value), false);
            }
            if (slot.stored->is_array())
                return assignToArray(*slot.stored, key, value);
            break;
        case Kind::Function:
            if (key == "name" || key == "length")
                return fail(QStringLiteral("it would assign the read-only `%1` of a built-in "
                                           "method (TypeError)")
                                .arg(QString::fromStdString(key)));
            if (key == "arguments" || key == "caller")
                return poisonedAccessSlot(key);
            return Slot::fresh(value.is_array()); // lands on the method, not in the file
        case Kind::Fresh:
            return Slot::fresh(value.is_array());
        default:
            break;
        }
        // Only a number is left: an array's `length` walked through.
        return fail(QStringLiteral("it would create property `%1` on a number, an array's "
                                   "length (TypeError)")
                        .arg(QString::fromStdString(key)));
    }

    Slot assignToArray(Json &array, const std::string &key, const Json &value)
    {
        std::optional<std::uint64_t> newLength;
        std::optional<std::uint32_t> index = js::arrayIndex(key);
        if (index) {
            newLength = std::max<std::uint64_t>(array.size(), std::uint64_t(*index) + 1);
        } else if (key == "length") {
            newLength = js::arrayLengthFrom(value);
            if (!newLength)
                return fail(QStringLiteral("an array's length must be a whole number from 0 to "
                                           "4294967295, not %1 (RangeError: Invalid array length)")
                                .arg(QString::fromStdString(value.dump())));
        } else {
            // A named property on an array: JSON.stringify drops it.
            return Slot::fresh(value.is_array());
        }
        if (*newLength > kMaxArrayLength)
            return fail(QStringLiteral("the array would grow to %1 elements; the limit is %2")
                            .arg(*newLength)
                            .arg(kMaxArrayLength));
        if (!m_apply)
            return index ? Slot::fresh(value.is_array()) : Slot::computedValue(Json(*newLength));
        array.get_ref<Json::array_t &>().resize(*newLength); // holes are written as null
        if (!index)
            return Slot::computedValue(Json(*newLength));
        array[*index] = value;
        return Slot::storedAt(array[*index]);
    }

    Slot fail(QString why)
    {
        m_failure = std::move(why);
        return Slot::make(Kind::Throws);
    }
    Slot poisonedAccessSlot(const std::string &key)
    {
        return fail(QStringLiteral("it would touch `%1` of a built-in method, which throws "
                                   "(TypeError)")
                        .arg(QString::fromStdString(key)));
    }
    Result<void> poisonedAccess(const std::string &key)
    {
        poisonedAccessSlot(key);
        return failure();
    }
    Result<void> failure() const
    {
        return operationError(m_path, QStringLiteral("Setting %1 fails in the app's store, which "
                                                     "leaves the file unchanged: %2.")
                                          .arg(dottedKey(m_path), m_failure));
    }

    Json &m_root;
    const KeyPath &m_path;
    bool m_apply;
    QString m_failure;
};

} // namespace

const Json *findValue(const Json &root, const KeyPath &path)
{
    if (path.isEmpty())
        return &root; // the whole document, as in JSON Pointer
    if (!root.is_object() || path.isRefused())
        return nullptr;
    const Slot slot = walkForGet(root, path);
    return slot.kind == Kind::Stored ? slot.stored : nullptr;
}

std::optional<Json> getValue(const Json &root, const KeyPath &path)
{
    if (path.isEmpty())
        return root;
    if (!root.is_object() || path.isRefused())
        return std::nullopt;
    const Slot slot = walkForGet(root, path);
    if (slot.kind == Kind::Stored || slot.kind == Kind::Computed)
        return *slot.value();
    return std::nullopt;
}

bool hasValue(const Json &root, const KeyPath &path)
{
    if (path.isEmpty())
        return true;
    if (!root.is_object() || path.isRefused())
        return false;
    Slot slot = Slot::storedAt(mutableRoot(root), true);
    for (const std::string &key : path.segments()) {
        if (!slot.isObjectLike() || !hasProperty(slot, key))
            return false;
        slot = lookup(slot, key);
        if (slot.kind == Kind::Throws)
            return false;
    }
    return true;
}

Result<void> setValue(Json &root, const KeyPath &path, Json value, KeyDialect dialect)
{
    if (path.isEmpty())
        return operationError(path, QStringLiteral("Setting needs a key; the whole document "
                                                   "cannot be replaced this way."));
    if (!root.is_object())
        return operationError(path, QStringLiteral("The document is not a JSON object."));
    if (path.isRefused())
        return {}; // dot-prop ignores the key

    // Dry run first: dot-prop may throw after creating parents, and conf then
    // writes nothing, so nothing may change here either.
    for (const bool apply : {false, true}) {
        SetWalk walk(root, path, apply);
        Result<void> result =
            dialect == KeyDialect::DotProp6 ? walk.runDotProp6(value) : walk.runDotProp10(value);
        if (!result.ok())
            return result;
    }
    return {};
}

Result<bool> deleteValue(Json &root, const KeyPath &path)
{
    if (path.isEmpty())
        return operationError(path, QStringLiteral("Deleting needs a key; the whole document "
                                                   "cannot be deleted."));
    if (!root.is_object() || path.isRefused())
        return false;
    Slot slot = Slot::storedAt(root, true);
    const auto &segments = path.segments();
    for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
        slot = lookup(slot, segments[i]);
        if (slot.kind == Kind::Throws)
            return operationError(path,
                                  QStringLiteral("Deleting %1 fails in the app's store: it "
                                                 "touches `%2` of a built-in method "
                                                 "(TypeError).")
                                      .arg(dottedKey(path), QString::fromStdString(segments[i])));
        if (!slot.isObjectLike())
            return false;
    }

    const std::string &key = segments.back();
    if (slot.kind == Kind::Function)
        return key == "name" || key == "length"; // own, deletable, not in the file
    if (slot.kind != Kind::Stored)
        return false;
    Json &container = *slot.stored;
    if (container.is_object()) {
        auto &members = container.get_ref<Json::object_t &>();
        return members.erase(key) > 0;
    }
    if (key == "length")
        return operationError(path, QStringLiteral("Deleting %1 fails in the app's store: an "
                                                   "array's length cannot be deleted "
                                                   "(TypeError).")
                                        .arg(dottedKey(path)));
    const std::optional<std::uint32_t> index = js::arrayIndex(key);
    if (!index || *index >= container.size())
        return false;
    container[*index] = nullptr; // the hole JSON.stringify writes as null
    return true;
}

} // namespace tad
