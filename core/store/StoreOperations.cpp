// The store's operations: set, setMultiple, remove and clear with conf's
// semantics for dot-notation keys, the reserved key, and what each StoreOp
// does to a document (applyOps). Writing the result is MergeWrite's.
#include "DepthLimit.h"
#include "Store.h"
#include "StoreUtil.h"

#include <QStringList>
#include <algorithm>

namespace tad {
using namespace storeutil;
namespace {

bool mentionsInternalKey(const Json &value)
{
    if (value.is_array()) {
        for (const auto &item : value) {
            if (mentionsInternalKey(item))
                return true;
        }
        return false;
    }
    if (!value.is_object())
        return false;
    for (const auto &[key, member] : value.items()) {
        if (key == kInternalKey || mentionsInternalKey(member))
            return true;
    }
    return false;
}

} // namespace

Result<KeyPath> Store::parseKey(const std::string &key) const
{
    auto path = KeyPath::parse(key, m_options.dialect);
    if (!path)
        return path.error();
    if (auto reserved = refuseReservedKey(*path, ChangeSource::Cli); !reserved)
        return reserved.error();
    return path;
}

// conf keeps its own bookkeeping under __internal__; a person's edit may not
// touch it. Restores, rollbacks and migrations carry a whole earlier state,
// its marker included, so they may.
Result<void> Store::refuseReservedKey(const KeyPath &path, ChangeSource source) const
{
    if (!isPersonalEdit(source) || path.isEmpty() || path.segments().front() != kInternalKey)
        return {};
    const QString key = QString::fromStdString(path.toDotted(m_options.dialect));
    Error e = makeError(ErrorCode::Usage,
                        QStringLiteral("the key \"%1\" is reserved for the Electron app's own "
                                       "bookkeeping and cannot be changed here")
                            .arg(key));
    e.key = key;
    return e;
}

Result<void> Store::set(const std::string &key, Json value, ChangeSource source)
{
    auto path = parseKey(key);
    if (!path)
        return path.error();
    // Moved, not copied: copying a value walks it recursively.
    std::vector<StoreOp> ops;
    ops.push_back(StoreOp::set(std::move(path.value()), std::move(value)));
    return apply(ops, source, "set");
}

Result<void> Store::setMultiple(const Json &object, ChangeSource source)
{
    if (!object.is_object())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("set-multiple takes a JSON object of {\"key\": value} "
                                        "pairs, for example {\"settings.theme\":\"dark\"}"));
    // Every key has a segment at least: a member deeper than this is too deep
    // whatever its key, and is refused before anything walks or copies it.
    if (jsonDepth(object) > kMaxJsonDepth)
        return DepthLimit::tooDeep(QStringLiteral("(set-multiple)"), 1, kMaxJsonDepth);
    // conf 15 refuses an object that names __internal__ at any depth.
    if (m_options.dialect == KeyDialect::DotProp10 && mentionsInternalKey(object))
        return makeError(ErrorCode::Usage,
                         QStringLiteral("set-multiple: \"%1\" is reserved for the Electron "
                                        "app's own bookkeeping, at any depth of the object")
                             .arg(QLatin1String(kInternalKey.data(), kInternalKey.size())));
    std::vector<StoreOp> ops;
    // conf walks Object.entries(), which lists integer-like keys first.
    for (const auto *member : jsMemberOrder(object.get_ref<const Json::object_t &>())) {
        auto path = parseKey(member->first);
        if (!path)
            return path.error();
        ops.push_back(StoreOp::set(std::move(path.value()), member->second));
    }
    return apply(ops, source, "setMultiple");
}

Result<void> Store::remove(const std::string &key, ChangeSource source)
{
    auto path = parseKey(key);
    if (!path)
        return path.error();
    return apply({StoreOp::remove(std::move(path.value()))}, source, "delete");
}

Result<void> Store::clear(ChangeSource source)
{
    return apply({StoreOp::clear()}, source, "clear");
}

Result<bool> Store::applyOps(Json &doc, const std::vector<StoreOp> &ops, bool hadDefaults) const
{
    QStringList conflicts;
    for (const auto &op : ops) {
        switch (op.kind) {
        case StoreOp::Kind::Set:
            if (auto done = setValue(doc, op.path, op.value, m_options.dialect); !done)
                return done.error();
            break;
        case StoreOp::Kind::Delete:
            if (auto done = deleteValue(doc, op.path); !done)
                return done.error();
            break;
        case StoreOp::Kind::Clear: {
            // conf's clear() leaves the defaults, then its own bookkeeping.
            Json kept = Json::object();
            if (m_options.fillDefaults)
                m_options.fillDefaults(kept);
            if (auto it = doc.find(std::string(kInternalKey)); it != doc.end())
                kept[std::string(kInternalKey)] = std::move(*it);
            doc = std::move(kept);
            break;
        }
        case StoreOp::Kind::Replace: {
            if (!op.value.is_object())
                return makeError(ErrorCode::Usage,
                                 QStringLiteral("the settings file must hold a JSON object"));
            // Like conf's store setter: its bookkeeping survives a new document
            // that does not carry it.
            Json next = op.value;
            if (!next.contains(std::string(kInternalKey))) {
                if (auto it = doc.find(std::string(kInternalKey)); it != doc.end())
                    next[std::string(kInternalKey)] = std::move(*it);
            }
            doc = std::move(next);
            break;
        }
        case StoreOp::Kind::Test: {
            const std::optional<Json> now = valueAt(doc, op.path);
            const bool holds = op.expectMissing ? !now : (now && jsEqual(*now, op.value));
            if (!holds)
                conflicts << QString::fromStdString(op.path.toDotted(m_options.dialect));
            break;
        }
        }
    }
    if (!conflicts.isEmpty())
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("changed since it was read: %1; look at the new values "
                                        "and try again")
                             .arg(conflicts.join(QStringLiteral(", "))));
    // A document that had all its defaults (our own last write) can only
    // miss some on the way to the keys just changed.
    const bool local = hadDefaults && m_options.fillDefaultsAlong &&
                       std::all_of(ops.begin(), ops.end(), [](const StoreOp &op) {
                           return !op.isWholeDocument() && (op.kind == StoreOp::Kind::Set ||
                                                            op.kind == StoreOp::Kind::Delete ||
                                                            op.kind == StoreOp::Kind::Test);
                       });
    if (local) {
        bool added = false;
        for (const auto &op : ops) {
            if (op.kind != StoreOp::Kind::Test)
                added = m_options.fillDefaultsAlong(doc, op.path.segments()) || added;
        }
        return added;
    }
    return m_options.fillDefaults && m_options.fillDefaults(doc);
}

} // namespace tad
