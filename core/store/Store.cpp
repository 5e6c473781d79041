#include "Store.h"

#include "DepthLimit.h"
#include "DocumentChanges.h"
#include "KeyRead.h"
#include "StoreUtil.h"
#include "WriteText.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QStringList>
#include <QThread>
#include <QThreadPool>
#include <algorithm>
#include <fcntl.h>
#include <unistd.h>
#include <unordered_set>

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

} // namespace

Store::Store(QString path, StoreOptions options, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_options(options),
      m_self(std::make_shared<Store *>(this))
{
    qRegisterMetaType<tad::ChangeEvent>();
}

Store::~Store()
{
    // Recent ones stay for the next run to merge: no one followed the file
    // after them (a program that does calls followUntilQuiet()).
    discardKeptRecords(RecentWrites::kWindowMs);
}

void Store::removeHook(StoreHook *hook)
{
    m_hooks.erase(std::remove(m_hooks.begin(), m_hooks.end(), hook), m_hooks.end());
}

Result<void> Store::open()
{
    PerformanceMonitor::Scope scope(m_monitor, "open", {});
    // A writer of ours killed right after its exchange leaves the old file
    // under a temp name; it is of no use to anyone.
    removeStaleTempFiles(m_path);
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

void Store::discardKeptRecords(qint64 olderThanMs)
{
    const qint64 now = nowMs();
    std::erase_if(m_kept, [&](const KeptRecord &kept) {
        if (now - kept.atMs < olderThanMs)
            return false;
        discardWriteRecord(kept.files);
        return true;
    });
}

Result<bool> Store::refresh()
{
    auto snapshot = readFile(m_path);
    if (!snapshot)
        return snapshot.error();
    return adoptVersion(std::move(snapshot.value()), {});
}

Result<std::optional<Json>> Store::get(const std::string &key)
{
    PerformanceMonitor::Scope scope(m_monitor, "get", key);
    auto path = KeyPath::parse(key, m_options.dialect);
    if (!path)
        return path.error();
    if (auto fresh = refreshIfStale(); !fresh)
        return fresh.error();
    // conf's get is plain JavaScript property access: "s.length" of a
    // string or an array answers too, not only stored members.
    std::optional<Json> value = getValue(m_doc, *path);
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

Error Store::writeBlocked() const
{
    Error e = m_warnings.front();
    e.message = QStringLiteral("not changed: ") + e.message;
    return e;
}

Result<void> Store::apply(const std::vector<StoreOp> &ops, ChangeSource source,
                          const std::string &operationName)
{
    if (auto deep = DepthLimit::check(ops, m_options.dialect); !deep)
        return deep;
    std::string monitorKey;
    for (const auto &op : ops) {
        if (!monitorKey.empty())
            monitorKey += ",";
        monitorKey += op.isWholeDocument() ? std::string("*") : op.path.toDotted(m_options.dialect);
    }
    PerformanceMonitor::Scope scope(m_monitor, operationName, monitorKey);
    for (const auto &op : ops) {
        if (op.kind == StoreOp::Kind::Test || op.isWholeDocument())
            continue;
        if (auto reserved = refuseReservedKey(op.path, source); !reserved)
            return reserved;
    }

    // Compare with the file as it is now: the other writer may have changed it.
    if (!m_opened) {
        if (auto opened = open(); !opened)
            return opened;
    }
    auto current = readFile(m_path);
    if (!current)
        return current.error();
    // A file written moments ago has a writer at work, maybe another program
    // of ours (a batch): its next read-modify-write, or the app's, may have
    // begun before ours and land after it.
    if (current->stamp.exists &&
        QDateTime::currentMSecsSinceEpoch() - current->stamp.mtimeNs / 1000000 < kBusyWriterMs)
        m_metOtherWriter = true;
    if (current->stamp.exists != m_exists || current->bytes != m_bytes) {
        m_metOtherWriter = true;
        if (auto adopted = adopt(std::move(current.value())); !adopted)
            return adopted;
    } else {
        m_stamp = current->stamp;
    }
    if (m_hasDuplicates)
        return writeBlocked();
    discardKeptRecords(RecentWrites::kWindowMs);
    if (!m_strandedChecked) {
        m_strandedChecked = true;
        if (auto recovered = recoverStrandedWrites(); !recovered)
            return recovered;
    }
    // Our own recent changes that the other writer's version undid go first.
    ChangeSource ignored = source;
    std::vector<StoreOp> work = takePendingReapply(ignored);
    work.insert(work.end(), ops.begin(), ops.end());

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
    FileStamp expectedStamp = m_stamp;
    Json base = std::move(m_doc);

    // The other writer's version our last attempt displaced; it goes back
    // if the change cannot be merged onto it after all.
    std::optional<std::string> displaced;
    // After a refused or failed write the document goes back to the file's
    // state, which parsed a moment ago.
    const auto restoreDocument = [&] {
        if (displaced) {
            putBackDisplaced(*displaced, expectedOnDisk);
            m_opened = false; // re-read everything on the next call
        }
        auto reparsed = expectedOnDisk ? parseDocument(*expectedOnDisk, m_path)
                                       : Result<ParsedDocument>(Error());
        m_doc = reparsed ? std::move(reparsed->value) : Json::object();
        m_bytesCanonical = false;
    };
    QDeadlineTimer budget(kMergeBudgetMs);
    for (int attempt = 0; attempt == 0 || !budget.hasExpired(); ++attempt) {
        if (attempt >= 4) {
            // Out of step with a writer that wins every round: a short random
            // pause lets its burst pass instead of burning the CPU it needs.
            QThread::usleep(
                QRandomGenerator::global()->bounded(250, 250 + 250 * qMin(attempt, 16)));
        }
        std::vector<std::optional<Json>> oldValues;
        oldValues.reserve(work.size());
        for (const auto &op : work)
            oldValues.push_back(op.isWholeDocument() ? std::optional<Json>(base)
                                                     : valueAt(base, op.path));
        // Listener keys above an op's path need their whole old value.
        m_doc = std::move(base);
        std::vector<Watched> watched = snapshotWatched(work);
        const std::string bytesBefore = expectedOnDisk.value_or(std::string());

        auto applied = applyOps(m_doc, work);
        if (!applied) {
            restoreDocument();
            return applied.error();
        }
        // Our own last write is exactly the stringify of the document: a
        // change of one member is spliced into it (see WriteText.h).
        const bool spliceable = attempt == 0 && m_bytesCanonical && !*applied && expectedOnDisk;
        std::string newBytes =
            textToWrite(m_doc, work, spliceable ? &*expectedOnDisk : nullptr, m_style);

        if (expectedOnDisk && newBytes == *expectedOnDisk) {
            // Nothing changes on disk: no write, no event.
            scope.finish(false);
            return {};
        }
        // Checked once a write is certain: an unchanged value is no write.
        if (attempt == 0) {
            if (auto writable = refuseReadOnly(m_path, m_stamp); !writable) {
                restoreDocument();
                return writable;
            }
        }

        PendingChange pending{bytesBefore, m_doc, work, oldValues, source, operationName, *applied};
        for (auto *hook : m_hooks) {
            if (auto allowed = hook->beforeWrite(pending); !allowed) {
                restoreDocument();
                return allowed;
            }
        }

        WriteOptions writeOptions;
        writeOptions.learnPrevious = true;
        // A writer faster than two fsyncs would win every retry; retries skip
        // them and the version that finally stands is flushed below.
        writeOptions.durable = attempt == 0;
        writeOptions.keepBaseRecord = true;
        writeOptions.expectedPrevious = &expectedOnDisk;
        writeOptions.expectedBase = &expectedStamp;
        auto outcome = replaceFile(m_path, newBytes, writeOptions);
        if (!outcome) {
            restoreDocument();
            return outcome.error();
        }
        if (outcome->baseChanged) {
            // The file changed after we read it and nothing was written:
            // start again from the new version.
            m_metOtherWriter = true;
            auto now = readFile(m_path);
            Result<ParsedDocument> parsedNow = ParsedDocument{Json::object(), m_style, false, {}};
            if (now && now->stamp.exists)
                parsedNow = parseDocument(now->bytes, m_path);
            if (!now || !parsedNow) {
                restoreDocument();
                return now ? parsedNow.error() : now.error();
            }
            auto previousState = parseDocument(bytesBefore, m_path);
            const Json previousDoc = (expectedOnDisk && previousState)
                                         ? std::move(previousState->value)
                                         : Json::object();
            emitDocumentChanges(previousDoc, parsedNow->value, ChangeSource::External);
            for (auto *hook : m_hooks)
                hook->documentAdopted(parsedNow->value, now->bytes, true);
            checkRecentWrites(parsedNow->value);
            std::vector<StoreOp> again = takePendingReapply(ignored);
            work.insert(work.begin(), again.begin(), again.end());
            base = std::move(parsedNow->value);
            expectedStamp = now->stamp;
            expectedOnDisk = now->stamp.exists ? std::optional<std::string>(std::move(now->bytes))
                                               : std::nullopt;
            continue;
        }
        if (outcome->keptRecord) {
            // The other writer's version our exchange displaced stays on disk
            // (with the version our write was based on) while the other
            // writer may still build on what it saw: a kill meanwhile loses
            // nothing, as the next run merges it back.
            m_kept.push_back({*outcome->keptRecord, nowMs()});
        }

        if (outcome->previous == expectedOnDisk) {
            if (attempt > 0)
                syncFileAndFolder(m_path);
            m_bytes = std::move(newBytes);
            m_bytesCanonical = true;
            m_stamp = outcome->stamp;
            m_exists = true;
            m_lastWriteMs = nowMs();
            for (auto *hook : m_hooks)
                hook->afterWrite(pending, m_bytes);
            const qint64 now = nowMs();
            for (size_t i = 0; i < work.size(); ++i) {
                if (!work[i].isWholeDocument() && work[i].kind != StoreOp::Kind::Test)
                    m_recent.record(work[i].path, oldValues[i], valueAt(m_doc, work[i].path),
                                    source, now);
            }
            emitOpChanges(work, std::move(watched), oldValues, source);
            scope.finish(false);
            return {};
        }

        // Another writer replaced the file between our read and our rename:
        // the file now holds our version without their change. Take theirs
        // as the new base and apply our operations again.
        m_metOtherWriter = true;
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
        checkRecentWrites(theirDoc);
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
            m_recent.record(change.path,
                            change.before ? std::optional<Json>(*change.before) : std::nullopt,
                            change.after ? std::optional<Json>(*change.after) : std::nullopt,
                            ChangeSource::External, nowMs());
        }
        // Changes displaced by this round go first; one already queued is
        // not queued twice (a long race would otherwise grow the list).
        std::vector<StoreOp> again = takePendingReapply(ignored);
        std::erase_if(again, [&work](const StoreOp &op) {
            return std::any_of(work.begin(), work.end(), [&op](const StoreOp &queued) {
                return queued.kind == op.kind && queued.path == op.path && queued.value == op.value;
            });
        });
        work.insert(work.begin(), again.begin(), again.end());
        base = std::move(theirDoc);
        expectedOnDisk = std::move(newBytes);
        expectedStamp = outcome->stamp;
        displaced = std::move(theirs);
    }
    Error e = makeError(ErrorCode::Conflict,
                        QStringLiteral("another program kept rewriting the file while this "
                                       "change was being saved; the file holds the change merged "
                                       "onto its latest version, but retry to be sure"));
    e.file = m_path;
    m_opened = false; // re-read everything on the next call
    return e;
}

void Store::putBackDisplaced(std::string version, std::optional<std::string> &onDisk)
{
    // Each exchange reports what it replaced: if that is not our own version,
    // a newer one arrived meanwhile and it is the one to put back.
    WriteOptions options;
    options.learnPrevious = true;
    QDeadlineTimer budget(kMergeBudgetMs);
    for (int attempt = 0; attempt == 0 || !budget.hasExpired(); ++attempt) {
        if (attempt >= 4) {
            // Out of step with a writer that wins every round: a short random
            // pause lets its burst pass instead of burning the CPU it needs.
            QThread::usleep(
                QRandomGenerator::global()->bounded(250, 250 + 250 * qMin(attempt, 16)));
        }
        auto outcome = replaceFile(m_path, version, options);
        if (!outcome)
            return;
        const bool replacedOurs = outcome->previous == onDisk;
        onDisk = version;
        if (replacedOurs || !outcome->previous)
            return;
        version = std::move(*outcome->previous);
    }
}

} // namespace tad
