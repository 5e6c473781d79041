// What every command needs: the parsed arguments, the settings file opened
// through the core's application layer, and output.
#pragma once

#include "CliArguments.h"
#include "Result.h"
#include "app/SettingsFile.h"

#include "json/Json.h"
#include <cstdio>
#include <memory>
#include <string>

namespace tad::cli {

struct CliContext
{
    CliArguments args;
    // The settings file with the schema the options ask for (the built-in
    // one, --schema FILE's, or none with --no-schema), its guard, defaults
    // and history. Not read yet after prepare().
    std::unique_ptr<SettingsFile> file;

    Result<void> prepare(const QString &configPath);

    Store &store() const { return file->store(); }
    const Schema &schema() const { return file->schema(); }

    // `value` (found at `path`; the root for none) with its secrets masked,
    // unless --show-secrets.
    Json shown(const Json &value, const KeyPath &path = {}) const;
    // An RFC 6902 patch with the values of secrets masked, unless --show-secrets.
    Json shownPatch(const Json &patch) const;
    // A dotted key as typed, in the dialect --compat chose.
    Result<KeyPath> keyPath(const QString &dotted) const;

    // Prints JSON on one line (or indented with --pretty) and flushes.
    void printJson(const Json &value) const;
    void printLine(const std::string &line) const;
};

// Prints "tad-settings-cli: <message>" on stderr; returns the exit status.
int report(const Error &error);
// Prints each as "tad-settings-cli: warning: <message>" on stderr.
void reportWarnings(const std::vector<Error> &warnings);
// Prints "tad-settings-cli: <text>" on stderr: a word for the person where
// standard output stays as a script reads it (an empty list prints no line).
void note(const QString &text);

// Parses a command-line value: JSON, or a clear error saying how to quote text.
Result<Json> parseCommandValue(const QString &text, const QString &key);

// get, set, delete, has, clear, reset, get-all, set-multiple, info
int runStoreCommand(CliContext &context);
int runBatch(CliContext &context);

} // namespace tad::cli
