// What `info` tells of the store's file. See StoreInfo.h.
#include "StoreInfo.h"

#include "Store.h"
#include "StoreUtil.h"

#include <QFileInfo>

namespace tad {
using namespace storeutil;
namespace {

std::string styleName(const TextStyle &style)
{
    switch (style.indent) {
    case TextStyle::Indent::Compact:
        return "compact";
    case TextStyle::Indent::Tabs:
        return "tabs";
    case TextStyle::Indent::Spaces:
        return std::to_string(style.spaces) + " spaces";
    }
    return "compact";
}

} // namespace

Json StoreInfo::toJson() const
{
    Json keysJson = Json::array();
    for (const auto &k : keys)
        keysJson.push_back(k);
    Json out = {
        {"path", path.toStdString()},
        {"exists", exists},
        {"size", size},
        {"keys", keysJson},
        {"version", version},
        // No file, no mode (not "0000", which reads as one nobody may use).
        {"mode", exists ? Json(QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0')).toStdString())
                        : Json()},
        {"style", style}};
    out["confMigrationVersion"] = confMigrationVersion ? *confMigrationVersion : Json();
    return out;
}

Result<StoreInfo> Store::info()
{
    if (auto fresh = refreshIfStale(); !fresh)
        return fresh.error();
    StoreInfo info;
    info.path = QFileInfo(m_path).absoluteFilePath();
    info.exists = m_exists;
    info.size = qint64(m_text->size());
    for (const auto *member : jsMemberOrder(m_doc.get_ref<const Json::object_t &>()))
        info.keys.push_back(member->first);
    const auto version = m_doc.find("version");
    info.version = (version != m_doc.end() && version->is_string()) ? version->get<std::string>()
                                                                    : std::string("1.0.0");
    if (const Json *marker = findValue(
            m_doc, KeyPath::fromSegments({std::string(kInternalKey), "migrations", "version"})))
        info.confMigrationVersion = *marker;
    info.mode = m_stamp.mode & 07777;
    info.style = styleName(m_style);
    return info;
}

} // namespace tad
