#include "CliContext.h"

#include "StoreCommands.h"
#include "history/BackupManager.h"
#include "io/AtomicFile.h"
#include "store/Store.h"

#include "json/JsonText.h"
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>

namespace tad::cli {

namespace {

// The settings file this run works on, and how to spell the command that
// repairs it when it does not parse: report() adds it to such an error,
// wherever it arose.
QString g_settingsPath;
QString g_command;     // tad-settings-cli with the run's --config and --schema
QString g_restoreName; // `backup restore NAME`: that backup

QString shellWord(const QString &word)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=@%+,-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

void rememberRepairCommand(const CliArguments &args)
{
    g_command = QStringLiteral("tad-settings-cli");
    if (!args.configPath.isEmpty())
        g_command += QStringLiteral(" --config ") + shellWord(args.configPath);
    if (args.noSchema)
        g_command += QStringLiteral(" --no-schema");
    else if (!args.schemaPath.isEmpty())
        g_command += QStringLiteral(" --schema ") + shellWord(args.schemaPath);
    // `backup restore NAME` cannot read the file it would restore into; the
    // same backup is written back over a broken file by recover.
    const bool restoring = args.command == QLatin1String("backup") &&
                           args.positional.value(0) == QLatin1String("restore");
    g_restoreName = restoring ? args.positional.value(1) : QString();
}

QString repairAdvice(const Error &error)
{
    const QString kept = QStringLiteral("the broken file is kept beside it as %1.bad-<time>")
                             .arg(QFileInfo(g_settingsPath).fileName());
    // The backups recover chooses from, as it lists them. A listing that
    // fails (a linked folder) says nothing about them: recover says why.
    auto backups = BackupManager(g_settingsPath).list();
    const auto usable = [](const BackupInfo &b) {
        return !b.damaged();
    };
    const bool any = !backups || std::any_of(backups->begin(), backups->end(), usable);
    const bool named =
        backups && std::any_of(backups->begin(), backups->end(), [](const BackupInfo &b) {
            return b.name == g_restoreName && !b.damaged();
        });
    if (!g_restoreName.isEmpty() && named)
        return QStringLiteral(". `%1 recover --from %2` writes that backup back (%3), or fix "
                              "the file by hand")
            .arg(g_command, shellWord(g_restoreName), kept);
    if (!any)
        return QStringLiteral(". There is no backup of it to recover from: fix the file by hand "
                              "(line %1, column %2)")
            .arg(error.line)
            .arg(error.column);
    return QStringLiteral(". `%1 recover` writes back the newest good backup (%2; `%1 backup "
                          "list` shows the backups), or fix the file by hand")
        .arg(g_command, kept);
}

} // namespace

Result<void> CliContext::prepare(const QString &configPath)
{
    g_settingsPath = configPath;
    rememberRepairCommand(args);
    auto schema = loadSchema(args.schemaPath, args.noSchema);
    if (!schema)
        return schema.error();
    SettingsFileOptions options;
    options.dialect = args.dialect;
    options.schema = std::move(schema.value());
    options.requireBackup = !args.noBackup;
    // `watch` only follows the file. Recording what it sees would race the
    // writer's own entry (a write of ours would appear again as `external`);
    // the next program that writes finds any change made meanwhile.
    // A one-shot get or has writes nothing and records nothing either: a
    // change found in the file is recorded by the next program that writes.
    options.history = args.command != QLatin1String("watch") && !isOneShotRead(args.command);
    // The others that only read (info, get-all, backup list and diff,
    // history list and show, a dry run) read the history but write nothing
    // to it, not even its first copy of the file.
    options.recordReads = args.spec && args.spec->writes && !args.flag(QStringLiteral("dry-run"));
    // A refused change leaves no history behind, not even its first copy.
    options.startHistoryOnOpen = false;
    file = std::make_unique<SettingsFile>(configPath, std::move(options));
    // The store's verdict while this command follows the file after its
    // write: another program changed a key we had just written. The file
    // keeps theirs; the person hears of it.
    QObject::connect(
        &file->store(), &Store::conflicted, [this](const ChangeEvent &theirs, const Json &ours) {
            const auto shownValue = [&](const std::optional<Json> &value) {
                return value ? QString::fromStdString(compactJson(shown(*value, theirs.path)))
                             : QStringLiteral("(removed)");
            };
            note(QStringLiteral("%1 was changed by another program to %2 right "
                                "after this command set it to %3; the file keeps "
                                "theirs (set it again to have yours)")
                     .arg(QString::fromStdString(theirs.key), shownValue(theirs.newValue),
                          shownValue(ours)));
        });
    return {};
}

Json CliContext::shown(const Json &value, const KeyPath &path) const
{
    return args.showSecrets ? value : file->masked(value, path);
}

Json CliContext::shownPatch(const Json &patch) const
{
    return args.showSecrets ? patch : file->maskedPatch(patch);
}

Result<KeyPath> CliContext::keyPath(const QString &dotted) const
{
    return KeyPath::parse(dotted.toStdString(), args.dialect);
}

void CliContext::printJson(const Json &value) const
{
    TextStyle style;
    if (args.pretty) {
        style.indent = TextStyle::Indent::Spaces;
        style.spaces = 2;
    }
    printLine(stringify(value, style));
}

void CliContext::printLine(const std::string &line) const
{
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void note(const QString &text)
{
    const QByteArray bytes = (QStringLiteral("tad-settings-cli: ") + text).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

// The settings file is there and does not parse. One that parses with a key
// named twice is refused with a line too, but recovering would throw away
// the file for what a hand edit mends.
bool settingsFileIsBroken()
{
    auto read = readFile(g_settingsPath);
    return read && read->stamp.exists && !parseDocument(read->bytes, g_settingsPath);
}

int report(const Error &error)
{
    // The settings file does not parse (a parse error has a line): say how
    // to get it back.
    if (error.code == ErrorCode::Unreadable && error.line > 0 && !g_settingsPath.isEmpty() &&
        error.file == g_settingsPath && settingsFileIsBroken()) {
        Error advised = error;
        advised.message += repairAdvice(error);
        note(advised.toString());
        return int(error.code);
    }
    note(error.toString());
    return int(error.code);
}

void reportWarnings(const std::vector<Error> &warnings)
{
    for (Error warning : warnings) {
        warning.message.prepend(QStringLiteral("warning: "));
        report(warning);
    }
}

Result<Json> parseCommandValue(const QString &text, const QString &key)
{
    const QByteArray utf8 = text.toUtf8();
    auto value = parseValue(std::string_view(utf8.constData(), size_t(utf8.size())));
    if (value)
        return value;
    Error e = makeError(ErrorCode::Usage,
                        QStringLiteral("the value for %1: %2").arg(key, value.error().message));
    e.key = key;
    return e;
}

} // namespace tad::cli
