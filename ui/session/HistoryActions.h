// The history panels' writes: create a backup, restore (whole or chosen
// keys), roll back (whole entry or chosen operations) and migrate. Each runs
// on the StoreSession's worker through the core's application layer
// (SettingsFile), so the window's store is only ever touched on its own
// thread, the checks are the core's, and the resulting change events reach
// the tree like any other write. Results come back on the UI thread.
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

class HistoryActions : public QObject
{
    Q_OBJECT
public:
    HistoryActions(StoreSession *session, Schema schema, QObject *parent = nullptr);

    const Schema &schema() const { return m_schema; }

    void createBackup(const QString &label, std::function<void(Result<CreatedBackup>)> done);
    void restore(const QString &backupName, const std::vector<KeyPath> &keys,
                 std::function<void(Result<RestoreOutcome>)> done);
    void rollback(const QString &entryId, const std::vector<int> &ops,
                  std::function<void(Result<RollbackOutcome>)> done);
    void migrate(const QString &target, std::function<void(Result<MigrationPlan>)> done);
    void deleteBackups(const QStringList &names, std::function<void(Result<BackupRemoval>)> done);

Q_SIGNALS:
    // After every action that may have written (backups or history changed).
    void finished();

private:
    template <typename T>
    void run(std::function<Result<T>(SettingsFile &)> action, std::function<void(Result<T>)> done);

    StoreSession *m_session;
    Schema m_schema;
};

} // namespace tad
