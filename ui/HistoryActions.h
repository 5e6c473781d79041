// The history panels' writes: create a backup, restore (whole or chosen
// keys), roll back (whole entry or chosen operations) and migrate. Each runs
// on the StoreSession's worker through runOnStore, so the window's Store is
// only ever touched on its own thread, and the resulting change events reach
// the tree like any other write. Results come back on the UI thread.
#pragma once

#include "Result.h"
#include "history/Migrator.h"
#include "history/Restore.h"
#include "history/Rollback.h"
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
    // Gives `use` the HistoryServices of the store (on the worker thread).
    using ServicesProvider =
        std::function<void(Store &store, const std::function<void(HistoryServices &)> &use)>;

    HistoryActions(StoreSession *session, Schema schema, QObject *parent = nullptr);

    // By default every action attaches its own HistoryServices for the
    // length of the action (so restores, rollbacks and migrations are
    // recorded and backed up). A window whose store already carries
    // HistoryServices sets a provider that hands those out instead.
    void setServicesProvider(ServicesProvider provider) { m_provider = std::move(provider); }
    const Schema &schema() const { return m_schema; }

    void createBackup(const QString &label, std::function<void(Result<CreatedBackup>)> done);
    void restore(const QString &backupName, const std::vector<std::string> &keys,
                 std::function<void(Result<RestoreOutcome>)> done);
    void rollback(const QString &entryId, const std::vector<int> &ops,
                  std::function<void(Result<RollbackOutcome>)> done);
    void migrate(const QString &target, std::function<void(Result<MigrationPlan>)> done);

Q_SIGNALS:
    // After every action that may have written (backups or history changed).
    void finished();

private:
    template <typename T>
    void runWithServices(std::function<Result<T>(HistoryServices &)> action,
                         std::function<void(Result<T>)> done);

    StoreSession *m_session;
    Schema m_schema;
    ServicesProvider m_provider;
};

// The restore check the CLI uses too: a backup may keep the schema
// violations the current document has, it may not add new ones.
DocumentValidator restoreValidator(const Schema &schema, const Json &current);

} // namespace tad
