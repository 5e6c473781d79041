#include "RecentWrites.h"

#include "StoreUtil.h"

#include <algorithm>

namespace tad {
using storeutil::valueAt;

bool RecentWrites::Entry::heldBefore(const std::optional<Json> &value) const
{
    return std::any_of(earlier.begin(), earlier.end(), [&](const std::optional<Json> &v) {
        return storeutil::sameValue(v, value);
    });
}

void RecentWrites::expire(qint64 nowMs)
{
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                   [nowMs](const Entry &e) { return nowMs - e.atMs > kWindowMs; }),
                    m_entries.end());
}

void RecentWrites::record(const KeyPath &path, std::optional<Json> before,
                          std::optional<Json> after, ChangeSource source, qint64 nowMs)
{
    expire(nowMs);
    auto it = std::find_if(m_entries.begin(), m_entries.end(),
                           [&](const Entry &e) { return e.path == path; });
    if (it == m_entries.end()) {
        m_entries.push_back({path, {std::move(before)}, std::move(after), source, nowMs});
        return;
    }
    const bool again = storeutil::sameValue(after, it->latest);
    // A value this key has held before is a put-back (or a war), not a new
    // change: the count of put-backs goes on.
    if (!again && !it->heldBefore(after))
        it->reapplied = 0;
    if (!again && !it->heldBefore(it->latest))
        it->earlier.push_back(std::move(it->latest));
    // Our write carrying the other writer's displaced change back keeps it
    // theirs; a new value of ours makes it ours.
    if (!(again && it->source == ChangeSource::External))
        it->source = source;
    it->latest = std::move(after);
    it->atMs = nowMs;
}

RecentWrites::Verdict RecentWrites::examine(const Json &external,
                                            const std::vector<KeyPath> &changed, qint64 nowMs)
{
    expire(nowMs);
    // A change the version makes that only takes back one of this
    // program's own recent changes (the other writer's changes it displaced
    // and keeps watching, source External, are theirs): at or under our
    // key, or a parent of it the version removed whole. A third value for
    // our key, or a change beside it (an item added to the list we set an
    // item of), is the other writer's own change, as a race carries.
    const auto takesBackOurs = [&](const KeyPath &path) {
        return std::any_of(m_entries.begin(), m_entries.end(), [&](const Entry &e) {
            if (e.source == ChangeSource::External || !e.heldBefore(valueAt(external, e.path)))
                return false;
            return e.path.isPrefixOf(path) ||
                   (path.isPrefixOf(e.path) && !valueAt(external, path).has_value());
        });
    };
    const bool onlyOurKeys =
        !changed.empty() && std::all_of(changed.begin(), changed.end(), takesBackOurs);
    Verdict verdict;
    std::vector<Entry> kept;
    for (auto &entry : m_entries) {
        std::optional<Json> theirs = valueAt(external, entry.path);
        if (storeutil::sameValue(theirs, entry.latest)) {
            kept.push_back(std::move(entry));
            continue;
        }
        const bool undone = entry.heldBefore(theirs);
        if (undone && !onlyOurKeys && entry.reapplied < kMaxReapplies) {
            ++entry.reapplied;
            verdict.reapply.push_back({entry.path, entry.latest, entry.source});
            kept.push_back(std::move(entry));
        } else {
            verdict.conflicts.push_back({entry.path, entry.earlier.front(), std::move(theirs),
                                         std::move(entry.latest), entry.source});
        }
    }
    m_entries = std::move(kept);
    return verdict;
}

} // namespace tad
