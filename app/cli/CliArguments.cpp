#include "CliArguments.h"

#include "HistoryCommands.h"
#include "SchemaCommands.h"
#include "WatchCommands.h"

namespace tad::cli {
namespace {

// Command options that take a value (the others are flags).
const QStringList kValueOptions = {QStringLiteral("default"), QStringLiteral("reason"),
                                   QStringLiteral("label"),   QStringLiteral("keys"),
                                   QStringLiteral("from"),    QStringLiteral("to"),
                                   QStringLiteral("ops")};

Error usage(const QString &message)
{
    return makeError(ErrorCode::Usage, message + QStringLiteral(" (see tad-settings-cli --help)"));
}

} // namespace

QString CliArguments::option(const QString &name) const
{
    const QString prefix = QStringLiteral("--") + name + QLatin1Char('=');
    for (const QString &o : commandOptions) {
        if (o.startsWith(prefix))
            return o.mid(prefix.size());
    }
    return {};
}

bool CliArguments::flag(const QString &name) const
{
    return commandOptions.contains(QStringLiteral("--") + name);
}

Result<CliArguments> parseArguments(const QStringList &args)
{
    CliArguments out;
    bool onlyPositional = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        auto takeValue = [&](const QString &name) -> Result<QString> {
            const int eq = arg.indexOf(QLatin1Char('='));
            if (eq >= 0)
                return arg.mid(eq + 1);
            if (i + 1 >= args.size())
                return usage(QStringLiteral("%1 needs a value").arg(name));
            return args.at(++i);
        };
        if (onlyPositional || !arg.startsWith(QLatin1String("--"))) {
            if (arg == QLatin1String("-h")) {
                out.help = true;
            } else if (out.command.isEmpty()) {
                out.command = arg;
            } else {
                out.positional << arg;
            }
            continue;
        }
        if (arg == QLatin1String("--")) {
            onlyPositional = true;
            continue;
        }
        const QString name = arg.mid(2).section(QLatin1Char('='), 0, 0);
        if (name == QLatin1String("config") || name == QLatin1String("schema") ||
            name == QLatin1String("compat")) {
            auto value = takeValue(QStringLiteral("--") + name);
            if (!value)
                return value.error();
            if (name == QLatin1String("config")) {
                out.configPath = value.value();
            } else if (name == QLatin1String("schema")) {
                out.schemaPath = value.value();
            } else if (value.value() == QLatin1String("conf15")) {
                out.dialect = KeyDialect::DotProp10;
            } else if (value.value() == QLatin1String("conf10")) {
                out.dialect = KeyDialect::DotProp6;
            } else {
                return usage(QStringLiteral("--compat takes conf15 (electron-store 9 and later) "
                                            "or conf10 (electron-store 8)"));
            }
        } else if (name == QLatin1String("no-schema")) {
            out.noSchema = true;
        } else if (name == QLatin1String("show-secrets")) {
            out.showSecrets = true;
        } else if (name == QLatin1String("no-backup")) {
            out.noBackup = true;
        } else if (name == QLatin1String("pretty")) {
            out.pretty = true;
        } else if (name == QLatin1String("help")) {
            out.help = true;
        } else if (name == QLatin1String("version")) {
            out.version = true;
        } else if (kValueOptions.contains(name)) {
            auto value = takeValue(QStringLiteral("--") + name);
            if (!value)
                return value.error();
            out.commandOptions << QStringLiteral("--%1=%2").arg(name, value.value());
        } else {
            out.commandOptions << QStringLiteral("--") + name;
        }
    }
    return out;
}

QString usageText()
{
    return QStringLiteral(
               "Usage: tad-settings-cli [options] <command> [arguments]\n"
               "\n"
               "Reads and changes TAD's tad-config.json the way the Electron app's\n"
               "electron-store does, safely while the app is running.\n"
               "\n"
               "Commands:\n"
               "  get KEY [--default JSON]   print the value (exit 3 if absent and no default)\n"
               "  set KEY JSON               set a value (JSON, or plain text for string keys)\n"
               "  delete KEY                 remove a key\n"
               "  has KEY                    exit 0 if present, 3 if not (prints true/false)\n"
               "  clear                      back to the schema's defaults (conf's __internal__ "
               "stays)\n"
               "  reset KEY                  set KEY back to its schema default\n"
               "  get-all                    print the whole document\n"
               "  set-multiple JSON_OBJECT   set several keys in one write: "
               "{\"a.b\":1,\"c\":true}\n"
               "  info                       path, size, top-level keys, version, mode, style\n"
               "  batch                      JSON lines on stdin, one JSON result line per "
               "request\n"
               "%1%2%3"
               "\n"
               "Options:\n"
               "  --config FILE     the settings file (else $TAD_CONFIG, else\n"
               "                    ${XDG_CONFIG_HOME:-~/.config}/TAD/tad-config.json)\n"
               "  --schema FILE     JSON Schema to use instead of the built-in one\n"
               "  --no-schema       do not validate against any schema\n"
               "  --show-secrets    print secret values unmasked\n"
               "  --no-backup       change even when the backup or history record before\n"
               "                    the change cannot be written (else refused, exit 4)\n"
               "  --compat VERSION  conf15 (default; electron-store 9+) or conf10 (electron-store "
               "8):\n"
               "                    how `set` creates a missing parent for a numeric key segment\n"
               "  --pretty          indent JSON output\n"
               "  --help, --version\n"
               "\n"
               "Keys use dot notation: settings.theme; a literal dot is written \\. (ui\\.theme).\n"
               "Exit status: 0 ok, 1 usage, 2 rejected by the schema, 3 key not found,\n"
               "4 file unreadable or I/O error, 5 conflict.\n")
        .arg(schemaUsageText(), historyUsageText(), watchUsageText());
}

} // namespace tad::cli
