// The command line of tad-settings-cli: global options and the command.
#pragma once

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
    bool help = false;
    bool version = false;
    KeyDialect dialect = KeyDialect::DotProp10; // --compat conf15|conf10

    QString command;
    QStringList positional;     // after the command
    QStringList commandOptions; // --name or --name=value pairs given after the command

    // Value of a command option such as --default; null QString if absent.
    QString option(const QString &name) const;
    bool flag(const QString &name) const;
};

// Global options may come before or after the command. Anything that is
// not a known "--option" is positional, so `set n -5` works.
Result<CliArguments> parseArguments(const QStringList &args);

QString usageText();

} // namespace tad::cli
