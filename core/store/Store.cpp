#include "Store.h"

#include "DocumentChanges.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace tad {
namespace {

// conf keeps its own bookkeeping under this key and refuses to let callers
// touch it; so do we.
constexpr std::string_view kInternalKey = "__internal__";

// A writer that keeps racing us this often is not going to stop; give up
// with the file holding a merged state rather than loop forever.
constexpr int kMaxMergeAttempts = 64;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::optional<Json> valueAt(const Json &doc, const KeyPath &path)
{
    if (const Json *v = findValue(doc, path))
        return *v;
    return std::nullopt;
}

bool sameValue(const std::optional<Json> &a, const std::optional<Json> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || jsEqual(*a, *b);
}

std::string styleName(const TextStyle &style)
{
    switch (style.indent) {
    case TextStyle::Indent::Compact: return "compact";
    case TextStyle::Indent::Tabs: return "tabs";
    case TextStyle::Indent::Spaces: return std::to_string(style.spaces) + " spaces";
    }
    return "compact";
}

} // namespace

// A listener's key and its value before a change, captured only for keys
// that a change can reach.
struct Store::Watched
{
    ListenerEntry listener; // a copy: a listener may unsubscribe while others run
    std::optional<Json> before;
};

void Store::Subscription::unsubscribe()
{
    if (auto store = m_store.lock()) {
        auto &listeners = (*store)->m_listeners;
        listeners.erase(std::remove_if(listeners.begin(), listeners.end(),
                                       [this](const ListenerEntry &e) { return e.id == m_id; }),
                        listeners.end());
    }
    m_store.reset();
}

