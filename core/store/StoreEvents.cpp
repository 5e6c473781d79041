// The Store's change events: who is told what, and when.
#include "DocumentChanges.h"
#include "Store.h"
#include "StoreUtil.h"

#include <algorithm>

namespace tad {
using namespace storeutil;

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

std::vector<Store::Watched> Store::snapshotWatched(const std::vector<StoreOp> &ops) const
{
    std::vector<Watched> watched;
    for (const auto &listener : m_listeners) {
        if (listener.key == "*")
            continue;
        const bool reached = std::any_of(ops.begin(), ops.end(), [&](const StoreOp &op) {
            return op.isWholeDocument() || listener.path.isPrefixOf(op.path) ||
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
        if (op.kind == StoreOp::Kind::Test)
            continue;
        if (op.isWholeDocument()) {
            for (const auto &change : changedKeys(*oldValues[i], m_doc)) {
                ChangeEvent e;
                e.key = change.path.toDotted(m_options.dialect);
                e.path = change.path;
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
        e.path = op.path;
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
        e.path = w.listener.path;
        e.oldValue = std::move(w.before);
        e.newValue = std::move(after);
        e.timestampMs = now;
        e.source = source;
        const quint64 id = w.listener.id;
        const bool stillSubscribed =
            std::any_of(m_listeners.begin(), m_listeners.end(),
                        [id](const ListenerEntry &l) { return l.id == id; });
        if (stillSubscribed)
            w.listener.fn(e);
    }
}

void Store::emitDocumentChanges(const Json &before, const Json &after, ChangeSource source)
{
    const qint64 now = nowMs();
    const auto changes = changedKeys(before, after);
    // For checkRecentWrites, which judges the version by what it changed
    // (only while there are recent writes of ours to judge it against).
    m_adoptedChanges.clear();
    if (!m_recent.isEmpty()) {
        for (const auto &change : changes)
            m_adoptedChanges.push_back(change.path);
    }
    if (changes.empty())
        return;
    for (const auto &change : changes) {
        ChangeEvent e;
        e.key = change.path.toDotted(m_options.dialect);
        e.path = change.path;
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
        e.path = l.path;
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
