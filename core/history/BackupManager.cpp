#include "BackupManager.h"

#include "io/AtomicFile.h"

#include "json/JsonText.h"
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

// Anything but a plain backup name is refused before the folder is touched.
std::optional<Error> refusedName(const QString &name)
{
    if (backupname::isBackupName(name))
        return std::nullopt;
    return makeError(
        ErrorCode::Usage,
        QStringLiteral("\"%1\" is not a backup name; give the plain name shown by "
                       "`backup list`, like backup-2024-05-01T09-30-00-123Z-1a2b3c4d.json")
            .arg(name.left(120)));
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
    // Every member there, null when it has no value, as a script reads them.
    out["label"] = label.isEmpty() ? Json() : Json(label.toStdString());
    out["kept"] = kept;
    out["size"] = size;
    out["hash"] = hash.isEmpty() ? Json() : Json(hash.toStdString());
    out["hasMeta"] = hasMeta;
    out["state"] = damaged() ? "damaged" : (hashChecked ? "verified" : "ok");
    if (!problem.isEmpty())
        out["problem"] = problem.toStdString();
    return out;
}

BackupPin &BackupPin::operator=(BackupPin &&other) noexcept
{
    if (this != &other) {
        release();
        m_folder = std::move(other.m_folder);
        m_name = std::move(other.m_name);
    }
    return *this;
}

BackupPin::~BackupPin()
{
    release();
}

void BackupPin::release()
{
    if (m_folder && !m_name.isEmpty())
        (void)m_folder->remove(m_name);
    m_folder.reset();
    m_name.clear();
}

BackupManager::BackupManager(QString storePath) : m_storePath(std::move(storePath)) {}

QString BackupManager::directory() const
{
    return SideFolder::pathFor(m_storePath, QLatin1String(backupname::kFolder));
}

Result<SideFolder> BackupManager::openFolder(SideFolder::Mode mode) const
{
    return SideFolder::open(m_storePath, QLatin1String(backupname::kFolder), mode);
}

Result<void> BackupManager::prepareFolder() const
{
    auto folder = openFolder(SideFolder::Mode::Create);
    if (!folder)
        return folder.error();
    return {};
}

Result<CreatedBackup> BackupManager::create(const QString &reason, const QString &label,
                                            bool labelledByPerson)
{
    auto file = readFile(m_storePath);
    if (!file)
        return file.error();
    if (!file->stamp.exists)
        return ioError(QStringLiteral("there is no settings file to back up"), m_storePath);
    // A copy of a file that does not parse could never be restored, and it
    // would count against the retention policy like a good one, pushing an
    // older good backup out.
    if (auto parsed = parseDocument(file->bytes, m_storePath); !parsed) {
        Error e = parsed.error();
        e.message += QStringLiteral("; no backup was made of it, since it could not be restored");
        return e;
    }
    return createFromBytes(file->bytes, reason, label, labelledByPerson);
}

