// The command line of tad-settings-cli: global options, the command and its
// own options, checked against the command table (CommandTable.h) before
// any file is read.
#pragma once

#include "CommandTable.h"
#include "Result.h"
#include "keys/KeyPath.h"

#include <QString>
#include <QStringList>

namespace tad::cli {

struct CliArguments
{
    QString configPath;       // --config
    QString schemaPath;       // --schema
    bool noSchema = false;    // --no-schema
    bool showSecrets = false; // --show-secrets
    bool noBackup = false;    // --no-backup: go ahead when a safety net cannot be written
    bool pretty = false;      // --pretty: indent JSON output
    bool help = false;        // --help, -h, or the `help` command
    bool version = false;
    KeyDialect dialect = KeyDialect::DotProp10; // --compat conf15|conf10

    QString command;
    QStringList positional;     // after the command (a group's subcommand first)
    QStringList commandOptions; // --name or --name=value, as given after the command
    // The command's entry in the table; null for none (then help or version).
    const CommandSpec *spec = nullptr;
    // What help was asked about: "", "get", "backup", "backup restore".
    QString helpTopic;

    // Value of a command option such as --default; null QString if absent.
    QString option(const QString &name) const;
    // Whether a command option that takes a value was given, empty or not.
    bool hasOption(const QString &name) const;
    bool flag(const QString &name) const;
    bool json() const { return flag(QStringLiteral("json")); }
};

// Global options may come before or after the command. Anything that does
// not start with "--" is an argument, so `set n -5` and `set KEY -` work;
// after "--" everything is. Refuses (Usage) an unknown command, an option
// the command does not take, a value missing or given to a flag, and a
// wrong number of arguments, suggesting the nearest name where one is close.
Result<CliArguments> parseArguments(const QStringList &args);

// Refuses (Usage) an argument that is not valid UTF-8, naming its position.
Result<void> checkUtf8(int argc, char *argv[]);

} // namespace tad::cli
