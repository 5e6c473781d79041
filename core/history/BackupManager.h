// The seed's BackupManager: copies of the store in `backups/` beside it,
// each with a `.meta.json` that says when, why and what. Names and metadata
// follow the seed exactly (see BackupName.h), so the Electron app and TAD
// Settings see each other's backups.
#pragma once

#include "BackupName.h"
#include "Result.h"
#include "RetentionPolicy.h"
#include "io/SideFolder.h"

#include "json/Json.h"
#include "json/JsonText.h"
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tad {

struct BackupInfo
{
    enum class State
    {
        Ok,
        Damaged
    };

    QString name;
    QString path;   // for messages; every access goes through the folder (SideFolder)
    QDateTime time; // the meta file's backupTime, else the time in the name
    QString reason; // empty without a meta file
    QString label;
    // A person gave it its label (not the program, which labels its own
    // before-restore and pre-migration backups): retention keeps it.
    bool kept = false;
    QString hash;    // full SHA-256 from the meta file, else empty
    qint64 size = 0; // bytes on disk
    QString originalFile;
    bool hasMeta = false; // false: missing or unreadable (listed anyway, as the seed does)
    bool hashChecked = false;
    State state = State::Ok;
    QString problem; // why it is damaged

    bool damaged() const { return state == State::Damaged; }
    Json toJson() const;
};

struct BackupContent
{
    BackupInfo info;
    std::string bytes;
    Json document;
    // A key named twice in one object (the first found): JSON.parse keeps
    // the last, and our writes refuse such a file until it is mended.
    std::optional<DuplicateKey> duplicate;
};

// What a deletion did: the backups removed, and each one kept with why.
struct BackupRemoval
{
    QStringList removed;
    std::vector<std::pair<QString, QString>> kept; // name, reason
};

struct CreatedBackup
{
    BackupInfo info;
    // The newest backup already held these bytes (and now has the label
    // asked for, if it had none).
    bool reused = false;
    // Older backups the retention policy removed after it.
    QStringList pruned;
};

// Keeps a backup from being pruned while a restore or migration relies on
// it, also against another process (a small ".pin-<name>" file with our pid).
// Removed through the folder it was made in, whatever became of the path.
class BackupPin
{
public:
    BackupPin() = default;
    BackupPin(BackupPin &&other) noexcept = default;
    BackupPin &operator=(BackupPin &&other) noexcept;
    ~BackupPin();

private:
    friend class BackupManager;
    BackupPin(std::shared_ptr<SideFolder> folder, QString name)
        : m_folder(std::move(folder)), m_name(std::move(name))
    {}
    void release();
    std::shared_ptr<SideFolder> m_folder;
    QString m_name;
};

class BackupManager
{
public:
    // `storePath` is tad-config.json; backups live in its folder's `backups/`.
    explicit BackupManager(QString storePath);

    const QString &storePath() const { return m_storePath; }
    QString directory() const;
    void setClock(Clock clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }
    void setRetention(const RetentionPolicy &policy) { m_retention = policy; }
    const RetentionPolicy &retention() const { return m_retention; }
    // Prune after each new backup (as the seed does). On by default.
    void setPruneAutomatically(bool on) { m_autoPrune = on; }

    // Backs up the store file as it is on disk now; refused (Unreadable,
    // with the parse error) when it does not parse.
    // `labelledByPerson`: the label is a person's, so retention keeps the
    // backup (see setLabel).
    Result<CreatedBackup> create(const QString &reason, const QString &label = {},
                                 bool labelledByPerson = false);
    // Backs up the given bytes (the store's content right before a change).
    // Returns the newest backup instead when it already holds these bytes.
    Result<CreatedBackup> createFromBytes(const std::string &bytes, const QString &reason,
                                          const QString &label = {}, bool labelledByPerson = false);

    // Newest first. verifyHashes reads every backup and checks its SHA-256;
    // without it only sizes and the name's hash prefix are compared. A
    // symbolic link named like a backup is not listed (nor followed); each
    // one is described in `skipped` when given.
    Result<std::vector<BackupInfo>> list(bool verifyHashes = false,
                                         std::vector<Error> *skipped = nullptr) const;
    // Time of the newest backup from names alone (cheap; for burst limits).
    std::optional<QDateTime> newestBackupTime() const;

    // Refuses anything but the plain name of a regular file in the folder
    // that matches the pattern (Usage for a bad name or a link, NotFound if
    // absent). Returns its path, for messages.
    Result<QString> resolveName(const QString &name) const;
    // Reads, verifies the hash and parses a backup. Damaged: Unreadable.
    Result<BackupContent> load(const QString &name) const;
    // Makes the folder if it is missing (and private), as a write would.
    Result<void> prepareFolder() const;

    // Gives an existing backup a label (an empty one removes it): only the
    // meta file's "label" changes, its other members stay as they are. A
    // backup without a meta file is refused (NotFound).
    // `byPerson`: a person labelled it, so retention keeps it while the label
    // stands (the meta file's "keep"); the program's own labels leave that.
    Result<BackupInfo> setLabel(const QString &name, const QString &label,
                                bool byPerson = false) const;

    Result<BackupPin> pin(const QString &name, const QString &purpose) const;
    // Applies the retention policy; returns the names removed.
    Result<QStringList> prune() const;
    // Deletes backups a person chose, with their meta files. Never the newest
    // valid backup (the last good state to go back to) and never a pinned one
    // (a restore or migration relies on it); those are kept and said why.
    // A name that is not a backup in the folder fails the whole request.
    Result<BackupRemoval> remove(const QStringList &names) const;
    RetentionDecision plannedPrune(const std::vector<BackupInfo> &backups) const;

private:
    // Deletes a backup and its meta file (never what a link points to).
    Result<void> removeOne(const QString &name) const;
    Result<SideFolder> openFolder(SideFolder::Mode mode) const;
    Result<std::vector<BackupInfo>> listIn(const SideFolder &folder, bool verifyHashes,
                                           std::vector<Error> *skipped) const;
    BackupInfo describe(const SideFolder &folder, const QString &name, bool verifyHash) const;
    Result<QString> resolveIn(const SideFolder &folder, const QString &name) const;
    Result<BackupPin> pinIn(std::shared_ptr<SideFolder> folder, const QString &name,
                            const QString &purpose) const;
    std::set<QString> pinnedNames(const SideFolder &folder) const;
    RetentionDecision plannedPrune(const SideFolder &folder,
                                   const std::vector<BackupInfo> &backups) const;
    Result<QStringList> pruneIn(const SideFolder &folder) const;

    QString m_storePath;
    Clock m_clock = systemClock();
    RetentionPolicy m_retention;
    bool m_autoPrune = true;
};

} // namespace tad