Result<CreatedBackup> BackupManager::createFromBytes(const std::string &bytes,
                                                     const QString &reason, const QString &label,
                                                     bool labelledByPerson)
{
    auto opened = openFolder(SideFolder::Mode::Create);
    if (!opened)
        return opened.error();
    auto folder = std::make_shared<SideFolder>(std::move(opened.value()));
    const QString hash = backupname::sha256Hex(bytes);

    // Identical content is not stored twice in a row. A label asked for is
    // never dropped: it goes on the newest backup when that has none, and
    // a backup of its own when the newest has another one.
    auto existing = listIn(*folder, false, nullptr);
    if (existing && !existing->empty()) {
        const BackupInfo &newest = existing->front();
        if (!newest.damaged() && backupname::hashPrefixOf(newest.name) == hash.left(8)) {
            auto stored = folder->read(newest.name);
            if (stored && stored->bytes == bytes) {
                const bool sameLabel = label == newest.label;
                if (label.isEmpty() || (sameLabel && (newest.kept || !labelledByPerson)))
                    return CreatedBackup{newest, true};
                if ((newest.label.isEmpty() || sameLabel) && newest.hasMeta) {
                    auto labelled = setLabel(newest.name, label, labelledByPerson);
                    if (!labelled)
                        return labelled.error();
                    return CreatedBackup{*labelled, true};
                }
            }
        }
    }

    // The copy, its meta file, and the settings file's own next write after
    // it (about as large as the copy): old backups go first, by the policy.
    const quint64 needed = 2 * quint64(bytes.size()) + kSideFileSlack;
    if (auto room = folder->checkRoom(needed, QStringLiteral("a backup")); !room) {
        if (m_autoPrune)
            (void)pruneIn(*folder);
        if (auto again = folder->checkRoom(needed, QStringLiteral("a backup")); !again)
            return again.error();
    }

    const QDateTime time = m_clock();
    const QString name = backupname::make(time, hash);
    WriteOptions options;
    options.newFileMode = 0600;
    if (auto written = folder->write(name, bytes, options); !written)
        return written.error();

    Json meta = Json::object();
    meta["originalFile"] = QFileInfo(m_storePath).fileName().toStdString();
    meta["backupTime"] = backupname::isoTime(time).toStdString();
    meta["reason"] = reason.toStdString();
    meta["hash"] = hash.toStdString();
    meta["size"] = qint64(bytes.size());
    if (!label.isEmpty())
        meta["label"] = label.toStdString();
    if (!label.isEmpty() && labelledByPerson)
        meta["keep"] = true;
    meta["createdBy"] = "tad-settings " TAD_VERSION_STRING;
    if (auto written = folder->write(backupname::metaNameOf(name),
                                     stringify(meta, TextStyle::withSpaces(2)), options);
        !written) {
        // Half a backup is not reported as none: the copy goes too.
        (void)folder->remove(name);
        return written.error();
    }

    QStringList removed;
    if (m_autoPrune) {
        auto pinned = pinIn(folder, name, QStringLiteral("just created"));
        if (!pinned)
            qCWarning(lcBackups, "not pruned: %s", qPrintable(pinned.error().toString()));
        else if (auto pruned = pruneIn(*folder); !pruned)
            qCWarning(lcBackups, "%s", qPrintable(pruned.error().toString()));
        else
            removed = std::move(pruned.value());
    }
    return CreatedBackup{describe(*folder, name, false), false, std::move(removed)};
}

BackupInfo BackupManager::describe(const SideFolder &folder, const QString &name,
                                   bool verifyHash) const
{
    BackupInfo info;
    info.name = name;
    info.path = folder.filePath(name);
    info.time = backupname::timeOf(name).value_or(QDateTime());
    if (auto st = folder.stat(name); st && st->exists)
        info.size = st->stamp.size;

    auto damage = [&](const QString &why) {
        info.state = BackupInfo::State::Damaged;
        if (info.problem.isEmpty())
            info.problem = why;
    };
    auto metaFile = folder.read(backupname::metaNameOf(name));
    if (!metaFile)
        info.problem = metaFile.error().message; // a link is not read; the backup stays usable
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
            const auto keep = meta->find("keep");
            info.kept = keep != meta->end() && keep->is_boolean() && keep->get<bool>() &&
                        !info.label.isEmpty();
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
        auto content = folder.read(name);
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

Result<std::vector<BackupInfo>> BackupManager::list(bool verifyHashes,
                                                    std::vector<Error> *skipped) const
{
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    return listIn(*folder, verifyHashes, skipped);
}

Result<std::vector<BackupInfo>> BackupManager::listIn(const SideFolder &folder, bool verifyHashes,
                                                      std::vector<Error> *skipped) const
{
    std::vector<BackupInfo> backups;
    auto entries = folder.list();
    if (!entries)
        return entries.error();
    for (const SideEntry &entry : *entries) {
        if (!backupname::isBackupName(entry.name))
            continue;
        if (entry.type == SideEntry::Type::File) {
            backups.push_back(describe(folder, entry.name, verifyHashes));
        } else if (entry.type == SideEntry::Type::Link && skipped) {
            Error e = makeError(ErrorCode::Unreadable,
                                QStringLiteral("%1 is a symbolic link, not a backup; TAD Settings "
                                               "does not follow links in its own folders. Remove "
                                               "it (rm \"%2\").")
                                    .arg(entry.name, folder.filePath(entry.name)));
            e.file = folder.filePath(entry.name);
            skipped->push_back(std::move(e));
        }
    }
    std::sort(backups.begin(), backups.end(), [](const BackupInfo &a, const BackupInfo &b) {
        return a.time != b.time ? a.time > b.time : a.name > b.name;
    });
    return backups;
}

std::optional<QDateTime> BackupManager::newestBackupTime() const
{
    std::optional<QDateTime> newest;
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    auto entries = folder ? folder->list() : Result<std::vector<SideEntry>>(folder.error());
    if (!entries)
        return newest;
    for (const SideEntry &entry : *entries) {
        if (entry.type != SideEntry::Type::File)
            continue;
        if (auto t = backupname::timeOf(entry.name); t && (!newest || *t > *newest))
            newest = t;
    }
    return newest;
}

Result<QString> BackupManager::resolveName(const QString &name) const
{
    if (auto bad = refusedName(name))
        return *bad;
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    return resolveIn(*folder, name);
}

Result<QString> BackupManager::resolveIn(const SideFolder &folder, const QString &name) const
{
    if (auto bad = refusedName(name))
        return *bad;
    auto st = folder.stat(name);
    if (!st)
        return st.error();
    if (st->exists && st->type == SideEntry::Type::Link)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("%1 is a symbolic link, not a backup; it is refused (TAD "
                                        "Settings does not follow links in its own folders)")
                             .arg(name));
    if (!st->exists)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no backup named %1 in %2").arg(name, directory()));
    if (st->type != SideEntry::Type::File)
        return makeError(ErrorCode::Usage, QStringLiteral("%1 is not a regular file").arg(name));
    return folder.filePath(name);
}

