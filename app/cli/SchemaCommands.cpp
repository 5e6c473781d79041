#include "SchemaCommands.h"

#include "CliInput.h"
#include "SchemaText.h"
#include "schema/Defaults.h"
#include "schema/KeyMetadata.h"
#include "schema/KeyTypo.h"
#include "schema/PlainViolation.h"

#include "json/JsonText.h"

namespace tad::cli {
namespace {

Error needsSchema(const QString &command)
{
    return makeError(
        ErrorCode::Usage,
        QStringLiteral("%1 needs a schema: drop --no-schema, or give --schema FILE").arg(command));
}

Json violationJson(const SchemaViolation &v)
{
    return Json{{"key", v.key().toStdString()},
                {"instancePath", v.pointer},
                {"keyword", v.keyword},
                {"params", v.params},
                {"message", v.message}};
}

// validate [FILE] [--json]: exit 0 when the file passes, 2 when it does not.
int validateCommand(CliContext &context)
{
    const CliArguments &args = context.args;
    const QString path = args.positional.isEmpty() ? context.store().path() : args.positional.at(0);
    auto parsed = readDocumentArgument(path);
    if (!parsed)
        return report(parsed.error());
    for (const auto &duplicate : parsed->duplicates) {
        Error warning =
            makeError(ErrorCode::Unreadable,
                      QStringLiteral("warning: %1 appears more than once; the Electron app "
                                     "uses the last one, and no change is made here until the "
                                     "other is removed by hand")
                          .arg(QString::fromStdString(duplicate.pointer)));
        warning.file = path;
        warning.line = duplicate.line;
        warning.column = duplicate.column;
        report(warning);
    }
    const SchemaViolations violations = context.schema().validate(parsed->value);
    if (args.json()) {
        Json out = Json::array();
        for (const auto &v : violations)
            out.push_back(violationJson(v));
        context.printJson(out);
    } else if (violations.empty()) {
        context.printLine((path + QStringLiteral(": valid")).toStdString());
    } else {
        for (const auto &v : violations)
            context.printLine(v.toString().toStdString());
        for (const QString &line : plainViolationLines(context.schema(), parsed->value, violations))
            context.printLine(line.toStdString());
        // Ajv's count (a oneOf of consts fails once per branch), and the
        // keys a person has to fix.
        QStringList keys;
        for (const auto &v : violations)
            keys << v.key();
        keys.removeDuplicates();
        Error summary = makeError(
            ErrorCode::SchemaRejected,
            QStringLiteral("%1 violation(s) of the schema at %2 key(s); electron-store throws "
                           "on reading this file until they are fixed")
                .arg(violations.size())
                .arg(keys.size()));
        summary.file = path;
        report(summary);
    }
    return violations.empty() ? 0 : int(ErrorCode::SchemaRejected);
}

// schema [KEY]: what an editor knows about the key.
int schemaCommand(CliContext &context)
{
    const CliArguments &args = context.args;
    if (args.positional.isEmpty()) {
        if (args.json())
            context.printJson(context.schema().rootSchema());
        else
            printSchemaKeys(context);
        return 0;
    }
    const QString key = args.positional.at(0);
    auto path = KeyPath::parse(key.toStdString(), args.dialect);
    if (!path)
        return report(path.error());
    const KeyMetadata meta = keyMetadata(context.schema(), path->segments());
    if (!meta.known) {
        const QString hint = meantKeyHint(context.schema(), Json::object(), *path, args.dialect);
        Error e = makeError(
            ErrorCode::NotFound,
            QStringLiteral("the schema says nothing about %1%2")
                .arg(key, !hint.isEmpty() ? hint
                                          : QStringLiteral(" (any value is accepted there); "
                                                           "see `schema` for what it describes")));
        e.key = key;
        return report(e);
    }
    if (!args.json()) {
        printKeyMetadata(context, key.toStdString(), meta);
        return 0;
    }
    Json out = meta.toJson();
    if (!args.showSecrets && meta.secret && out.contains("default"))
        out["default"] = context.shown(out["default"], *path);
    context.printJson(out);
    return 0;
}

} // namespace

bool isSchemaCommand(const QString &command)
{
    static const QStringList commands = {"validate", "schema", "defaults"};
    return commands.contains(command);
}

int runSchemaCommand(CliContext &context)
{
    const QString &command = context.args.command;
    if (context.schema().isNull())
        return report(needsSchema(command));
    if (command == QLatin1String("validate"))
        return validateCommand(context);
    if (command == QLatin1String("schema"))
        return schemaCommand(context);
    const Json defaults = context.shown(schemaDefaultsDocument(context.schema()));
    if (context.args.json())
        context.printJson(defaults);
    else
        printLeaves(context, defaults);
    return 0;
}

} // namespace tad::cli
