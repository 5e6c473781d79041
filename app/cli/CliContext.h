// What every command needs: the parsed arguments, the open store and output.
#pragma once

#include "CliArguments.h"
#include "Result.h"
#include "history/HistoryHooks.h"
#include "schema/Schema.h"
#include "schema/SchemaGuard.h"
#include "store/Store.h"

#include "json/Json.h"
#include <cstdio>
#include <memory>
#include <string>

namespace tad::cli {

struct CliContext
{
    CliArguments args;
    // The built-in schema, --schema FILE's, or none with --no-schema.
    Schema schema;
    std::unique_ptr<SchemaGuard> guard; // on the store while a schema is active
    std::unique_ptr<Store> store;
    // Backups before critical changes and a history entry for every change
    // (ours, and the other writer's when noticed); on the store from the start.
    std::unique_ptr<HistoryServices> history;

    // Loads the schema the options ask for and creates the store with it:
    // writes are checked and filled with the schema's defaults, as the
    // Electron app's electron-store does, and recorded in the history.
    // Does not read the file yet.
    Result<void> prepare(const QString &configPath);

    // `value` (at key path `tokens`, none for the whole document) with its
    // secrets masked, unless --show-secrets.
    Json shown(const Json &value, const std::vector<std::string> &tokens = {}) const;

    // Prints JSON on one line (or indented with --pretty) and flushes.
    void printJson(const Json &value) const;
    void printLine(const std::string &line) const;
};

// Prints "tad-settings-cli: <message>" on stderr; returns the exit status.
int report(const Error &error);
// Prints each as "tad-settings-cli: warning: <message>" on stderr.
void reportWarnings(const std::vector<Error> &warnings);

// Parses a command-line value: JSON, or a clear error saying how to quote text.
Result<Json> parseCommandValue(const QString &text, const QString &key);

// get, set, delete, has, clear, reset, get-all, set-multiple, info
int runStoreCommand(CliContext &context);
int runBatch(CliContext &context);

} // namespace tad::cli
