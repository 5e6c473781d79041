// What `info` tells of a store's file (Store::info()).
#pragma once

#include "json/Json.h"
#include <QString>
#include <optional>
#include <string>
#include <vector>

namespace tad {

struct StoreInfo
{
    QString path;
    bool exists = false;
    qint64 size = 0;                          // bytes on disk
    std::vector<std::string> keys;            // top-level keys, in JavaScript order
    std::string version;                      // `version`, "1.0.0" when absent (as the seed)
    std::optional<Json> confMigrationVersion; // __internal__.migrations.version
    quint32 mode = 0;                         // permission bits
    std::string style;                        // "compact", "tabs" or "N spaces"

    Json toJson() const;
};

} // namespace tad
