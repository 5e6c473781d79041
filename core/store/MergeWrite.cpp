#include "MergeWrite.h"

#include "DepthLimit.h"
#include "DocumentChanges.h"
#include "StoreUtil.h"
#include "WriteText.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThread>
#include <algorithm>

namespace tad {
using namespace storeutil;
namespace {

// Every lost exchange still leaves the file with both sides' changes but the
// other writer's newest one, which the next attempt carries; so attempts go
// on while the other writer keeps writing (a conf burst writes every few
// milliseconds, faster than one attempt of ours on a loaded machine or a
// sanitizer build), and stop only after this long.
constexpr qint64 kMergeBudgetMs = 20000;

// A file modified less than this long before our write is taken as one that
// another writer is busy with (see Store::metOtherWriter()).
constexpr qint64 kBusyWriterMs = 1000;

// Out of step with a writer that wins every round: a short random pause
// lets its burst pass instead of burning the CPU it needs.
void pauseAfterLosing(int attempt)
{
    if (attempt >= 4)
        QThread::usleep(QRandomGenerator::global()->bounded(250, 250 + 250 * qMin(attempt, 16)));
}

} // namespace

MergeWrite::MergeWrite(Store &store, const std::vector<StoreOp> &ops, ChangeSource source,
                       const std::string &operationName)
    : m_store(store), m_ops(ops), m_source(source), m_operationName(operationName)
{}

Result<void> MergeWrite::run()
{
    if (auto deep = DepthLimit::check(m_ops, m_store.m_options.dialect); !deep)
        return deep;
    m_scope.emplace(m_store.m_monitor, m_operationName, monitorKey());
    if (auto reserved = refuseReservedKeys(); !reserved)
        return reserved;
    if (auto caught = catchUpWithDisk(); !caught)
        return caught;
    if (auto folder = createFolder(); !folder)
        return folder;

    m_expectedOnDisk = m_store.m_exists ? m_store.m_text : nullptr;
    m_expectedWritten = m_store.m_exists ? m_store.m_written : nullptr;
    m_expectedStamp = m_store.m_stamp;
    m_base = std::move(m_store.m_doc);
    m_baseText = m_expectedOnDisk;
    QDeadlineTimer budget(kMergeBudgetMs);
    for (int number = 0; number == 0 || !budget.hasExpired(); ++number) {
        if (auto done = attempt(number))
            return *done;
    }
    return gaveUp();
}

std::string MergeWrite::monitorKey() const
{
    std::string key;
    for (const auto &op : m_ops) {
        if (!key.empty())
            key += ",";
        key +=
            op.isWholeDocument() ? std::string("*") : op.path.toDotted(m_store.m_options.dialect);
    }
    return key;
}

Result<void> MergeWrite::refuseReservedKeys() const
{
    for (const auto &op : m_ops) {
        if (op.kind == StoreOp::Kind::Test || op.isWholeDocument())
            continue;
        if (auto reserved = m_store.refuseReservedKey(op.path, m_source); !reserved)
            return reserved;
    }
    return {};
}

Result<void> MergeWrite::catchUpWithDisk()
{
    Store &s = m_store;
    // Compare with the file as it is now: the other writer may have changed it.
    if (!s.m_opened) {
        if (auto opened = s.open(); !opened)
            return opened;
    }
    // Our own last write, still in place and untouched, needs no read.
    if (!s.ownWriteStands()) {
        auto current = readFile(s.m_path);
        if (!current)
            return current.error();
        // A file written moments ago has a writer at work, maybe another
        // program of ours (a batch): its next read-modify-write, or the
        // app's, may have begun before ours and land after it.
        if (current->stamp.exists &&
            QDateTime::currentMSecsSinceEpoch() - current->stamp.mtimeNs / 1000000 < kBusyWriterMs)
            s.m_metOtherWriter = true;
        if (current->stamp.exists != s.m_exists || current->bytes != *s.m_text) {
            s.m_metOtherWriter = true;
            if (auto adopted = s.adopt(std::move(current.value())); !adopted)
                return adopted;
        } else {
            s.m_stamp = current->stamp;
        }
    }
    if (s.m_hasDuplicates)
        return writeBlocked();
    s.discardKeptRecords(RecentWrites::kWindowMs);
    if (!s.m_strandedChecked) {
        s.m_strandedChecked = true;
        if (auto recovered = s.recoverStrandedWrites(); !recovered)
            return recovered;
    }
    // Recent changes that the other writer's version undid go first.
    m_work = m_ops;
    putBackFirst();
    return {};
}

Result<void> MergeWrite::createFolder() const
{
    if (!m_store.m_options.createDirectory || m_store.m_exists)
        return {};
    const QString dir = QFileInfo(m_store.m_path).absolutePath();
    if (QDir().mkpath(dir))
        return {};
    Error e = makeError(ErrorCode::Unreadable,
                        QStringLiteral("cannot create the folder %1; check that its parent "
                                       "exists and is writable")
                            .arg(dir));
    e.file = m_store.m_path;
    return e;
}

Result<MergeWrite::Round> MergeWrite::prepareRound(int number)
{
    Store &s = m_store;
    Round round;
    round.oldValues.reserve(m_work.size());
    for (const auto &op : m_work)
        round.oldValues.push_back(op.isWholeDocument() ? std::optional<Json>(m_base)
                                                       : valueAt(m_base, op.path));
    // Listener keys above an op's path need their whole old value.
    s.m_doc = std::move(m_base);
    round.watched = s.snapshotWatched(m_work);
    round.bytesBefore = m_expectedOnDisk ? m_expectedOnDisk : emptyText();
    round.baseText = m_baseText ? m_baseText : emptyText();

    auto applied = s.applyOps(s.m_doc, m_work, number == 0 && s.m_bytesCanonical);
    if (!applied) {
        restoreDocument();
        return applied.error();
    }
    round.defaultsAdded = *applied;
    if (number == 0) {
        for (size_t i = 0; i < m_work.size(); ++i) {
            if (!m_work[i].isWholeDocument() && m_work[i].kind != StoreOp::Kind::Test)
                m_firstOldValues.emplace_back(m_work[i].path, round.oldValues[i]);
        }
    }
    // Our own last write is exactly the stringify of the document: a
    // change of one member is spliced into it (see WriteText.h).
    const bool spliceable = number == 0 && s.m_bytesCanonical && !*applied && m_expectedOnDisk;
    round.newBytes = textToWrite(s.m_doc, m_work, spliceable ? m_expectedOnDisk.get() : nullptr,
                                 s.m_style, s.m_memberIndex);
    return round;
}

Result<void> MergeWrite::checkBeforeWrite(int number, const PendingChange &pending)
{
    // Checked once a write is certain: an unchanged value is no write.
    if (number == 0) {
        if (auto writable = refuseReadOnly(m_store.m_path, m_store.m_stamp); !writable) {
            restoreDocument();
            return writable;
        }
    }
    for (auto *hook : m_store.m_hooks) {
        if (auto allowed = hook->beforeWrite(pending); !allowed) {
            restoreDocument();
            return allowed;
        }
    }
    return {};
}

std::optional<Result<void>> MergeWrite::attempt(int number)
{
    pauseAfterLosing(number);
    auto prepared = prepareRound(number);
    if (!prepared)
        return Result<void>(prepared.error());
    Round &round = *prepared;
    if (m_expectedOnDisk && round.newBytes == *m_expectedOnDisk) {
        // Nothing changes on disk: no write, no event.
        if (number > 0)
            finishCarried(round);
        m_scope->finish(false);
        return Result<void>();
    }
    const PendingChange pending{*round.baseText,     m_store.m_doc, m_work,
                                round.oldValues,     m_source,      m_operationName,
                                round.defaultsAdded, m_putBacks};
    if (auto allowed = checkBeforeWrite(number, pending); !allowed)
        return allowed;

    WriteOptions writeOptions;
    writeOptions.learnPrevious = true;
    // A writer faster than two fsyncs would win every retry; retries skip
    // them and the version that finally stands is flushed below.
    writeOptions.durable = number == 0;
    writeOptions.keepBaseRecord = true;
    writeOptions.expectedPrevious = &m_expectedOnDisk;
    writeOptions.expectedWritten = m_expectedWritten.get();
    writeOptions.expectedBase = &m_expectedStamp;
    auto outcome = replaceFile(m_store.m_path, round.newBytes, writeOptions);
    if (!outcome) {
        restoreDocument();
        return Result<void>(outcome.error());
    }
    if (outcome->baseChanged) {
        if (auto again = startFromNewBase(round); !again)
            return again;
        return std::nullopt;
    }
    if (outcome->keptRecord) {
        // The other writer's version our exchange displaced stays on disk
        // (with the version our write was based on) while the other
        // writer may still build on what it saw: a kill meanwhile loses
        // nothing, as the next run merges it back.
        m_store.m_kept.push_back({*outcome->keptRecord, nowMs()});
    }
    if (outcome->previousAsExpected || sameText(outcome->previous, m_expectedOnDisk)) {
        finish(number, round, pending, *outcome);
        return Result<void>();
    }
    if (auto merged = mergeOntoDisplaced(round, *outcome); !merged)
        return merged;
    return std::nullopt;
}

Json MergeWrite::documentBefore(const Round &round) const
{
    auto previousState = parseDocument(*round.bytesBefore, m_store.m_path);
    return (m_expectedOnDisk && previousState) ? std::move(previousState->value) : Json::object();
}

Result<void> MergeWrite::startFromNewBase(const Round &round)
{
    Store &s = m_store;
    s.m_metOtherWriter = true;
    auto now = readFile(s.m_path);
    Result<ParsedDocument> parsedNow = ParsedDocument{Json::object(), s.m_style, false, {}};
    if (now && now->stamp.exists)
        parsedNow = parseDocument(now->bytes, s.m_path);
    if (!now || !parsedNow) {
        restoreDocument();
        if (now) {
            Error e = parsedNow.error();
            e.message += QStringLiteral("; the change was not written over it");
            return e;
        }
        return now.error();
    }
    const SharedText nowText = now->stamp.exists ? shareText(std::move(now->bytes)) : nullptr;
    const Json previousDoc = documentBefore(round);
    s.emitDocumentChanges(previousDoc, parsedNow->value, ChangeSource::External);
    for (auto *hook : s.m_hooks)
        hook->documentAdopted(parsedNow->value, nowText ? nowText : emptyText(), true);
    s.checkRecentWrites(parsedNow->value);
    putBackFirst();
    m_base = std::move(parsedNow->value);
    m_baseText = nowText;
    m_expectedStamp = now->stamp;
    m_expectedOnDisk = nowText;
    m_expectedWritten.reset();
    return {};
}

void MergeWrite::finish(int number, Round &round, const PendingChange &pending,
                        const ReplaceOutcome &outcome)
{
    Store &s = m_store;
    if (number > 0)
        syncFileAndFolder(s.m_path);
    s.m_text = shareText(std::move(round.newBytes));
    s.m_written = outcome.written;
    s.m_bytesCanonical = true;
    s.m_stamp = outcome.stamp;
    s.m_exists = true;
    s.m_lastWriteMs = nowMs();
    s.m_lastWriteTookMs = s.m_lastWriteMs - m_startedMs;
    for (auto *hook : s.m_hooks)
        hook->afterWrite(pending, s.m_text);
    const qint64 now = nowMs();
    for (size_t i = 0; i < m_work.size(); ++i) {
        if (!m_work[i].isWholeDocument() && m_work[i].kind != StoreOp::Kind::Test)
            s.m_recent.record(m_work[i].path, round.oldValues[i], valueAt(s.m_doc, m_work[i].path),
                              sourceOf(i), now);
    }
    s.emitOpChanges(m_work, std::move(round.watched), round.oldValues, m_source);
    m_scope->finish(false);
}

void MergeWrite::finishCarried(const Round &round)
{
    Store &s = m_store;
    // The version standing may be a retry of ours, written without fsync.
    syncFileAndFolder(s.m_path);
    s.m_text = m_expectedOnDisk;
    s.m_written = m_expectedWritten;
    s.m_bytesCanonical = false;
    s.m_stamp = m_expectedStamp;
    s.m_exists = true;
    s.m_lastWriteMs = nowMs();
    s.m_lastWriteTookMs = s.m_lastWriteMs - m_startedMs;
    // Remembered against the value before our first attempt: the version
    // standing already has ours, so its own value would say nothing.
    const qint64 now = nowMs();
    for (size_t i = 0; i < m_work.size(); ++i) {
        const StoreOp &op = m_work[i];
        if (op.isWholeDocument() || op.kind == StoreOp::Kind::Test)
            continue;
        std::optional<Json> before = round.oldValues[i];
        for (const auto &[path, value] : m_firstOldValues) {
            if (path == op.path)
                before = value;
        }
        s.m_recent.record(op.path, std::move(before), valueAt(s.m_doc, op.path), sourceOf(i), now);
    }
}

Result<void> MergeWrite::mergeOntoDisplaced(Round &round, ReplaceOutcome &outcome)
{
    // Another writer replaced the file between our read and our rename:
    // the file now holds our version without their change. Take theirs
    // as the new base and apply our operations again.
    Store &s = m_store;
    s.m_metOtherWriter = true;
    const SharedText theirs = outcome.previous ? shareText(std::move(*outcome.previous)) : nullptr;
    Json theirDoc = Json::object();
    if (theirs) {
        auto parsed = parseDocument(*theirs, s.m_path);
        if (!parsed) {
            // They left a file we cannot read: put it back as it was and stop.
            Error e = parsed.error();
            if (auto restored = replaceFile(s.m_path, *theirs, {}); !restored)
                e.message += QStringLiteral(" (putting that version back failed too: %1)")
                                 .arg(restored.error().message);
            else
                e.message += QStringLiteral("; that version is back in place and the change "
                                            "was not written");
            return e;
        }
        theirDoc = std::move(parsed->value);
    }
    // Report their change relative to what we had before ours.
    const Json previousDoc = documentBefore(round);
    s.emitDocumentChanges(previousDoc, theirDoc, ChangeSource::External);
    for (auto *hook : s.m_hooks)
        hook->documentAdopted(theirDoc, theirs ? theirs : emptyText(), true);
    s.checkRecentWrites(theirDoc);
    queueDisplacedChanges(previousDoc, theirDoc);
    m_base = std::move(theirDoc);
    m_baseText = theirs;
    m_expectedOnDisk = shareText(std::move(round.newBytes));
    m_expectedWritten = outcome.written;
    m_expectedStamp = outcome.stamp;
    m_displaced = theirs;
    return {};
}

void MergeWrite::queueDisplacedChanges(const Json &previousDoc, const Json &theirDoc)
{
    Store &s = m_store;
    // While our version stood, theirs was hidden: a conf process that read
    // the file then wrote without it. Remember their change like ours, so
    // that it is put back if it disappears.
    for (const auto &change : changedKeys(previousDoc, theirDoc)) {
        // A key their version lacks may be one they removed, or one added
        // after they read the file (their read-modify-write began before
        // it): the second is the common case under load, and putting
        // back its "removal" would delete someone's key. Only what they
        // added or changed is kept.
        if (!change.after)
            continue;
        s.m_recent.record(change.path,
                          change.before ? std::optional<Json>(*change.before) : std::nullopt,
                          change.after ? std::optional<Json>(*change.after) : std::nullopt,
                          ChangeSource::External, nowMs());
    }
    putBackFirst();
}

void MergeWrite::putBackFirst()
{
    // Changes displaced by this round go first; one already queued is
    // not queued twice (a long race would otherwise grow the list).
    std::vector<StoreOp> first;
    std::vector<PutBack> runs;
    for (Store::Reapply &run : m_store.takePendingReapplyBySource()) {
        std::erase_if(run.ops, [this](const StoreOp &op) {
            return std::any_of(m_work.begin(), m_work.end(), [&op](const StoreOp &queued) {
                return queued.kind == op.kind && queued.path == op.path && queued.value == op.value;
            });
        });
        if (run.ops.empty())
            continue;
        runs.push_back({run.source, run.ops.size()});
        std::move(run.ops.begin(), run.ops.end(), std::back_inserter(first));
    }
    m_work.insert(m_work.begin(), std::make_move_iterator(first.begin()),
                  std::make_move_iterator(first.end()));
    m_putBacks.insert(m_putBacks.begin(), runs.begin(), runs.end());
}

ChangeSource MergeWrite::sourceOf(size_t index) const
{
    for (const PutBack &run : m_putBacks) {
        if (index < run.count)
            return run.source;
        index -= run.count;
    }
    return m_source;
}

void MergeWrite::restoreDocument()
{
    Store &s = m_store;
    if (m_displaced) {
        putBackDisplaced(m_displaced);
        s.m_opened = false; // re-read everything on the next call
    }
    auto reparsed = m_expectedOnDisk ? parseDocument(*m_expectedOnDisk, s.m_path)
                                     : Result<ParsedDocument>(Error());
    s.m_doc = reparsed ? std::move(reparsed->value) : Json::object();
    s.m_bytesCanonical = false;
    // The text, its file and its stamp go with the document: a version
    // adopted during this write (startFromNewBase) is what the next one
    // builds on, not the text the store held before it.
    s.m_text = m_expectedOnDisk ? m_expectedOnDisk : emptyText();
    s.m_exists = bool(m_expectedOnDisk);
    s.m_written = s.m_opened ? m_expectedWritten : nullptr;
    s.m_stamp = m_expectedStamp;
}

void MergeWrite::putBackDisplaced(SharedText version)
{
    // Each exchange reports what it replaced: if that is not our own version,
    // a newer one arrived meanwhile and it is the one to put back.
    WriteOptions options;
    options.learnPrevious = true;
    QDeadlineTimer budget(kMergeBudgetMs);
    for (int attempt = 0; attempt == 0 || !budget.hasExpired(); ++attempt) {
        pauseAfterLosing(attempt);
        auto outcome = replaceFile(m_store.m_path, *version, options);
        if (!outcome)
            return;
        const bool replacedOurs = sameText(outcome->previous, m_expectedOnDisk);
        m_expectedOnDisk = version;
        m_expectedWritten = outcome->written;
        if (replacedOurs || !outcome->previous)
            return;
        version = shareText(std::move(*outcome->previous));
    }
}

Error MergeWrite::writeBlocked() const
{
    Error e = m_store.m_warnings.front();
    e.message = QStringLiteral("not changed: ") + e.message;
    return e;
}

Error MergeWrite::gaveUp()
{
    Error e = makeError(ErrorCode::Conflict,
                        QStringLiteral("another program kept rewriting the file while this "
                                       "change was being saved; the file holds the change merged "
                                       "onto its latest version, but retry to be sure"));
    e.file = m_store.m_path;
    m_store.m_opened = false; // re-read everything on the next call
    m_store.m_written.reset();
    return e;
}

} // namespace tad