Json StoreInfo::toJson() const
{
    Json keysJson = Json::array();
    for (const auto &k : keys)
        keysJson.push_back(k);
    Json out = {{"path", path.toStdString()},
                {"exists", exists},
                {"size", size},
                {"keys", keysJson},
                {"version", version},
                {"mode", QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0')).toStdString()},
                {"style", style}};
    out["confMigrationVersion"] = confMigrationVersion ? *confMigrationVersion : Json();
    return out;
}

Store::Store(QString path, StoreOptions options, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_options(options),
      m_self(std::make_shared<Store *>(this))
{
    qRegisterMetaType<tad::ChangeEvent>();
}

Store::~Store() = default;

void Store::removeHook(StoreHook *hook)
{
    m_hooks.erase(std::remove(m_hooks.begin(), m_hooks.end(), hook), m_hooks.end());
}

Result<void> Store::open()
{
    PerformanceMonitor::Scope scope(m_monitor, "open", {});
    auto snapshot = readFile(m_path);
    if (!snapshot)
        return snapshot.error();
    auto adopted = adopt(std::move(snapshot.value()));
    if (!adopted)
        return adopted;
    m_opened = true;
    scope.finish(false);
    return {};
}

Result<KeyPath> Store::parseKey(const std::string &key) const
{
    auto path = KeyPath::parse(key, m_options.dialect);
    if (!path)
        return path.error();
    if (!path->isEmpty() && path->segments().front() == kInternalKey) {
        Error e = makeError(ErrorCode::Usage,
                            QStringLiteral("the key \"%1\" is reserved for the Electron app's own "
                                           "bookkeeping and cannot be changed here")
                                .arg(QString::fromStdString(key)));
        e.key = QString::fromStdString(key);
        return e;
    }
    return path;
}

Result<void> Store::refreshIfStale()
{
    if (!m_opened)
        return open();
    auto stamp = statFile(m_path);
    if (!stamp)
        return stamp.error();
    if (*stamp == m_stamp)
        return {};
    auto snapshot = readFile(m_path);
    if (!snapshot)
        return snapshot.error();
    return adopt(std::move(snapshot.value()));
}

Result<bool> Store::refresh()
{
    const std::string bytesBefore = m_bytes;
    auto snapshot = readFile(m_path);
    if (!snapshot)
        return snapshot.error();
    if (snapshot->stamp.exists == m_exists && snapshot->bytes == m_bytes) {
        m_stamp = snapshot->stamp;
        return false;
    }
    auto adopted = adopt(std::move(snapshot.value()));
    if (!adopted)
        return adopted.error();
    return m_bytes != bytesBefore;
}

// Takes a version of the file read from disk as the current document. A
// file that cannot be parsed is refused and the last good state is kept.
Result<void> Store::adopt(FileSnapshot snapshot)
{
    Json doc = Json::object();
    TextStyle style;
    std::vector<Error> warnings;
    if (snapshot.stamp.exists) {
        auto parsed = parseDocument(snapshot.bytes, m_path);
        if (!parsed)
            return parsed.error();
        doc = std::move(parsed->value);
        style = parsed->style;
        for (const auto &dup : parsed->duplicates) {
            Error w = makeError(ErrorCode::Unreadable,
                                QStringLiteral("the key \"%1\" appears more than once; the "
                                               "Electron app uses the last one. Remove the other "
                                               "by hand before changing settings here")
                                    .arg(QString::fromStdString(dup.pointer)));
            w.file = m_path;
            w.line = dup.line;
            w.column = dup.column;
            warnings.push_back(std::move(w));
        }
    }
    const bool external = m_opened;
    Json previous = std::move(m_doc);
    m_doc = std::move(doc);
    m_bytes = std::move(snapshot.bytes);
    m_stamp = snapshot.stamp;
    m_exists = snapshot.stamp.exists;
    if (m_exists)
        m_style = style;
    m_warnings = std::move(warnings);
    m_hasDuplicates = !m_warnings.empty();
    for (auto *hook : m_hooks)
        hook->documentAdopted(m_doc, m_bytes, external);
    if (external) {
        emitDocumentChanges(previous, m_doc, ChangeSource::External);
        Q_EMIT reloaded();
    }
    return {};
}

Result<std::optional<Json>> Store::get(const std::string &key)
{
    PerformanceMonitor::Scope scope(m_monitor, "get", key);
    auto path = KeyPath::parse(key, m_options.dialect);
    if (!path)
        return path.error();
    if (auto fresh = refreshIfStale(); !fresh)
        return fresh.error();
    std::optional<Json> value = valueAt(m_doc, *path);
    scope.finish(false);
    return value;
}

Result<bool> Store::has(const std::string &key)
{
    PerformanceMonitor::Scope scope(m_monitor, "has", key);
    auto path = KeyPath::parse(key, m_options.dialect);
    if (!path)
        return path.error();
    if (auto fresh = refreshIfStale(); !fresh)
        return fresh.error();
    const bool present = hasValue(m_doc, *path);
    scope.finish(false);
    return present;
}

Result<Json> Store::getAll()
{
    PerformanceMonitor::Scope scope(m_monitor, "getAll", {});
    if (auto fresh = refreshIfStale(); !fresh)
        return fresh.error();
    scope.finish(false);
    return m_doc;
}

Result<StoreInfo> Store::info()
{
    if (auto fresh = refreshIfStale(); !fresh)
        return fresh.error();
    StoreInfo info;
    info.path = QFileInfo(m_path).absoluteFilePath();
    info.exists = m_exists;
    info.size = qint64(m_bytes.size());
    for (const auto *member : jsMemberOrder(m_doc.get_ref<const Json::object_t &>()))
        info.keys.push_back(member->first);
    const auto version = m_doc.find("version");
    info.version = (version != m_doc.end() && version->is_string()) ? version->get<std::string>()
                                                                     : std::string("1.0.0");
    if (const Json *marker = findValue(
            m_doc, KeyPath::fromSegments({std::string(kInternalKey), "migrations", "version"})))
        info.confMigrationVersion = *marker;
    info.mode = m_stamp.mode & 07777;
    info.style = styleName(m_style);
    return info;
}

Result<void> Store::set(const std::string &key, Json value, ChangeSource source)
{
    auto path = parseKey(key);
    if (!path)
        return path.error();
    return apply({StoreOp::set(std::move(path.value()), std::move(value))}, source, "set");
}

Result<void> Store::setMultiple(const Json &object, ChangeSource source)
{
    if (!object.is_object())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("set-multiple takes a JSON object of {\"key\": value} "
                                        "pairs, for example {\"settings.theme\":\"dark\"}"));
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

Result<void> Store::applyOps(Json &doc, const std::vector<StoreOp> &ops) const
{
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
            // conf's clear() empties the store; its own bookkeeping stays.
            Json kept = Json::object();
            if (auto it = doc.find(std::string(kInternalKey)); it != doc.end())
                kept[std::string(kInternalKey)] = std::move(*it);
            doc = std::move(kept);
            break;
        }
        }
    }
    return {};
}

Error Store::writeBlocked() const
{
    Error e = m_warnings.front();
    e.message = QStringLiteral("not changed: ") + e.message;
    return e;
}

