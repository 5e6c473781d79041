// The seed's error-correction record: `storeHistory/` beside the store holds
// one file per change (id, time, source, RFC 6902 patch and guarded inverse,
// content hashes), plus `head.json`, the content the newest entry left
// behind. A change made while TAD Settings was not looking is found by
// comparing the file with head.json and recorded as `external`, so the
// history has no holes.
#pragma once

#include "BackupName.h"
#include "Result.h"
#include "io/SideFolder.h"
#include "store/ChangeEvent.h"

#include "json/Json.h"
#include <QDateTime>
#include <QString>
#include <optional>
#include <string>
#include <vector>

namespace tad {

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
    QString hashBefore, hashAfter; // SHA-256 of the file's bytes
    qint64 sizeAfter = 0;

    Json toJson() const;
    static Result<HistoryEntry> fromJson(const Json &json);
};

struct HistoryLimits
{
    int maxEntries = 1000;
    qint64 maxBytes = 64LL * 1024 * 1024; // all entry files together
};

std::optional<ChangeSource> changeSourceFromName(std::string_view name);

class History
{
public:
    explicit History(QString storePath);

    QString directory() const;
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setLimits(const HistoryLimits &limits) { m_limits = limits; }

    // Gives the entry an id and time if it has none, writes it, and drops the
    // oldest entries beyond the limits.
    Result<HistoryEntry> record(HistoryEntry entry);
    // Newest first. Entries that cannot be read are skipped; a symbolic link
    // among them is not followed, and described in `skipped` when given.
    Result<std::vector<HistoryEntry>> list(std::vector<Error> *skipped = nullptr) const;
    // A full id, or a prefix/suffix that names exactly one entry. An entry
    // file that is a symbolic link is refused with a message.
    Result<HistoryEntry> find(const QString &id) const;

    // Gives an entry (as find() names it) a label; an empty one removes it.
    // Only the entry file's "label" member changes.
    Result<HistoryEntry> setLabel(const QString &id, const QString &label) const;

    // The content the newest entry left; nullopt before the first record.
    // A head.json that is a symbolic link is an error, never followed.
    Result<std::optional<std::string>> head() const;
    Result<void> setHead(const std::string &bytes);
    // Whether the next record() and setHead() can go where they belong,
    // checked before a change is written: the folder and head.json are not
    // links. Costs two lookups, no read.
    Result<void> checkWritable() const;

private:
    Result<SideFolder> openFolder(SideFolder::Mode mode) const;
    QString nextId(const QDateTime &time);
    void trim(const SideFolder &folder) const;

    QString m_storePath;
    Clock m_clock = systemClock();
    HistoryLimits m_limits;
    QDateTime m_lastTime;
};

} // namespace tad
