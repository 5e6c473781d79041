// The seed's StoreManager: dot-notation access to tad-config.json, shared
// with a running Electron app that writes the same file without any lock.
//
// The store keeps the last bytes it read and their parsed document. Every
// write re-reads the file first; if the other writer changed it, the store
// adopts that version (reporting its changes as external) and applies our
// operations onto it. The write itself exchanges the new file into place
// and learns what it replaced, so a write that lands between our read and
// our rename is merged too, never written over.
#pragma once

#include "ChangeEvent.h"
#include "DocumentChanges.h"
#include "MemberIndex.h"
#include "PerformanceMonitor.h"
#include "RecentWrites.h"
#include "Result.h"
#include "StoreInfo.h"
#include "io/AtomicFile.h"
#include "keys/KeyPath.h"

#include "json/Json.h"
#include "json/JsonText.h"
#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tad {

class MergeWrite;
class StoreHook;

// One primitive change, with conf's semantics for dot-notation keys.
struct StoreOp
{
    enum class Kind
    {
        Set,
        Delete,
        Clear,   // conf's clear(): the defaults, then conf's __internal__
        Replace, // the whole document becomes `value` (restores, migrations)
        Test     // no change; the write is refused as a conflict unless the
                 // key holds `value` (or is missing, with expectMissing)
    };
    Kind kind = Kind::Set;
    KeyPath path; // unused for Clear and Replace
    Json value;   // for Set, Replace and Test
    bool expectMissing = false;

    static StoreOp set(KeyPath path, Json value)
    {
        return {Kind::Set, std::move(path), std::move(value)};
    }
    static StoreOp remove(KeyPath path) { return {Kind::Delete, std::move(path), Json()}; }
    static StoreOp clear() { return {Kind::Clear, KeyPath(), Json()}; }
    static StoreOp replace(Json document)
    {
        return {Kind::Replace, KeyPath(), std::move(document)};
    }
    // Checked against the file as it is at the moment of the write, so a
    // change made from a stale read cannot overwrite someone else's.
    static StoreOp test(KeyPath path, std::optional<Json> expected)
    {
        return {Kind::Test, std::move(path), expected.value_or(Json()), !expected.has_value()};
    }
    bool isWholeDocument() const { return kind == Kind::Clear || kind == Kind::Replace; }
};

struct StoreOptions
{
    KeyDialect dialect = KeyDialect::DotProp10;
    // Create the file's folder on the first write if it is missing (as conf does).
    bool createDirectory = true;
    // What the other writer adds on each of its writes: electron-store runs
    // Ajv with useDefaults, so missing schema defaults reappear (a deleted
    // key with a default comes back as that default). Run on every document
    // this store writes, so both programs write the same bytes. Returns
    // whether it added anything.
    std::function<bool(Json &)> fillDefaults;
    // The same after a change at one key (its segments) to a document that
    // had every default: fills only on the way to the key and inside it.
    std::function<bool(Json &, const std::vector<std::string> &)> fillDefaultsAlong;
};

class Store : public QObject
{
    Q_OBJECT
public:
    using Listener = std::function<void(const ChangeEvent &)>;

    // A handle that removes its listener; it does nothing once the store is gone.
    class Subscription
    {
    public:
        Subscription() = default;
        void unsubscribe();

    private:
        friend class Store;
        std::weak_ptr<Store *> m_store;
        quint64 m_id = 0;
    };

    explicit Store(QString path, StoreOptions options = {}, QObject *parent = nullptr);
    ~Store() override;

    // Reads the file. A missing file is an empty store; a file that cannot be
    // read or parsed is an error, and the store will not write over it.
    Result<void> open();
    bool isOpen() const { return m_opened; }
    const QString &path() const { return m_path; }
    const StoreOptions &options() const { return m_options; }

    // Reads look at the file's identity first and re-read it when it changed.
    Result<std::optional<Json>> get(const std::string &key);
    Result<bool> has(const std::string &key);
    Result<Json> getAll();
    Result<StoreInfo> info();

    Result<void> set(const std::string &key, Json value, ChangeSource source = ChangeSource::Cli);
    Result<void> setMultiple(const Json &object, ChangeSource source = ChangeSource::Cli);
    Result<void> remove(const std::string &key, ChangeSource source = ChangeSource::Cli);
    Result<void> clear(ChangeSource source = ChangeSource::Cli);
    // Applies several operations as one write.
    Result<void> apply(const std::vector<StoreOp> &ops, ChangeSource source,
                       const std::string &operationName = "apply");

