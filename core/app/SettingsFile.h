// The application layer: one settings file opened with everything a program
// needs, for the window and the command line alike (as KeePassXC's Database
// is for its GUI and its CLI).
//
// Opening assembles, in this order and nowhere else:
//   1. the Store, with the key dialect and the schema's defaults filled on
//      every write (as electron-store's Ajv does on each of its writes);
//   2. the schema guard: a change that adds violations is refused before
//      anything else sees it, so it leaves no backup and no history entry;
//   3. the history services: backups before a clear or a critical change,
//      retention, and a history entry for every change, ours and found.
// On top of it the user-level operations, each returning a Result: edits
// guarded by the value the person saw, reset to the default, backups
// (create, delete, restore with its preview), rollback and revert of history
// entries, migrations, recovery of a broken file, and the masking of secrets.
//
// Not thread-safe: a program uses it from one thread (the window's store
// worker, the CLI's main thread).
#pragma once

#include "Result.h"
#include "app/Recovery.h"
#include "history/HistoryHooks.h"
#include "history/Migrator.h"
#include "history/Restore.h"
#include "history/Rollback.h"
#include "schema/Schema.h"
#include "schema/SchemaGuard.h"
#include "store/Store.h"

#include "json/Json.h"
#include <QString>
#include <memory>
#include <optional>

namespace tad {

struct SettingsFileOptions
{
    KeyDialect dialect = KeyDialect::DotProp10;
    // Null: no validation and no defaults; secrets are still found by name.
    Schema schema;
    // Backups before critical changes and a history entry for every change.
    bool history = true;
    // False for a program that only reads (the CLI's info, get-all, backup
    // list, history list, a dry run): the history is read, never written;
    // a change found in the file is recorded by the next program that writes
    // (HistoryRecorder::unrecordedChange() says there is one).
    bool recordReads = true;
    // False for a program that does not follow the file (the CLI): a history
    // that does not exist yet starts with the first change written, so a
    // refused one leaves nothing (HistoryRecorder::setStartsOnOpen).
    bool startHistoryOnOpen = true;
    // A change whose safety net (the backup before a critical change or a
    // clear, its history record) cannot be written is refused, with
    // Error::safetyNet set. False (the CLI's --no-backup, the window after
    // asking): it goes ahead and takeProblems() says what was skipped.
    bool requireBackup = true;
};

// The schema a program was asked for: `path`, else the built-in one; none at
// all with `none` (--no-schema).
Result<Schema> loadSchema(const QString &path, bool none);

// What a person saw before changing a key: the change is written only if
// the file still holds it (nullopt: the key was absent). Without it, the
// change applies to whatever the file holds.
struct Expected
{
    std::optional<Json> value;
};

class SettingsFile
{
public:
    SettingsFile(QString path, SettingsFileOptions options);
    ~SettingsFile();
    SettingsFile(const SettingsFile &) = delete;
    SettingsFile &operator=(const SettingsFile &) = delete;

    // Reads the file. A missing file is an empty store; a file that cannot be
    // read or parsed is an error, and nothing will be written over it (see
    // planRecovery()).
    Result<void> open();

    const QString &path() const;
    Store &store() { return *m_store; }
    const Store &store() const { return *m_store; }
    const Schema &schema() const { return m_options.schema; }
    KeyDialect dialect() const { return m_options.dialect; }
    // Null when history is off.
    HistoryServices *history() { return m_history.get(); }
    // The backups beside the file (the history services' own when history is on).
    BackupManager &backups();
    // See SettingsFileOptions::requireBackup; the window turns it off for
    // one change a person agreed to make without a backup.
    void setRequireBackup(bool required);
    bool requireBackup() const { return m_options.requireBackup; }
    // What the safety nets could not do since the last call (a backup or a
    // history record that was skipped or failed), each saying so: for the
    // person, after the operation that caused it.
    std::vector<Error> takeProblems();
    // For a program about to exit after writing: Store::followUntilQuiet
    // (also when open() found the file busy with another writer), then the
    // history's entries of the burst made durable together (a failure is
    // left for takeProblems()).
    Result<void> settle();

