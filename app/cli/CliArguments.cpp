#include "CliArguments.h"

#include "keys/NearestName.h"

#include <QStringDecoder>
#include <algorithm>

namespace tad::cli {
namespace {

Error usage(const QString &message, const QString &helpOn = {})
{
    return makeError(ErrorCode::Usage,
                     message + QStringLiteral(" (see tad-settings-cli help%1)")
                                   .arg(helpOn.isEmpty() ? QString() : QLatin1Char(' ') + helpOn));
}

QStringList commandNames()
{
    QStringList names;
    for (const CommandSpec &spec : commandTable()) {
        const QString word = spec.name.section(QLatin1Char(' '), 0, 0);
        if (!names.contains(word))
            names << word;
    }
    return names;
}

QStringList subcommandsOf(const QString &group)
{
    QStringList subs;
    for (const CommandSpec &spec : commandTable()) {
        if (spec.name.startsWith(group + QLatin1Char(' ')))
            subs << spec.name.section(QLatin1Char(' '), 1);
    }
    return subs;
}

QString didYouMean(const QString &typed, const QStringList &candidates, const QString &prefix = {})
{
    const QString near = nearest(typed, candidates);
    return near.isEmpty() ? QString() : QStringLiteral("; did you mean %1%2?").arg(prefix, near);
}

// The command's entry: a group takes its subcommand from the arguments.
Result<const CommandSpec *> resolveCommand(CliArguments &out)
{
    if (isCommandGroup(out.command)) {
        const QStringList subs = subcommandsOf(out.command);
        if (out.positional.isEmpty())
            return usage(QStringLiteral("%1 needs one of %2")
                             .arg(out.command, subs.join(QStringLiteral(", "))),
                         out.command);
        const QString sub = out.positional.first();
        if (const CommandSpec *spec = findCommand(out.command + QLatin1Char(' ') + sub))
            return spec;
        return usage(QStringLiteral("unknown subcommand \"%1 %2\"; it takes %3%4")
                         .arg(out.command, sub, subs.join(QStringLiteral(", ")),
                              didYouMean(sub, subs, out.command + QLatin1Char(' '))),
                     out.command);
    }
    if (const CommandSpec *spec = findCommand(out.command))
        return spec;
    return usage(QStringLiteral("unknown command \"%1\"%2")
                     .arg(out.command, didYouMean(out.command, commandNames())));
}

// Which other commands take `name`, for "--keys is an option of ...".
QStringList commandsTaking(const QString &name)
{
    QStringList owners;
    for (const CommandSpec &spec : commandTable()) {
        if (optionsOf(spec).contains(name))
            owners << spec.name;
    }
    return owners;
}

Result<void> checkOptions(const CliArguments &out, const CommandSpec &spec)
{
    const QStringList allowed = optionsOf(spec);
    for (const QString &given : out.commandOptions) {
        const QString name = given.mid(2).section(QLatin1Char('='), 0, 0);
        if (allowed.contains(name))
            continue;
        QStringList candidates;
        for (const QString &option : allowed)
            candidates << QStringLiteral("--") + option;
        for (const OptionSpec &option : globalOptions())
            candidates << QStringLiteral("--") + option.name;
        const QString hint = didYouMean(QStringLiteral("--") + name, candidates);
        const QStringList owners = commandsTaking(name);
        QString message;
        if (!owners.isEmpty()) {
            message = QStringLiteral("--%1 is not an option of %2 (it belongs to %3)%4")
                          .arg(name, spec.name, owners.join(QStringLiteral(", ")), hint);
        } else {
            message = QStringLiteral("unknown option --%1 for %2%3").arg(name, spec.name, hint);
        }
        return usage(message, spec.name);
    }
    return {};
}

Result<void> checkArgumentCount(const CliArguments &out, const CommandSpec &spec)
{
    const int given = int(out.positional.size()) - (isCommandGroup(out.command) ? 1 : 0);
    if (given >= spec.minArguments && (spec.maxArguments < 0 || given <= spec.maxArguments))
        return {};
    const QString synopsis = (spec.name + QLatin1Char(' ') + spec.arguments).trimmed();
    if (given < spec.minArguments)
        return usage(QStringLiteral("%1 needs more arguments: %2").arg(spec.name, synopsis),
                     spec.name);
    const QStringList extra =
        out.positional.mid(out.positional.size() - (given - spec.maxArguments));
    return usage(QStringLiteral("too many arguments for %1 (%2): %3")
                     .arg(spec.name, synopsis, extra.join(QLatin1Char(' '))),
                 spec.name);
}

QStringList globalOptionNames()
{
    QStringList names;
    for (const OptionSpec &o : globalOptions())
        names << QStringLiteral("--") + o.name;
    return names;
}

// `-c` where a command should be: there are no short options but -h.
Error shortOption(const QString &arg, const QString &command, const QStringList &before)
{
    QStringList alike;
    QStringList names = globalOptionNames();
    // A group's subcommand is the first word after it: `backup list`.
    QStringList words{command};
    QStringList rest = before;
    if (isCommandGroup(command) && !rest.isEmpty())
        words << rest.takeFirst();
    if (const CommandSpec *spec = findCommand(words.join(QLatin1Char(' ')))) {
        for (const QString &option : optionsOf(*spec))
            names << QStringLiteral("--") + option;
    }
    for (const QString &name : names)
        if (name.at(2) == arg.at(1) && !alike.contains(name))
            alike << name;
    QString message = QStringLiteral("unknown option %1: the options are spelled out").arg(arg);
    if (!alike.isEmpty())
        message += QStringLiteral("; did you mean %1?").arg(alike.join(QStringLiteral(" or ")));
    if (command.isEmpty())
        return usage(message);
    if (alike.isEmpty())
        message += QLatin1Char('.');
    message += QStringLiteral(" A key or value that begins with - goes after --: `%1`")
                   .arg((words + QStringList{QStringLiteral("--")} + rest + QStringList{arg})
                            .join(QLatin1Char(' ')));
    return usage(message);
}

// A word such as -x or -dry-run: an option mistyped, not a value (a
// negative number, -5 or -.5, is one).
bool looksLikeShortOption(const QString &arg)
{
    return arg.size() > 1 && arg.at(0) == QLatin1Char('-') && arg.at(1).isLetter();
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

bool CliArguments::hasOption(const QString &name) const
{
    const QString prefix = QStringLiteral("--") + name + QLatin1Char('=');
    return std::any_of(commandOptions.begin(), commandOptions.end(),
                       [&prefix](const QString &o) { return o.startsWith(prefix); });
}

bool CliArguments::flag(const QString &name) const
{
    return commandOptions.contains(QStringLiteral("--") + name);
}

Result<CliArguments> parseArguments(const QStringList &args)
{
    CliArguments out;
    bool onlyPositional = false;
    // An option no command knows, given before the command word: the next
    // word is then taken for the command, so it is reported first.
    QString unknownBeforeCommand;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (onlyPositional || !arg.startsWith(QLatin1String("--"))) {
            if (arg == QLatin1String("-h") && !onlyPositional) {
                out.help = true;
            } else if (!onlyPositional &&
                       (out.command.isEmpty() ? arg.size() > 1 && arg.startsWith(QLatin1Char('-'))
                                              : looksLikeShortOption(arg))) {
                return shortOption(arg, out.command, out.positional);
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
        const bool inlineValue = arg.contains(QLatin1Char('='));
        const OptionSpec *spec = findGlobalOption(name);
        if (!spec)
            spec = findOption(name);
        QString value;
        if (spec && !spec->valueName.isEmpty()) {
            if (inlineValue) {
                value = arg.section(QLatin1Char('='), 1);
            } else if (i + 1 < args.size()) {
                value = args.at(++i);
            } else {
                return usage(QStringLiteral("--%1 needs a value (%2)").arg(name, spec->valueName));
            }
        } else if (spec && inlineValue) {
            return usage(QStringLiteral("--%1 takes no value").arg(name));
        }
        if (!spec && out.command.isEmpty() && unknownBeforeCommand.isEmpty())
            unknownBeforeCommand = QStringLiteral("--") + name;
        if (!spec || !findGlobalOption(name)) {
            // A command option, or an unknown one: checked once the command is known.
            out.commandOptions << (spec && !spec->valueName.isEmpty()
                                       ? QStringLiteral("--%1=%2").arg(name, value)
                                       : QStringLiteral("--") + name);
        } else if (name == QLatin1String("config")) {
            out.configPath = value;
        } else if (name == QLatin1String("schema")) {
            out.schemaPath = value;
        } else if (name == QLatin1String("compat")) {
            if (value == QLatin1String("conf15")) {
                out.dialect = KeyDialect::DotProp10;
            } else if (value == QLatin1String("conf10")) {
                out.dialect = KeyDialect::DotProp6;
            } else {
                return usage(QStringLiteral("--compat takes conf15 (electron-store 9 and later) "
                                            "or conf10 (electron-store 8)"));
            }
        } else if (name == QLatin1String("no-schema")) {
            out.noSchema = true;
        } else if (name == QLatin1String("show-secrets")) {
            out.showSecrets = true;
        } else if (name == QLatin1String("pretty")) {
            out.pretty = true;
        } else if (name == QLatin1String("help")) {
            out.help = true;
        } else if (name == QLatin1String("version")) {
            out.version = true;
        }
    }

    if (out.command == QLatin1String("help")) {
        if (out.positional.size() > 2)
            return usage(
                QStringLiteral("too many arguments for help (help [COMMAND [SUBCOMMAND]])"));
        out.help = true;
        out.helpTopic = out.positional.join(QLatin1Char(' '));
        out.command.clear();
        out.positional.clear();
    } else if (out.help) {
        out.helpTopic =
            (QStringList{out.command} + out.positional.mid(0, 1)).join(QLatin1Char(' '));
        if (!isCommandGroup(out.command))
            out.helpTopic = out.command;
    }
    if (out.command.isEmpty() && !out.commandOptions.isEmpty()) {
        const QString given = out.commandOptions.first().section(QLatin1Char('='), 0, 0);
        return usage(QStringLiteral("unknown option %1%2")
                         .arg(given, didYouMean(given, globalOptionNames())));
    }
    // `--confg FILE get KEY` would run FILE as the command: the option is
    // what is wrong.
    if (!unknownBeforeCommand.isEmpty() && !out.help && !findCommand(out.command) &&
        !isCommandGroup(out.command))
        return usage(
            QStringLiteral("unknown option %1 before the command%2")
                .arg(unknownBeforeCommand, didYouMean(unknownBeforeCommand, globalOptionNames())));
    if (out.help || out.command.isEmpty())
        return out;
    auto spec = resolveCommand(out);
    if (!spec)
        return spec.error();
    out.spec = *spec;
    if (auto checked = checkOptions(out, *out.spec); !checked)
        return checked.error();
    if (auto counted = checkArgumentCount(out, *out.spec); !counted)
        return counted.error();
    out.noBackup = out.flag(QStringLiteral("no-backup"));
    return out;
}

Result<void> checkUtf8(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString decoded = decoder(QByteArrayView(argv[i]));
        if (decoder.hasError())
            return makeError(ErrorCode::Usage,
                             QStringLiteral("argument %1 is not valid UTF-8 (%2); nothing was "
                                            "read or written")
                                 .arg(i)
                                 .arg(decoded.left(40)));
    }
    return {};
}

} // namespace tad::cli
