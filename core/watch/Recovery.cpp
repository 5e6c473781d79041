#include "Recovery.h"

#include "BrokenFileCopies.h"
#include "io/AtomicFile.h"

#include "json/JsonText.h"
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <sys/stat.h>

namespace tad {
namespace {

const QRegularExpression &backupPattern()
{
    // backup-2024-05-01T12-03-04-005Z-1a2b3c4d.json
    static const QRegularExpression pattern(QStringLiteral(
        R"(^backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(-\d{1,9})?Z-[0-9a-f]{8}\.json$)"));
    return pattern;
}

QString isoForName(const QDateTime &time)
{
    QString iso = time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    return iso.replace(QLatin1Char(':'), QLatin1Char('-'))
        .replace(QLatin1Char('.'), QLatin1Char('-'));
}

QByteArray sha256Hex(std::string_view bytes)
{
    return QCryptographicHash::hash(QByteArrayView(bytes.data(), qsizetype(bytes.size())),
                                    QCryptographicHash::Sha256)
        .toHex();
}

Error recoveryError(ErrorCode code, const QString &message, const QString &file = {})
{
    Error e = makeError(code, message);
    e.file = file;
    return e;
}

// Why a backup cannot be restored, or nothing if it can; fills `bytes`.
std::optional<QString> unusableBackup(const QString &path, const Schema &schema, std::string &bytes)
{
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return QStringLiteral("not a regular file");
    auto content = readFile(path);
    if (!content)
        return content.error().message;
    auto parsed = parseDocument(content->bytes, path);
    if (!parsed)
        return parsed.error().toString();
    if (!schema.isNull()) {
        const auto violations = schema.validate(parsed->value);
        if (!violations.empty())
            return QStringLiteral("does not pass the schema (%1 violation%2)")
                .arg(violations.size())
                .arg(violations.size() == 1 ? QString() : QStringLiteral("s"));
    }
    bytes = std::move(content->bytes);
    return std::nullopt;
}

// A before-restore backup of a good file, named and described as the
// seed's BackupManager does, so both programs list it.
Result<QString> backUpBeforeRestore(const QString &storePath, const std::string &bytes)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray hash = sha256Hex(bytes);
    const QString folder = backupFolder(storePath);
    if (!QDir().mkpath(folder))
        return recoveryError(ErrorCode::Unreadable,
                             QStringLiteral("cannot create the backup folder; check its parent's "
                                            "permissions"),
                             folder);
    QFile::setPermissions(folder,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString name =
        QStringLiteral("backup-%1-%2.json").arg(isoForName(now), QString::fromLatin1(hash.left(8)));
    const QString path = QDir(folder).filePath(name);
    WriteOptions options;
    options.newFileMode = 0600;
    if (auto written = replaceFile(path, bytes, options); !written)
        return written.error();
    const Json meta = {{"originalFile", QFileInfo(storePath).absoluteFilePath().toStdString()},
                       {"backupTime", now.toString(Qt::ISODateWithMs).toStdString()},
                       {"reason", "before-restore"},
                       {"hash", hash.toStdString()},
                       {"size", bytes.size()}};
    if (auto written = replaceFile(path + QStringLiteral(".meta.json"),
                                   stringify(meta, TextStyle::withSpaces(2)), options);
        !written)
        return written.error();
    return path;
}

} // namespace

QString backupFolder(const QString &storePath)
{
    return QFileInfo(storePath).absoluteDir().filePath(QStringLiteral("backups"));
}

bool isBackupName(const QString &name)
{
    return backupPattern().match(name).hasMatch();
}

QStringList listBackupNames(const QString &storePath)
{
    const QStringList all =
        QDir(backupFolder(storePath))
            .entryList({QStringLiteral("backup-*.json")}, QDir::Files, QDir::Name);
    QStringList names;
    for (const QString &name : all) {
        if (isBackupName(name))
            names << name;
    }
    // The ISO time in the name sorts as text.
    std::reverse(names.begin(), names.end());
    return names;
}

Result<RecoveryOutcome> recoverFromBackup(const QString &storePath, const RecoveryOptions &options)
{
    RecoveryOutcome outcome;
    const QString folder = backupFolder(storePath);
    std::string restoreBytes;

    if (!options.fromName.isEmpty()) {
        if (!isBackupName(options.fromName))
            return recoveryError(
                ErrorCode::Usage,
                QStringLiteral("\"%1\" is not a backup name; give a plain name such "
                               "as backup-2024-05-01T12-03-04-005Z-1a2b3c4d.json "
                               "(see backup list)")
                    .arg(options.fromName));
        const QString path = QDir(folder).filePath(options.fromName);
        if (!QFileInfo::exists(path))
            return recoveryError(ErrorCode::NotFound,
                                 QStringLiteral("no backup named %1").arg(options.fromName),
                                 folder);
        if (auto why = unusableBackup(path, options.schema, restoreBytes))
            return recoveryError(ErrorCode::Unreadable,
                                 QStringLiteral("cannot restore this backup: %1").arg(*why), path);
        outcome.restoredName = options.fromName;
    } else {
        for (const QString &name : listBackupNames(storePath)) {
            if (auto why =
                    unusableBackup(QDir(folder).filePath(name), options.schema, restoreBytes)) {
                outcome.skipped << name + QStringLiteral(": ") + *why;
                continue;
            }
            outcome.restoredName = name;
            break;
        }
        if (outcome.restoredName.isEmpty())
            return recoveryError(ErrorCode::NotFound,
                                 outcome.skipped.isEmpty()
                                     ? QStringLiteral("there are no backups to recover from")
                                     : QStringLiteral("none of the %1 backups parses and passes "
                                                      "the schema")
                                           .arg(outcome.skipped.size()),
                                 folder);
    }

    // Keep what is there now before writing over it.
    auto current = readFile(storePath);
    if (!current)
        return current.error();
    if (current->stamp.exists && current->bytes != restoreBytes) {
        Result<QString> kept = parseDocument(current->bytes)
                                   ? backUpBeforeRestore(storePath, current->bytes)
                                   : keepBadCopy(storePath, current->bytes);
        if (!kept)
            return kept.error();
        outcome.keptCopy = kept.value();
    }
    if (auto written = replaceFile(storePath, restoreBytes); !written)
        return written.error();
    return outcome;
}

} // namespace tad
