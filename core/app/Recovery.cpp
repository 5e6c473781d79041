#include "Recovery.h"

#include "BrokenFileCopies.h"
#include "history/BackupManager.h"
#include "io/AtomicFile.h"

#include "json/JsonText.h"

namespace tad {
namespace {

// Why a backup cannot be restored, or nothing if it can (then `content` holds it).
std::optional<QString> unusable(const BackupManager &backups, const QString &name,
                                const Schema &schema, BackupContent &content)
{
    auto loaded = backups.load(name); // checks the name, the hash and that it parses
    if (!loaded)
        return loaded.error().message;
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

} // namespace

Result<RecoveryOutcome> recoverFromBackup(const QString &storePath, const RecoveryOptions &options)
{
    BackupManager backups(storePath);
    RecoveryOutcome outcome;
    BackupContent chosen;

    if (!options.fromName.isEmpty()) {
        if (auto resolved = backups.resolveName(options.fromName); !resolved)
            return resolved.error();
        if (auto why = unusable(backups, options.fromName, options.schema, chosen)) {
            Error e =
                makeError(ErrorCode::Unreadable,
                          QStringLiteral("cannot recover from %1: %2").arg(options.fromName, *why));
            e.file = storePath;
            return e;
        }
        outcome.restoredName = options.fromName;
    } else {
        auto list = backups.list();
        if (!list)
            return list.error();
        for (const BackupInfo &info : *list) {
            if (auto why = unusable(backups, info.name, options.schema, chosen)) {
                outcome.skipped << info.name + QStringLiteral(": ") + *why;
                continue;
            }
            outcome.restoredName = info.name;
            break;
        }
        if (outcome.restoredName.isEmpty()) {
            Error e =
                makeError(ErrorCode::NotFound,
                          list->empty() ? QStringLiteral("there are no backups to recover from")
                                        : QStringLiteral("none of the %1 backups parses and "
                                                         "passes the schema")
                                              .arg(list->size()));
            e.file = backups.directory();
            return e;
        }
    }
    // Pruning after the before-restore backup must not take the one we restore.
    auto pin = backups.pin(outcome.restoredName, QStringLiteral("recover"));
    if (!pin)
        return pin.error();

    // Keep what is there now before writing over it.
    auto current = readFile(storePath);
    if (!current)
        return current.error();
    if (current->stamp.exists && current->bytes != chosen.bytes) {
        if (parseDocument(current->bytes)) {
            auto kept = backups.createFromBytes(current->bytes, QStringLiteral("before-restore"));
            if (!kept)
                return kept.error();
            outcome.keptCopy = kept->info.path;
        } else {
            auto kept = keepBadCopy(storePath, current->bytes);
            if (!kept)
                return kept.error();
            outcome.keptCopy = kept.value();
        }
    }
    if (auto written = replaceFile(storePath, chosen.bytes); !written)
        return written.error();
    return outcome;
}

} // namespace tad