Result<BackupContent> BackupManager::load(const QString &name) const
{
    if (auto bad = refusedName(name))
        return *bad;
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    auto path = resolveIn(*folder, name);
    if (!path)
        return path.error();
    BackupContent content;
    content.info = describe(*folder, name, false);
    auto file = folder->read(name); // O_NOFOLLOW: a link swapped in meanwhile is refused too
    if (!file)
        return file.error();
    if (!file->stamp.exists)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no backup named %1 in %2").arg(name, directory()));
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
        return ioError(QStringLiteral("the backup %1 is damaged: %2, so it is not used; choose "
                                      "another (the list of backups marks the damaged ones; "
                                      "`backup list --verify` checks every one)")
                           .arg(name, content.info.problem),
                       *path);
    auto parsed = parseDocument(content.bytes, *path);
    if (!parsed)
        return parsed.error();
    content.document = std::move(parsed->value);
    if (!parsed->duplicates.empty())
        content.duplicate = parsed->duplicates.front();
    return content;
}

Result<BackupInfo> BackupManager::setLabel(const QString &name, const QString &label,
                                           bool byPerson) const
{
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    auto path = resolveIn(*folder, name);
    if (!path)
        return path.error();
    const QString metaName = backupname::metaNameOf(name);
    auto metaFile = folder->read(metaName);
    if (!metaFile)
        return metaFile.error();
    if (!metaFile->stamp.exists)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("the backup %1 has no metadata file (%2), so it cannot "
                                        "hold a label")
                             .arg(name, metaName));
    auto meta = parseValue(metaFile->bytes);
    if (!meta || !meta->is_object())
        return ioError(QStringLiteral("the metadata of %1 does not read as a JSON object; it was "
                                      "left as it is")
                           .arg(name),
                       folder->filePath(metaName));
    const QString trimmed = label.trimmed();
    if (trimmed.isEmpty())
        meta->erase("label");
    else
        (*meta)["label"] = trimmed.toStdString();
    if (trimmed.isEmpty())
        meta->erase("keep");
    else if (byPerson)
        (*meta)["keep"] = true;
    WriteOptions options;
    options.newFileMode = 0600;
    const TextStyle style = TextStyle::detect(metaFile->bytes);
    if (auto written = folder->write(metaName, stringify(*meta, style), options); !written)
        return written.error();
    return describe(*folder, name, false);
}

