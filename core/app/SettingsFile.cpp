#include "SettingsFile.h"

#include "schema/ChangeCheck.h"
#include "schema/Defaults.h"
#include "schema/KeyMetadata.h"
#include "schema/KeyTypo.h"
#include "schema/SecretMask.h"

#include "json/JsonText.h"
#include <QDateTime>

namespace tad {

namespace {

QString shownValue(const std::optional<Json> &value)
{
    return value ? QString::fromStdString(compactJson(*value)) : QStringLiteral("(absent)");
}

} // namespace

Result<Schema> loadSchema(const QString &path, bool none)
{
    if (none)
        return Schema();
    return path.isEmpty() ? Schema::builtIn() : Schema::fromFile(path);
}

SettingsFile::SettingsFile(QString path, SettingsFileOptions options)
    : m_options(std::move(options)), m_backups(path)
{
    StoreOptions storeOptions;
    storeOptions.dialect = m_options.dialect;
    if (!m_options.schema.isNull())
        storeOptions.fillDefaults = schemaDefaultsFiller(m_options.schema);
    storeOptions.fillDefaultsAlong =
        [schema = m_options.schema](Json &doc, const std::vector<std::string> &tokens) {
            return applySchemaDefaultsAlong(schema, doc, tokens);
        };
    m_store = std::make_unique<Store>(std::move(path), storeOptions);
    if (!m_options.schema.isNull()) {
        m_guard = std::make_unique<SchemaGuard>(m_options.schema);
        m_store->addHook(m_guard.get());
    }
    // After the guard, and before the first read: a refused change takes no
    // backup and leaves no entry, and the first read is compared with the
    // history too (an external change made while no program of ours ran).
    if (m_options.history) {
        m_history = std::make_unique<HistoryServices>(*m_store);
        m_history->setSafetyNetsRequired(m_options.requireBackup);
        m_history->recorder().setRecordsReads(m_options.recordReads);
        m_history->recorder().setStartsOnOpen(m_options.startHistoryOnOpen);
    }
}

void SettingsFile::setRequireBackup(bool required)
{
    m_options.requireBackup = required;
    if (m_history)
        m_history->setSafetyNetsRequired(required);
}

std::vector<Error> SettingsFile::takeProblems()
{
    return m_history ? m_history->takeProblems() : std::vector<Error>();
}

SettingsFile::~SettingsFile()
{
    m_history.reset();
    if (m_guard)
        m_store->removeHook(m_guard.get());
}

Result<void> SettingsFile::open()
{
    auto opened = m_store->open();
    // Written less than a second before we read it, and not by us (the
    // history's copy differs): the Electron app is busy with the file, and
    // a read-modify-write of its that began before our write may land
    // after it. Our own write a moment ago (a script's previous command) is
    // no such sign, so a loop of commands pays nothing.
    const FileStamp &stamp = m_store->stamp();
    const bool recent =
        stamp.exists && QDateTime::currentMSecsSinceEpoch() - stamp.mtimeNs / 1'000'000 < 1000;
    if (opened && recent && (!m_history || m_history->recorder().foundExternalChange()))
        m_store->assumeAnotherWriter();
    return opened;
}

Result<void> SettingsFile::settle()
{
    auto settled = m_store->followUntilQuiet();
    if (m_history)
        (void)m_history->flush();
    return settled;
}

const QString &SettingsFile::path() const
{
    return m_store->path();
}

Result<HistoryServices *> SettingsFile::requireHistory()
{
    if (!m_history)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("this needs the history, which is switched off here"));
    return m_history.get();
}

BackupManager &SettingsFile::backups()
{
    return m_history ? m_history->backups() : m_backups;
}

// --- Edits -----------------------------------------------------------------

Error SettingsFile::conflictError(const KeyPath &path, const std::optional<Json> &seen) const
{
    const QString key = QString::fromStdString(path.toDotted(m_options.dialect));
    const Json *now = findValue(m_store->document(), path);
    const std::optional<Json> current = now ? std::optional<Json>(*now) : std::nullopt;
    const auto shown = [&](const std::optional<Json> &v) {
        return shownValue(v ? std::optional<Json>(masked(*v, path)) : std::nullopt);
    };
    Error e = makeError(ErrorCode::Conflict,
                        QStringLiteral("not changed: %1 was changed by another program since you "
                                       "read it (it was %2, it is now %3); look at the new value "
                                       "and change it again if you still want to")
                            .arg(key, shown(seen), shown(current)));
    e.key = key;
    e.file = m_store->path();
    return e;
}

Result<void> SettingsFile::refuseReadOnlyKey(const KeyPath &path, ChangeSource source) const
{
    if (!isPersonalEdit(source) || m_options.schema.isNull() || path.isEmpty() ||
        !keyMetadata(m_options.schema, path.segments()).readOnly)
        return {};
    const QString key = QString::fromStdString(path.toDotted(m_options.dialect));
    Error e = makeError(ErrorCode::Usage,
                        QStringLiteral("not changed: %1 is read-only: the schema leaves it to the "
                                       "app (its migrations move it; see migrate), or restore a "
                                       "backup that holds the value you want")
                            .arg(key));
    e.key = key;
    return e;
}

