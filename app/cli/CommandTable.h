// Every command of tad-settings-cli, its arguments, the options it takes and
// its help, in one table: the parser refuses what a command does not take,
// `help` and `COMMAND --help` print from it, and the global usage lists it.
// A new option is one line in optionTable() and its name in the commands
// that take it; an option for every write command goes in writeOptions().
#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace tad::cli {

struct OptionSpec
{
    QString name;      // without the dashes: "dry-run"
    QString valueName; // empty for a flag: "JSON", "NAME"
    QString help;      // one line
};

struct CommandSpec
{
    QString name;      // "get", or a group and its subcommand: "backup restore"
    QString arguments; // "KEY [--default JSON]", as usage shows it
    QString summary;   // one line for the command list
    QString details;   // a few lines for `help COMMAND`; may be empty
    int minArguments = 0;
    int maxArguments = 0;    // -1: any number
    QStringList options;     // command options it takes (global ones always apply)
    bool writes = false;     // changes the settings file: takes writeOptions() too
    bool printsData = false; // prints something a script may read: takes --json
    QString example;
    QString exitStatuses; // "0 found, 3 absent, 4 file unreadable"
};

// Options that apply to every command, before or after it.
const std::vector<OptionSpec> &globalOptions();
// Options that belong to commands.
const std::vector<OptionSpec> &optionTable();
// Options every write command takes.
QStringList writeOptions();

const std::vector<CommandSpec> &commandTable();
// The command words: `backup` and `history` are groups of subcommands.
bool isCommandGroup(const QString &word);
// "get", or "backup restore"; null for neither.
const CommandSpec *findCommand(const QString &name);
const OptionSpec *findOption(const QString &name);
const OptionSpec *findGlobalOption(const QString &name);
// The command options `spec` takes, its write and --json options included.
QStringList optionsOf(const CommandSpec &spec);

} // namespace tad::cli
