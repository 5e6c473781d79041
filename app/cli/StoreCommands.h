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
    QString op; // get, set, delete, has, clear, get-all, set-multiple, info
    QString key;
    bool hasKey = false;              // "" is a valid key, as in conf
    std::optional<Json> value;        // set, set-multiple
    std::optional<Json> defaultValue; // get
};

// The result as JSON: get -> the value, has -> true/false, info -> the info
// object, get-all -> the document, writes -> null.
Result<Json> executeRequest(Store &store, const Request &request);

bool isStoreCommand(const QString &command);

} // namespace tad::cli