    // --- Edits ------------------------------------------------------------
    // Every edit refuses conf's reserved `__internal__`, keys the schema
    // does not allow a value for and, when `expected` is given, a key that
    // changed since the person looked at it (Conflict, naming the key and
    // both values, secrets masked).
    Result<void> set(const KeyPath &path, Json value, ChangeSource source,
                     std::optional<Expected> expected = {});
    Result<void> remove(const KeyPath &path, ChangeSource source,
                        std::optional<Expected> expected = {});
    // The key back to its schema default (with the defaults under it), as
    // its own kind of change (source Reset). NotFound when there is none.
    Result<void> reset(const KeyPath &path, std::optional<Expected> expected = {});
    // What reset() would write; nullopt when the schema has no default.
    std::optional<Json> defaultValue(const KeyPath &path) const;
    Result<void> setMultiple(const Json &object, ChangeSource source);
    // Back to the schema's defaults; a `before-clear` backup first.
    Result<void> clear(ChangeSource source);

    // --- Backups ----------------------------------------------------------
    // Of the content the store holds (the file as last read), or of the file
    // on disk when it has not been read; refused when that does not parse
    // (a backup of it could never be restored).
    Result<CreatedBackup> createBackup(const QString &reason, const QString &label = {});
    // The `application-start` backup a window takes when it opens a file.
    Result<CreatedBackup> takeStartupBackup();
    Result<BackupRemoval> deleteBackups(const QStringList &names);
    // A label for a backup made earlier; an empty label removes it.
    Result<BackupInfo> labelBackup(const QString &name, const QString &label);
    // `previewed`: see RestoreRequest::previewed.
    Result<RestorePlan> planRestore(const QString &backupName,
                                    const std::vector<KeyPath> &keys = {},
                                    std::optional<Json> previewed = std::nullopt);
    // The violations the plan would add (restore() refuses it if any).
    SchemaViolations restoreViolations(const RestorePlan &plan) const;
    Result<RestoreOutcome> restore(const RestorePlan &plan);

    // --- History ----------------------------------------------------------
    // Roll back a whole entry, or revert chosen operations of it.
    Result<RollbackPlan> planRollback(const QString &entryId, const std::vector<int> &ops = {});
    Result<RollbackOutcome> rollback(const RollbackPlan &plan);
    // A label for a recorded change; an empty label removes it.
    Result<HistoryEntry> labelHistoryEntry(const QString &entryId, const QString &label);

    // --- Migrations -------------------------------------------------------
    Result<MigrationPlan> planMigration(const QString &target = {});
    Result<MigrationPlan> migrate(const QString &target = {});

    // --- Recovery ---------------------------------------------------------
    Result<RecoveryPlan> planRecovery(const QString &fromName = {});
    // Writes the plan's backup back; the broken content is kept as a
    // `.bad-` copy. A file that reads and passes the schema is replaced only
    // with `force` (then it is a restore, merged with any change meanwhile).
    Result<RecoveryOutcome> recover(const RecoveryPlan &plan, bool force = false);

    // --- Secrets ------------------------------------------------------------
    bool isSecret(const KeyPath &path) const;
    // `value` as found at `path` (the root for an empty path) with every
    // secret in it masked.
    Json masked(const Json &value, const KeyPath &path = {}) const;
    Json maskedPatch(const Json &patch) const;

private:
    Result<void> edit(std::vector<StoreOp> ops, const KeyPath &path, ChangeSource source,
                      const std::optional<Expected> &expected, const std::string &operation);
    Error conflictError(const KeyPath &path, const std::optional<Json> &seen) const;
    // A key the schema marks readOnly is the app's to change: refused for a
    // person's edit (the window shows it without an editor).
    Result<void> refuseReadOnlyKey(const KeyPath &path, ChangeSource source) const;
    Result<HistoryServices *> requireHistory();

    SettingsFileOptions m_options;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SchemaGuard> m_guard;
    std::unique_ptr<HistoryServices> m_history;
    BackupManager m_backups; // for a file opened without history, and recovery
};

} // namespace tad
