#include "CommandHelp.h"

#include "CommandTable.h"
#include "keys/NearestName.h"

namespace tad::cli {
namespace {

QString optionSynopsis(const OptionSpec &option)
{
    return QStringLiteral("--") + option.name +
           (option.valueName.isEmpty() ? QString() : QLatin1Char(' ') + option.valueName);
}

// "get KEY [--default JSON] [--json]": the arguments as the table gives
// them, then the options they do not already show.
QString synopsis(const CommandSpec &spec)
{
    QString line = spec.name;
    if (!spec.arguments.isEmpty())
        line += QLatin1Char(' ') + spec.arguments;
    for (const QString &name : optionsOf(spec)) {
        if (spec.arguments.contains(QStringLiteral("--") + name))
            continue;
        const OptionSpec *option = findOption(name);
        line += QStringLiteral(" [%1]").arg(option ? optionSynopsis(*option) : name);
    }
    return line;
}

QString columns(const QString &left, const QString &right, int width)
{
    QString line = QStringLiteral("  ") + left;
    line += line.size() < width ? QString(width - line.size(), QLatin1Char(' '))
                                : QStringLiteral("\n") + QString(width, QLatin1Char(' '));
    return line + right + QLatin1Char('\n');
}

QString commandHelp(const CommandSpec &spec)
{
    QString text = QStringLiteral("Usage: tad-settings-cli [options] %1\n\n%2\n")
                       .arg(synopsis(spec), spec.summary);
    if (!spec.details.isEmpty())
        text += QLatin1Char('\n') + spec.details + QLatin1Char('\n');
    const QStringList names = optionsOf(spec);
    if (!names.isEmpty()) {
        text += QStringLiteral("\nOptions:\n");
        for (const QString &name : names) {
            if (const OptionSpec *option = findOption(name))
                text += columns(optionSynopsis(*option), option->help, 22);
        }
    }
    text += QStringLiteral("\nGlobal options (see tad-settings-cli --help): --config FILE, "
                           "--schema FILE,\n--no-schema, --show-secrets, --compat VERSION, "
                           "--pretty.\n");
    text += QStringLiteral("\nExample:\n  %1\n").arg(spec.example);
    text += QStringLiteral("\nExit status: %1.\n").arg(spec.exitStatuses);
    return text;
}

} // namespace

QString usageText()
{
    QString text =
        QStringLiteral("Usage: tad-settings-cli [options] <command> [arguments]\n"
                       "\n"
                       "Reads and changes TAD's tad-config.json the way the Electron app's\n"
                       "electron-store does, safely while the app is running.\n"
                       "\n"
                       "Commands:\n");
    for (const CommandSpec &spec : commandTable())
        text += columns(synopsis(spec), spec.summary, 44);
    text += QStringLiteral("\nOptions:\n");
    for (const OptionSpec &option : globalOptions())
        text += columns(optionSynopsis(option), option.help, 22);
    text += QStringLiteral(
        "\n"
        "Keys use dot notation: settings.theme; a literal dot is written \\. (ui\\.theme).\n"
        "Exit status: 0 ok, 1 usage, 2 rejected by the schema, 3 key not found,\n"
        "4 file missing, unreadable or I/O error, 5 conflict (docs/CLI.md has the table).\n"
        "`tad-settings-cli help COMMAND` prints a command's usage, options and example.\n");
    return text;
}

Result<QString> helpText(const QString &topic)
{
    if (topic.isEmpty())
        return usageText();
    if (const CommandSpec *spec = findCommand(topic))
        return commandHelp(*spec);
    // A group: its subcommands' help, one after the other.
    QString text;
    QStringList names;
    for (const CommandSpec &spec : commandTable()) {
        names << spec.name;
        if (spec.name.startsWith(topic + QLatin1Char(' ')))
            text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + commandHelp(spec);
    }
    if (!text.isEmpty())
        return text;
    const QString near = nearest(topic, names);
    return makeError(ErrorCode::Usage,
                     QStringLiteral("no command \"%1\"%2 (see tad-settings-cli help)")
                         .arg(topic, near.isEmpty()
                                         ? QString()
                                         : QStringLiteral("; did you mean %1?").arg(near)));
}

} // namespace tad::cli