    // Re-reads the file if it changed on disk; reports the changes as external.
    // Returns whether the document changed. With another source, the new
    // version is this program's own deliberate replacement of the file (a
    // recovery written beside the store): its changes carry that source, and
    // our recent writes it undoes are not put back, since it was meant to.
    Result<bool> refresh(ChangeSource source = ChangeSource::External);

    // Whether a write of this store met another writer: the file had changed
    // since the store last read it, had been modified within the last second
    // (by anyone: a batch of ours too), the exchange displaced a version that
    // was not ours, a stranded write was merged back, or assumeAnotherWriter()
    // said so. The other writer may then be in the
    // middle of a read-modify-write built on a version that lacks our change (or, when it read our
    // version before the merge, its own).
    bool metOtherWriter() const { return m_metOtherWriter; }
    // For a program about to exit after such a write: keeps following the
    // file until `quietMs` have passed since the store's last write of its
    // own (at most `budgetMs`), so that every version the other writer lands
    // meanwhile is checked and any change of either side it dropped is
    // written back (see RecentWrites). Returns at once when no other writer
    // was met. quietMs < 0: a window that grows with the file's size (the
    // other writer's read-modify-write takes longer on a larger file).
    Result<void> followUntilQuiet(int quietMs = -1, int budgetMs = 5000);
    // Someone else is known to be writing the file (it changed moments
    // before we read it): followUntilQuiet() follows it even without a race.
    void assumeAnotherWriter() { m_metOtherWriter = true; }
    // The same for a version read and parsed elsewhere (a watcher's worker
    // thread), so a large file is never parsed on the UI thread. A version
    // equal to the store's is ignored.
    // Without `parsed`, the store parses the bytes itself.
    Result<bool> adoptVersion(FileSnapshot snapshot, std::optional<ParsedDocument> parsed);
    // The same for a version given as a patch against the store's text (a
    // watcher found it from the bytes, see watch/TextPatch.h), without
    // parsing or diffing the whole document. std::nullopt: the patch does not
    // fit the store's text or document; adopt the version whole instead.
    std::optional<Result<bool>> adoptPatch(FileSnapshot snapshot, const DocumentPatch &patch);

    // Listen to one key (fires when its value, or anything under it, changes
    // by deep equality) or to "*" (every changed key).
    Subscription onChange(const std::string &key, Listener listener);

    // The document as last read or written (no disk access).
    const Json &document() const { return m_doc; }
    const std::string &bytes() const { return *m_text; }
    // The same bytes, shared rather than copied (see io/SharedText.h).
    const SharedText &text() const { return m_text; }
    // The file on disk is still the one our last write put there, untouched
    // (see io/WrittenFile.h): its bytes are text(), known without a read.
    // `stamp` gets its identity then.
    bool ownWriteStands(FileStamp *stamp = nullptr);
    const TextStyle &style() const { return m_style; }
    // The identity of the file as last read or written.
    const FileStamp &stamp() const { return m_stamp; }
    PerformanceMonitor &monitor() { return m_monitor; }
    // Warnings about the file that do not stop reading (duplicate keys).
    const std::vector<Error> &warnings() const { return m_warnings; }

    // Policies (schema checks, backups, history) that see every change; one
    // may refuse it. Not owned; they must outlive the store or be removed.
    void addHook(StoreHook *hook) { m_hooks.push_back(hook); }
    void removeHook(StoreHook *hook);

Q_SIGNALS:
    // One per changed key, ours and external alike.
    void changed(const tad::ChangeEvent &event);
    // The file changed on disk and the store took the new version.
    void reloaded();
    // The other writer and we changed the same key: the file keeps theirs;
    // `ours` is what we had written. Never resolved silently.
    void conflicted(const tad::ChangeEvent &theirs, const tad::Json &ours);

private:
    friend class MergeWrite; // one write of apply(), on the store's state

    struct ListenerEntry
    {
        quint64 id;
        std::string key; // "*" or dotted
        KeyPath path;
        Listener fn;
    };
    // A listener (copied: it may unsubscribe while others run) and the value
    // of its key before a change, captured only for keys a change can reach.
    struct Watched
    {
        ListenerEntry listener;
        std::optional<Json> before;
    };

