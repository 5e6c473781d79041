// One write of Store::apply: the operations applied onto the file as it is
// on disk, exchanged into place, and merged again onto whatever version of
// the other writer's the exchange displaced, until a version with both
// sides' changes stands (or the merge budget runs out). See Store.h and
// docs/DESIGN.md#the-other-writer.
#pragma once

#include "Store.h"
#include "StoreUtil.h"

#include <optional>
#include <string>
#include <vector>

namespace tad {

class MergeWrite
{
public:
    MergeWrite(Store &store, const std::vector<StoreOp> &ops, ChangeSource source,
               const std::string &operationName);
    MergeWrite(const MergeWrite &) = delete;
    MergeWrite &operator=(const MergeWrite &) = delete;

    Result<void> run();

private:
    // One attempt's document and text, and what hooks and events need of it.
    struct Round
    {
        std::vector<std::optional<Json>> oldValues; // per op: value at its path before
        std::vector<Store::Watched> watched;
        SharedText bytesBefore; // never null: the empty text for no file
        SharedText baseText;    // m_base's text, never null
        std::string newBytes;
        bool defaultsAdded = false;
    };

    std::string monitorKey() const;
    Result<void> refuseReservedKeys() const;
    // Reads the file, adopting the other writer's version, and puts first
    // whatever of ours an earlier version of theirs undid.
    Result<void> catchUpWithDisk();
    Result<void> createFolder() const;
    // One attempt; nullopt: the file changed under it, try again.
    std::optional<Result<void>> attempt(int number);
    Result<Round> prepareRound(int number);
    Result<void> checkBeforeWrite(int number, const PendingChange &pending);
    // The file changed after our read and nothing was written: the new
    // version becomes the base of the next attempt.
    Result<void> startFromNewBase(const Round &round);
    void finish(int number, Round &round, const PendingChange &pending,
                const ReplaceOutcome &outcome);
    // A later attempt found the version on disk already holding what we
    // meant to write: our change went into the file with an earlier
    // exchange of ours and the other writer built on it. Nothing more is
    // written, but the store takes that version and remembers our change
    // (RecentWrites), so that a version that drops it later is put right.
    void finishCarried(const Round &round);
    // Our exchange displaced a version of the other writer's: it becomes the
    // base of the next attempt, its changes remembered like ours.
    Result<void> mergeOntoDisplaced(Round &round, ReplaceOutcome &outcome);
    void queueDisplacedChanges(const Json &previousDoc, const Json &theirDoc);
    // Puts the store's pending put-backs before the operations queued so
    // far, leaving out any already queued.
    void putBackFirst();
    // The source an operation of m_work is written for.
    ChangeSource sourceOf(size_t index) const;
    Json documentBefore(const Round &round) const;
    // After a refused or failed write the document goes back to the file's
    // state, which parsed a moment ago.
    void restoreDocument();
    // Writes back a version of the other writer's that a merge attempt
    // displaced and then could not finish; m_expectedOnDisk follows what is written.
    void putBackDisplaced(SharedText version);
    Error writeBlocked() const;
    Error gaveUp();

    Store &m_store;
    const std::vector<StoreOp> &m_ops;
    ChangeSource m_source;
    const std::string &m_operationName;
    qint64 m_startedMs = storeutil::nowMs(); // for Store::m_lastWriteTookMs
    std::optional<PerformanceMonitor::Scope> m_scope;
    // The operations to apply: ours, after any recent ones to put back
    // (the first operations, in runs of one source).
    std::vector<StoreOp> m_work;
    std::vector<PutBack> m_putBacks;
    // What is on disk now, as far as we know (null: no file), and the
    // document to change; the file of ours that holds it, if one does.
    SharedText m_expectedOnDisk;
    std::shared_ptr<WrittenFile> m_expectedWritten;
    FileStamp m_expectedStamp;
    // The version the operations are applied to, and its text (null: no
    // file). Not what is on disk after an exchange of ours displaced it.
    Json m_base;
    SharedText m_baseText;
    // The first attempt's paths and values before ours (see finishCarried).
    std::vector<std::pair<KeyPath, std::optional<Json>>> m_firstOldValues;
    // The other writer's version our last attempt displaced; it goes back
    // if the change cannot be merged onto it after all.
    SharedText m_displaced;
};

} // namespace tad
