#include "StoreCommands.h"

#include "CliContext.h"
#include "CliInput.h"
#include "schema/Coercion.h"
#include "schema/KeyMetadata.h"
#include "schema/KeyTypo.h"
#include "store/KeyRead.h"

#include "json/JsonText.h"
#include <QDir>
#include <QFileInfo>

namespace tad::cli {
namespace {

// An option on the command line, a member of the request in batch.
QString spelled(const Request &request, const char *option, const char *member)
{
    return QString::fromLatin1(request.fromBatch ? member : option);
}

// "; did you mean K?" when `path` is likely a typo of a key the schema or
// the document knows, else "".
QString meantHint(const CliContext &context, const Json &document, const KeyPath &path)
{
    return meantKeyHint(context.schema(), document, path, context.args.dialect);
}

Error notFound(const CliContext &context, const Request &request, const Json &document,
               const std::optional<KeyPath> &path)
{
    QString hint = path ? meantHint(context, document, *path) : QString();
    if (!QFileInfo::exists(context.file->path()))
        hint += QStringLiteral("; there is no settings file at %1 (check --config)")
                    .arg(QDir::toNativeSeparators(context.file->path()));
    const QString message =
        QStringLiteral("no value at %1%2 (%3 gives a fallback)")
            .arg(request.key, hint, spelled(request, "--default JSON", "\"default\""));
    Error e = makeError(ErrorCode::NotFound, message);
    e.key = request.key;
    return e;
}

Error needs(const Request &request, const QString &what)
{
    return makeError(ErrorCode::Usage,
                     what + (request.fromBatch
                                 ? QStringLiteral(" (see tad-settings-cli help batch)")
                                 : QStringLiteral(" (see tad-settings-cli --help)")));
}

} // namespace

// A key typed by hand that is likely a typo is refused: it would add a key
// nobody reads and leave the one meant unchanged. --new-key says it is new.
// Batch's keys come from a program, which electron-store takes as they are.
Result<void> refuseLikelyTypo(const CliContext &context, const Request &request,
                              const Json &document, const KeyPath &path)
{
    if (request.newKey || request.fromBatch)
        return {};
    auto meant = likelyMeantKey(context.schema(), document, path);
    if (!meant)
        return {};
    // Looked at again on the file as it is now: another program may have
    // added the key since the store last read it.
    Store &store = context.file->store();
    if (auto fresh = store.has(path.toDotted(context.args.dialect)); !fresh || *fresh)
        return {};
    meant = likelyMeantKey(context.schema(), store.document(), path);
    if (!meant)
        return {};
    const QString key = QString::fromStdString(path.toDotted(context.args.dialect));
    Error e = makeError(
        ErrorCode::Usage,
        QStringLiteral("not changed: %1 is neither a key the schema describes nor one in the file; "
                       "did you mean %2? To add %1 as a new key, give %3")
            .arg(key, QString::fromStdString(meant->toDotted(context.args.dialect)),
                 QStringLiteral("--new-key")));
    e.key = key;
    return e;
}

namespace {

// `get` or `has` in a program that reads that one key and exits: the file
// is read for the key alone (store/KeyRead.h), with no store, no history
// and no watch. The file is checked before the key, as opening it is.
Result<Json> readOnce(const CliContext &context, const Request &request)
{
    auto path = context.keyPath(request.key);
    auto read = readKey(context.file->path(), path ? &path.value() : nullptr, context.args.dialect);
    if (!read)
        return read.error();
    reportWarnings(read->warnings);
    if (!path)
        return path.error();
    if (request.op == "has") {
        // false is the answer a script reads; a likely typo is said beside it.
        if (!read->present) {
            const QString hint = meantHint(context, Json::object(), *path);
            if (!hint.isEmpty())
                note(QStringLiteral("no value at %1%2").arg(request.key, hint));
        }
        return Json(read->present);
    }
    if (!read->value && !request.defaultValue)
        return notFound(context, request, Json::object(), *path);
    return context.shown(read->value ? *read->value : *request.defaultValue, *path);
}

} // namespace

bool isOneShotRead(const QString &command)
{
    return command == QLatin1String("get") || command == QLatin1String("has");
}

bool isStoreCommand(const QString &command)
{
    static const QStringList commands = {"get",     "set",          "delete", "has",  "clear",
                                         "get-all", "set-multiple", "info",   "reset"};
    return commands.contains(command);
}

Result<Json> executeRequest(const CliContext &context, const Request &request)
{
    SettingsFile &file = *context.file;
    Store &store = file.store();
    const QString &op = request.op;
    if (isOneShotRead(op) && request.hasKey && !store.isOpen())
        return readOnce(context, request);
    const bool needsKey =
        op == "get" || op == "set" || op == "delete" || op == "has" || op == "reset";
    if (needsKey && !request.hasKey)
        return needs(request, request.fromBatch ? QStringLiteral("%1 needs a \"key\"").arg(op)
                                                : QStringLiteral("%1 needs a KEY").arg(op));
    KeyPath path;
    if (needsKey) {
        auto parsed = context.keyPath(request.key);
        if (!parsed)
            return parsed.error();
        path = std::move(parsed.value());
    }

    if (op == "get") {
        auto value = store.get(request.key.toStdString());
        if (!value)
            return value.error();
        if (!value->has_value() && !request.defaultValue)
            return notFound(context, request, store.document(), path);
        return context.shown(value->has_value() ? **value : *request.defaultValue, path);
    }
    if (op == "has") {
        auto present = store.has(request.key.toStdString());
        if (!present)
            return present.error();
        return Json(*present);
    }
    Result<void> done;
    if (op == "reset") {
        done = file.reset(path);
    } else if (op == "set") {
        if (!request.value)
            return needs(request, request.fromBatch
                                      ? QStringLiteral("set needs a \"key\" and a \"value\"")
                                      : QStringLiteral("set needs a KEY and a VALUE"));
        if (auto typo = refuseLikelyTypo(context, request, store.document(), path); !typo)
            return typo.error();
        done = file.set(path, *request.value, ChangeSource::Cli);
    } else if (op == "delete") {
        done = file.remove(path, ChangeSource::Cli);
    } else if (op == "clear") {
        done = file.clear(ChangeSource::Cli);
    } else if (op == "set-multiple") {
        if (!request.value)
            return needs(request, QStringLiteral("set-multiple needs a JSON object"));
        if (request.value->is_object()) {
            for (const auto &[dotted, member] : request.value->items()) {
                auto each = context.keyPath(QString::fromStdString(dotted));
                if (!each)
                    return each.error();
                if (auto typo = refuseLikelyTypo(context, request, store.document(), *each); !typo)
                    return typo.error();
            }
        }
        done = file.setMultiple(*request.value, ChangeSource::Cli);
    } else if (op == "get-all") {
        auto all = store.getAll();
        if (!all)
            return all.error();
        return context.shown(*all);
    } else if (op == "info") {
        auto info = store.info();
        if (!info)
            return info.error();
        Json out = info->toJson();
        out["performance"] = store.monitor().toJson();
        return out;
    } else {
        return needs(request, QStringLiteral("unknown operation \"%1\"").arg(op));
    }
    if (!done)
        return done.error();
    return Json();
}

// VALUE of `set KEY VALUE`: JSON, or for a key the schema types as a
// string, the text itself (so `set user.name Ada` works unquoted).
Result<Json> commandLineValue(const CliContext &context, const QString &key, const QString &text)
{
    if (context.schema().isNull())
        return parseCommandValue(text, key);
    auto path = context.keyPath(key);
    if (!path)
        return path.error();
    const QByteArray utf8 = text.toUtf8();
    const KeyMetadata meta = keyMetadata(context.schema(), path->segments());
    auto value = interpretCommandLineValue(
        meta, std::string_view(utf8.constData(), size_t(utf8.size())), key);
    // `set light settings.theme`: the key and the value swapped. A value
    // the schema describes as a key, for a key it does not know, says so
    // rather than advising to store the key's name as text.
    if (!value && meta.types.empty()) {
        auto asKey = context.keyPath(text);
        if (asKey && !asKey->isEmpty() &&
            !keyMetadata(context.schema(), asKey->segments()).types.empty()) {
            Error e = value.error();
            e.message = QStringLiteral("%1 is a key, and %2 is not one the schema knows: the key "
                                       "comes first (set %1 %2)")
                            .arg(text, key);
            return e;
        }
    }
    return value;
}

// `info` as labelled lines; --json prints the object itself.
void printInfo(const CliContext &context, const Json &info)
{
    auto line = [&context](const char *name, const std::string &value) {
        context.printLine(QStringLiteral("%1 ").arg(QLatin1String(name), -10).toStdString() +
                          value);
    };
    line("path", info["path"].get<std::string>());
    if (!info["exists"].get<bool>()) {
        line("exists", "no (a write creates it)");
        return;
    }
    line("size", std::to_string(info["size"].get<long long>()) + " bytes");
    line("version", info["version"].get<std::string>());
    line("mode", info["mode"].get<std::string>());
    line("style", info["style"].get<std::string>());
    std::string keys;
    for (const Json &key : info["keys"])
        keys += (keys.empty() ? "" : ", ") + key.get<std::string>();
    line("keys", keys.empty() ? std::string("(none)") : keys);
    if (!info["confMigrationVersion"].is_null())
        line("conf", "migration version " + compactJson(info["confMigrationVersion"]));
}

int runStoreCommand(CliContext &context)
{
    const CliArguments &args = context.args;
    Request request;
    request.op = args.command;
    request.key = args.positional.value(0);
    request.hasKey = !args.positional.isEmpty();
    request.newKey = args.flag(QStringLiteral("new-key"));

    if (args.command == "set") {
        // Before the value, which is read by what the key takes.
        if (auto path = context.keyPath(request.key); path) {
            if (auto typo = refuseLikelyTypo(context, request, context.store().document(), *path);
                !typo)
                return report(typo.error());
        }
        auto text = argumentOrStdin(args.positional.at(1));
        if (!text)
            return report(text.error());
        auto value = commandLineValue(context, request.key, *text);
        if (!value)
            return report(value.error());
        request.value = std::move(value.value());
    } else if (args.command == "set-multiple") {
        auto text = argumentOrStdin(args.positional.at(0));
        if (!text)
            return report(text.error());
        auto value = parseCommandValue(*text, QStringLiteral("set-multiple"));
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

    // Deleting what is not there changes nothing, as in electron-store; the
    // person hears so, with the key likely meant.
    if (args.command == "delete") {
        if (auto path = context.keyPath(request.key); path) {
            if (auto present = context.store().has(request.key.toStdString()); present && !*present)
                note(QStringLiteral("nothing at %1 to delete%2")
                         .arg(request.key, meantHint(context, context.store().document(), *path)));
        }
    }
    // A mistyped --config makes a new file where the person meant an old
    // one: what electron-store does, but said.
    const bool existed = QFileInfo::exists(context.file->path());
    auto result = executeRequest(context, request);
    if (!result)
        return report(result.error());
    if (!existed && QFileInfo::exists(context.file->path()))
        note(QStringLiteral("created %1: there was no settings file there")
                 .arg(QDir::toNativeSeparators(context.file->path())));
    if (args.command == "has") {
        context.printJson(*result);
        return result->get<bool>() ? 0 : int(ErrorCode::NotFound);
    }
    if (args.command == "info" && !args.json()) {
        printInfo(context, *result);
        return 0;
    }
    if (args.command == "get" || args.command == "get-all" || args.command == "info")
        context.printJson(*result);
    return 0;
}

} // namespace tad::cli
