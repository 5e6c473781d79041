#include "History.h"

#include "io/AtomicFile.h"

#include "json/JsonText.h"
#include <QFileInfo>
#include <QRandomGenerator>
#include <algorithm>

namespace tad {

namespace {

const QString kFolder = QStringLiteral("storeHistory");
const QString kHeadName = QStringLiteral("head.json");

bool isEntryFileName(const QString &name)
{
    return name.endsWith(QLatin1String(".json")) && name != kHeadName &&
           !name.startsWith(QLatin1Char('.'));
}

QString text(const Json &json, const char *key)
{
    const auto it = json.find(key);
    return it != json.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                               : QString();
}

WriteOptions privateFile()
{
    WriteOptions options;
    options.newFileMode = 0600;
    return options;
}

QString entryFileName(const QString &id)
{
    return id + QLatin1String(".json");
}

// Entry files, oldest first (names sort by time), with links kept apart.
Result<QStringList> entryNames(const SideFolder &folder, QStringList *links = nullptr)
{
    auto entries = folder.list();
    if (!entries)
        return entries.error();
    QStringList names;
    for (const SideEntry &entry : *entries) {
        if (!isEntryFileName(entry.name))
            continue;
        if (entry.type == SideEntry::Type::File)
            names << entry.name;
        else if (entry.type == SideEntry::Type::Link && links)
            *links << entry.name;
    }
    names.sort();
    if (links)
        links->sort();
    return names;
}

Error linkSkipped(const QString &path)
{
    Error e = makeError(ErrorCode::Unreadable,
                        QStringLiteral("%1 is a symbolic link, not a history entry; TAD Settings "
                                       "does not follow links in its own folders, so it was not "
                                       "read. Remove it (rm \"%2\").")
                            .arg(QFileInfo(path).fileName(), path));
    e.file = path;
    return e;
}

} // namespace

std::optional<ChangeSource> changeSourceFromName(std::string_view name)
{
    for (ChangeSource s : kAllChangeSources) {
        if (name == changeSourceName(s))
            return s;
    }
    return std::nullopt;
}

Json HistoryEntry::toJson() const
{
    Json out = Json::object();
    out["id"] = id.toStdString();
    out["time"] = backupname::isoTime(time).toStdString();
    out["source"] = changeSourceName(source);
    out["operation"] = operation;
    if (!label.isEmpty())
        out["label"] = label.toStdString();
    if (!version.isEmpty())
        out["version"] = version.toStdString();
    if (!rollbackOf.isEmpty())
        out["rollbackOf"] = rollbackOf.toStdString();
    out["hashBefore"] = hashBefore.toStdString();
    out["hashAfter"] = hashAfter.toStdString();
    out["sizeAfter"] = sizeAfter;
    out["patch"] = patch;
    out["inverse"] = inverse;
    return out;
}

Result<HistoryEntry> HistoryEntry::fromJson(const Json &json)
{
    if (!json.is_object() || !json.contains("patch") || !json["patch"].is_array() ||
        !json.contains("inverse") || !json["inverse"].is_array())
        return makeError(ErrorCode::Unreadable, QStringLiteral("not a history entry"));
    HistoryEntry entry;
    entry.id = text(json, "id");
    entry.time = backupname::parseIsoTime(text(json, "time")).value_or(QDateTime());
    entry.source =
        changeSourceFromName(text(json, "source").toStdString()).value_or(ChangeSource::External);
    entry.operation = text(json, "operation").toStdString();
    entry.label = text(json, "label");
    entry.version = text(json, "version");
    entry.rollbackOf = text(json, "rollbackOf");
    entry.hashBefore = text(json, "hashBefore");
    entry.hashAfter = text(json, "hashAfter");
    if (json.contains("sizeAfter") && json["sizeAfter"].is_number_integer())
        entry.sizeAfter = json["sizeAfter"].get<qint64>();
    entry.patch = json["patch"];
    entry.inverse = json["inverse"];
    return entry;
}

History::History(QString storePath) : m_storePath(std::move(storePath)) {}

QString History::directory() const
{
    return SideFolder::pathFor(m_storePath, kFolder);
}

Result<SideFolder> History::openFolder(SideFolder::Mode mode) const
{
    return SideFolder::open(m_storePath, kFolder, mode);
}

QString History::nextId(const QDateTime &time)
{
    // Strictly increasing within this process, so entries recorded in one
    // burst (a migration's steps) keep their order.
    QDateTime stamp = time.toUTC();
    if (m_lastTime.isValid() && stamp <= m_lastTime)
        stamp = m_lastTime.addMSecs(1);
    m_lastTime = stamp;
    return stamp.toString(QStringLiteral("yyyyMMddTHHmmsszzzZ")) + QLatin1Char('-') +
           QString::number(QRandomGenerator::global()->bounded(0x10000), 16)
               .rightJustified(4, QLatin1Char('0'));
}

Result<HistoryEntry> History::record(HistoryEntry entry)
{
    auto folder = openFolder(SideFolder::Mode::Create);
    if (!folder)
        return folder.error();
    if (!entry.time.isValid())
        entry.time = m_clock();
    if (entry.id.isEmpty())
        entry.id = nextId(entry.time);
    const std::string text = compactJson(entry.toJson());
    // The entry, then head.json, must leave the settings file room for its
    // next write; old entries go first, by the limits.
    const quint64 needed = quint64(text.size()) + quint64(entry.sizeAfter) + kSideFileSlack;
    if (auto room = folder->checkRoom(needed, QStringLiteral("a history record")); !room) {
        trim(*folder);
        if (auto again = folder->checkRoom(needed, QStringLiteral("a history record")); !again)
            return again.error();
    }
    if (auto written = folder->write(entryFileName(entry.id), text, privateFile()); !written)
        return written.error();
    trim(*folder);
    return entry;
}

void History::trim(const SideFolder &folder) const
{
    auto listed = entryNames(folder);
    if (!listed)
        return;
    const QStringList &names = *listed;
    qint64 total = 0;
    std::vector<qint64> sizes;
    for (const QString &name : names) {
        auto st = folder.stat(name);
        sizes.push_back(st && st->exists ? st->stamp.size : 0);
        total += sizes.back();
    }
    qsizetype count = names.size();
    for (qsizetype i = 0; i + 1 < names.size(); ++i) { // never the newest
        if (count <= m_limits.maxEntries && total <= m_limits.maxBytes)
            break;
        if (auto removed = folder.remove(names[i]); removed && *removed) {
            --count;
            total -= sizes[std::size_t(i)];
        }
    }
}

Result<std::vector<HistoryEntry>> History::list(std::vector<Error> *skipped) const
{
    std::vector<HistoryEntry> entries;
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    QStringList links;
    auto names = entryNames(*folder, &links);
    if (!names)
        return names.error();
    if (skipped) {
        for (const QString &link : links)
            skipped->push_back(linkSkipped(folder->filePath(link)));
    }
    for (auto it = names->crbegin(); it != names->crend(); ++it) {
        auto file = folder->read(*it);
        if (!file) {
            if (skipped)
                skipped->push_back(file.error());
            continue;
        }
        if (!file->stamp.exists)
            continue;
        auto json = parseValue(file->bytes);
        if (!json)
            continue;
        auto entry = HistoryEntry::fromJson(*json);
        if (entry)
            entries.push_back(std::move(entry.value()));
    }
    return entries;
}

Result<HistoryEntry> History::find(const QString &id) const
{
    if (id.isEmpty() || id.contains(QLatin1Char('/')) || id.contains(QLatin1Char('\\')) ||
        id.startsWith(QLatin1Char('.')))
        return makeError(ErrorCode::Usage,
                         QStringLiteral("\"%1\" is not a history entry id").arg(id));
    std::vector<Error> skipped;
    auto entries = list(&skipped);
    if (!entries)
        return entries.error();
    std::vector<const HistoryEntry *> matches;
    for (const auto &entry : *entries) {
        if (entry.id == id)
            return entry;
        if (entry.id.startsWith(id) || entry.id.endsWith(id))
            matches.push_back(&entry);
    }
    if (matches.size() == 1)
        return *matches.front();
    if (matches.empty()) {
        // An entry that is there but was not read says why, rather than "no entry".
        for (const Error &problem : skipped) {
            const QString name = QFileInfo(problem.file).completeBaseName();
            if (name.startsWith(id) || name.endsWith(id))
                return problem;
        }
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no history entry %1 (see `history list`)").arg(id));
    }
    return makeError(ErrorCode::Usage,
                     QStringLiteral("\"%1\" matches %2 history entries; give more of the id")
                         .arg(id)
                         .arg(matches.size()));
}

Result<HistoryEntry> History::setLabel(const QString &id, const QString &label) const
{
    auto found = find(id);
    if (!found)
        return found.error();
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    const QString name = entryFileName(found->id);
    auto file = folder->read(name);
    if (!file)
        return file.error();
    if (!file->stamp.exists)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("the history entry %1 went away meanwhile").arg(found->id));
    // The file's own members, those a newer version wrote included, stay.
    auto json = parseValue(file->bytes);
    if (!json || !json->is_object()) {
        Error e = makeError(ErrorCode::Unreadable,
                            QStringLiteral("the history entry %1 does not read as a JSON object; "
                                           "it was left as it is")
                                .arg(found->id));
        e.file = folder->filePath(name);
        return e;
    }
    const QString trimmed = label.trimmed();
    if (trimmed.isEmpty())
        json->erase("label");
    else
        (*json)["label"] = trimmed.toStdString();
    if (auto written = folder->write(name, compactJson(*json), privateFile()); !written)
        return written.error();
    auto entry = HistoryEntry::fromJson(*json);
    if (!entry)
        return entry.error();
    return entry;
}

Result<std::optional<std::string>> History::head() const
{
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    auto file = folder->read(kHeadName);
    if (!file)
        return file.error();
    if (!file->stamp.exists)
        return std::optional<std::string>();
    return std::optional<std::string>(std::move(file->bytes));
}

Result<void> History::checkWritable() const
{
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    auto head = folder->stat(kHeadName);
    if (!head)
        return head.error();
    if (head->exists && head->type != SideEntry::Type::File) {
        // read() refuses it with the words for it, without following it.
        if (auto refused = folder->read(kHeadName); !refused)
            return refused.error();
    }
    return {};
}

Result<void> History::setHead(const std::string &bytes)
{
    auto folder = openFolder(SideFolder::Mode::Create);
    if (!folder)
        return folder.error();
    // Its temp file beside the old one, and the settings file's next write.
    const quint64 needed = 2 * quint64(bytes.size()) + kSideFileSlack;
    if (auto room = folder->checkRoom(needed, QStringLiteral("the history's copy of the file"));
        !room)
        return room.error();
    if (auto written = folder->write(kHeadName, bytes, privateFile()); !written)
        return written.error();
    return {};
}

} // namespace tad
