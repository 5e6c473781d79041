#include "StoreCommands.h"

#include "CliContext.h"

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
    static const QStringList commands = {"get",   "set",     "delete",       "has",
                                         "clear", "get-all", "set-multiple", "info"};
    return commands.contains(command);
}

Result<Json> executeRequest(Store &store, const Request &request)
{
    const std::string key = request.key.toStdString();
    const QString &op = request.op;
    if ((op == "get" || op == "set" || op == "delete" || op == "has") && !request.hasKey)
        return needs(QStringLiteral("%1 needs a KEY").arg(op));

    if (op == "get") {
        auto value = store.get(key);
        if (!value)
            return value.error();
        if (value->has_value())
            return **value;
        if (request.defaultValue)
            return *request.defaultValue;
        return notFound(request.key);
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
        return std::move(all.value());
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
        auto value = parseCommandValue(args.positional.at(1), request.key);
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

    auto result = executeRequest(*context.store, request);
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
