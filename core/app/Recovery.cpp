#include "Recovery.h"

#include "io/AtomicFile.h"
#include "watch/BrokenFileCopies.h"

#include "json/JsonText.h"

namespace tad {
namespace {

// Why a backup cannot be written back, or nothing if it can (then `content` holds it).
std::optional<QString> unusable(const BackupManager &backups, const QString &name,
                                const Schema &schema, BackupContent &content)
{
    auto loaded = backups.load(name); // checks the name, the hash and that it parses
    if (!loaded)
        return loaded.error().message;
    // Written back, such a file would refuse every change made here.
    if (loaded->duplicate)
        return QStringLiteral("names a key twice (line %1): every change here would be refused")
            .arg(loaded->duplicate->line);
    if (!schema.isNull()) {
        const auto violations = schema.validate(loaded->document);
        if (!violations.empty())
            return QStringLiteral("does not pass the schema (%1 violation%2)")
                .arg(violations.size())
                .arg(violations.size() == 1 ? QString() : QStringLiteral("s"));
    }
    content = std::move(loaded.value());
    return std::nullopt;
}

void describeCurrent(const QString &storePath, const Schema &schema, RecoveryPlan &plan)
{
    auto current = readFile(storePath);
    if (!current) {
        plan.state = RecoveryPlan::FileState::Broken;
        plan.problem = current.error();
        return;
    }
    if (!current->stamp.exists) {
        plan.state = RecoveryPlan::FileState::Missing;
        return;
    }
    plan.currentBytes = std::move(current->bytes);
    plan.currentRead = true;
    auto parsed = parseDocument(plan.currentBytes, storePath);
    if (!parsed) {
        plan.state = RecoveryPlan::FileState::Broken;
        plan.problem = parsed.error();
        return;
    }
    if (!parsed->duplicates.empty()) {
        // The store reads such a file but will not write it: a write would
        // silently drop one of the values.
        plan.state = RecoveryPlan::FileState::Broken;
        plan.problem = makeError(ErrorCode::Unreadable,
                                 QStringLiteral("a key appears more than once (line %1)")
                                     .arg(parsed->duplicates.front().line));
        plan.problem.file = storePath;
        plan.problem.line = parsed->duplicates.front().line;
        plan.problem.column = parsed->duplicates.front().column;
        return;
    }
    plan.violations = schema.isNull() ? SchemaViolations() : schema.validate(parsed->value);
    plan.currentDocument = std::move(parsed->value);
    plan.state = plan.violations.empty() ? RecoveryPlan::FileState::Healthy
                                         : RecoveryPlan::FileState::Invalid;
}

} // namespace

Result<RecoveryPlan> planRecovery(const QString &storePath, const BackupManager &backups,
                                  const Schema &schema, const QString &fromName)
{
    RecoveryPlan plan;
    describeCurrent(storePath, schema, plan);

    if (!fromName.isEmpty()) {
        if (auto resolved = backups.resolveName(fromName); !resolved)
            return resolved.error();
        if (auto why = unusable(backups, fromName, schema, plan.backup)) {
            Error e = makeError(ErrorCode::Unreadable,
                                QStringLiteral("cannot recover from %1: %2").arg(fromName, *why));
            e.file = storePath;
            return e;
        }
        return plan;
    }
    auto list = backups.list();
    if (!list)
        return list.error();
    for (const BackupInfo &info : *list) {
        if (auto why = unusable(backups, info.name, schema, plan.backup)) {
            plan.skipped << info.name + QStringLiteral(": ") + *why;
            continue;
        }
        if (plan.backup.bytes == plan.currentBytes) {
            plan.skipped << info.name + QStringLiteral(": the same as the file now");
            continue;
        }
        return plan;
    }
    if (plan.state == RecoveryPlan::FileState::Healthy) {
        // Nothing is wrong, and no backup could replace it anyway.
        Error e = makeError(ErrorCode::Usage,
                            QStringLiteral("the file reads and passes the schema, so there is "
                                           "nothing to recover (and no backup differs from it)"));
        e.file = storePath;
        return e;
    }
    Error e = makeError(ErrorCode::NotFound,
                        list->empty() ? QStringLiteral("there are no backups to recover from")
                                      : QStringLiteral("none of the %1 backups parses, passes the "
                                                       "schema and differs from the file")
                                            .arg(list->size()));
    e.file = backups.directory();
    return e;
}

Result<RecoveryOutcome> writeRecovery(const QString &storePath, const RecoveryPlan &plan)
{
    RecoveryOutcome outcome;
    outcome.restoredName = plan.backup.info.name;
    outcome.skipped = plan.skipped;
    const bool existed = plan.state != RecoveryPlan::FileState::Missing;
    if (auto stamp = statFile(storePath); stamp) {
        if (auto writable = refuseReadOnly(storePath, *stamp); !writable)
            return writable.error();
    }
    if (existed && plan.currentRead) {
        // Kept before anything is written: it may hold something worth saving.
        auto kept = keepBadCopy(storePath, plan.currentBytes);
        if (!kept)
            return kept.error();
        outcome.keptCopy = kept.value();
    }
    WriteOptions options;
    options.learnPrevious = true;
    auto written = replaceFile(storePath, plan.backup.bytes, options);
    if (!written)
        return written.error();
    const bool sameAsPlanned =
        written->previous ? existed && *written->previous == plan.currentBytes : !existed;
    if (!sameAsPlanned) {
        // Another program wrote the file since the plan: its version goes back.
        Error e = makeError(ErrorCode::Conflict,
                            QStringLiteral("not recovered: another program changed the file "
                                           "meanwhile; look at it again"));
        e.file = storePath;
        if (written->previous) {
            if (auto back = replaceFile(storePath, *written->previous); !back)
                e.message += QStringLiteral(" (putting its version back failed: %1)")
                                 .arg(back.error().message);
        }
        return e;
    }
    return outcome;
}

} // namespace tad
