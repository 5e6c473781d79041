#include "History.h"

#include "io/AtomicFile.h"

#include "json/JsonText.h"
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <cerrno>
#include <sys/stat.h>

namespace tad {

namespace {

const char *kFolder = "storeHistory";
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
    return QFileInfo(m_storePath).absoluteDir().filePath(QLatin1String(kFolder));
}

Result<void> History::ensureDirectory() const
{
    const QByteArray dir = QFile::encodeName(directory());
    if (::mkdir(dir.constData(), 0700) != 0 && errno != EEXIST) {
        Error e = makeError(
            ErrorCode::Unreadable,
            QStringLiteral("cannot create the history folder: %1").arg(qt_error_string(errno)));
        e.file = directory();
        return e;
    }
    struct stat st
    {};
    if (::stat(dir.constData(), &st) == 0 && (st.st_mode & 07777) != 0700)
        ::chmod(dir.constData(), 0700);
    return {};
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
    if (auto made = ensureDirectory(); !made)
        return made.error();
    if (!entry.time.isValid())
        entry.time = m_clock();
    if (entry.id.isEmpty())
        entry.id = nextId(entry.time);
    const QString path = QDir(directory()).filePath(entry.id + QLatin1String(".json"));
    if (auto written = replaceFile(path, compactJson(entry.toJson()), privateFile()); !written)
        return written.error();
    trim();
    return entry;
}

void History::trim() const
{
    QDir dir(directory());
    // Names sort by time: oldest first.
    QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    names.removeIf([](const QString &n) { return !isEntryFileName(n); });
    qint64 total = 0;
    std::vector<qint64> sizes;
    for (const QString &name : names) {
        sizes.push_back(QFileInfo(dir.filePath(name)).size());
        total += sizes.back();
    }
    qsizetype count = names.size();
    for (qsizetype i = 0; i + 1 < names.size(); ++i) { // never the newest
        if (count <= m_limits.maxEntries && total <= m_limits.maxBytes)
            break;
        if (dir.remove(names[i])) {
            --count;
            total -= sizes[std::size_t(i)];
        }
    }
}

Result<std::vector<HistoryEntry>> History::list() const
{
    std::vector<HistoryEntry> entries;
    QDir dir(directory());
    if (!dir.exists())
        return entries;
    QStringList names =
        dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name | QDir::Reversed);
    for (const QString &name : names) {
        if (!isEntryFileName(name))
            continue;
        auto file = readFile(dir.filePath(name));
        if (!file || !file->stamp.exists)
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
    auto entries = list();
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
    if (matches.empty())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no history entry %1 (see `history list`)").arg(id));
    return makeError(ErrorCode::Usage,
                     QStringLiteral("\"%1\" matches %2 history entries; give more of the id")
                         .arg(id)
                         .arg(matches.size()));
}

Result<std::optional<std::string>> History::head() const
{
    auto file = readFile(QDir(directory()).filePath(kHeadName));
    if (!file)
        return file.error();
    if (!file->stamp.exists)
        return std::optional<std::string>();
    return std::optional<std::string>(std::move(file->bytes));
}

Result<void> History::setHead(const std::string &bytes)
{
    if (auto made = ensureDirectory(); !made)
        return made.error();
    auto written = replaceFile(QDir(directory()).filePath(kHeadName), bytes, privateFile());
    if (!written)
        return written.error();
    return {};
}

} // namespace tad
