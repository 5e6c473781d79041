#include "BackupManager.h"

#include "io/AtomicFile.h"

#include "json/JsonText.h"
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <algorithm>
#include <cerrno>
#include <set>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcBackups, "tad.backups")

namespace tad {

namespace {

const QString kPinPrefix = QStringLiteral(".pin-");

Error ioError(const QString &message, const QString &file)
{
    Error e = makeError(ErrorCode::Unreadable, message);
    e.file = file;
    return e;
}

bool processRuns(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

Json BackupInfo::toJson() const
{
    Json out = Json::object();
    out["name"] = name.toStdString();
    out["time"] = backupname::isoTime(time).toStdString();
    out["reason"] = hasMeta ? Json(reason.toStdString()) : Json(nullptr);
    if (!label.isEmpty())
        out["label"] = label.toStdString();
    out["size"] = size;
    if (!hash.isEmpty())
        out["hash"] = hash.toStdString();
    out["hasMeta"] = hasMeta;
    out["state"] = damaged() ? "damaged" : (hashChecked ? "verified" : "ok");
    if (!problem.isEmpty())
        out["problem"] = problem.toStdString();
    return out;
}

BackupPin &BackupPin::operator=(BackupPin &&other) noexcept
{
    if (this != &other) {
        if (!m_path.isEmpty())
            QFile::remove(m_path);
        m_path = std::exchange(other.m_path, {});
    }
    return *this;
}

BackupPin::~BackupPin()
{
    if (!m_path.isEmpty())
        QFile::remove(m_path);
}

BackupManager::BackupManager(QString storePath) : m_storePath(std::move(storePath)) {}

QString BackupManager::directory() const
{
    return QFileInfo(m_storePath).absoluteDir().filePath(QLatin1String(backupname::kFolder));
}

Result<void> BackupManager::ensureDirectory() const
{
    const QByteArray dir = QFile::encodeName(directory());
    if (::mkdir(dir.constData(), 0700) != 0 && errno != EEXIST)
        return ioError(
            QStringLiteral("cannot create the backup folder: %1").arg(qt_error_string(errno)),
            directory());
    // It holds copies of the API key: owner only, also when the Electron app
    // created it with the default mode.
    struct stat st
    {};
    if (::stat(dir.constData(), &st) != 0 || !S_ISDIR(st.st_mode))
        return ioError(QStringLiteral("the backup folder is not a folder"), directory());
    if ((st.st_mode & 07777) != 0700)
        ::chmod(dir.constData(), 0700);
    return {};
}

Result<CreatedBackup> BackupManager::create(const QString &reason, const QString &label)
{
    auto file = readFile(m_storePath);
    if (!file)
        return file.error();
    if (!file->stamp.exists)
        return ioError(QStringLiteral("there is no settings file to back up"), m_storePath);
    return createFromBytes(file->bytes, reason, label);
}

Result<CreatedBackup> BackupManager::createFromBytes(const std::string &bytes,
                                                     const QString &reason, const QString &label)
{
    if (auto made = ensureDirectory(); !made)
        return made.error();
    const QString hash = backupname::sha256Hex(bytes);

    // Identical content is not stored twice in a row.
    auto existing = list();
    if (existing && !existing->empty()) {
        const BackupInfo &newest = existing->front();
        if (!newest.damaged() && backupname::hashPrefixOf(newest.name) == hash.left(8)) {
            auto stored = readFile(newest.path);
            if (stored && stored->bytes == bytes)
                return CreatedBackup{newest, true};
        }
    }

    const QDateTime time = m_clock();
    const QString name = backupname::make(time, hash);
    const QString path = QDir(directory()).filePath(name);
    WriteOptions options;
    options.newFileMode = 0600;
    if (auto written = replaceFile(path, bytes, options); !written)
        return written.error();

    Json meta = Json::object();
    meta["originalFile"] = QFileInfo(m_storePath).fileName().toStdString();
    meta["backupTime"] = backupname::isoTime(time).toStdString();
    meta["reason"] = reason.toStdString();
    meta["hash"] = hash.toStdString();
    meta["size"] = qint64(bytes.size());
    if (!label.isEmpty())
        meta["label"] = label.toStdString();
    meta["createdBy"] = "tad-settings " TAD_VERSION_STRING;
    const QString metaPath = QDir(directory()).filePath(backupname::metaNameOf(name));
    if (auto written = replaceFile(metaPath, stringify(meta, TextStyle::withSpaces(2)), options);
        !written)
        return written.error();

    if (m_autoPrune) {
        auto pinned = pin(name, QStringLiteral("just created"));
        if (auto pruned = prune(); !pruned)
            qCWarning(lcBackups, "%s", qPrintable(pruned.error().toString()));
    }
    return CreatedBackup{describe(name, false), false};
}

BackupInfo BackupManager::describe(const QString &name, bool verifyHash) const
{
    BackupInfo info;
    info.name = name;
    info.path = QDir(directory()).filePath(name);
    info.time = backupname::timeOf(name).value_or(QDateTime());
    info.size = QFileInfo(info.path).size();

    auto damage = [&](const QString &why) {
        info.state = BackupInfo::State::Damaged;
        if (info.problem.isEmpty())
            info.problem = why;
    };
    auto metaFile = readFile(QDir(directory()).filePath(backupname::metaNameOf(name)));
    if (metaFile && metaFile->stamp.exists) {
        auto meta = parseValue(metaFile->bytes);
        if (meta && meta->is_object()) {
            info.hasMeta = true;
            auto text = [&](const char *key) {
                const auto it = meta->find(key);
                return it != meta->end() && it->is_string()
                           ? QString::fromStdString(it->get<std::string>())
                           : QString();
            };
            info.reason = text("reason");
            info.label = text("label");
            info.hash = text("hash").toLower();
            info.originalFile = text("originalFile");
            if (auto t = backupname::parseIsoTime(text("backupTime")))
                info.time = *t;
            const auto size = meta->find("size");
            if (size != meta->end() && size->is_number() &&
                size->get<double>() != double(info.size))
                damage(QStringLiteral("its size (%1 bytes) is not the %2 bytes recorded")
                           .arg(info.size)
                           .arg(size->get<double>()));
            if (!info.hash.isEmpty() && !info.hash.startsWith(backupname::hashPrefixOf(name)))
                damage(QStringLiteral("its recorded hash does not match its name"));
        }
    }
    if (verifyHash && !info.damaged()) {
        auto content = readFile(info.path);
        if (!content) {
            damage(content.error().message);
        } else {
            const QString actual = backupname::sha256Hex(content->bytes);
            info.hashChecked = true;
            const QString expected =
                info.hash.isEmpty() ? backupname::hashPrefixOf(name) : info.hash;
            if (!actual.startsWith(expected))
                damage(QStringLiteral("its content no longer matches its hash"));
        }
    }
    return info;
}

Result<std::vector<BackupInfo>> BackupManager::list(bool verifyHashes) const
{
    std::vector<BackupInfo> backups;
    QDir dir(directory());
    if (!dir.exists())
        return backups;
    const QStringList names =
        dir.entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::NoSort);
    for (const QString &name : names) {
        if (backupname::isBackupName(name) && !QFileInfo(dir.filePath(name)).isSymLink())
            backups.push_back(describe(name, verifyHashes));
    }
    std::sort(backups.begin(), backups.end(), [](const BackupInfo &a, const BackupInfo &b) {
        return a.time != b.time ? a.time > b.time : a.name > b.name;
    });
    return backups;
}

std::optional<QDateTime> BackupManager::newestBackupTime() const
{
    std::optional<QDateTime> newest;
    const QStringList names = QDir(directory()).entryList(QDir::Files, QDir::NoSort);
    for (const QString &name : names) {
        if (auto t = backupname::timeOf(name); t && (!newest || *t > *newest))
            newest = t;
    }
    return newest;
}

Result<QString> BackupManager::resolveName(const QString &name) const
{
    if (!backupname::isBackupName(name)) {
        Error e = makeError(
            ErrorCode::Usage,
            QStringLiteral("\"%1\" is not a backup name; give the plain name shown by "
                           "`backup list`, like backup-2024-05-01T09-30-00-123Z-1a2b3c4d.json")
                .arg(name.left(120)));
        return e;
    }
    const QString path = QDir(directory()).filePath(name);
    const QFileInfo info(path);
    if (info.isSymLink())
        return makeError(
            ErrorCode::Usage,
            QStringLiteral("%1 is a symbolic link, not a backup; it is refused").arg(name));
    if (!info.exists())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no backup named %1 in %2").arg(name, directory()));
    if (!info.isFile())
        return makeError(ErrorCode::Usage, QStringLiteral("%1 is not a regular file").arg(name));
    return path;
}

Result<BackupContent> BackupManager::load(const QString &name) const
{
    auto path = resolveName(name);
    if (!path)
        return path.error();
    BackupContent content;
    content.info = describe(name, false);
    auto file = readFile(*path);
    if (!file)
        return file.error();
    content.bytes = std::move(file->bytes);
    const QString actual = backupname::sha256Hex(content.bytes);
    const QString expected =
        content.info.hash.isEmpty() ? backupname::hashPrefixOf(name) : content.info.hash;
    content.info.hashChecked = true;
    if (!actual.startsWith(expected)) {
        content.info.state = BackupInfo::State::Damaged;
        content.info.problem = QStringLiteral("its content no longer matches its hash");
    }
    if (content.info.damaged())
        return ioError(
            QStringLiteral("the backup %1 is damaged: %2").arg(name, content.info.problem), *path);
    auto parsed = parseDocument(content.bytes, *path);
    if (!parsed)
        return parsed.error();
    content.document = std::move(parsed->value);
    return content;
}

Result<BackupPin> BackupManager::pin(const QString &name, const QString &purpose) const
{
    if (auto made = ensureDirectory(); !made)
        return made.error();
    const QString path =
        QDir(directory())
            .filePath(kPinPrefix + name + QLatin1Char('-') + QString::number(::getpid()));
    Json note = Json::object();
    note["pid"] = qint64(::getpid());
    note["purpose"] = purpose.toStdString();
    note["time"] = backupname::isoTime(m_clock()).toStdString();
    WriteOptions options;
    options.durable = false;
    if (auto written = replaceFile(path, compactJson(note), options); !written)
        return written.error();
    return BackupPin(path);
}

std::set<QString> BackupManager::pinnedNames() const
{
    QDir dir(directory());
    std::set<QString> pinned;
    const QStringList pins =
        dir.entryList({kPinPrefix + QLatin1Char('*')}, QDir::Files | QDir::Hidden);
    for (const QString &pinName : pins) {
        const qsizetype dash = pinName.lastIndexOf(QLatin1Char('-'));
        if (processRuns(pinName.mid(dash + 1).toLongLong()))
            pinned.insert(pinName.mid(kPinPrefix.size(), dash - kPinPrefix.size()));
        else
            dir.remove(pinName); // left by a process that was killed
    }
    return pinned;
}

RetentionDecision BackupManager::plannedPrune(const std::vector<BackupInfo> &backups) const
{
    const std::set<QString> pinned = pinnedNames();
    std::vector<RetentionCandidate> candidates;
    for (const auto &b : backups)
        candidates.push_back({b.name, b.time, !b.damaged(), pinned.count(b.name) > 0});
    return m_retention.decide(std::move(candidates), m_clock());
}

Result<QStringList> BackupManager::prune() const
{
    auto backups = list();
    if (!backups)
        return backups.error();
    const RetentionDecision decision = plannedPrune(*backups);
    QDir dir(directory());
    QStringList removed;
    for (const QString &name : decision.remove) {
        if (!dir.remove(name)) {
            qCWarning(lcBackups, "cannot remove old backup %s", qPrintable(name));
            continue;
        }
        dir.remove(backupname::metaNameOf(name));
        removed << name;
    }
    return removed;
}

Result<BackupRemoval> BackupManager::remove(const QStringList &names) const
{
    for (const QString &name : names) {
        if (auto resolved = resolveName(name); !resolved)
            return resolved.error();
    }
    auto backups = list();
    if (!backups)
        return backups.error();
    QString newestValid;
    for (const auto &b : *backups) {
        if (!b.damaged()) {
            newestValid = b.name;
            break;
        }
    }
    const std::set<QString> pinned = pinnedNames();
    QDir dir(directory());
    BackupRemoval outcome;
    for (const QString &name : names) {
        if (outcome.removed.contains(name))
            continue;
        if (name == newestValid) {
            outcome.kept.emplace_back(name, QStringLiteral("it is the newest valid backup, the "
                                                           "last good state to go back to"));
        } else if (pinned.count(name)) {
            outcome.kept.emplace_back(
                name, QStringLiteral("a restore or migration in progress relies on it"));
        } else if (!dir.remove(name)) {
            Error e = makeError(ErrorCode::Unreadable,
                                QStringLiteral("cannot delete the backup %1; check the "
                                               "permissions of the folder")
                                    .arg(name));
            e.file = directory();
            return e;
        } else {
            dir.remove(backupname::metaNameOf(name));
            outcome.removed << name;
        }
    }
    return outcome;
}

} // namespace tad
