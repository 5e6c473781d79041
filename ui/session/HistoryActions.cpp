#include "HistoryActions.h"

#include "StoreSession.h"

#include <QMetaObject>
#include <QPointer>
#include <memory>

namespace tad {

HistoryActions::HistoryActions(StoreSession *session, Schema schema, QObject *parent)
    : QObject(parent), m_session(session), m_schema(std::move(schema))
{}

template <typename T>
void HistoryActions::run(std::function<Result<T>(SettingsFile &)> action,
                         std::function<void(Result<T>)> done)
{
    QPointer<HistoryActions> self(this);
    m_session->runOnFile(
        [self, action = std::move(action), done = std::move(done)](SettingsFile &file) {
            auto result = std::make_shared<Result<T>>(action(file));
            QMetaObject::invokeMethod(
                self.data(),
                [self, done, result] {
                    if (!self)
                        return;
                    if (done)
                        done(std::move(*result));
                    Q_EMIT self->finished();
                },
                Qt::QueuedConnection);
        });
}

void HistoryActions::createBackup(const QString &label,
                                  std::function<void(Result<CreatedBackup>)> done)
{
    run<CreatedBackup>(
        [label](SettingsFile &file) { return file.createBackup(QStringLiteral("manual"), label); },
        std::move(done));
}

void HistoryActions::restore(const QString &backupName, const std::vector<KeyPath> &keys,
                             std::function<void(Result<RestoreOutcome>)> done)
{
    run<RestoreOutcome>(
        [backupName, keys](SettingsFile &file) -> Result<RestoreOutcome> {
            auto plan = file.planRestore(backupName, keys);
            if (!plan)
                return plan.error();
            return file.restore(*plan);
        },
        std::move(done));
}

void HistoryActions::rollback(const QString &entryId, const std::vector<int> &ops,
                              std::function<void(Result<RollbackOutcome>)> done)
{
    run<RollbackOutcome>(
        [entryId, ops](SettingsFile &file) -> Result<RollbackOutcome> {
            auto plan = file.planRollback(entryId, ops);
            if (!plan)
                return plan.error();
            return file.rollback(*plan);
        },
        std::move(done));
}

void HistoryActions::migrate(const QString &target, std::function<void(Result<MigrationPlan>)> done)
{
    run<MigrationPlan>([target](SettingsFile &file) { return file.migrate(target); },
                       std::move(done));
}

void HistoryActions::deleteBackups(const QStringList &names,
                                   std::function<void(Result<BackupRemoval>)> done)
{
    run<BackupRemoval>([names](SettingsFile &file) { return file.deleteBackups(names); },
                       std::move(done));
}

} // namespace tad
