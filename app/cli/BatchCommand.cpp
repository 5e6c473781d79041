// `batch`: JSON requests on stdin, one per line; one JSON result line per
// request on stdout, flushed at once. The store stays open until stdin
// closes, so a script pays for opening the file once.
#include "CliContext.h"
#include "StoreCommands.h"
#include "WatchCommands.h"

#include "json/JsonText.h"
#include <string>

namespace tad::cli {
namespace {

Json failure(const Error &error)
{
    return Json{
        {"ok", false}, {"code", int(error.code)}, {"error", error.toString().toStdString()}};
}

Result<Request> toRequest(const Json &line)
{
    if (!line.is_object() || !line.contains("op") || !line["op"].is_string())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("each line must be a JSON object such as "
                                        "{\"op\":\"set\",\"key\":\"a.b\",\"value\":1}"));
    Request request;
    request.op = QString::fromStdString(line["op"].get<std::string>());
    if (auto key = line.find("key"); key != line.end()) {
        if (!key->is_string())
            return makeError(ErrorCode::Usage, QStringLiteral("\"key\" must be a string"));
        request.key = QString::fromStdString(key->get<std::string>());
        request.hasKey = true;
    }
    if (auto value = line.find("value"); value != line.end())
        request.value = *value;
    if (auto fallback = line.find("default"); fallback != line.end())
        request.defaultValue = *fallback;
    request.fromBatch = true;
    if (!isStoreCommand(request.op))
        return makeError(ErrorCode::Usage,
                         QStringLiteral("unknown op \"%1\"; use get, set, delete, has, clear, "
                                        "reset, get-all, set-multiple or info")
                             .arg(request.op));
    return request;
}

} // namespace

int runBatch(CliContext &context)
{
    // The file is watched while stdin is open, so a long batch sees the
    // Electron app's writes as they happen, as the window does.
    forEachLineWhileWatching(context, [&context](const std::string &line) {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            return;
        Json response;
        Json id;
        auto parsed = parseValue(line);
        if (!parsed) {
            response = failure(makeError(ErrorCode::Usage, QStringLiteral("not a JSON line: ") +
                                                               parsed.error().message));
        } else {
            if (parsed->is_object() && parsed->contains("id"))
                id = (*parsed)["id"];
            auto request = toRequest(*parsed);
            if (!request) {
                response = failure(request.error());
            } else {
                auto result = executeRequest(context, *request);
                response =
                    result ? Json{{"ok", true}, {"value", *result}} : failure(result.error());
            }
        }
        if (!id.is_null())
            response["id"] = id;
        context.printLine(compactJson(response));
    });
    return 0;
}

} // namespace tad::cli