Result<void> Store::apply(const std::vector<StoreOp> &ops, ChangeSource source,
                          const std::string &operationName)
{
    std::string monitorKey;
    for (const auto &op : ops) {
        if (!monitorKey.empty())
            monitorKey += ",";
        monitorKey += op.kind == StoreOp::Kind::Clear ? std::string("*") : op.path.toDotted(m_options.dialect);
    }
    PerformanceMonitor::Scope scope(m_monitor, operationName, monitorKey);

    // Compare with the file as it is now: the other writer may have changed it.
    if (!m_opened) {
        if (auto opened = open(); !opened)
            return opened;
    }
    auto current = readFile(m_path);
    if (!current)
        return current.error();
    if (current->stamp.exists != m_exists || current->bytes != m_bytes) {
        if (auto adopted = adopt(std::move(current.value())); !adopted)
            return adopted;
    } else {
        m_stamp = current->stamp;
    }
    if (m_hasDuplicates)
        return writeBlocked();

    if (m_options.createDirectory && !m_exists) {
        const QString dir = QFileInfo(m_path).absolutePath();
        if (!QDir().mkpath(dir)) {
            Error e = makeError(ErrorCode::Unreadable,
                                QStringLiteral("cannot create the folder %1; check that its parent "
                                               "exists and is writable")
                                    .arg(dir));
            e.file = m_path;
            return e;
        }
    }

    // What is on disk now, as far as we know, and the document to change.
    std::optional<std::string> expectedOnDisk =
        m_exists ? std::optional<std::string>(m_bytes) : std::nullopt;
    Json base = std::move(m_doc);

    for (int attempt = 0; attempt < kMaxMergeAttempts; ++attempt) {
        std::vector<std::optional<Json>> oldValues;
        oldValues.reserve(ops.size());
        for (const auto &op : ops)
            oldValues.push_back(op.kind == StoreOp::Kind::Clear ? std::optional<Json>(base)
                                                                : valueAt(base, op.path));
        // Listener keys above an op's path need their whole old value.
        m_doc = std::move(base);
        std::vector<Watched> watched = snapshotWatched(ops);
        const std::string bytesBefore = expectedOnDisk.value_or(std::string());

        if (auto applied = applyOps(m_doc, ops); !applied) {
            auto reparsed = parseDocument(bytesBefore, m_path);
            m_doc = (expectedOnDisk && reparsed) ? std::move(reparsed->value) : Json::object();
            return applied;
        }
        std::string newBytes = stringify(m_doc, m_style);

        if (expectedOnDisk && newBytes == *expectedOnDisk) {
            // Nothing changes on disk: no write, no event.
            scope.finish(false);
            return {};
        }

        PendingChange pending{bytesBefore, m_doc, ops, oldValues, source, operationName};
        for (auto *hook : m_hooks) {
            if (auto allowed = hook->beforeWrite(pending); !allowed) {
                // Back to the file's state: it parsed a moment ago.
                auto reparsed = parseDocument(bytesBefore, m_path);
                m_doc = (expectedOnDisk && reparsed) ? std::move(reparsed->value) : Json::object();
                return allowed;
            }
        }

        WriteOptions writeOptions;
        writeOptions.learnPrevious = true;
        auto outcome = replaceFile(m_path, newBytes, writeOptions);
        if (!outcome) {
            auto reparsed = parseDocument(bytesBefore, m_path);
            m_doc = (expectedOnDisk && reparsed) ? std::move(reparsed->value) : Json::object();
            return outcome.error();
        }

        if (outcome->previous == expectedOnDisk) {
            m_bytes = std::move(newBytes);
            m_stamp = outcome->stamp;
            m_exists = true;
            for (auto *hook : m_hooks)
                hook->afterWrite(pending, m_bytes);
            emitOpChanges(ops, std::move(watched), oldValues, source);
            scope.finish(false);
            return {};
        }

        // Another writer replaced the file between our read and our rename:
        // the file now holds our version without their change. Take theirs
        // as the new base and apply our operations again.
        std::optional<std::string> theirs = std::move(outcome->previous);
        Json theirDoc = Json::object();
        if (theirs) {
            auto parsed = parseDocument(*theirs, m_path);
            if (!parsed) {
                // They left a file we cannot read: put it back as it was and stop.
                Error e = parsed.error();
                if (auto restored = replaceFile(m_path, *theirs, {}); !restored)
                    e.message += QStringLiteral(" (putting that version back failed too: %1)")
                                     .arg(restored.error().message);
                return e;
            }
            theirDoc = std::move(parsed->value);
        }
        // Report their change relative to what we had before ours.
        auto previousState = parseDocument(bytesBefore, m_path);
        const Json previousDoc =
            (expectedOnDisk && previousState) ? std::move(previousState->value) : Json::object();
        emitDocumentChanges(previousDoc, theirDoc, ChangeSource::External);
        for (auto *hook : m_hooks)
            hook->documentAdopted(theirDoc, theirs.value_or(std::string()), true);
        base = std::move(theirDoc);
        expectedOnDisk = std::move(newBytes);
    }
    Error e = makeError(ErrorCode::Conflict,
                        QStringLiteral("another program kept rewriting the file while this "
                                       "change was being saved; the file holds the change merged "
                                       "onto its latest version, but retry to be sure"));
    e.file = m_path;
    m_opened = false; // re-read everything on the next call
    return e;
}

