// The store adopting versions of the file read from disk: whole, parsed or
// as a patch; the recent writes they are checked against and the changes
// of ours they undid, written again; following the file until it is
// quiet; and merging back a write that a killed process left stranded.
#include "DocumentChanges.h"
#include "KeyRead.h"
#include "PatchSplice.h"
#include "Store.h"
#include "StoreUtil.h"
#include "io/ContentHash.h"
#include "io/WriteInFlight.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QScopeGuard>
#include <QThread>
#include <QThreadPool>
#include <fcntl.h>
#include <iterator>
#include <unistd.h>

namespace tad {
using namespace storeutil;

namespace {
// A temp file of the app's written longer ago than this is litter of a
// killed process, not a write in flight (an fsync on a very busy disk takes
// a second or two).
constexpr qint64 kInFlightFreshMs = 5000;
} // namespace

// A writer of ours killed between its exchange and the merge that follows
// left the other writer's version at its temp name, beside a link to the
// version it was based on. The other writer's change is what lies between
// the two; it goes back into the file wherever the file still holds the
// base's value (elsewhere the key changed since, and that newer value stays).
namespace {
// Up to how long after the other writer's displaced version was written a
// value the file holds again is watched at all (then for RecentWrites'
// window from now): its read-modify-write takes milliseconds, seconds on a
// busy disk.
constexpr qint64 kHeldWatchMs = 10000;
} // namespace

Result<void> Store::recoverStrandedWrites()
{
    for (const StrandedWrite &stranded : findStrandedWrites(m_path)) {
        const WriteRecord &files = stranded.files;
        auto temp = files.tempPath.isEmpty() ? Result<FileSnapshot>(FileSnapshot{})
                                             : readFile(files.tempPath);
        auto base = readFile(files.basePath);
        if (!temp || !base || !temp->stamp.exists || !base->stamp.exists) {
            discardWriteRecord(files); // killed before its temp file held anything
            continue;
        }
        const bool sameAsBase =
            temp->stamp.device == base->stamp.device && temp->stamp.inode == base->stamp.inode;
        const bool ownTemp = stranded.tempInode != 0 && temp->stamp.inode == stranded.tempInode;
        if (sameAsBase || ownTemp || contentTag(temp->bytes) == stranded.tag) {
            // It displaced its own base, or never got to the exchange (its
            // temp file, whole or cut short by the kill): nothing of anyone
            // else's is in it.
            discardWriteRecord(files);
            continue;
        }
        auto theirs = parseDocument(temp->bytes, files.tempPath);
        auto before = parseDocument(base->bytes, files.basePath);
        if (!theirs || !before) {
            // Not ours to judge: kept in plain sight, and said so.
            const QString keptAs = displacedCopyPath(m_path);
            if (::rename(QFile::encodeName(files.tempPath).constData(),
                         QFile::encodeName(keptAs).constData()) == 0) {
                Error warning = makeError(
                    ErrorCode::Unreadable,
                    QStringLiteral("a version of the file that an interrupted write replaced "
                                   "does not parse; it is kept as %1 for you to compare")
                        .arg(keptAs));
                warning.file = m_path;
                m_warnings.push_back(std::move(warning));
                discardWriteRecord({files.basePath, QString()});
            }
            continue;
        }
        std::vector<StoreOp> ops;
        struct Held
        {
            KeyPath path;
            std::optional<Json> was;
            Json value;
        };
        std::vector<Held> held;
        for (const auto &change : changedKeys(before->value, theirs->value)) {
            const std::optional<Json> now = valueAt(m_doc, change.path);
            const std::optional<Json> was =
                change.before ? std::optional<Json>(*change.before) : std::nullopt;
            if (change.after && now && storeutil::sameValue(now, *change.after)) {
                held.push_back({change.path, was, *change.after});
                continue; // already back
            }
            if (now != was)
                continue; // changed again since
            // What the displaced version lacks is not put back (the same rule
            // as RecentWrites): it is far more often a key the other writer
            // never saw, because it read one of our intermediate versions,
            // than one it deleted; removing it lost the app's keys.
            if (!change.after)
                continue;
            ops.push_back(StoreOp::set(change.path, *change.after));
        }
        // A change the file holds again may have been put back by the killed
        // writer itself, while a read-modify-write of the other writer's that
        // began on a version without it is still on its way: it is watched
        // like one of ours while this program runs (a one-shot command
        // follows the file), unless the displaced version is long past.
        if (!held.empty() &&
            QDateTime::currentMSecsSinceEpoch() - temp->stamp.mtimeNs / 1000000 <= kHeldWatchMs) {
            for (Held &change : held)
                m_recent.record(change.path, std::move(change.was), std::move(change.value),
                                ChangeSource::External, nowMs());
            m_metOtherWriter = true;
        }
        if (ops.empty()) {
            discardWriteRecord(files);
            continue;
        }
        if (auto merged = apply(ops, ChangeSource::External, "recover-displaced"); !merged)
            return merged;       // the record stays for the next run
        m_metOtherWriter = true; // the other writer was at work when ours was killed
        // A read-modify-write of the other writer's that began before this
        // merge can still drop it: the record stays like one of our own
        // (see apply()) until the file has been followed, or for the next run.
        m_kept.push_back({files, nowMs()});
    }
    return {};
}

// Takes a version of the file read from disk as the current document. A
// file that cannot be parsed is refused and the last good state is kept.
Result<void> Store::adopt(FileSnapshot snapshot)
{
    ParsedDocument parsed;
    parsed.value = Json::object();
    if (snapshot.stamp.exists) {
        auto result = parseDocument(snapshot.bytes, m_path);
        if (!result)
            return unreadableSettingsFile(result.error());
        parsed = std::move(result.value());
    }
    adoptParsed(std::move(snapshot), std::move(parsed));
    return {};
}

void Store::adoptParsed(FileSnapshot snapshot, ParsedDocument parsed)
{
    std::vector<Error> warnings;
    for (const auto &dup : parsed.duplicates)
        warnings.push_back(duplicateKeyWarning(dup, m_options.dialect, m_path));
    const bool external = m_opened;
    Json previous = std::move(m_doc);
    m_doc = std::move(parsed.value);
    m_text = shareText(std::move(snapshot.bytes));
    m_written.reset();
    m_bytesCanonical = false;
    m_stamp = snapshot.stamp;
    m_exists = snapshot.stamp.exists;
    if (m_exists)
        m_style = parsed.style;
    m_warnings = std::move(warnings);
    m_hasDuplicates = !m_warnings.empty();
    if (external)
        emitDocumentChanges(previous, m_doc, m_adoptionSource);
    finishAdoption(external);
    releaseLater(std::move(previous));
}

// After a new version took the place of the old: listeners first (a window
// shows the change before the history has written it down), then hooks.
void Store::finishAdoption(bool external)
{
    if (external)
        Q_EMIT reloaded();
    for (auto *hook : m_hooks)
        hook->documentAdopted(m_doc, m_text, external);
    if (external)
        checkRecentWrites(m_doc);
}

// Freeing a large document takes as long as parsing it; the old version is
// of no use to anyone, so a pool thread frees it while we go on.
void Store::releaseLater(Json document)
{
    if (m_text->size() < 1024 * 1024)
        return; // small: freed here, at once
    auto retired = std::make_shared<Json>(std::move(document));
    QThreadPool::globalInstance()->start([retired]() mutable { retired.reset(); });
}

// An external version that lacks a change we wrote moments ago was based on
// the file as it was before our write: put our change back. One that holds a
// third value for the key is a real conflict: keep theirs and say so.
void Store::checkRecentWrites(const Json &external)
{
    if (m_recent.isEmpty())
        return;
    auto verdict = m_recent.examine(external, m_adoptedChanges, nowMs());
    for (auto &r : verdict.reapply)
        m_pendingReapply.push_back(std::move(r));
    for (const auto &c : verdict.conflicts) {
        if (c.source == ChangeSource::External)
            continue; // the other writer's own change, changed again by it
        ChangeEvent theirs;
        theirs.key = c.path.toDotted(m_options.dialect);
        theirs.path = c.path;
        theirs.newValue = c.theirs;
        theirs.oldValue = c.base;
        theirs.timestampMs = nowMs();
        theirs.source = ChangeSource::External;
        Q_EMIT conflicted(theirs, c.ours ? *c.ours : Json());
    }
}

std::vector<Store::Reapply> Store::takePendingReapplyBySource()
{
    // Runs of one source, in order: a put-back is written as what it was
    // (the app's bookkeeping as the app's, a person's edit as theirs), so
    // one source's rules never judge another's change.
    std::vector<Reapply> runs;
    for (auto &r : m_pendingReapply) {
        if (runs.empty() || runs.back().source != r.source)
            runs.push_back({r.source, {}});
        runs.back().ops.push_back(r.value ? StoreOp::set(std::move(r.path), std::move(*r.value))
                                          : StoreOp::remove(std::move(r.path)));
    }
    m_pendingReapply.clear();
    return runs;
}

Result<bool> Store::adoptVersion(FileSnapshot snapshot, std::optional<ParsedDocument> parsed)
{
    if (snapshot.stamp.exists == m_exists && snapshot.bytes == *m_text) {
        m_stamp = snapshot.stamp;
        return false;
    }
    if (parsed) {
        adoptParsed(std::move(snapshot), std::move(*parsed));
    } else if (auto adopted = adopt(std::move(snapshot)); !adopted) {
        return adopted.error();
    }
    return reapplyDisplaced();
}

Result<void> Store::followUntilQuiet(int quietMs, int budgetMs)
{
    // A write of the app's in flight now whose temp file was written before
    // ours landed (or just after: conf reads, parses and stringifies first)
    // was built on a version without our change, whether or not we met it:
    // follow until it has landed. Its later writes read ours.
    const qint64 readWindowMs = 100 + qint64(m_text->size()) / 1024 / 1024 * 60;
    const bool wrote = m_lastWriteMs != 0;
    const auto appWriting = [this, wrote, readWindowMs] {
        return wrote && anotherWriteInFlight(m_path, nowMs() - kInFlightFreshMs,
                                             m_lastWriteMs + readWindowMs);
    };
    if (!m_metOtherWriter && !appWriting())
        return {};
    // conf parses and stringifies the whole file on each set, and its fsync
    // takes as long as ours: on a busy disk a read-modify-write that began
    // before our write lands long after it, so the wait grows with ours.
    if (quietMs < 0)
        quietMs = 300 + int(qMin<qint64>(qint64(m_text->size()) / 1024 / 1024 * 60, 3000)) +
                  int(qMin<qint64>(4 * m_lastWriteTookMs, 3000));
    QDeadlineTimer budget(budgetMs);
    if (m_lastWriteMs == 0)
        m_lastWriteMs = nowMs();
    // Every late version has been checked: the displaced ones are merged for good.
    const auto done = qScopeGuard([this] { discardKeptRecords(0); });
    // Quiet: no version of theirs for `quietMs` since our last write, and no
    // write of theirs still in flight.
    while (!budget.hasExpired() && (nowMs() - m_lastWriteMs < quietMs || appWriting())) {
        QThread::msleep(5);
        auto stamp = statFile(m_path);
        if (!stamp)
            return stamp.error();
        if (*stamp == m_stamp)
            continue;
        // A new version: adopted, compared with our recent writes and theirs,
        // and whatever it dropped is written again (which restarts the wait).
        if (auto followed = refresh(); !followed)
            return followed.error();
    }
    return {};
}

// Our changes that the adopted version undid are written again.
Result<bool> Store::reapplyDisplaced()
{
    for (const Reapply &run : takePendingReapplyBySource()) {
        if (auto done = apply(run.ops, run.source, "reapply"); !done)
            return done.error();
    }
    return true;
}

std::optional<Result<bool>> Store::adoptPatch(FileSnapshot snapshot, const DocumentPatch &patch)
{
    if (!m_opened || !m_exists || m_hasDuplicates || !snapshot.stamp.exists ||
        !patch.fits(*m_text, snapshot.bytes))
        return std::nullopt;
    // A listener on the patched object or above it wants its whole old value.
    const KeyPath objectPath = KeyPath::fromSegments(patch.objectPath);
    for (const auto &listener : m_listeners) {
        if (listener.key != "*" && listener.path.isPrefixOf(objectPath))
            return std::nullopt;
    }
    auto changes = PatchSplice::apply(m_doc, patch);
    if (!changes)
        return std::nullopt;
    m_text = shareText(std::move(snapshot.bytes));
    m_written.reset();
    m_bytesCanonical = false;
    m_stamp = snapshot.stamp;
    m_style = patch.style;
    emitDocumentChanges(changes->before, changes->after, m_adoptionSource);
    finishAdoption(true);
    return reapplyDisplaced();
}

} // namespace tad