    Result<KeyPath> parseKey(const std::string &key) const;
    Result<void> refuseReservedKey(const KeyPath &path, ChangeSource source) const;
    Result<void> refreshIfStale();
    Result<void> recoverStrandedWrites();
    // Removes the displaced versions kept longer than `olderThanMs` (all with 0).
    void discardKeptRecords(qint64 olderThanMs);
    Result<void> adopt(FileSnapshot snapshot);
    void adoptParsed(FileSnapshot snapshot, ParsedDocument parsed);
    void finishAdoption(bool external);
    void releaseLater(Json document);
    Result<bool> reapplyDisplaced();
    void checkRecentWrites(const Json &external);
    struct Reapply
    {
        ChangeSource source;
        std::vector<StoreOp> ops;
    };
    std::vector<Reapply> takePendingReapplyBySource();
    // What the operations do to `doc` (StoreOperations.cpp). Returns whether
    // the schema's defaults added anything.
    // `hadDefaults`: `doc` is our own last write, every default filled.
    Result<bool> applyOps(Json &doc, const std::vector<StoreOp> &ops, bool hadDefaults) const;
    std::vector<Watched> snapshotWatched(const std::vector<StoreOp> &ops) const;
    void emitOpChanges(const std::vector<StoreOp> &ops, std::vector<Watched> watched,
                       const std::vector<std::optional<Json>> &oldValues, ChangeSource source);
    void emitDocumentChanges(const Json &before, const Json &after, ChangeSource source);
    void deliver(const ChangeEvent &event, bool toStarListeners, bool toKeyListeners);

    QString m_path;
    StoreOptions m_options;
    bool m_opened = false;
    bool m_exists = false;
    Json m_doc = Json::object();
    SharedText m_text = emptyText();
    bool m_bytesCanonical = false; // m_text is exactly stringify(m_doc, m_style): we wrote it
    MemberIndex m_memberIndex;     // where m_text's root members are (WriteText)
    // The file our last write put in place, while m_text is its content.
    std::shared_ptr<WrittenFile> m_written;
    FileStamp m_stamp;
    TextStyle m_style;
    std::vector<Error> m_warnings;
    bool m_hasDuplicates = false;
    bool m_metOtherWriter = false;
    bool m_strandedChecked = false;
    struct KeptRecord
    {
        WriteRecord files;
        qint64 atMs = 0;
    };
    std::vector<KeptRecord> m_kept; // see MergeWrite and discardKeptRecords()
    qint64 m_lastWriteMs = 0;       // when this store last wrote the file (nowMs())
    qint64 m_lastWriteTookMs = 0;   // how long that write took, fsyncs included
    RecentWrites m_recent;
    // Where the last external version adopted differs from the one held.
    std::vector<KeyPath> m_adoptedChanges;
    // The source of the changes an adoption reports (see refresh()).
    ChangeSource m_adoptionSource = ChangeSource::External;
    std::vector<RecentWrites::Verdict::Reapply> m_pendingReapply;
    PerformanceMonitor m_monitor;
    std::vector<StoreHook *> m_hooks;

    std::vector<ListenerEntry> m_listeners;
    quint64 m_nextListenerId = 1;
    std::shared_ptr<Store *> m_self;
};

// A change about to be written, as hooks see it. The document before the
// change is not kept whole (copying a large store on every write would cost
// more than the write); hooks get the bytes on disk and the old value at
// each operation's path instead.
// Changes of an earlier write (ours, or the other writer's) that a version
// of the file dropped, carried back by the next write: they come first in
// its operations, `count` of them from `source`, one run after another.
struct PutBack
{
    ChangeSource source;
    size_t count = 0;
};

struct PendingChange
{
    // The version the change is made on: the file as it is now, or the
    // other writer's version that an exchange of ours displaced (the file
    // then holds our earlier attempt, which no one meant to keep).
    const std::string &bytesBefore;
    const Json &after; // the document to be written
    const std::vector<StoreOp> &ops;
    const std::vector<std::optional<Json>> &oldValues; // per op: value at its path before
    ChangeSource source;
    std::string operation; // "set", "delete", "clear", ...
    // Whether the schema's defaults added anything after the operations:
    // then the operations alone do not tell what changed.
    bool defaultsAdded = false;
    // The first operations, when they put back earlier changes: each run
    // is its own step of the history, under its own source.
    std::vector<PutBack> putBacks = {};
};

// Sees every change: beforeWrite may refuse it (schema checks) or act first
// (backups); afterWrite records it (history); documentAdopted tells of a new
// version read from disk (external changes, open).
class StoreHook
{
public:
    virtual ~StoreHook() = default;
    virtual Result<void> beforeWrite(const PendingChange &change) = 0;
    virtual void afterWrite(const PendingChange &change, const SharedText &bytesAfter)
    {
        Q_UNUSED(change);
        Q_UNUSED(bytesAfter);
    }
    virtual void documentAdopted(const Json &doc, const SharedText &bytes, bool external)
    {
        Q_UNUSED(doc);
        Q_UNUSED(bytes);
        Q_UNUSED(external);
    }
};

} // namespace tad
