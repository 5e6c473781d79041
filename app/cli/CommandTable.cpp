#include "CommandTable.h"

namespace tad::cli {

const std::vector<OptionSpec> &globalOptions()
{
    static const std::vector<OptionSpec> options = {
        {"config", "FILE",
         "the settings file (else $TAD_CONFIG, else "
         "${XDG_CONFIG_HOME:-~/.config}/TAD/tad-config.json)"},
        {"schema", "FILE", "JSON Schema to use instead of the built-in one"},
        {"no-schema", {}, "do not validate against any schema"},
        {"show-secrets", {}, "print secret values unmasked"},
        {"compat", "VERSION",
         "conf15 (default; electron-store 9+) or conf10 (electron-store 8): how `set` "
         "creates a missing parent for a numeric key segment"},
        {"pretty", {}, "indent JSON output"},
        {"help", {}, "this text, or with a command, that command's help"},
        {"version", {}, "the program's version"},
    };
    return options;
}

const std::vector<OptionSpec> &optionTable()
{
    static const std::vector<OptionSpec> options = {
        {"json", {}, "print JSON (the shape docs/CLI.md documents) instead of text"},
        {"default", "JSON", "the value to print when the key is absent"},
        {"initial", {}, "first print the current values, with source \"initial\""},
        {"from", "NAME", "the backup to write back (see `backup list`)"},
        {"force", {}, "replace a file that reads and passes the schema, after showing the changes"},
        {"reason", "R", "why the backup is taken (default: manual)"},
        {"label", "L", "a label to find the backup by"},
        {"verify", {}, "check every backup's hash"},
        {"keys", "K,...", "only these keys (dot notation, comma-separated)"},
        {"ops", "N,...", "only these operations of the entry (numbers from `history show`)"},
        {"dry-run", {}, "show what would change and change nothing"},
        {"no-backup",
         {},
         "change even when the backup or history record before the change cannot be "
         "written (else refused, exit 4)"},
        {"to", "VERSION", "migrate up to this version only"},
        {"limit", "N", "list only the N newest"},
        {"new-key",
         {},
         "add a key the schema does not describe even when it looks like a typo of one it does"},
    };
    return options;
}

QStringList writeOptions()
{
    return {QStringLiteral("no-backup")};
}

const std::vector<CommandSpec> &commandTable()
{
    // Exit statuses every command shares are in docs/CLI.md; these say what a
    // status means for the command.
    static const QString readExits = QStringLiteral("0 ok, 1 usage, 4 file unreadable");
    static const QString writeExits =
        QStringLiteral("0 written, 1 usage, 2 refused by the schema, 4 file unreadable or "
                       "I/O error, 5 conflict");
    // One command to a block, the fields in CommandSpec's order.
    // clang-format off
    static const std::vector<CommandSpec> commands = {
        {"get", "KEY [--default JSON]",
         "print the value (exit 3 if absent and no default)",
         "Prints the value as JSON. A secret prints masked unless --show-secrets.",
         1, 1, {"default"}, false, true,
         "tad-settings-cli get settings.theme",
         "0 found (or --default given), 1 usage, 3 absent, 4 file unreadable"},
        {"set", "KEY VALUE",
         "set a value (JSON, or plain text for string keys; - reads it from stdin)",
         "VALUE is JSON, or for a key the schema types as a string, the text itself.\n"
         "VALUE - reads the value from stdin (one trailing newline is dropped).\n"
         "A key the schema does not describe, not in the file and a near miss of one\n"
         "that is (settings.them) is refused with the key meant; --new-key adds it.",
         2, 2, {"new-key"}, true, false,
         "tad-settings-cli set settings.fontSize 16",
         writeExits},
        {"delete", "KEY",
         "remove a key",
         {},
         1, 1, {}, true, false,
         "tad-settings-cli delete workspaces.old",
         writeExits},
        {"has", "KEY",
         "exit 0 if present, 3 if not (prints true/false)",
         {},
         1, 1, {}, false, true,
         "tad-settings-cli has ai.apiKey",
         "0 present, 1 usage, 3 absent, 4 file unreadable"},
        {"clear", {},
         "back to the schema's defaults (conf's __internal__ stays)",
         "A before-clear backup is taken first.",
         0, 0, {}, true, false,
         "tad-settings-cli clear",
         writeExits},
        {"reset", "KEY",
         "set KEY back to its schema default",
         {},
         1, 1, {}, true, false,
         "tad-settings-cli reset settings.fontSize",
         "0 written, 1 usage, 2 refused by the schema, 3 no default, 4 file unreadable, "
         "5 conflict"},
        {"get-all", {},
         "print the whole document",
         {},
         0, 0, {}, false, true,
         "tad-settings-cli get-all --pretty",
         readExits},
        {"set-multiple", "JSON_OBJECT",
         "set several keys in one write: {\"a.b\":1,\"c\":true}",
         "Keys of the object are dotted keys; one write, one history entry.\n"
         "JSON_OBJECT - reads the object from stdin. Its keys are checked for typos as\n"
         "set's KEY is (--new-key adds them as they are).",
         1, 1, {"new-key"}, true, false,
         "tad-settings-cli set-multiple '{\"settings.theme\":\"dark\"}'",
         writeExits},
        {"info", {},
         "path, size, top-level keys, version, mode, style",
         {},
         0, 0, {}, false, true,
         "tad-settings-cli info",
         readExits},
        {"batch", {},
         "JSON lines on stdin, one JSON result line per request",
         "Each line: {\"op\":\"set\",\"key\":\"a.b\",\"value\":1} (op: get, set, delete, has,\n"
         "clear, reset, get-all, set-multiple, info; an \"id\" comes back).\n"
         "\"default\" is get's fallback. Keys are taken as electron-store takes them\n"
         "(no typo check: a program, not a person, typed them).",
         0, 0, {}, true, false,
         "echo '{\"op\":\"get\",\"key\":\"settings.theme\"}' | tad-settings-cli batch",
         "0 stdin read to its end (each line reports its own result), 1 usage, "
         "4 file unreadable"},
        {"validate", "[FILE|-]",
         "list the file's schema violations (exit 2 if any)",
         "FILE defaults to the settings file; - reads the document from stdin.",
         0, 1, {}, false, true,
         "tad-settings-cli validate backup.json",
         "0 valid, 1 usage, 2 violations, 4 file missing or unreadable"},
        {"schema", "[KEY]",
         "what the schema says about KEY (no KEY: every key it describes)",
         {},
         0, 1, {}, false, true,
         "tad-settings-cli schema settings.theme",
         "0 ok, 1 usage, 3 the schema says nothing about KEY"},
        {"defaults", {},
         "the document a new store gets from the schema",
         {},
         0, 0, {}, false, true,
         "tad-settings-cli defaults",
         "0 ok, 1 usage"},
        {"watch", "[KEY ...] [--initial]",
         "one JSON line per change, as it happens",
         "Runs until interrupted; each line is flushed as it is printed.",
         0, -1, {"initial"}, false, false,
         "tad-settings-cli watch settings.theme --initial",
         readExits},
        {"recover", "[--from NAME] [--force]",
         "write back the newest good backup",
         "Refused when the file reads and passes the schema; --force then shows what\n"
         "would change and replaces it anyway. The previous bytes are kept aside.",
         0, 0, {"from", "force"}, true, true,
         "tad-settings-cli recover",
         "0 recovered, 1 usage or the file is healthy, 3 no such or no usable backup, "
         "4 I/O error, 5 conflict"},
        {"backup create", "[--reason R] [--label L]",
         "copy the file to backups/ (reason: manual)",
         {},
         0, 0, {"reason", "label"}, false, true,
         "tad-settings-cli backup create --label before",
         readExits},
        {"backup list", "[--verify] [--limit N]",
         "newest first; --verify checks every hash",
         {},
         0, 0, {"verify", "limit"}, false, true,
         "tad-settings-cli backup list --verify",
         readExits},
        {"backup show", "NAME",
         "a backup's metadata and content",
         {},
         1, 1, {}, false, true,
         "tad-settings-cli backup show NAME",
         "0 ok, 1 usage or not a backup name, 3 no such backup, 4 unreadable"},
        {"backup diff", "NAME",
         "what changed from the backup to the file",
         {},
         1, 1, {}, false, true,
         "tad-settings-cli backup diff NAME",
         "0 ok, 1 usage or not a backup name, 3 no such backup, 4 unreadable"},
        {"backup restore", "NAME [--keys K,...]",
         "restore all, or only the given keys",
         {},
         1, 1, {"keys"}, true, true,
         "tad-settings-cli backup restore NAME --keys settings.theme",
         "0 restored, 1 usage or not a backup name, 2 refused by the schema, 3 no such backup, "
         "4 unreadable, 5 conflict"},
        {"backup label", "NAME LABEL",
         "give an existing backup a label (\"\" removes it)",
         "Only the label in the backup's .meta.json changes; the copy itself stays as it is.",
         2, 2, {}, false, true,
         "tad-settings-cli backup label NAME \"before the trip\"",
         "0 labelled, 1 usage or not a backup name, 3 no such backup or no metadata file, "
         "4 unreadable"},
        {"backup prune", {},
         "apply the retention policy now",
         {},
         0, 0, {}, false, true,
         "tad-settings-cli backup prune",
         readExits},
        {"history list", "[--limit N]",
         "every recorded change, newest first, with the keys it changed",
         {},
         0, 0, {"limit"}, false, true,
         "tad-settings-cli history list --limit 10",
         readExits},
        {"history show", "ID",
         "one change: time, source, label and each key's old and new value",
         {},
         1, 1, {}, false, true,
         "tad-settings-cli history show 20261202T",
         "0 ok, 1 usage, 3 no such entry, 4 unreadable"},
        {"history label", "ID LABEL",
         "give a recorded change a label (\"\" removes it)",
         "A unique prefix or suffix of the id is enough. Only the entry's label changes.",
         2, 2, {}, false, true,
         "tad-settings-cli history label 20261202T \"theme experiment\"",
         "0 labelled, 1 usage, 3 no such entry, 4 unreadable"},
        {"rollback", "ID [--ops N,...]",
         "undo a change (or some of its operations)",
         {},
         1, 1, {"ops"}, true, true,
         "tad-settings-cli rollback 20261202T --ops 0",
         "0 rolled back, 1 usage, 2 refused by the schema, 3 no such entry, 4 unreadable, "
         "5 a value changed since"},
        {"diff", "FILE_A FILE_B",
         "what changed from FILE_A to FILE_B (- for stdin)",
         {},
         2, 2, {}, false, true,
         "tad-settings-cli diff old.json - < new.json",
         "0 ok, 1 usage, 4 file missing or unreadable"},
        {"migrate", "[--dry-run] [--to VERSION]",
         "run the migrations (backup first); --dry-run shows each step",
         {},
         0, 0, {"dry-run", "to"}, true, true,
         "tad-settings-cli migrate --dry-run",
         writeExits},
        {"help", "[COMMAND]",
         "this list, or a command's usage, options, example and exit statuses",
         {},
         0, 2, {}, false, false,
         "tad-settings-cli help backup restore",
         "0 ok, 1 usage"},
    };
    // clang-format on
    return commands;
}

bool isCommandGroup(const QString &word)
{
    return word == QLatin1String("backup") || word == QLatin1String("history");
}

const CommandSpec *findCommand(const QString &name)
{
    for (const CommandSpec &spec : commandTable()) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

namespace {

const OptionSpec *findIn(const std::vector<OptionSpec> &options, const QString &name)
{
    for (const OptionSpec &option : options) {
        if (option.name == name)
            return &option;
    }
    return nullptr;
}

} // namespace

const OptionSpec *findOption(const QString &name)
{
    return findIn(optionTable(), name);
}

const OptionSpec *findGlobalOption(const QString &name)
{
    return findIn(globalOptions(), name);
}

QStringList optionsOf(const CommandSpec &spec)
{
    QStringList out = spec.options;
    if (spec.writes)
        out += writeOptions();
    if (spec.printsData)
        out << QStringLiteral("json");
    return out;
}

} // namespace tad::cli
