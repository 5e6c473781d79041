// `backup create|list|show|diff|restore|label|prune`.
#include "ChangeText.h"
#include "CliInput.h"
#include "HistoryCommands.h"
#include "history/HistoryHooks.h"
#include "history/JsonPatch.h"

#include "json/JsonText.h"

namespace tad::cli {

namespace {

Error usage(const QString &what)
{
    return makeError(ErrorCode::Usage, what + helpHint());
}

Result<std::vector<KeyPath>> keyList(const CliContext &context, const QString &text)
{
    std::vector<KeyPath> keys;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        auto path = context.keyPath(item.trimmed());
        if (!path)
            return path.error();
        keys.push_back(std::move(path.value()));
    }
    return keys;
}

std::string describeLine(const BackupInfo &b)
{
    QString line = QStringLiteral("%1  %2  %3  %4 bytes")
                       .arg(b.name, backupname::isoTime(b.time),
                            b.hasMeta ? b.reason : QStringLiteral("(no metadata)"))
                       .arg(b.size);
    if (!b.label.isEmpty())
        line += QStringLiteral("  \"%1\"").arg(b.label);
    if (b.damaged())
        line += QStringLiteral("  DAMAGED: ") + b.problem;
    return line.toStdString();
}

} // namespace

int runBackupCommand(CliContext &context, HistoryServices &services)
{
    const CliArguments &args = context.args;
    const QString sub = args.positional.value(0);
    BackupManager &backups = services.backups();

    if (sub == QLatin1String("create")) {
        const QString reason = args.option(QStringLiteral("reason")).isNull()
                                   ? QStringLiteral("manual")
                                   : args.option(QStringLiteral("reason"));
        auto made = context.file->createBackup(reason, args.option(QStringLiteral("label")));
        if (!made)
            return report(made.error());
        if (args.json()) {
            Json out = made->info.toJson();
            out["reused"] = made->reused;
            Json pruned = Json::array();
            for (const QString &name : made->pruned)
                pruned.push_back(name.toStdString());
            out["pruned"] = std::move(pruned);
            context.printJson(out);
        } else {
            // Retention made room: what went is said, as `backup prune` says it.
            if (!made->pruned.isEmpty())
                note(QStringLiteral("removed by the retention policy: %1")
                         .arg(made->pruned.join(QStringLiteral(", "))));
            const QString label = args.option(QStringLiteral("label"));
            QString line = made->info.name;
            if (made->reused)
                line += label.isEmpty()
                            ? QStringLiteral(" (unchanged since this backup)")
                            : QStringLiteral(" (unchanged since this backup, labelled \"%1\")")
                                  .arg(label);
            context.printLine(line.toStdString());
            // The reason is the existing backup's: say so when another was asked for.
            if (made->reused && made->info.reason != reason)
                note(QStringLiteral("no new backup: the file is as %1 holds it, kept with its "
                                    "reason %2 (a label given with --label is added to it)")
                         .arg(made->info.name, made->info.reason));
        }
        return 0;
    }
    if (sub == QLatin1String("list")) {
        const auto limit = listLimit(args);
        if (!limit)
            return report(limit.error());
        std::vector<Error> skipped;
        auto list = backups.list(args.flag(QStringLiteral("verify")), &skipped);
        if (!list)
            return report(list.error());
        reportWarnings(skipped);
        const size_t total = keepNewest(*list, *limit);
        if (args.json()) {
            Json out = Json::array();
            for (const auto &b : *list)
                out.push_back(b.toJson());
            context.printJson(out);
        } else {
            for (const auto &b : *list)
                context.printLine(describeLine(b));
            if (list->empty())
                note(QStringLiteral("no backups yet; one is made before a change to an "
                                    "important setting and before a clear, or now with "
                                    "\"backup create\""));
            else if (list->size() < total)
                note(QStringLiteral("the %1 newest of %2 backups").arg(list->size()).arg(total));
        }
        return 0;
    }
    if (sub == QLatin1String("prune")) {
        auto removed = backups.prune();
        if (!removed)
            return report(removed.error());
        if (args.json()) {
            Json out = Json::array();
            for (const QString &name : *removed)
                out.push_back(name.toStdString());
            context.printJson(Json{{"removed", out}});
            return 0;
        }
        for (const QString &name : *removed)
            context.printLine("removed " + name.toStdString());
        if (removed->isEmpty())
            context.printLine("nothing to remove");
        return 0;
    }

    const QString name = args.positional.value(1);
    if (sub == QLatin1String("show") || sub == QLatin1String("diff") ||
        sub == QLatin1String("restore") || sub == QLatin1String("label")) {
        if (name.isEmpty())
            return report(usage(QStringLiteral("backup %1 needs a backup NAME").arg(sub)));
    } else {
        return report(usage(
            QStringLiteral("backup needs create, list, show, diff, restore, label or prune")));
    }

    if (sub == QLatin1String("label")) {
        auto labelled = context.file->labelBackup(name, args.positional.value(2));
        if (!labelled)
            return report(labelled.error());
        if (args.json())
            context.printJson(labelled->toJson());
        else
            context.printLine(describeLine(*labelled));
        return 0;
    }

    if (sub == QLatin1String("restore")) {
        auto keys = keyList(context, args.option(QStringLiteral("keys")));
        if (!keys)
            return report(keys.error());
        if (keys->empty() && args.hasOption(QStringLiteral("keys")))
            // An empty list (a script's unset variable) is not "every key".
            return report(usage(QStringLiteral("--keys needs at least one key, such as --keys "
                                               "settings.theme; leave it out to restore the "
                                               "whole backup")));
        auto plan = context.file->planRestore(name, *keys);
        if (!plan)
            return report(plan.error());
        auto restored = context.file->restore(*plan);
        if (!restored)
            return report(restored.error());
        if (args.json()) {
            Json out = {{"restored", name.toStdString()}, {"changed", restored->changed}};
            Json keyList = Json::array();
            for (const KeyPath &key : *keys)
                keyList.push_back(key.toDotted(context.args.dialect));
            out["keys"] = std::move(keyList);
            out["safetyBackup"] =
                restored->safetyBackup ? Json(restored->safetyBackup->name.toStdString()) : Json();
            context.printJson(out);
            return 0;
        }
        std::string line = "restored " + name.toStdString();
        if (!keys->empty())
            line += " (keys " + args.option(QStringLiteral("keys")).toStdString() + ")";
        if (restored->safetyBackup)
            line += "; the previous content is in " + restored->safetyBackup->name.toStdString();
        if (!restored->changed)
            line += "; the file already held it";
        context.printLine(line);
        return 0;
    }

    auto content = backups.load(name);
    if (!content)
        return report(content.error());
    if (sub == QLatin1String("show")) {
        if (args.json()) {
            Json out = content->info.toJson();
            out["content"] = context.shown(content->document);
            context.printJson(out);
            return 0;
        }
        context.printLine(describeLine(content->info));
        TextStyle style;
        style.indent = TextStyle::Indent::Spaces;
        style.spaces = 2;
        context.printLine(stringify(context.shown(content->document), style));
        return 0;
    }
    auto current = context.store().getAll();
    if (!current)
        return report(current.error());
    printDocumentDiff(context, content->document, *current);
    return 0;
}

} // namespace tad::cli
