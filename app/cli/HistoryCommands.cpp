// `history list|show|label`, `rollback`, `diff`, `migrate`, and the dispatch for
// `backup` (BackupCommands.cpp).
#include "HistoryCommands.h"

#include "ChangeText.h"
#include "CliInput.h"
#include "history/HistoryHooks.h"
#include "history/JsonPatch.h"
#include "history/Version.h"

#include "json/JsonText.h"
#include <memory>

namespace tad::cli {

namespace {

Error usage(const QString &what)
{
    return makeError(ErrorCode::Usage, what + helpHint());
}

} // namespace

namespace {

// The keys an entry changed, for a listing: "3 changes: a, b, c".
std::string changeSummary(const HistoryEntry &entry)
{
    const std::vector<std::string> keys = patchedKeys(entry.patch);
    std::string text = countOf(keys.size(), "change", "changes");
    const size_t shown = std::min<size_t>(keys.size(), 4);
    for (size_t i = 0; i < shown; ++i)
        text += (i == 0 ? ": " : ", ") + keys[i];
    if (keys.size() > shown)
        text += " and " + std::to_string(keys.size() - shown) + " more";
    return text;
}

Json entryJson(const CliContext &context, const HistoryEntry &entry)
{
    Json out = entry.toJson();
    out["patch"] = context.shownPatch(standardPatch(entry.patch));
    out["inverse"] = context.shownPatch(standardPatch(entry.inverse));
    const std::vector<PatchChange> changes = changesOf(entry.patch, entry.inverse);
    out["changes"] = changesJson(context, changes);
    // The number `rollback ID --ops N` takes.
    for (std::size_t i = 0; i < changes.size(); ++i)
        out["changes"][i]["operation"] = changes[i].index;
    return out;
}

int historyList(CliContext &context, HistoryServices &services)
{
    const auto limit = listLimit(context.args);
    if (!limit)
        return report(limit.error());
    std::vector<Error> skipped;
    auto entries = services.history().list(&skipped);
    if (!entries)
        return report(entries.error());
    reportWarnings(skipped);
    const size_t total = keepNewest(*entries, *limit);
    if (context.args.json()) {
        Json out = Json::array();
        for (const auto &e : *entries) {
            Json item = e.toJson();
            item.erase("patch");
            item.erase("inverse");
            item["operations"] = e.patch.size();
            Json keys = Json::array();
            for (const std::string &key : patchedKeys(e.patch))
                keys.push_back(key);
            item["keys"] = std::move(keys);
            out.push_back(std::move(item));
        }
        context.printJson(out);
        return 0;
    }
    for (const auto &e : *entries) {
        // An external change's operation is its source's name: said once.
        const QString source = QString::fromLatin1(changeSourceName(e.source));
        const QString operation = QString::fromStdString(e.operation);
        QString line = QStringLiteral("%1  %2  %3  %4")
                           .arg(e.id, backupname::isoTime(e.time),
                                operation == source || operation.isEmpty()
                                    ? source
                                    : source + QStringLiteral("  ") + operation,
                                QString::fromStdString(changeSummary(e)));
        if (!e.version.isEmpty())
            line += QStringLiteral("  version ") + e.version;
        if (!e.label.isEmpty())
            line += QStringLiteral("  \"%1\"").arg(e.label);
        context.printLine(line.toStdString());
    }
    if (entries->empty())
        note(QStringLiteral("no history yet; every change from now on is listed here"));
    else if (entries->size() < total)
        note(QStringLiteral("the %1 newest of %2 changes").arg(entries->size()).arg(total));
    // Listing writes nothing, so a change found in the file waits.
    if (services.recorder().unrecordedChange())
        note(QStringLiteral("the file has changed since the newest entry (another program "
                            "wrote it); the next change made here records that first, as "
                            "`external`"));
    return 0;
}

int historyShow(CliContext &context, HistoryServices &services)
{
    auto entry = services.history().find(context.args.positional.at(1));
    if (!entry)
        return report(entry.error());
    if (context.args.json()) {
        context.printJson(entryJson(context, *entry));
        return 0;
    }
    auto field = [&context](const char *name, const QString &value) {
        if (!value.isEmpty())
            context.printLine(
                QStringLiteral("%1 %2").arg(QLatin1String(name), -9).arg(value).toStdString());
    };
    field("entry", entry->id);
    field("time", backupname::isoTime(entry->time));
    field("source", QString::fromLatin1(changeSourceName(entry->source)) + QStringLiteral(" (") +
                        QString::fromStdString(entry->operation) + QLatin1Char(')'));
    field("label", entry->label);
    field("version", entry->version);
    field("undoes", entry->rollbackOf);
    const std::vector<PatchChange> changes = changesOf(entry->patch, entry->inverse);
    if (entry->patch.size() < 2) {
        printChanges(context, changes);
        return 0;
    }
    // Several operations: each with the number `rollback ID --ops N` takes.
    for (const PatchChange &change : changes)
        context.printLine("[" + std::to_string(change.index) + "] " + changeLine(context, change));
    return 0;
}

int historyLabel(CliContext &context)
{
    const CliArguments &args = context.args;
    auto labelled =
        context.file->labelHistoryEntry(args.positional.value(1), args.positional.value(2));
    if (!labelled)
        return report(labelled.error());
    if (args.json()) {
        Json out = {{"entry", labelled->id.toStdString()}};
        out["label"] = labelled->label.isEmpty() ? Json() : Json(labelled->label.toStdString());
        context.printJson(out);
    } else if (labelled->label.isEmpty()) {
        context.printLine("removed the label of " + labelled->id.toStdString());
    } else {
        context.printLine("labelled " + labelled->id.toStdString() + " \"" +
                          labelled->label.toStdString() + "\"");
    }
    return 0;
}

int historyCommand(CliContext &context, HistoryServices &services)
{
    if (context.args.positional.value(0) == QLatin1String("list"))
        return historyList(context, services);
    if (context.args.positional.value(0) == QLatin1String("label"))
        return historyLabel(context);
    return historyShow(context, services);
}

int rollbackCommand(CliContext &context)
{
    const CliArguments &args = context.args;
    if (args.positional.isEmpty())
        return report(usage(QStringLiteral("rollback needs an entry ID (see history list)")));
    std::vector<int> ops;
    const QString opsText = args.option(QStringLiteral("ops"));
    for (const QString &item : opsText.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int index = item.trimmed().toInt(&ok);
        if (!ok)
            return report(usage(
                QStringLiteral("--ops takes operation numbers like 0,2 (from history show)")));
        ops.push_back(index);
    }
    if (!opsText.isNull() && ops.empty())
        return report(usage(QStringLiteral("--ops needs at least one operation number")));
    auto plan = context.file->planRollback(args.positional.at(0), ops);
    if (!plan)
        return report(plan.error());
    auto outcome = context.file->rollback(*plan);
    if (!outcome)
        return report(outcome.error());
    if (args.json()) {
        Json out = {{"rolledBack", outcome->undone.id.toStdString()},
                    {"changed", outcome->changed}};
        out["entry"] =
            outcome->recorded.empty() ? Json() : Json(outcome->recorded.back().id.toStdString());
        context.printJson(out);
        return 0;
    }
    std::string line = "rolled back " + outcome->undone.id.toStdString();
    if (!outcome->recorded.empty())
        line += " as entry " + outcome->recorded.back().id.toStdString();
    if (!outcome->changed)
        line += " (nothing to change)";
    context.printLine(line);
    return 0;
}

int diffCommand(CliContext &context)
{
    const CliArguments &args = context.args;
    if (args.positional.at(0) == QLatin1String("-") && args.positional.at(1) == QLatin1String("-"))
        return report(usage(QStringLiteral("diff can read only one of its files from stdin")));
    Json docs[2];
    for (int i = 0; i < 2; ++i) {
        auto parsed = readDocumentArgument(args.positional.at(i));
        if (!parsed)
            return report(parsed.error());
        docs[i] = std::move(parsed->value);
    }
    printDocumentDiff(context, docs[0], docs[1]);
    return 0;
}

int migrateCommand(CliContext &context)
{
    const CliArguments &args = context.args;
    const QString target = args.option(QStringLiteral("to"));
    // The document the steps start from, for each step's old values.
    const Json start = context.store().document();
    auto plan = args.flag(QStringLiteral("dry-run")) ? context.file->planMigration(target)
                                                     : context.file->migrate(target);
    if (!plan)
        return report(plan.error());
    if (args.json()) {
        Json out = plan->toJson();
        for (auto &step : out["steps"])
            step["patch"] = context.shownPatch(step["patch"]);
        out["dryRun"] = args.flag(QStringLiteral("dry-run"));
        context.printJson(out);
        return 0;
    }
    std::string head = "version " + plan->fromVersion.toStdString() +
                       (plan->versionPresent ? "" : " (no version key)");
    if (plan->confMarker)
        head += ", conf's own migration marker " + compactJson(*plan->confMarker) + " (kept)";
    context.printLine(head);
    if (!plan->needed()) {
        // A target behind the file's version: migrations only go forward.
        if (!plan->toVersion.isEmpty() && isVersion(plan->toVersion) &&
            isVersion(plan->fromVersion) && compareVersions(plan->toVersion, plan->fromVersion) < 0)
            context.printLine("already past " + plan->toVersion.toStdString() +
                              "; migrations only go forward, so nothing was changed");
        else
            context.printLine("up to date" + (plan->toVersion.isEmpty()
                                                  ? std::string()
                                                  : " with " + plan->toVersion.toStdString()));
        return 0;
    }
    Json document = start;
    for (const auto &step : plan->steps) {
        context.printLine("step " + step.step.version.toStdString() + ": " +
                          step.step.description.toStdString());
        Json next = document;
        if (applyPatch(next, step.patch)) {
            printChanges(context, changesBetween(document, next), "  ");
            document = std::move(next);
        } else {
            context.printLine("  " + compactJson(context.shownPatch(step.patch)));
        }
    }
    context.printLine(
        std::string(args.flag(QStringLiteral("dry-run")) ? "would migrate to " : "migrated to ") +
        plan->toVersion.toStdString());
    return 0;
}

} // namespace

QString helpHint()
{
    return QStringLiteral(" (see tad-settings-cli help)");
}

bool isHistoryCommand(const QString &command)
{
    static const QStringList commands = {"backup", "history", "rollback", "diff", "migrate"};
    return commands.contains(command);
}

int runHistoryCommand(CliContext &context)
{
    const QString &command = context.args.command;
    if (command == QLatin1String("diff"))
        return diffCommand(context);
    // (Re)reading with the hooks attached compares the file with the history.
    // Listing, showing, creating, labelling and pruning backups also work on
    // a file that does not parse: that is when they are needed most.
    const QString sub = context.args.positional.value(0);
    const bool worksOnBrokenFile =
        command == QLatin1String("backup") &&
        QStringList{QStringLiteral("list"), QStringLiteral("show"), QStringLiteral("create"),
                    QStringLiteral("label"), QStringLiteral("prune")}
            .contains(sub);
    if (auto opened = context.file->open(); !opened && !worksOnBrokenFile)
        return report(opened.error());
    HistoryServices &services = *context.file->history();
    if (command == QLatin1String("backup"))
        return runBackupCommand(context, services);
    if (command == QLatin1String("history"))
        return historyCommand(context, services);
    if (command == QLatin1String("rollback"))
        return rollbackCommand(context);
    if (command == QLatin1String("migrate"))
        return migrateCommand(context);
    return report(usage(QStringLiteral("unknown command \"%1\"").arg(command)));
}

} // namespace tad::cli