Result<void> SettingsFile::edit(std::vector<StoreOp> ops, const KeyPath &path, ChangeSource source,
                                const std::optional<Expected> &expected,
                                const std::string &operation)
{
    if (auto allowed = refuseReadOnlyKey(path, source); !allowed)
        return allowed;
    if (expected)
        ops.insert(ops.begin(), StoreOp::test(path, expected->value));
    auto done = m_store->apply(ops, source, operation);
    if (!done && done.error().code == ErrorCode::Conflict && expected)
        return conflictError(path, expected->value);
    return done;
}

Result<void> SettingsFile::set(const KeyPath &path, Json value, ChangeSource source,
                               std::optional<Expected> expected)
{
    // Moved, not copied: copying a value walks it recursively, and the store
    // refuses one too deep before anything walks it.
    std::vector<StoreOp> ops;
    ops.push_back(StoreOp::set(path, std::move(value)));
    return edit(std::move(ops), path, source, expected, "set");
}

Result<void> SettingsFile::remove(const KeyPath &path, ChangeSource source,
                                  std::optional<Expected> expected)
{
    return edit({StoreOp::remove(path)}, path, source, expected, "delete");
}

std::optional<Json> SettingsFile::defaultValue(const KeyPath &path) const
{
    if (m_options.schema.isNull())
        return std::nullopt;
    return schemaDefaultFor(m_options.schema, path.segments());
}

Result<void> SettingsFile::reset(const KeyPath &path, std::optional<Expected> expected)
{
    std::optional<Json> fallback = defaultValue(path);
    if (!fallback) {
        const QString key = QString::fromStdString(path.toDotted(m_options.dialect));
        const QString hint =
            meantKeyHint(m_options.schema, m_store->document(), path, m_options.dialect);
        Error e = makeError(ErrorCode::NotFound,
                            QStringLiteral("%1 has no default in the schema%2")
                                .arg(key, !hint.isEmpty()
                                              ? hint
                                              : QStringLiteral("; delete it to remove it, or set "
                                                               "it to give it a value")));
        e.key = key;
        return e;
    }
    return edit({StoreOp::set(path, std::move(*fallback))}, path, ChangeSource::Reset, expected,
                "reset");
}

Result<void> SettingsFile::setMultiple(const Json &object, ChangeSource source)
{
    if (object.is_object()) {
        for (const auto &[key, value] : object.items()) {
            auto path = KeyPath::parse(key, m_options.dialect);
            if (!path)
                continue; // the store says why
            if (auto allowed = refuseReadOnlyKey(*path, source); !allowed)
                return allowed;
        }
    }
    return m_store->setMultiple(object, source);
}

Result<void> SettingsFile::clear(ChangeSource source)
{
    return m_store->clear(source);
}

// --- Backups -----------------------------------------------------------------

Result<CreatedBackup> SettingsFile::createBackup(const QString &reason, const QString &label)
{
    // The bytes the store holds are the file as last read; a second read
    // of a large file would cost as much again.
    // A person asked for it: their label keeps it from retention.
    if (!m_store->bytes().empty())
        return backups().createFromBytes(m_store->bytes(), reason, label, true);
    return backups().create(reason, label, true);
}

Result<CreatedBackup> SettingsFile::takeStartupBackup()
{
    if (m_store->bytes().empty())
        return makeError(ErrorCode::NotFound, QStringLiteral("the file is empty or missing"));
    return backups().createFromBytes(m_store->bytes(), QStringLiteral("application-start"));
}

Result<BackupRemoval> SettingsFile::deleteBackups(const QStringList &names)
{
    return backups().remove(names);
}

Result<BackupInfo> SettingsFile::labelBackup(const QString &name, const QString &label)
{
    return backups().setLabel(name, label, true);
}

// Labels are read by anyone who lists the history, so a label is written
// whether or not this file records history itself.
Result<HistoryEntry> SettingsFile::labelHistoryEntry(const QString &entryId, const QString &label)
{
    if (m_history)
        return m_history->history().setLabel(entryId, label);
    return History(path()).setLabel(entryId, label);
}

Result<RestorePlan> SettingsFile::planRestore(const QString &backupName,
                                              const std::vector<KeyPath> &keys,
                                              std::optional<Json> previewed)
{
    auto services = requireHistory();
    if (!services)
        return services.error();
    auto plan = tad::planRestore(**services, {backupName, keys, std::move(previewed)});
    // A key neither side holds, near one the schema describes: say which.
    if (!plan && plan.error().code == ErrorCode::NotFound && !plan.error().key.isEmpty()) {
        auto path = KeyPath::parse(plan.error().key.toStdString(), m_options.dialect);
        const QString hint =
            path ? meantKeyHint(m_options.schema, m_store->document(), *path, m_options.dialect)
                 : QString();
        if (!hint.isEmpty()) {
            Error e = plan.error();
            e.message += hint;
            return e;
        }
    }
    return plan;
}