Result<void> BackupManager::removeOne(const QString &name) const
{
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    auto path = resolveIn(*folder, name);
    if (!path)
        return path.error();
    if (auto removed = folder->remove(name); !removed)
        return removed.error();
    if (auto meta = folder->remove(backupname::metaNameOf(name)); !meta)
        return meta.error();
    return {};
}

Result<BackupPin> BackupManager::pin(const QString &name, const QString &purpose) const
{
    auto opened = openFolder(SideFolder::Mode::Create);
    if (!opened)
        return opened.error();
    return pinIn(std::make_shared<SideFolder>(std::move(opened.value())), name, purpose);
}

Result<BackupPin> BackupManager::pinIn(std::shared_ptr<SideFolder> folder, const QString &name,
                                       const QString &purpose) const
{
    const QString pinName = kPinPrefix + name + QLatin1Char('-') + QString::number(::getpid());
    Json note = Json::object();
    note["pid"] = qint64(::getpid());
    note["purpose"] = purpose.toStdString();
    note["time"] = backupname::isoTime(m_clock()).toStdString();
    WriteOptions options;
    options.durable = false;
    if (auto written = folder->write(pinName, compactJson(note), options); !written)
        return written.error();
    return BackupPin(std::move(folder), pinName);
}

std::set<QString> BackupManager::pinnedNames(const SideFolder &folder) const
{
    std::set<QString> pinned;
    auto entries = folder.list();
    if (!entries)
        return pinned;
    for (const SideEntry &entry : *entries) {
        const QString &pinName = entry.name;
        if (!pinName.startsWith(kPinPrefix))
            continue;
        const qsizetype dash = pinName.lastIndexOf(QLatin1Char('-'));
        if (processRuns(pinName.mid(dash + 1).toLongLong()))
            pinned.insert(pinName.mid(kPinPrefix.size(), dash - kPinPrefix.size()));
        else if (entry.type != SideEntry::Type::Folder)
            (void)folder.remove(pinName); // left by a process that was killed
    }
    return pinned;
}

RetentionDecision BackupManager::plannedPrune(const std::vector<BackupInfo> &backups) const
{
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return m_retention.decide({}, m_clock());
    return plannedPrune(*folder, backups);
}

RetentionDecision BackupManager::plannedPrune(const SideFolder &folder,
                                              const std::vector<BackupInfo> &backups) const
{
    const std::set<QString> pinned = pinnedNames(folder);
    std::vector<RetentionCandidate> candidates;
    for (const auto &b : backups)
        candidates.push_back({b.name, b.time, !b.damaged(), pinned.count(b.name) > 0, b.kept});
    return m_retention.decide(std::move(candidates), m_clock());
}

Result<QStringList> BackupManager::prune() const
{
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    return pruneIn(*folder);
}

Result<QStringList> BackupManager::pruneIn(const SideFolder &folder) const
{
    auto backups = listIn(folder, false, nullptr);
    if (!backups)
        return backups.error();
    const RetentionDecision decision = plannedPrune(folder, *backups);
    QStringList removed;
    for (const QString &name : decision.remove) {
        if (auto gone = folder.remove(name); !gone || !*gone) {
            qCWarning(lcBackups, "cannot remove old backup %s", qPrintable(name));
            continue;
        }
        (void)folder.remove(backupname::metaNameOf(name));
        removed << name;
    }
    return removed;
}

Result<BackupRemoval> BackupManager::remove(const QStringList &names) const
{
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    for (const QString &name : names) {
        if (auto resolved = resolveIn(*folder, name); !resolved)
            return resolved.error();
    }
    auto backups = listIn(*folder, false, nullptr);
    if (!backups)
        return backups.error();
    QString newestValid;
    for (const auto &b : *backups) {
        if (!b.damaged()) {
            newestValid = b.name;
            break;
        }
    }
    const std::set<QString> pinned = pinnedNames(*folder);
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
        } else if (auto removed = removeOne(name); !removed) {
            return removed.error();
        } else {
            outcome.removed << name;
        }
    }
    return outcome;
}

} // namespace tad
