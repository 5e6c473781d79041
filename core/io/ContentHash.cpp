#include "ContentHash.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace tad {

quint64 contentTag(std::string_view bytes)
{
    return quint64(XXH3_64bits(bytes.data(), bytes.size()));
}

QString contentDigest(std::string_view bytes)
{
    const XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
    return QStringLiteral("xxh128:%1%2")
        .arg(quint64(hash.high64), 16, 16, QLatin1Char('0'))
        .arg(quint64(hash.low64), 16, 16, QLatin1Char('0'));
}

} // namespace tad