SchemaViolations SettingsFile::restoreViolations(const RestorePlan &plan) const
{
    // The schema guard's own rule, so the preview says what the write would.
    std::vector<std::vector<std::string>> paths;
    for (const auto &op : plan.ops)
        paths.push_back(op.isWholeDocument() ? std::vector<std::string>{} : op.path.segments());
    return addedSchemaViolations(m_options.schema, plan.current, plan.target, paths);
}

Result<RestoreOutcome> SettingsFile::restore(const RestorePlan &plan)
{
    auto services = requireHistory();
    if (!services)
        return services.error();
    return restoreBackup(**services, plan);
}

// --- History -----------------------------------------------------------------

Result<RollbackPlan> SettingsFile::planRollback(const QString &entryId, const std::vector<int> &ops)
{
    auto services = requireHistory();
    if (!services)
        return services.error();
    return tad::planRollback(**services, entryId, ops);
}

Result<RollbackOutcome> SettingsFile::rollback(const RollbackPlan &plan)
{
    auto services = requireHistory();
    if (!services)
        return services.error();
    return rollbackEntry(**services, plan);
}

// --- Migrations --------------------------------------------------------------

Result<MigrationPlan> SettingsFile::planMigration(const QString &target)
{
    auto migrator = Migrator::builtIn();
    if (!migrator)
        return migrator.error();
    auto current = m_store->getAll();
    if (!current)
        return current.error();
    return migrator->plan(*current, m_store->bytes(), m_store->style(), target);
}

Result<MigrationPlan> SettingsFile::migrate(const QString &target)
{
    auto services = requireHistory();
    if (!services)
        return services.error();
    auto migrator = Migrator::builtIn();
    if (!migrator)
        return migrator.error();
    return migrator->run(**services, target);
}

// --- Recovery ----------------------------------------------------------------

Result<RecoveryPlan> SettingsFile::planRecovery(const QString &fromName)
{
    return tad::planRecovery(m_store->path(), backups(), m_options.schema, fromName);
}

Result<RecoveryOutcome> SettingsFile::recover(const RecoveryPlan &plan, bool force)
{
    using State = RecoveryPlan::FileState;
    const QString name = plan.backup.info.name;
    if (plan.state == State::Healthy && !force) {
        Error e = makeError(ErrorCode::Usage,
                            QStringLiteral("the file reads and passes the schema, so there is "
                                           "nothing to recover; to replace it with %1 anyway, "
                                           "use --force (or restore that backup)")
                                .arg(name));
        e.file = m_store->path();
        return e;
    }
    HistoryRecorder::Annotation note;
    note.operation = "recover";
    note.label = QStringLiteral("recovered from %1").arg(name);
    if (plan.state == State::Healthy || plan.state == State::Invalid) {
        // The file reads: write back through the store like a restore, so a
        // change the other writer makes meanwhile is merged, not lost.
        auto services = requireHistory();
        if (!services)
            return services.error();
        auto restorePlan = tad::planRestore(**services, {name, {}});
        if (!restorePlan)
            return restorePlan.error();
        auto restored = restoreBackup(**services, *restorePlan, ChangeSource::Recovery, note);
        if (!restored)
            return restored.error();
        RecoveryOutcome outcome;
        outcome.restoredName = name;
        outcome.skipped = plan.skipped;
        if (restored->safetyBackup)
            outcome.keptCopy = restored->safetyBackup->path;
        if (!restored->recorded.empty())
            outcome.recorded = restored->recorded.back();
        return outcome;
    }
    auto pin = backups().pin(name, QStringLiteral("recover"));
    if (!pin)
        return pin.error();
    if (m_history)
        m_history->recorder().annotateNextAdoption(ChangeSource::Recovery, note);
    auto outcome = writeRecovery(m_store->path(), plan);
    if (!outcome) {
        if (m_history)
            m_history->recorder().forgetAnnotations();
        return outcome.error();
    }
    // The store takes the recovered file as its document (and the history
    // records it under its own source).
    Result<void> reread;
    if (!m_store->isOpen()) {
        reread = m_store->open();
    } else if (auto refreshed = m_store->refresh(ChangeSource::Recovery); !refreshed) {
        reread = refreshed.error();
    }
    if (!reread) {
        if (m_history)
            m_history->recorder().forgetAnnotations();
        return reread.error();
    }
    if (m_history) {
        m_history->recorder().forgetAnnotations();
        for (const HistoryEntry &entry : m_history->recorder().lastRecorded())
            if (entry.source == ChangeSource::Recovery && entry.label == note.label)
                outcome->recorded = entry;
    }
    return outcome;
}

// --- Secrets -------------------------------------------------------------------

bool SettingsFile::isSecret(const KeyPath &path) const
{
    return isSecretKey(m_options.schema, path.segments());
}

Json SettingsFile::masked(const Json &value, const KeyPath &path) const
{
    return maskSecrets(m_options.schema, value, path.segments());
}

Json SettingsFile::maskedPatch(const Json &patch) const
{
    return maskPatch(m_options.schema, patch);
}

} // namespace tad
