#include "StoreCommands.h"

#include "CliContext.h"
#include "schema/Coercion.h"
#include "schema/Defaults.h"
#include "schema/KeyMetadata.h"

namespace tad::cli {
namespace {

Error notFound(const QString &key)
{
    Error e =
        makeError(ErrorCode::NotFound,
                  QStringLiteral("no value at %1; give --default JSON to get a fallback").arg(key));
    e.key = key;
    return e;
}

Error needs(const QString &what)
{
    return makeError(ErrorCode::Usage, what + QStringLiteral(" (see tad-settings-cli --help)"));
}

} // namespace

bool isStoreCommand(const QString &command)
{
    static const QStringList commands = {"get",     "set",          "delete", "has",  "clear",
                                         "get-all", "set-multiple", "info",   "reset"};
    return commands.contains(command);
}

namespace {

// reset KEY: the key's schema default, with the defaults under it.
Result<void> resetKey(const CliContext &context, const Request &request)
{
    auto path = KeyPath::parse(request.key.toStdString(), context.args.dialect);
    if (!path)
        return path.error();
    std::optional<Json> fallback;
    if (!context.schema.isNull())
        fallback = schemaDefaultFor(context.schema, path->segments());
    if (!fallback) {
        Error e = makeError(ErrorCode::NotFound,
                            QStringLiteral("%1 has no default in the schema; use delete to "
                                           "remove it or set to give it a value")
                                .arg(request.key));
        e.key = request.key;
        return e;
    }
    return context.store->set(request.key.toStdString(), std::move(*fallback), ChangeSource::Reset);
}

} // namespace

Result<Json> executeRequest(const CliContext &context, const Request &request)
{
    Store &store = *context.store;
    const std::string key = request.key.toStdString();
    const QString &op = request.op;
    if ((op == "get" || op == "set" || op == "delete" || op == "has" || op == "reset") &&
        !request.hasKey)
        return needs(QStringLiteral("%1 needs a KEY").arg(op));

    if (op == "get") {
        auto value = store.get(key);
        if (!value)
            return value.error();
        if (!value->has_value() && !request.defaultValue)
            return notFound(request.key);
        const Json &found = value->has_value() ? **value : *request.defaultValue;
        auto path = KeyPath::parse(key, context.args.dialect);
        return path ? context.shown(found, path->segments()) : found;
    }
    if (op == "reset") {
        if (auto done = resetKey(context, request); !done)
            return done.error();
        return Json();
    }
    if (op == "has") {
        auto present = store.has(key);
        if (!present)
            return present.error();
        return Json(*present);
    }
    if (op == "set") {
        if (!request.value)
            return needs(QStringLiteral("set needs a KEY and a VALUE"));
        if (auto done = store.set(key, *request.value); !done)
            return done.error();
        return Json();
    }
    if (op == "delete") {
        if (auto done = store.remove(key); !done)
            return done.error();
        return Json();
    }
    if (op == "clear") {
        if (auto done = store.clear(); !done)
            return done.error();
        return Json();
    }
    if (op == "set-multiple") {
        if (!request.value)
            return needs(QStringLiteral("set-multiple needs a JSON object"));
        if (auto done = store.setMultiple(*request.value); !done)
            return done.error();
        return Json();
    }
    if (op == "get-all") {
        auto all = store.getAll();
        if (!all)
            return all.error();
        return context.shown(*all);
    }
    if (op == "info") {
        auto info = store.info();
        if (!info)
            return info.error();
        Json out = info->toJson();
        out["performance"] = store.monitor().toJson();
        return out;
    }
    return needs(QStringLiteral("unknown operation \"%1\"").arg(op));
}

// VALUE of `set KEY VALUE`: JSON, or for a key the schema types as a
// string, the text itself (so `set user.name Ada` works unquoted).
Result<Json> commandLineValue(const CliContext &context, const QString &key, const QString &text)
{
    if (context.schema.isNull())
        return parseCommandValue(text, key);
    auto path = KeyPath::parse(key.toStdString(), context.args.dialect);
    if (!path)
        return path.error();
    const QByteArray utf8 = text.toUtf8();
    return interpretCommandLineValue(keyMetadata(context.schema, path->segments()),
                                     std::string_view(utf8.constData(), size_t(utf8.size())), key);
}

int runStoreCommand(CliContext &context)
{
    const CliArguments &args = context.args;
    Request request;
    request.op = args.command;
    request.key = args.positional.value(0);
    request.hasKey = !args.positional.isEmpty();

    if (args.command == "set") {
        if (args.positional.size() != 2)
            return report(needs(QStringLiteral("usage: set KEY VALUE")));
        auto value = commandLineValue(context, request.key, args.positional.at(1));
        if (!value)
            return report(value.error());
        request.value = std::move(value.value());
    } else if (args.command == "set-multiple") {
        if (args.positional.size() != 1)
            return report(needs(QStringLiteral("usage: set-multiple JSON_OBJECT")));
        auto value = parseCommandValue(args.positional.at(0), QStringLiteral("set-multiple"));
        if (!value)
            return report(value.error());
        request.value = std::move(value.value());
        request.key.clear();
        request.hasKey = false;
    } else if (args.command == "get") {
        const QString fallback = args.option(QStringLiteral("default"));
        if (!fallback.isNull()) {
            auto value = parseCommandValue(fallback, QStringLiteral("--default"));
            if (!value)
                return report(value.error());
            request.defaultValue = std::move(value.value());
        }
    }

    auto result = executeRequest(context, request);
    if (!result)
        return report(result.error());
    if (args.command == "has") {
        context.printJson(*result);
        return result->get<bool>() ? 0 : int(ErrorCode::NotFound);
    }
    if (args.command == "get" || args.command == "get-all" || args.command == "info")
        context.printJson(*result);
    return 0;
}

} // namespace tad::cli