std::vector<Store::Watched> Store::snapshotWatched(const std::vector<StoreOp> &ops) const
{
    std::vector<Watched> watched;
    for (const auto &listener : m_listeners) {
        if (listener.key == "*")
            continue;
        const bool reached = std::any_of(ops.begin(), ops.end(), [&](const StoreOp &op) {
            return op.kind == StoreOp::Kind::Clear || listener.path.isPrefixOf(op.path) ||
                   op.path.isPrefixOf(listener.path);
        });
        if (reached)
            watched.push_back({listener, valueAt(m_doc, listener.path)});
    }
    return watched;
}

void Store::emitOpChanges(const std::vector<StoreOp> &ops, std::vector<Watched> watched,
                          const std::vector<std::optional<Json>> &oldValues, ChangeSource source)
{
    const qint64 now = nowMs();
    std::vector<ChangeEvent> starEvents;
    for (size_t i = 0; i < ops.size(); ++i) {
        const StoreOp &op = ops[i];
        if (op.kind == StoreOp::Kind::Clear) {
            for (const auto &change : changedKeys(*oldValues[i], m_doc)) {
                ChangeEvent e;
                e.key = change.path.toDotted(m_options.dialect);
                if (change.before)
                    e.oldValue = *change.before;
                if (change.after)
                    e.newValue = *change.after;
                e.timestampMs = now;
                e.source = source;
                starEvents.push_back(std::move(e));
            }
            continue;
        }
        std::optional<Json> after = valueAt(m_doc, op.path);
        if (sameValue(oldValues[i], after))
            continue;
        ChangeEvent e;
        e.key = op.path.toDotted(m_options.dialect);
        e.oldValue = oldValues[i];
        e.newValue = std::move(after);
        e.timestampMs = now;
        e.source = source;
        starEvents.push_back(std::move(e));
    }
    for (const auto &e : starEvents)
        deliver(e, true, false);

    for (auto &w : watched) {
        std::optional<Json> after = valueAt(m_doc, w.listener.path);
        if (sameValue(w.before, after))
            continue;
        ChangeEvent e;
        e.key = w.listener.key;
        e.oldValue = std::move(w.before);
        e.newValue = std::move(after);
        e.timestampMs = now;
        e.source = source;
        const quint64 id = w.listener.id;
        const bool stillSubscribed = std::any_of(
            m_listeners.begin(), m_listeners.end(), [id](const ListenerEntry &l) { return l.id == id; });
        if (stillSubscribed)
            w.listener.fn(e);
    }
}

void Store::emitDocumentChanges(const Json &before, const Json &after, ChangeSource source)
{
    const qint64 now = nowMs();
    const auto changes = changedKeys(before, after);
    if (changes.empty())
        return;
    for (const auto &change : changes) {
        ChangeEvent e;
        e.key = change.path.toDotted(m_options.dialect);
        if (change.before)
            e.oldValue = *change.before;
        if (change.after)
            e.newValue = *change.after;
        e.timestampMs = now;
        e.source = source;
        deliver(e, true, false);
    }
    std::vector<ListenerEntry> keyed;
    for (const auto &l : m_listeners) {
        if (l.key != "*")
            keyed.push_back(l);
    }
    for (const auto &l : keyed) {
        const bool reached = std::any_of(changes.begin(), changes.end(), [&](const KeyChange &c) {
            return l.path.isPrefixOf(c.path) || c.path.isPrefixOf(l.path);
        });
        if (!reached)
            continue;
        std::optional<Json> was = valueAt(before, l.path);
        std::optional<Json> is = valueAt(after, l.path);
        if (sameValue(was, is))
            continue;
        ChangeEvent e;
        e.key = l.key;
        e.oldValue = std::move(was);
        e.newValue = std::move(is);
        e.timestampMs = now;
        e.source = source;
        l.fn(e);
    }
}

void Store::deliver(const ChangeEvent &event, bool toStarListeners, bool toKeyListeners)
{
    Q_EMIT changed(event);
    if (!toStarListeners && !toKeyListeners)
        return;
    std::vector<Listener> targets;
    for (const auto &l : m_listeners) {
        if ((toStarListeners && l.key == "*") || (toKeyListeners && l.key != "*"))
            targets.push_back(l.fn);
    }
    for (const auto &fn : targets)
        fn(event);
}

Store::Subscription Store::onChange(const std::string &key, Listener listener)
{
    ListenerEntry entry;
    entry.id = m_nextListenerId++;
    entry.key = key;
    if (key != "*") {
        auto path = KeyPath::parse(key, m_options.dialect);
        entry.path = path ? path.value() : KeyPath::fromSegments({key});
    }
    entry.fn = std::move(listener);
    m_listeners.push_back(std::move(entry));
    Subscription s;
    s.m_store = m_self;
    s.m_id = m_listeners.back().id;
    return s;
}

} // namespace tad
