// Our recent writes, remembered for a few seconds so that a version of the
// file written by the Electron app can be checked against them.
//
// conf's set() is read-modify-write without a lock. If it read the file just
// before our write and wrote just after, its version carries our key's
// earlier value: our change was undone without anyone meaning to. That looks
// the same as a deliberate revert to the same value, so the window is kept
// short (a racing conf write lands within milliseconds).
#pragma once

#include "ChangeEvent.h"
#include "keys/KeyPath.h"

#include "json/Json.h"
#include <optional>
#include <vector>

namespace tad {

class RecentWrites
{
public:
    static constexpr qint64 kWindowMs = 3000;
    // How often one key's change is put back within the window before a
    // version that undoes it again counts as meant (a conflict, theirs
    // kept). A conf burst racing our writes undoes one change up to about a
    // dozen times (tst_watchrace fails at 8 and passes at 16); two of our
    // programs whose records of one key undo each other (the window's edit
    // and a `set` back to the earlier value) would otherwise write in turn
    // for as long as each put-back keeps the other's record fresh.
    static constexpr int kMaxReapplies = 64;

    struct Conflict
    {
        KeyPath path;
        std::optional<Json> base;   // before our change
        std::optional<Json> theirs; // in the external version
        std::optional<Json> ours;   // what we wrote
        // External: a change of the other writer's that we displaced and
        // watched, not one of ours (nothing to tell the person).
        ChangeSource source = ChangeSource::Cli;
    };
    struct Verdict
    {
        struct Reapply
        {
            KeyPath path;
            std::optional<Json> value; // nullopt: delete again
            ChangeSource source;
        };
        std::vector<Reapply> reapply;
        std::vector<Conflict> conflicts;
    };

    void record(const KeyPath &path, std::optional<Json> before, std::optional<Json> after,
                ChangeSource source, qint64 nowMs);
    // Compares an external version with what we wrote; conflicting keys are
    // forgotten (the file keeps theirs), raced ones stay remembered.
    // `changed`: where the version differs from the one we held. A racing
    // read-modify-write carries the other writer's own change as well; a
    // version that changes nothing but keys we wrote (taking them back to
    // an earlier value, or deleting them) was written after reading ours:
    // it is meant, a conflict the file keeps, not a race to put right.
    Verdict examine(const Json &external, const std::vector<KeyPath> &changed, qint64 nowMs);
    void clear() { m_entries.clear(); }
    bool isEmpty() const { return m_entries.empty(); }

private:
    struct Entry
    {
        KeyPath path;
        std::vector<std::optional<Json>> earlier; // the value before us, then values we replaced
        std::optional<Json> latest;               // what we wrote last
        ChangeSource source = ChangeSource::Cli;
        qint64 atMs = 0;
        int reapplied = 0; // put back since its value was last new to it
        // `value` is one the key had before our change or one we replaced:
        // a version holding it took our change back.
        bool heldBefore(const std::optional<Json> &value) const;
    };
    void expire(qint64 nowMs);
    std::vector<Entry> m_entries;
};

} // namespace tad
