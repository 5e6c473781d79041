#include "HistoryHooks.h"

#include "JsonPatch.h"
#include "keys/KeyPath.h"

#include "json/JsonText.h"

namespace tad {

namespace {

Json parsedOrEmpty(const std::string &bytes)
{
    if (bytes.empty())
        return Json::object();
    auto parsed = parseDocument(bytes);
    return parsed ? std::move(parsed->value) : Json::object();
}

// Moves a change set found for the value at `pointer` to its place in the
// whole document: paths get the prefix, operation numbers the offset.
void rebase(ChangeSet &part, const std::string &pointer, int offset)
{
    auto move = [&](Json &op) {
        op["path"] = pointer + op["path"].get<std::string>();
        if (auto of = op.find("of"); of != op.end())
            *of = of->get<int>() + offset;
        if (auto run = op.find("run"); run != op.end())
            for (auto &index : *run)
                index = index.get<int>() + offset;
    };
    for (auto &op : part.patch)
        move(op);
    for (auto &op : part.inverse)
        move(op);
}

// The change set of a write found from its operations alone, without the
// whole previous document: possible when every operation sets a key that
// already existed, no two of them touch the same subtree and the schema's
// defaults added nothing. That is the usual edit, and it saves parsing the
// previous file on every write (most of the cost of recording a change to
// a 1 MB file).
std::optional<ChangeSet> changeSetFromOps(const PendingChange &change)
{
    if (change.defaultsAdded)
        return std::nullopt;
    std::vector<size_t> sets;
    for (size_t i = 0; i < change.ops.size(); ++i) {
        const StoreOp &op = change.ops[i];
        if (op.kind == StoreOp::Kind::Test)
            continue;
        if (op.kind != StoreOp::Kind::Set || !change.oldValues[i] || op.path.isEmpty())
            return std::nullopt;
        for (size_t earlier : sets) {
            const KeyPath &other = change.ops[earlier].path;
            if (other.isPrefixOf(op.path) || op.path.isPrefixOf(other))
                return std::nullopt;
        }
        sets.push_back(i);
    }
    ChangeSet whole;
    std::vector<Json> inverses;
    for (size_t i : sets) {
        const Json *now = findValue(change.after, change.ops[i].path);
        if (!now)
            return std::nullopt;
        ChangeSet part = makeChangeSet(*change.oldValues[i], *now);
        rebase(part, change.ops[i].path.toPointer(), int(whole.patch.size()));
        for (auto &op : part.patch)
            whole.patch.push_back(std::move(op));
        inverses.push_back(std::move(part.inverse));
    }
    // The inverse undoes the last operation first.
    for (auto it = inverses.rbegin(); it != inverses.rend(); ++it)
        for (auto &op : *it)
            whole.inverse.push_back(std::move(op));
    return whole;
}

} // namespace

QString HistoryRecorder::hashOf(const std::string &bytes)
{
    if (m_hash.isEmpty() || bytes != m_hashedBytes) {
        m_hashedBytes = bytes;
        m_hash = backupname::sha256Hex(bytes);
    }
    return m_hash;
}

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
    Q_UNUSED(change);
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

void HistoryRecorder::afterWrite(const PendingChange &change, const std::string &bytesAfter)
{
    m_lastRecorded.clear();
    const QString hashBefore = hashOf(change.bytesBefore);
    std::vector<HistoryEntry> entries = std::move(m_steps);
    m_steps.clear();
    const auto annotation = std::exchange(m_annotation, std::nullopt);

    const QString hashAfter = hashOf(bytesAfter);
    if (entries.empty() || entries.front().hashBefore != hashBefore ||
        entries.back().hashAfter != hashAfter) {
        entries.clear();
        HistoryEntry entry;
        entry.source = change.source;
        entry.operation =
            annotation && !annotation->operation.empty() ? annotation->operation : change.operation;
        if (annotation) {
            entry.label = annotation->label;
            entry.rollbackOf = annotation->rollbackOf;
        }
        ChangeSet diff;
        if (auto fromOps = changeSetFromOps(change))
            diff = std::move(*fromOps);
        else
            diff = makeChangeSet(parsedOrEmpty(change.bytesBefore), change.after);
        entry.patch = std::move(diff.patch);
        entry.inverse = std::move(diff.inverse);
        entry.hashBefore = hashBefore;
        entry.hashAfter = hashAfter;
        entries.push_back(std::move(entry));
    }
    for (auto &entry : entries) {
        entry.sizeAfter = entry.sizeAfter ? entry.sizeAfter : qint64(bytesAfter.size());
        auto recorded = m_history.record(entry);
        if (!recorded) {
            report(recorded.error(), QStringLiteral("the change was written, but its history "
                                                    "record was not, so the history misses it"));
            return;
        }
        m_lastRecorded.push_back(std::move(recorded.value()));
    }
    if (auto head = m_history.setHead(bytesAfter); !head)
        report(head.error(), QStringLiteral("the change was written, but the history's copy of "
                                            "the file was not; the next change will be "
                                            "recorded against an older copy"));
}

void HistoryRecorder::report(Error error, const QString &what)
{
    // Returned to the program, which shows it; not logged twice.
    error.message = what + QStringLiteral(": ") + error.message;
    m_problems.push_back(std::move(error));
}

void HistoryRecorder::documentAdopted(const Json &doc, const std::string &bytes, bool external)
{
    Q_UNUSED(external);
    auto head = m_history.head();
    if (!head) {
        report(head.error(), QStringLiteral("the file could not be compared with its history, so "
                                            "a change made by another program may be unrecorded"));
        return;
    }
    if (!head->has_value()) {
        // The first look at this file: it is the base, nothing changed yet,
        // unless we wrote it (a recovery of a file never read before): that
        // is a change, from nothing readable, recorded under its source.
        if (bytes.empty())
            return;
        if (m_adoption) {
            recordExternal(std::string(), doc, bytes);
            return;
        }
        if (auto written = m_history.setHead(bytes); !written)
            report(written.error(), QStringLiteral("the history's first copy of the file was not "
                                                   "written, so no change can be recorded yet"));
        return;
    }
    if (**head != bytes) {
        m_foundExternal = true;
        recordExternal(**head, doc, bytes);
    }
}

void HistoryRecorder::recordExternal(const std::string &before, const Json &after,
                                     const std::string &bytesAfter)
{
    HistoryEntry entry;
    entry.source = ChangeSource::External;
    entry.operation = "external";
    const auto ours = std::exchange(m_adoption, std::nullopt);
    if (ours) {
        entry.source = ours->first;
        entry.operation = ours->second.operation;
        entry.label = ours->second.label;
    }
    const ChangeSet diff = makeChangeSet(parsedOrEmpty(before), after);
    entry.patch = diff.patch;
    entry.inverse = diff.inverse;
    entry.hashBefore = hashOf(before); // usually the last write's bytes, already hashed
    entry.hashAfter = hashOf(bytesAfter);
    entry.sizeAfter = qint64(bytesAfter.size());
    auto recorded = m_history.record(std::move(entry));
    if (!recorded)
        report(recorded.error(), QStringLiteral("a change found in the file was not recorded"));
    else if (ours)
        m_lastRecorded = {std::move(recorded.value())};
    if (auto head = m_history.setHead(bytesAfter); !head)
        report(head.error(), QStringLiteral("the history's copy of the file was not updated; the "
                                            "next change will be recorded against an older copy"));
}

HistoryServices::HistoryServices(Store &store)
    : m_store(store), m_backups(store.path()), m_history(store.path()), m_backupHook(m_backups),
      m_recorder(m_history)
{
    m_store.addHook(&m_backupHook);
    m_store.addHook(&m_recorder);
}

HistoryServices::~HistoryServices()
{
    m_store.removeHook(&m_recorder);
    m_store.removeHook(&m_backupHook);
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
