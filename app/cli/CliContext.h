// What every command needs: the parsed arguments, the open store and output.
#pragma once

#include "CliArguments.h"
#include "Result.h"
#include "store/Store.h"

#include "json/Json.h"
#include <cstdio>
#include <memory>
#include <string>

namespace tad::cli {

struct CliContext
{
    CliArguments args;
    std::unique_ptr<Store> store;

    // Prints JSON on one line (or indented with --pretty) and flushes.
    void printJson(const Json &value) const;
    void printLine(const std::string &line) const;
};

// Prints "tad-settings-cli: <message>" on stderr; returns the exit status.
int report(const Error &error);

// Parses a command-line value: JSON, or a clear error saying how to quote text.
Result<Json> parseCommandValue(const QString &text, const QString &key);

using CommandFn = int (*)(CliContext &);
int runStoreCommand(
    CliContext &context); // get, set, delete, has, clear, get-all, set-multiple, info
int runBatch(CliContext &context);

} // namespace tad::cli
