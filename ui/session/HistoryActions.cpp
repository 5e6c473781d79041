#include "HistoryActions.h"

#include "StoreSession.h"
#include "common/ChangeWords.h"

#include <QMetaObject>
#include <QPointer>
#include <memory>

namespace tad {

HistoryActions::HistoryActions(StoreSession *session, Schema schema, QObject *parent)
    : QObject(parent), m_session(session), m_schema(std::move(schema))
{}

template <typename T>
void HistoryActions::run(std::function<Result<T>(SettingsFile &)> action,
                         std::function<void(Result<T>)> done, bool writes)
{
    QPointer<HistoryActions> self(this);
    m_session->runOnFile(
        [self, action = std::move(action), done = std::move(done), writes](SettingsFile &file) {
            auto result = std::make_shared<Result<T>>(action(file));
            QMetaObject::invokeMethod(
                self.data(),
                [self, done, result, writes] {
                    if (!self)
                        return;
                    if (done)
                        done(std::move(*result));
                    if (writes)
                        Q_EMIT self->finished();
                },
                Qt::QueuedConnection);
        });
}

void HistoryActions::report(const QString &text, bool refused, const QString &undoEntry)
{
    Q_EMIT reported(text, refused, undoEntry);
}

namespace {
QString entryOf(const std::vector<HistoryEntry> &recorded)
{
    return recorded.empty() ? QString() : recorded.back().id;
}
} // namespace

void HistoryActions::createBackup(const QString &label,
                                  std::function<void(Result<CreatedBackup>)> done)
{
    run<CreatedBackup>(
        [label](SettingsFile &file) { return file.createBackup(QStringLiteral("manual"), label); },
        std::move(done));
}

void HistoryActions::restore(const QString &backupName, const std::vector<KeyPath> &keys,
                             std::optional<Json> previewed,
                             std::function<void(Result<RestoreOutcome>)> done)
{
    run<RestoreOutcome>(
        [backupName, keys, previewed](SettingsFile &file) -> Result<RestoreOutcome> {
            auto plan = file.planRestore(backupName, keys, previewed);
            if (!plan)
                return plan.error();
            return file.restore(*plan);
        },
        [this, backupName, partial = !keys.empty(), done](Result<RestoreOutcome> outcome) {
            const QString backup =
                ChangeWords::backupNamed(backupName, QDateTime::currentDateTimeUtc());
            if (!outcome)
                report(ChangeWords::refusal(
                           tr("Not restored from %1: %2").arg(backup, QStringLiteral("%1")),
                           QStringLiteral("not restored: "), outcome.error().message),
                       true);
            else if (!outcome->changed)
                report(tr("Nothing to restore: the file already holds %1.").arg(backup), false);
            else
                report(partial ? tr("Restored the chosen keys from %1.").arg(backup)
                               : tr("Restored %1.").arg(backup),
                       false, entryOf(outcome->recorded));
            if (done)
                done(std::move(outcome));
        });
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
        [this, entryId, some = !ops.empty(), done](Result<RollbackOutcome> outcome) {
            const QString change =
                ChangeWords::changeNamed(entryId, QDateTime::currentDateTimeUtc());
            const QString what = some ? tr("Reverted the chosen values of %1.").arg(change)
                                      : tr("Rolled back %1.").arg(change);
            if (!outcome)
                report(ChangeWords::refusal(
                           some ? tr("Not reverted: %1") : tr("Not rolled back: %1"),
                           QStringLiteral("not rolled back: "), outcome.error().message),
                       true);
            else if (!outcome->changed)
                report(tr("Nothing to roll back: the values are already as before %1.").arg(change),
                       false);
            else
                report(what, false, entryOf(outcome->recorded));
            if (done)
                done(std::move(outcome));
        });
}

void HistoryActions::migrate(const QString &target, std::function<void(Result<MigrationPlan>)> done)
{
    run<MigrationPlan>(
        [target](SettingsFile &file) { return file.migrate(target); },
        [this, done](Result<MigrationPlan> plan) {
            if (!plan)
                report(tr("Not migrated: %1").arg(plan.error().message), true);
            else if (!plan->needed())
                report(tr("Nothing to migrate: the file is at %1.").arg(plan->fromVersion), false);
            else
                report(tr("Migrated the settings file from %1 to %2; the "
                          "pre-migration backup holds the old content.")
                           .arg(plan->fromVersion, plan->toVersion),
                       false);
            if (done)
                done(std::move(plan));
        });
}

void HistoryActions::currentDocument(std::function<void(Result<Json>)> done)
{
    run<Json>([](SettingsFile &file) { return file.store().getAll(); }, std::move(done), false);
}

void HistoryActions::planMigration(std::function<void(Result<PlannedMigration>)> done)
{
    run<PlannedMigration>(
        [](SettingsFile &file) -> Result<PlannedMigration> {
            auto document = file.store().getAll();
            if (!document)
                return document.error();
            auto plan = file.planMigration();
            if (!plan)
                return plan.error();
            return PlannedMigration{std::move(*document), std::move(*plan)};
        },
        std::move(done), false);
}

void HistoryActions::recover(const RecoveryPlan &plan,
                             std::function<void(Result<RecoveryOutcome>)> done)
{
    run<RecoveryOutcome>(
        [plan](SettingsFile &file) { return file.recover(plan); },
        [this, done](Result<RecoveryOutcome> outcome) {
            if (!outcome) {
                report(tr("Not recovered: %1").arg(outcome.error().message), true);
            } else {
                QString text = tr("Recovered the settings file from %1.")
                                   .arg(ChangeWords::backupNamed(outcome->restoredName,
                                                                 QDateTime::currentDateTimeUtc()));
                if (!outcome->keptCopy.isEmpty())
                    text += QLatin1Char(' ') +
                            tr("The broken content is kept in %1.").arg(outcome->keptCopy);
                report(text, false);
            }
            if (done)
                done(std::move(outcome));
        });
}

void HistoryActions::deleteBackups(const QStringList &names,
                                   std::function<void(Result<BackupRemoval>)> done)
{
    run<BackupRemoval>([names](SettingsFile &file) { return file.deleteBackups(names); },
                       std::move(done));
}

void HistoryActions::labelBackup(const QString &name, const QString &label,
                                 std::function<void(Result<BackupInfo>)> done)
{
    run<BackupInfo>([name, label](SettingsFile &file) { return file.labelBackup(name, label); },
                    std::move(done));
}

void HistoryActions::labelHistoryEntry(const QString &id, const QString &label,
                                       std::function<void(Result<HistoryEntry>)> done)
{
    run<HistoryEntry>([id, label](SettingsFile &file) { return file.labelHistoryEntry(id, label); },
                      std::move(done));
}

} // namespace tad
