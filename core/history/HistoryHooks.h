// The store's policies for backups and history, plugged in as hooks so the
// Store itself stays small:
//   BackupHook       a backup before a clear, and before the first change of
//                    a burst under a critical key (settings, workspaces,
//                    user, ai.apiKey);
//   HistoryRecorder  an entry for every write, and an `external` entry for
//                    every change found on disk.
// HistoryServices owns both and the managers behind them.
#pragma once

#include "BackupManager.h"
#include "History.h"
#include "store/Store.h"

#include <QTimer>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace tad {

class BackupHook : public StoreHook
{
public:
    explicit BackupHook(BackupManager &backups) : m_backups(backups) {}
    // No critical-key backup when the newest backup is younger than this.
    void setBurstSeconds(int seconds) { m_burstSeconds = seconds; }
    // Required (the default): a critical change whose backup cannot be
    // written is refused (Error::safetyNet). Not required: it goes ahead and
    // the missing backup is reported by takeProblems().
    void setRequired(bool required) { m_required = required; }
    std::vector<Error> takeProblems() { return std::exchange(m_problems, {}); }

    static bool isCriticalPath(const KeyPath &path);

    Result<void> beforeWrite(const PendingChange &change) override;

private:
    BackupManager &m_backups;
    int m_burstSeconds = 60;
    bool m_required = true;
    std::vector<Error> m_problems;
};

class HistoryRecorder : public StoreHook
{
public:
    explicit HistoryRecorder(History &history) : m_history(history) {}
    // The store whose hook this is: its stamp tells the history which file a
    // change left, so the next look at the same file needs no hash.
    void setStore(const Store *store) { m_store = store; }
    // Called after each entry is appended (HistoryServices schedules the flush).
    void setRecordedCallback(std::function<void()> recorded) { m_recorded = std::move(recorded); }
    // A group of entries that could not be made durable, for takeProblems().
    void reportFlushFailure(Error error);

    // What the next write is, for the entry it gets (restore, rollback).
    struct Annotation
    {
        QString label;
        QString rollbackOf;
        std::string operation;
    };
    void annotateNextWrite(Annotation annotation) { m_annotation = std::move(annotation); }
    // Entries that together describe the next write (a migration's steps);
    // used only if the write starts from their first entry's hashBefore.
    void describeNextWrite(std::vector<HistoryEntry> entries) { m_steps = std::move(entries); }
    // The entries written for the last write (ids filled in), oldest
    // first: the write's own change is the last, after any changes it
    // carried back (PendingChange::putBacks).
    const std::vector<HistoryEntry> &lastRecorded() const { return m_lastRecorded; }
    // The next version found on disk is a change of ours written past the
    // store (a recovery of a broken file): its entry gets this source and
    // annotation instead of `external`.
    void annotateNextAdoption(ChangeSource source, Annotation annotation);
    // A failed write leaves nothing behind for the next one.
    void forgetAnnotations();
    // Whether a version read from disk held a change that was not ours.
    bool foundExternalChange() const { return m_foundExternal; }
    // Required (the default): a change is refused (Error::safetyNet) when
    // its history record cannot go where it belongs. A record that fails
    // after the change was written is reported by takeProblems() either way.
    void setRequired(bool required) { m_required = required; }
    // Off for a program that only reads: a version read from disk is
    // compared with the history but nothing is written (no first copy, no
    // `external` entry); unrecordedChange() says whether it differs.
    void setRecordsReads(bool records) { m_recordsReads = records; }
    // Off for a program that does not follow the file (one command): a
    // history that does not exist yet starts with its first write, from the
    // file as it was, so a refused change leaves nothing behind.
    void setStartsOnOpen(bool starts) { m_startsOnOpen = starts; }
    bool unrecordedChange() const { return m_unrecordedChange; }
    std::vector<Error> takeProblems() { return std::exchange(m_problems, {}); }

    Result<void> beforeWrite(const PendingChange &change) override;
    void afterWrite(const PendingChange &change, const SharedText &bytesAfter) override;
    void documentAdopted(const Json &doc, const SharedText &bytes, bool external) override;

private:
    void recordExternal(const Json &before, const QString &hashBefore, const Json &after,
                        const SharedText &textAfter);
    void report(Error error, const QString &what);
    void rememberOldName(const QString &hash, const std::string &bytes);
    // versionHash(bytes), from the last one computed when these are its bytes.
    QString digestOf(const std::string &bytes) const;
    QString nameOf(const std::string &bytes) const;

    History &m_history;
    const Store *m_store = nullptr;
    std::function<void()> m_recorded;
    std::optional<Annotation> m_annotation;
    std::optional<std::pair<ChangeSource, Annotation>> m_adoption;
    std::vector<HistoryEntry> m_steps;
    std::vector<HistoryEntry> m_lastRecorded;
    bool m_required = true;
    bool m_recordsReads = true;
    bool m_startsOnOpen = true;
    bool m_unrecordedChange = false;
    bool m_foundExternal = false;
    // The first look found the file read-only for us: no copy of it was
    // made then (a refused write leaves nothing); the first write makes it.
    bool m_baseDeferred = false;
    // A SHA-256 name of a version (from an earlier version's line) and that
    // version's digest.
    std::optional<std::pair<QString, QString>> m_oldName;
    // The last text digested (an entry's hashAfter) and its digest.
    std::pair<SharedText, QString> m_digested;
    std::vector<Error> m_problems;
};

class HistoryServices
{
public:
    // Attaches the hooks to `store`; call before Store::open() so the first
    // read is compared with the history too.
    explicit HistoryServices(Store &store);
    ~HistoryServices();
    HistoryServices(const HistoryServices &) = delete;
    HistoryServices &operator=(const HistoryServices &) = delete;

    Store &store() { return m_store; }
    BackupManager &backups() { return m_backups; }
    History &history() { return m_history; }
    HistoryRecorder &recorder() { return m_recorder; }
    BackupHook &backupHook() { return m_backupHook; }
    void setClock(const Clock &clock);
    // See BackupHook::setRequired and HistoryRecorder::setRequired.
    void setSafetyNetsRequired(bool required);
    // What the safety nets could not do since the last call (a backup skipped
    // when not required, a history record that failed): for the person.
    std::vector<Error> takeProblems();
    // Compares the store's current content with the history (as opening
    // the store does once the hooks are attached): for hooks attached late.
    void catchUp() { m_recorder.documentAdopted(m_store.document(), m_store.text(), false); }
    // Makes the history's entries so far durable (History::flush); a failure
    // is also left for takeProblems(). Programs call it when a burst ends.
    Result<void> flush();

    static constexpr int kFlushDelayMs = 1000;

private:
    Store &m_store;
    BackupManager m_backups;
    History m_history;
    BackupHook m_backupHook;
    HistoryRecorder m_recorder;
    QTimer m_flushTimer;
};

} // namespace tad
