// The store's operations as requests, shared by single commands and batch.
#pragma once

#include "Result.h"
#include "store/Store.h"

#include "json/Json.h"
#include <QString>
#include <optional>

namespace tad::cli {

struct Request
{
    QString op; // get, set, delete, has, clear, reset, get-all, set-multiple, info
    QString key;
    bool hasKey = false;              // "" is a valid key, as in conf
    std::optional<Json> value;        // set, set-multiple
    std::optional<Json> defaultValue; // get
    bool newKey = false;              // set, set-multiple: --new-key
    bool fromBatch = false;           // errors name request fields, not options
};

struct CliContext;

// The result as JSON: get -> the value, has -> true/false, info -> the info
// object, get-all -> the document, writes -> null. Secrets come back masked
// unless --show-secrets.
Result<Json> executeRequest(const CliContext &context, const Request &request);
// Refuses (exit 1) a set of a key that schema/KeyTypo finds likely
// mistyped, unless --new-key or the request came through batch.
Result<void> refuseLikelyTypo(const CliContext &context, const Request &request,
                              const Json &document, const KeyPath &path);

bool isStoreCommand(const QString &command);
// get and has as commands of their own: they read one key and exit, so the
// file is not opened as a store (executeRequest reads the key alone).
bool isOneShotRead(const QString &command);

} // namespace tad::cli
