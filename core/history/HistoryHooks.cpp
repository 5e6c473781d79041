#include "HistoryHooks.h"

#include "Journal.h"
#include "JsonPatch.h"
#include "SetChanges.h"
#include "io/AtomicFile.h"
#include "keys/KeyPath.h"

#include "json/JsonText.h"
#include <QAbstractEventDispatcher>

namespace tad {

namespace {

Json parsedOrEmpty(const std::string &bytes)
{
    if (bytes.empty())
        return Json::object();
    auto parsed = parseDocument(bytes);
    return parsed ? std::move(parsed->value) : Json::object();
}

// The change set of a write found from its operations alone, without the
// whole previous document: possible when every operation sets a key that
// already existed, no two of them touch the same subtree and the schema's
// defaults added nothing. That is the usual edit, and it saves parsing the
// previous file on every write (most of the cost of recording a change to
// a 1 MB file).
std::optional<std::vector<SetChange>> setsFromOps(const PendingChange &change)
{
    if (change.defaultsAdded)
        return std::nullopt;
    std::vector<size_t> indices;
    for (size_t i = 0; i < change.ops.size(); ++i) {
        const StoreOp &op = change.ops[i];
        if (op.kind == StoreOp::Kind::Test)
            continue;
        if (op.kind != StoreOp::Kind::Set || !change.oldValues[i] || op.path.isEmpty())
            return std::nullopt;
        for (size_t earlier : indices) {
            const KeyPath &other = change.ops[earlier].path;
            if (other.isPrefixOf(op.path) || op.path.isPrefixOf(other))
                return std::nullopt;
        }
        indices.push_back(i);
    }
    std::vector<SetChange> sets;
    for (size_t i : indices) {
        const Json *now = findValue(change.after, change.ops[i].path);
        if (!now)
            return std::nullopt;
        sets.push_back({change.ops[i].path.toPointer(), *change.oldValues[i], *now});
    }
    return sets;
}

// A write that carries earlier changes back (PendingChange::putBacks) is
// recorded as the steps it takes: each run of them, under the source that
// made it, then the write's own change. So rolling back a person's `set`
// leaves the other program's change it carried in place. The versions in
// between were never on disk alone; their names only chain the steps.
struct Steps
{
    std::vector<HistoryEntry> entries;
    Json reached;        // the document after them
    QString hashReached; // and its name
};

std::optional<Steps> putBackSteps(const PendingChange &change, const QString &hashBefore,
                                  const TextStyle &style)
{
    Steps steps{{}, parsedOrEmpty(change.bytesBefore), hashBefore};
    size_t next = 0;
    for (const PutBack &run : change.putBacks) {
        Json reached = steps.reached;
        for (size_t end = next + run.count; next < end; ++next) {
            if (next >= change.ops.size())
                return std::nullopt;
            const StoreOp &op = change.ops[next];
            const bool applied =
                op.kind == StoreOp::Kind::Set
                    ? bool(setValue(reached, op.path, op.value))
                    : op.kind == StoreOp::Kind::Delete && bool(deleteValue(reached, op.path));
            if (!applied)
                return std::nullopt;
        }
        ChangeSet diff = makeChangeSet(steps.reached, reached);
        if (diff.patch.empty())
            continue;
        HistoryEntry entry;
        entry.source = run.source;
        entry.operation = "reapply";
        entry.patch = std::move(diff.patch);
        entry.inverse = std::move(diff.inverse);
        entry.hashBefore = steps.hashReached;
        const std::string text = stringify(reached, style);
        entry.hashAfter = versionHash(text);
        entry.sizeAfter = qint64(text.size());
        steps.hashReached = entry.hashAfter;
        steps.reached = std::move(reached);
        steps.entries.push_back(std::move(entry));
    }
    return steps;
}

} // namespace

bool BackupHook::isCriticalPath(const KeyPath &path)
{
    static const std::vector<KeyPath> critical = {
        KeyPath::fromSegments({"settings"}), KeyPath::fromSegments({"workspaces"}),
        KeyPath::fromSegments({"user"}), KeyPath::fromSegments({"ai", "apiKey"})};
    // Under a critical key (as the seed checks), or above one: setting `ai`
    // whole replaces ai.apiKey too.
    for (const auto &key : critical)
        if (key.isPrefixOf(path) || path.isPrefixOf(key))
            return true;
    return false;
}

Result<void> BackupHook::beforeWrite(const PendingChange &change)
{
    if (change.bytesBefore.empty())
        return {};
    bool clears = false, critical = false;
    for (const auto &op : change.ops) {
        clears = clears || op.kind == StoreOp::Kind::Clear;
        critical = critical || op.isWholeDocument() ||
                   (op.kind != StoreOp::Kind::Test && isCriticalPath(op.path));
    }
    // Restores and migrations take their own backup first.
    if (change.source == ChangeSource::Restore || change.source == ChangeSource::Migration ||
        change.source == ChangeSource::Recovery)
        return {};
    if (!clears && !critical)
        return {};
    if (!clears) {
        const auto newest = m_backups.newestBackupTime();
        if (newest && newest->secsTo(m_backups.now()) < m_burstSeconds &&
            *newest <= m_backups.now())
            return {};
    }
    auto made =
        m_backups.createFromBytes(change.bytesBefore, clears ? QStringLiteral("before-clear")
                                                             : QStringLiteral("critical-key"));
    if (made)
        return {};
    const QString what = clears ? QStringLiteral("clearing the settings")
                                : QStringLiteral("changing an important setting");
    Error e = made.error();
    if (!m_required) {
        e.message = QStringLiteral("changed without a backup (asked for): the backup before "
                                   "%1 could not be written: %2")
                        .arg(what, e.message);
        m_problems.push_back(std::move(e));
        return {};
    }
    e.message = QStringLiteral("not changed: the backup taken before %1 could not be written: %2 "
                               "Fix that and try again, or go ahead without a backup "
                               "(--no-backup on the command line).")
                    .arg(what, e.message);
    e.safetyNet = true;
    return e;
}

void HistoryRecorder::annotateNextAdoption(ChangeSource source, Annotation annotation)
{
    m_adoption.emplace(source, std::move(annotation));
}

void HistoryRecorder::forgetAnnotations()
{
    m_annotation.reset();
    m_adoption.reset();
    m_steps.clear();
}

Result<void> HistoryRecorder::beforeWrite(const PendingChange &change)
{
    if (m_baseDeferred) {
        // The file was missing, or read-only, when first seen; this write
        // goes ahead, from the content it starts from.
        m_baseDeferred = false;
        if (auto head = m_history.head(); head && !head->has_value())
            if (auto written = m_history.setBase(shareText(std::string(change.bytesBefore)));
                !written && m_required)
                return written.error();
    }
    if (!m_required)
        return {};
    auto writable = m_history.checkWritable();
    if (writable)
        return {};
    Error e = writable.error();
    e.message = QStringLiteral("not changed: its history record could not be written: %1 Fix "
                               "that and try again, or go ahead without a record "
                               "(--no-backup on the command line).")
                    .arg(e.message);
    e.safetyNet = true;
    return e;
}

void HistoryRecorder::afterWrite(const PendingChange &change, const SharedText &textAfter)
{
    const std::string &bytesAfter = *textAfter;
    m_lastRecorded.clear();
    const QString hashBefore = nameOf(change.bytesBefore);
    std::vector<HistoryEntry> entries = std::move(m_steps);
    m_steps.clear();
    const auto annotation = std::exchange(m_annotation, std::nullopt);

    const QString hashAfter = versionHash(bytesAfter);
    m_digested = {textAfter, hashAfter}; // the next write's bytes before
    if (entries.empty() || !namesVersion(entries.front().hashBefore, change.bytesBefore) ||
        !namesVersion(entries.back().hashAfter, bytesAfter)) {
        entries.clear();
        std::optional<Steps> steps;
        if (!change.putBacks.empty())
            steps = putBackSteps(change, hashBefore, m_store ? m_store->style() : TextStyle());
        HistoryEntry entry;
        entry.source = change.source;
        entry.operation =
            annotation && !annotation->operation.empty() ? annotation->operation : change.operation;
        if (annotation) {
            entry.label = annotation->label;
            entry.rollbackOf = annotation->rollbackOf;
        }
        ChangeSet diff;
        if (steps) {
            diff = makeChangeSet(steps->reached, change.after);
            entry.hashBefore = steps->hashReached;
            entries = std::move(steps->entries);
        } else if (auto sets = change.putBacks.empty() ? setsFromOps(change) : std::nullopt) {
            diff = changeSetOfSets(*sets);
            entry.sets = std::move(*sets);
            entry.hashBefore = hashBefore;
        } else {
            diff = makeChangeSet(parsedOrEmpty(change.bytesBefore), change.after);
            entry.hashBefore = hashBefore;
        }
        entry.patch = std::move(diff.patch);
        entry.inverse = std::move(diff.inverse);
        entry.hashAfter = hashAfter;
        // A write that only carried changes back has no step of its own.
        if (!entry.patch.empty() || entries.empty() || annotation)
            entries.push_back(std::move(entry));
    } else {
        // Described ahead (a migration's steps) by the version's digest; the
        // chain goes on by the name its last line gave it, an older build's
        // SHA-256 included.
        entries.front().hashBefore = hashBefore;
    }
    for (size_t i = 0; i < entries.size(); ++i) {
        HistoryEntry &entry = entries[i];
        const bool last = i + 1 == entries.size();
        entry.sizeAfter = entry.sizeAfter ? entry.sizeAfter : qint64(bytesAfter.size());
        auto recorded = m_history.record(entry, last ? textAfter : nullptr);
        if (!recorded) {
            report(recorded.error(), QStringLiteral("the change was written, but its history "
                                                    "record was not, so the history misses it"));
            return;
        }
        m_lastRecorded.push_back(std::move(recorded.value()));
    }
    if (m_recorded)
        m_recorded();
}

void HistoryRecorder::reportFlushFailure(Error error)
{
    report(std::move(error), QStringLiteral("the changes were written, but their history records "
                                            "may not have reached the disk"));
}

void HistoryRecorder::report(Error error, const QString &what)
{
    // Returned to the program, which shows it; not logged twice.
    error.message = what + QStringLiteral(": ") + error.message;
    m_problems.push_back(std::move(error));
}

void HistoryRecorder::documentAdopted(const Json &doc, const SharedText &text, bool external)
{
    const std::string &bytes = *text;
    Q_UNUSED(external);
    const QString unknown = QStringLiteral("the file could not be compared with its history, so "
                                           "a change made by another program may be unrecorded");
    auto head = m_history.head();
    if (!head) {
        report(head.error(), unknown);
        return;
    }
    if (!m_recordsReads) {
        // Read, not recorded: the newest entry's bytes, or its hash.
        if (head->has_value()) {
            const HistoryHead &known = **head;
            m_unrecordedChange = known.bytes
                                     ? *known.bytes != bytes
                                     : known.hash.isEmpty() || !namesVersion(known.hash, bytes);
        }
        return;
    }
    if (!head->has_value()) {
        // The first look at this file: it is the base, nothing changed yet,
        // unless we wrote it (a recovery of a file never read before): that
        // is a change, from nothing readable, recorded under its source.
        if (bytes.empty()) {
            // No file yet (or an empty one): the first write starts the
            // history from it, so the history can rebuild what each entry
            // left. Nothing is written for a program that only reads.
            m_baseDeferred = !m_adoption;
            return;
        }
        if (m_adoption) {
            // From an empty base, so the history can rebuild what it left.
            if (auto based = m_history.setBase(emptyText()); !based)
                report(based.error(), QStringLiteral("the history's first copy of the file was "
                                                     "not written"));
            recordExternal(Json::object(), versionHash(std::string()), doc, text);
            return;
        }
        if (!m_startsOnOpen) {
            m_baseDeferred = true;
            return;
        }
        if (m_store) {
            // A file we may not write gets no copy yet: a refused change
            // leaves nothing behind (a read-only file's secrets included).
            if (auto stamp = statFile(m_store->path());
                stamp && !refuseReadOnly(m_store->path(), *stamp)) {
                m_baseDeferred = true;
                return;
            }
        }
        m_baseDeferred = false;
        if (auto written = m_history.setBase(text); !written)
            report(written.error(), QStringLiteral("the history's first copy of the file was not "
                                                   "written, so no change can be recorded yet"));
        return;
    }
    const HistoryHead &known = **head;
    if (known.bytes) {
        rememberOldName(known.hash, *known.bytes);
        if (known.bytes != text && *known.bytes != bytes) {
            m_foundExternal = true;
            recordExternal(parsedOrEmpty(*known.bytes), nameOf(*known.bytes), doc, text);
        }
        return;
    }
    // Only the newest entry's hash is at hand. The file's inode, size and
    // mtime are no proof that it is as the entry left it: a rewrite in place
    // of the same size within the clock's tick (4 ms on ext4) keeps all three,
    // so the content is hashed (a digest: about 0.05 ms per MB).
    if (!known.hash.isEmpty() && namesVersion(known.hash, bytes)) {
        rememberOldName(known.hash, bytes);
        return;
    }
    auto rebuilt = m_history.head(true);
    if (!rebuilt) {
        report(rebuilt.error(), unknown);
        return;
    }
    if (rebuilt->has_value() && (*rebuilt)->document) {
        m_foundExternal = true;
        recordExternal(*(*rebuilt)->document, known.hash, doc, text);
        return;
    }
    // What the newest entry left cannot be rebuilt (its segment's base is
    // gone): the history goes on from the file as it is now.
    Error lost = makeError(ErrorCode::Unreadable,
                           QStringLiteral("what the newest history entry left could not be "
                                          "rebuilt from %1")
                               .arg(m_history.directory()));
    report(std::move(lost), QStringLiteral("a change made by another program since then is "
                                           "unrecorded; the history goes on from the file as it "
                                           "is now"));
    if (auto written = m_history.setBase(text); !written)
        report(written.error(), QStringLiteral("the history's copy of the file was not written"));
}

// Lines of earlier versions name versions by their SHA-256: the next line
// names the same version the same way, so its hashBefore is the line
// before's hashAfter and the chain shows no hole.
void HistoryRecorder::rememberOldName(const QString &hash, const std::string &bytes)
{
    if (isOldVersionName(hash))
        m_oldName = {hash, digestOf(bytes)};
}

QString HistoryRecorder::digestOf(const std::string &bytes) const
{
    // A shared text never changes, and the one held keeps its address ours.
    if (m_digested.first && &bytes == m_digested.first.get())
        return m_digested.second;
    return versionHash(bytes);
}

QString HistoryRecorder::nameOf(const std::string &bytes) const
{
    QString digest = digestOf(bytes);
    return m_oldName && m_oldName->second == digest ? m_oldName->first : digest;
}

void HistoryRecorder::recordExternal(const Json &before, const QString &hashBefore,
                                     const Json &after, const SharedText &textAfter)
{
    const std::string &bytesAfter = *textAfter;
    HistoryEntry entry;
    entry.source = ChangeSource::External;
    entry.operation = "external";
    const auto ours = std::exchange(m_adoption, std::nullopt);
    if (ours) {
        entry.source = ours->first;
        entry.operation = ours->second.operation;
        entry.label = ours->second.label;
    }
    const ChangeSet diff = makeChangeSet(before, after);
    entry.patch = diff.patch;
    entry.inverse = diff.inverse;
    entry.hashBefore = hashBefore;
    entry.hashAfter = versionHash(bytesAfter);
    entry.sizeAfter = qint64(bytesAfter.size());
    m_digested = {textAfter, entry.hashAfter};
    auto recorded = m_history.record(std::move(entry), textAfter);
    if (!recorded)
        report(recorded.error(), QStringLiteral("a change found in the file was not recorded"));
    else if (ours)
        m_lastRecorded = {std::move(recorded.value())};
    if (m_recorded)
        m_recorded();
}

HistoryServices::HistoryServices(Store &store)
    : m_store(store), m_backups(store.path()), m_history(store.path()), m_backupHook(m_backups),
      m_recorder(m_history)
{
    m_recorder.setStore(&m_store);
    // A burst of changes is made durable together: when it ends (the
    // program flushes, or a second passes without a change where an event
    // loop runs), or every History::kGroupCommit entries.
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushDelayMs);
    QObject::connect(&m_flushTimer, &QTimer::timeout, [this] { (void)flush(); });
    m_recorder.setRecordedCallback([this] {
        if (QAbstractEventDispatcher::instance() && m_history.needsFlush())
            m_flushTimer.start();
    });
    m_store.addHook(&m_backupHook);
    m_store.addHook(&m_recorder);
}

HistoryServices::~HistoryServices()
{
    m_store.removeHook(&m_recorder);
    m_store.removeHook(&m_backupHook);
    m_flushTimer.stop();
    (void)flush();
}

Result<void> HistoryServices::flush()
{
    m_flushTimer.stop();
    auto flushed = m_history.flush();
    if (!flushed)
        m_recorder.reportFlushFailure(flushed.error());
    return flushed;
}

void HistoryServices::setSafetyNetsRequired(bool required)
{
    m_backupHook.setRequired(required);
    m_recorder.setRequired(required);
}

std::vector<Error> HistoryServices::takeProblems()
{
    std::vector<Error> problems = m_backupHook.takeProblems();
    for (auto &problem : m_recorder.takeProblems())
        problems.push_back(std::move(problem));
    return problems;
}

void HistoryServices::setClock(const Clock &clock)
{
    m_backups.setClock(clock);
    m_history.setClock(clock);
}

} // namespace tad
