// `watch [KEY ...] [--initial]`: one JSON line per change (the seed's
// store-changed payload plus its source), flushed at once, while the
// Electron app writes the file. `recover [--from NAME]`: writes back the
// newest backup that parses and passes the schema.
#pragma once

#include "CliContext.h"

#include <QString>
#include <functional>
#include <string>

namespace tad::cli {

bool isWatchCommand(const QString &command);

// Opens the store itself: `recover` must work on a file that does not parse.
int runWatchCommand(CliContext &context);

// For `batch`: calls `handleLine` on this thread for each line of stdin,
// in order, while a StoreWatcher keeps the open store in step with the
// file; returns when stdin closes.
void forEachLineWhileWatching(CliContext &context,
                              const std::function<void(const std::string &)> &handleLine);

} // namespace tad::cli
