#include "HistoryActions.h"

#include "StoreSession.h"

#include <QMetaObject>
#include <QPointer>
#include <QStringList>
#include <algorithm>
#include <memory>

namespace tad {

HistoryActions::HistoryActions(StoreSession *session, Schema schema, QObject *parent)
    : QObject(parent), m_session(session), m_schema(std::move(schema))
{
    m_provider = [](Store &store, const std::function<void(HistoryServices &)> &use) {
        HistoryServices services(store);
        use(services);
    };
}

template <typename T>
void HistoryActions::runWithServices(std::function<Result<T>(HistoryServices &)> action,
                                     std::function<void(Result<T>)> done)
{
    QPointer<HistoryActions> self(this);
    ServicesProvider provider = m_provider;
    m_session->runOnStore(
        [self, provider, action = std::move(action), done = std::move(done)](Store &store) {
            auto result = std::make_shared<Result<T>>(
                makeError(ErrorCode::Unreadable, QStringLiteral("The store is not available.")));
            provider(store, [&](HistoryServices &services) { *result = action(services); });
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
    runWithServices<CreatedBackup>(
        [label](HistoryServices &services) -> Result<CreatedBackup> {
            // The bytes the store holds, not a second read of the file.
            return services.backups().createFromBytes(services.store().bytes(),
                                                      QStringLiteral("manual"), label);
        },
        std::move(done));
}

void HistoryActions::restore(const QString &backupName, const std::vector<std::string> &keys,
                             std::function<void(Result<RestoreOutcome>)> done)
{
    const Schema schema = m_schema;
    runWithServices<RestoreOutcome>(
        [backupName, keys, schema](HistoryServices &services) -> Result<RestoreOutcome> {
            RestoreRequest request;
            request.backupName = backupName;
            request.keys = keys;
            if (!schema.isNull())
                request.validate = restoreValidator(schema, services.store().document());
            return restoreBackup(services, request);
        },
        std::move(done));
}

void HistoryActions::rollback(const QString &entryId, const std::vector<int> &ops,
                              std::function<void(Result<RollbackOutcome>)> done)
{
    runWithServices<RollbackOutcome>(
        [entryId, ops](HistoryServices &services) { return rollbackEntry(services, entryId, ops); },
        std::move(done));
}

void HistoryActions::migrate(const QString &target, std::function<void(Result<MigrationPlan>)> done)
{
    runWithServices<MigrationPlan>(
        [target](HistoryServices &services) -> Result<MigrationPlan> {
            auto migrator = Migrator::builtIn();
            if (!migrator)
                return migrator.error();
            return migrator->run(services, target);
        },
        std::move(done));
}

DocumentValidator restoreValidator(const Schema &schema, const Json &current)
{
    return [schema, current](const Json &doc) -> Result<void> {
        const SchemaViolations existing = schema.validate(current);
        QStringList added;
        for (const auto &violation : schema.validate(doc)) {
            const bool known =
                std::any_of(existing.begin(), existing.end(),
                            [&](const SchemaViolation &e) { return e.sameViolation(violation); });
            if (!known)
                added << violation.toString();
        }
        if (added.isEmpty())
            return {};
        return makeError(ErrorCode::SchemaRejected,
                         QObject::tr("The backup would add schema violations: %1")
                             .arg(added.join(QStringLiteral("; "))));
    };
}

} // namespace tad
