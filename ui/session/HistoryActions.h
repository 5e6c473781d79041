// The history panels' writes: create a backup, restore (whole or chosen
// keys), roll back (whole entry or chosen operations) and migrate. Each runs
// on the StoreSession's worker through the core's application layer
// (SettingsFile), so the window's store is only ever touched on its own
// thread, the checks are the core's, and the resulting change events reach
// the tree like any other write. Results come back on the UI thread, and
// every write it makes or is refused is reported() in words for the
// window's message bar, with the history entry that undoes it.
#pragma once

#include "Result.h"
#include "app/SettingsFile.h"
#include "schema/Schema.h"

#include <QObject>
#include <functional>
#include <string>
#include <vector>

namespace tad {

class StoreSession;

// The file's document as the store holds it, and what migrating it would do.
struct PlannedMigration
{
    Json document;
    MigrationPlan plan;
};

class HistoryActions : public QObject
{
    Q_OBJECT
public:
    HistoryActions(StoreSession *session, Schema schema, QObject *parent = nullptr);

    const Schema &schema() const { return m_schema; }

    void createBackup(const QString &label, std::function<void(Result<CreatedBackup>)> done);
    // `previewed`: the document the preview showed (see RestoreRequest).
    void restore(const QString &backupName, const std::vector<KeyPath> &keys,
                 std::optional<Json> previewed, std::function<void(Result<RestoreOutcome>)> done);
    void rollback(const QString &entryId, const std::vector<int> &ops,
                  std::function<void(Result<RollbackOutcome>)> done);
    void migrate(const QString &target, std::function<void(Result<MigrationPlan>)> done);
    void deleteBackups(const QStringList &names, std::function<void(Result<BackupRemoval>)> done);
    // Labels for what was made earlier; an empty label removes one.
    void labelBackup(const QString &name, const QString &label,
                     std::function<void(Result<BackupInfo>)> done);
    void labelHistoryEntry(const QString &id, const QString &label,
                           std::function<void(Result<HistoryEntry>)> done);
    // Read only, from the store that holds the file (never from the disk
    // behind its back): the current document, and the migration's dry run.
    void currentDocument(std::function<void(Result<Json>)> done);
    void planMigration(std::function<void(Result<PlannedMigration>)> done);
    // Writes back the backup a recovery plan chose (after its preview).
    void recover(const RecoveryPlan &plan, std::function<void(Result<RecoveryOutcome>)> done);

Q_SIGNALS:
    // After every action that may have written (backups or history changed).
    void finished();
    // What a write did or why it was refused. `undoEntry`: the history entry
    // whose rollback undoes it ("" when there is none).
    void reported(const QString &text, bool refused, const QString &undoEntry);

private:
    void report(const QString &text, bool refused, const QString &undoEntry = {});
    template <typename T>
    void run(std::function<Result<T>(SettingsFile &)> action, std::function<void(Result<T>)> done,
             bool writes = true);

    StoreSession *m_session;
    Schema m_schema;
};

} // namespace tad
