#include "RecentWrites.h"

#include "StoreUtil.h"

#include <algorithm>

namespace tad {
using storeutil::valueAt;

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
    const auto same = [&](const std::optional<Json> &v) {
        return storeutil::sameValue(v, after);
    };
    // A value this key has held before is a put-back (or a war), not a new
    // change: the count of put-backs goes on.
    if (!same(it->latest) && std::none_of(it->earlier.begin(), it->earlier.end(), same))
        it->reapplied = 0;
    const auto held = [&](const std::optional<Json> &v) {
        return storeutil::sameValue(v, it->latest);
    };
    if (std::none_of(it->earlier.begin(), it->earlier.end(), held))
        it->earlier.push_back(std::move(it->latest));
    // Our write carrying the other writer's displaced change back keeps it
    // theirs; a new value of ours makes it ours.
    if (!(it->source == ChangeSource::External && storeutil::sameValue(after, it->latest)))
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
    const auto undoes = [&](const Entry &e) {
        if (e.source == ChangeSource::External)
            return false;
        const std::optional<Json> theirs = valueAt(external, e.path);
        return std::any_of(e.earlier.begin(), e.earlier.end(), [&](const std::optional<Json> &v) {
            return storeutil::sameValue(v, theirs);
        });
    };
    const auto takesBackOurs = [&](const KeyPath &path) {
        return std::any_of(m_entries.begin(), m_entries.end(), [&](const Entry &e) {
            if (!undoes(e))
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
        const bool undone = std::any_of(
            entry.earlier.begin(), entry.earlier.end(),
            [&](const std::optional<Json> &v) { return storeutil::sameValue(v, theirs); });
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
