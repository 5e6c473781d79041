// The seed's error-correction record: `storeHistory/` beside the store holds
// every change (id, time, source, RFC 6902 patch and guarded inverse,
// content hashes) as one line of an append-only journal, plus, for the
// newest journal segment, the content the history started it from. A change
// made while TAD Settings was not looking is found by comparing the file
// with what the newest entry left, and recorded as `external`, so the
// history has no holes. Layout, durability and what a crash leaves:
// docs/BACKUPS.md#history.
//
//   journal-000007.jsonl   one entry per line, oldest first (a segment)
//   journal-000007.base    the content before the segment's first entry
//   <id>.json, head.json   the layout before the journal: read, never
//                          written; head.json becomes the first base
#pragma once

#include "BackupName.h"
#include "Result.h"
#include "SetChanges.h"
#include "io/SideFolder.h"
#include "store/ChangeEvent.h"

#include "json/Json.h"
#include <QDateTime>
#include <QString>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tad {

// The name the history gives a version of the file (an entry's hashBefore
// and hashAfter): its content digest (io/ContentHash.h), microseconds per
// MB where a SHA-256 cost 0.7 ms.
QString versionHash(std::string_view bytes);
// Whether `hash` names `bytes`: a digest, or the SHA-256 in hex that
// entries written before the digest carry.
bool namesVersion(const QString &hash, std::string_view bytes);
// Whether `hash` is such an earlier SHA-256 name rather than a digest.
bool isOldVersionName(const QString &hash);

struct HistoryEntry
{
    QString id;     // "20240501T093000123Z-3f9a": sorts by time
    QDateTime time; // UTC
    ChangeSource source = ChangeSource::Cli;
    std::string operation; // "set", "clear", "restore", "rollback", "migration", ...
    QString label;
    QString version;    // migrations: the step's version
    QString rollbackOf; // rollbacks: the entry undone
    Json patch = Json::array();
    Json inverse = Json::array();
    QString hashBefore, hashAfter; // versionHash() of the file's bytes
    qint64 sizeAfter = 0;
    // When not empty, patch and inverse are changeSetOfSets(sets), and the
    // journal keeps only these (a set of one key costs a line of ~250 bytes).
    std::vector<SetChange> sets;

    Json toJson() const;
    static Result<HistoryEntry> fromJson(const Json &json);
};

struct HistoryLimits
{
    int maxEntries = 1000;
    qint64 maxBytes = 64LL * 1024 * 1024; // all entries together
};

// The content the newest entry left behind.
struct HistoryHead
{
    QString hash;     // its versionHash, or the newest one before it ("" if none)
    SharedText bytes; // exactly, where the history holds them (else null)
    // Otherwise, with head(true): the segment's base with each entry's patch
    // applied in order; nullopt if that failed (a base or entry lost).
    std::optional<Json> document;
};

std::optional<ChangeSource> changeSourceFromName(std::string_view name);

class Journal;

class History
{
public:
    explicit History(QString storePath);
    ~History(); // flushes what is not yet durable
    History(const History &) = delete;
    History &operator=(const History &) = delete;

    QString directory() const;
    // The file each new entry is appended to now ("" before the first): a
    // view of the list watches it beside the folder, whose listing does not
    // change when a line is added.
    QString appendedFile() const;
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setLimits(const HistoryLimits &limits) { m_limits = limits; }

    // Gives the entry an id and time if it has none and appends it to the
    // journal, not yet durable (see flush()). `contentAfter` is the file's
    // content after the entry: kept for the next look at the file, and the
    // base of a new segment when this one is full.
    Result<HistoryEntry> record(HistoryEntry entry, const SharedText &contentAfter = nullptr);
    // Makes every entry appended so far durable (one fdatasync); done by
    // record() every kGroupCommit entries, by the destructor, and by the
    // programs when a burst of changes ends.
    Result<void> flush();
    bool needsFlush() const;

    // Newest first. Entries that cannot be read are skipped; a symbolic link
    // among them is not followed, and described in `skipped` when given.
    Result<std::vector<HistoryEntry>> list(std::vector<Error> *skipped = nullptr) const;
    // A full id, or a prefix/suffix that names exactly one entry. An entry
    // file that is a symbolic link is refused with a message.
    Result<HistoryEntry> find(const QString &id) const;

    // Gives an entry (as find() names it) a label; an empty one removes it.
    // An entry file of the old layout is rewritten; a journal segment is
    // rewritten whole (temp file and rename, under the journal's lock, so a
    // writer that appends meanwhile follows it to the new file).
    Result<HistoryEntry> setLabel(const QString &id, const QString &label) const;

    // What the newest entry left; nullopt before the history first saw the
    // file. `withDocument` rebuilds it where the bytes are not held. A
    // journal file that is a symbolic link is an error, never followed.
    Result<std::optional<HistoryHead>> head(bool withDocument = false) const;
    // Starts the history (or a new segment of it) from this content: the
    // first look at a file, or a head that could not be rebuilt.
    Result<void> setBase(const SharedText &text);
    // Whether the next record() can go where it belongs, checked before a
    // change is written: the folder and the journal's files are not links.
    Result<void> checkWritable() const;

    static constexpr int kGroupCommit = 16;     // entries per fdatasync at most
    static constexpr int kSegmentEntries = 250; // entries per journal segment

private:
    Result<SideFolder> openFolder(SideFolder::Mode mode) const;
    static void dropSecondSightings(std::vector<HistoryEntry> &entries);
    QString nextId(const QDateTime &time);
    Result<Journal *> openJournal();
    void trim(const SideFolder &folder) const;

    QString m_storePath;
    Clock m_clock = systemClock();
    HistoryLimits m_limits;
    QDateTime m_lastTime;
    std::unique_ptr<Journal> m_journal;
    // What this process's last record() or setBase() left, while no one else
    // has appended since: the next look at the file compares with it.
    SharedText m_headBytes;
    QString m_headHash;
};

} // namespace tad
