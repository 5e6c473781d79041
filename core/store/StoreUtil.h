// Small helpers shared by the Store's source files.
#pragma once

#include "io/SharedText.h"
#include "keys/KeyPath.h"

#include "json/Json.h"
#include "json/JsonText.h"
#include <QDateTime>
#include <optional>
#include <string_view>

namespace tad::storeutil {

// conf keeps its own bookkeeping under this key and refuses to let callers
// touch it; so do we.
inline constexpr std::string_view kInternalKey = "__internal__";

inline qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

inline std::optional<Json> valueAt(const Json &doc, const KeyPath &path)
{
    if (const Json *v = findValue(doc, path))
        return *v;
    return std::nullopt;
}

inline bool sameValue(const std::optional<Json> &a, const std::optional<Json> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || jsEqual(*a, *b);
}

// Bytes read back (nullopt: no file) and a held text (null: no file) are
// the same version.
inline bool sameText(const std::optional<std::string> &read, const SharedText &held)
{
    if (read.has_value() != bool(held))
        return false;
    return !read || *read == *held;
}

} // namespace tad::storeutil
