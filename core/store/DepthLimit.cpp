#include "DepthLimit.h"

namespace tad {

// A document nested deeper than the reader accepts could never be read
// again, by us or by conf (whose JSON.parse overflows its stack near 5,000
// levels); so the key's segments and the value's own depth together stay
// within the reader's limit. Measured with a heap stack, before anything
// copies or walks the value recursively.
Error DepthLimit::tooDeep(const QString &key, size_t segments, int valueDepth)
{
    const QString what =
        valueDepth > 0 && segments <= size_t(kMaxJsonDepth)
            ? QStringLiteral("the value nests more than %1 levels under a key of %2 segments")
                  .arg(kMaxJsonDepth - int(segments))
                  .arg(segments)
            : QStringLiteral("the key has %1 segments").arg(segments);
    Error e = makeError(ErrorCode::Usage,
                        QStringLiteral("not changed: %1, so the file would be nested more than %2 "
                                       "levels deep, beyond the limit of %2 levels that the "
                                       "reader (and every command) accepts. Use a flatter key "
                                       "or value.")
                            .arg(what)
                            .arg(kMaxJsonDepth));
    e.key = key.size() > 60 ? key.left(60) + QStringLiteral("...") : key;
    return e;
}

Result<void> DepthLimit::check(const std::vector<StoreOp> &ops, KeyDialect dialect)
{
    for (const auto &op : ops) {
        const size_t segments = op.path.segments().size();
        const int valueDepth = segments > size_t(kMaxJsonDepth)
                                   ? 0
                                   : jsonDepth(op.value, kMaxJsonDepth - int(segments));
        if (segments + size_t(valueDepth) > size_t(kMaxJsonDepth))
            return tooDeep(QString::fromStdString(op.path.toDotted(dialect)), segments, valueDepth);
    }
    return {};
}

} // namespace tad
