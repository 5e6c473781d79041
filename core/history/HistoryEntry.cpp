// A history entry as JSON: whole (the layout before the journal, `history
// show --json`) and as one journal line, which leaves out what the line
// before it or its own id already says.
#include "History.h"
#include "Journal.h"
#include "io/ContentHash.h"

#include "json/JsonText.h"
#include <QTimeZone>
#include <cstdio>

namespace tad {

namespace {

QString text(const Json &json, const char *key)
{
    const auto it = json.find(key);
    return it != json.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                               : QString();
}

// The digits at [from, from + count) of `text`, or -1.
int digitsAt(QStringView text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// "yyyyMMddTHHmmsszzz": read by hand, in UTC. QDateTime's format parser
// works in local time and looks up the time zone on every call, which cost
// a history line more than the rest of it.
QDateTime timeOfId(const QString &id)
{
    if (id.size() < 18 || id[8] != QLatin1Char('T'))
        return {};
    const QStringView v(id);
    const QDate date(digitsAt(v, 0, 4), digitsAt(v, 4, 2), digitsAt(v, 6, 2));
    const QTime time(digitsAt(v, 9, 2), digitsAt(v, 11, 2), digitsAt(v, 13, 2), digitsAt(v, 15, 3));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

} // namespace

QString journal::idTime(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    char text[20];
    std::snprintf(text, sizeof text, "%04d%02d%02dT%02d%02d%02d%03dZ", d.year(), d.month(), d.day(),
                  t.hour(), t.minute(), t.second(), t.msec());
    return QString::fromLatin1(text);
}

QString versionHash(std::string_view bytes)
{
    return contentDigest(bytes);
}

bool isOldVersionName(const QString &hash)
{
    return hash.size() == 64 && !hash.startsWith(QLatin1String("xxh128:"));
}

bool namesVersion(const QString &hash, std::string_view bytes)
{
    if (!isOldVersionName(hash))
        return hash == contentDigest(bytes);
    return hash.size() == 64 &&
           hash.compare(backupname::sha256Hex(bytes), Qt::CaseInsensitive) == 0;
}

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
    // Every member there, null when it has no value, as a script reads them.
    const auto textOrNull = [](const QString &text) {
        return text.isEmpty() ? Json() : Json(text.toStdString());
    };
    out["label"] = textOrNull(label);
    out["version"] = textOrNull(version);
    out["rollbackOf"] = textOrNull(rollbackOf);
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

namespace journal {

std::string toLine(const HistoryEntry &entry, const QString &previousHashAfter)
{
    Json out = Json::object();
    out["id"] = entry.id.toStdString();
    if (entry.time != timeOfId(entry.id))
        out["time"] = backupname::isoTime(entry.time).toStdString();
    out["source"] = changeSourceName(entry.source);
    out["operation"] = entry.operation;
    if (!entry.label.isEmpty())
        out["label"] = entry.label.toStdString();
    if (!entry.version.isEmpty())
        out["version"] = entry.version.toStdString();
    if (!entry.rollbackOf.isEmpty())
        out["rollbackOf"] = entry.rollbackOf.toStdString();
    if (entry.hashBefore != previousHashAfter)
        out["hashBefore"] = entry.hashBefore.toStdString();
    out["hashAfter"] = entry.hashAfter.toStdString();
    out["sizeAfter"] = entry.sizeAfter;
    if (!entry.sets.empty()) {
        out["sets"] = setChangesToJson(entry.sets);
    } else {
        out["patch"] = entry.patch;
        out["inverse"] = entry.inverse;
    }
    std::string line = compactJson(out);
    line += '\n';
    return line;
}

Result<HistoryEntry> fromLine(std::string_view line, const QString &previousHashAfter)
{
    auto parsed = parseValue(line);
    if (!parsed || !parsed->is_object())
        return makeError(ErrorCode::Unreadable, QStringLiteral("not a history entry"));
    Json &json = *parsed;
    HistoryEntry entry;
    if (auto sets = json.find("sets"); sets != json.end()) {
        auto decoded = setChangesFromJson(*sets);
        if (!decoded)
            return makeError(ErrorCode::Unreadable, QStringLiteral("not a history entry"));
        const ChangeSet change = changeSetOfSets(*decoded);
        entry.sets = std::move(*decoded);
        entry.patch = change.patch;
        entry.inverse = change.inverse;
    } else {
        auto whole = HistoryEntry::fromJson(json);
        if (!whole)
            return whole.error();
        entry.patch = std::move(whole->patch);
        entry.inverse = std::move(whole->inverse);
    }
    entry.id = text(json, "id");
    const QString time = text(json, "time");
    entry.time =
        time.isEmpty() ? timeOfId(entry.id) : backupname::parseIsoTime(time).value_or(QDateTime());
    entry.source =
        changeSourceFromName(text(json, "source").toStdString()).value_or(ChangeSource::External);
    entry.operation = text(json, "operation").toStdString();
    entry.label = text(json, "label");
    entry.version = text(json, "version");
    entry.rollbackOf = text(json, "rollbackOf");
    entry.hashBefore = json.contains("hashBefore") ? text(json, "hashBefore") : previousHashAfter;
    entry.hashAfter = text(json, "hashAfter");
    if (json.contains("sizeAfter") && json["sizeAfter"].is_number_integer())
        entry.sizeAfter = json["sizeAfter"].get<qint64>();
    return entry;
}

} // namespace journal

} // namespace tad
