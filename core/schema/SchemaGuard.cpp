#include "SchemaGuard.h"

#include "schema/ChangeCheck.h"
#include "schema/PlainViolation.h"

#include "json/JsonText.h"
#include <QStringList>

namespace tad {

Result<void> SchemaGuard::beforeWrite(const PendingChange &change)
{
    const SchemaViolations added = addedViolations(m_schema, change);
    if (added.empty())
        return {};
    return rejection(m_schema, change.after, added);
}

SchemaViolations SchemaGuard::addedViolations(const Schema &schema, const PendingChange &change)
{
    if (schema.isNull())
        return {};
    std::vector<std::vector<std::string>> paths;
    const Json *wholeBefore = nullptr; // the document before all ops, if one replaces it
    bool inArrays = false;             // a path was widened to the array it is in
    for (size_t i = 0; i < change.ops.size(); ++i) {
        const StoreOp &op = change.ops[i];
        if (op.kind == StoreOp::Kind::Test)
            continue;
        if (op.isWholeDocument() && change.oldValues[i])
            wholeBefore = &*change.oldValues[i];
        // Anything inside an array is checked with the outermost array it
        // is in: a set past the end (at any depth under it) leaves null
        // holes before its item, as JSON writes them, and the array's own
        // length and uniqueness rules see every item.
        const std::vector<std::string> &segments = op.path.segments();
        std::vector<std::string> checked = segments;
        for (size_t depth = 1; depth < segments.size(); ++depth) {
            const std::vector<std::string> prefix(segments.begin(), segments.begin() + long(depth));
            const Json *container = findValue(change.after, KeyPath::fromSegments(prefix));
            if (container && container->is_array()) {
                checked = prefix;
                inArrays = true;
                break;
            }
        }
        paths.push_back(std::move(checked));
    }
    // The usual change breaks nothing: the new document's changed paths are
    // all that is validated, and no copy of the old one is made.
    if (schema.validatePaths(change.after, paths).empty())
        return {};
    // The document before the change. Where an array was checked whole, the
    // file as it was (putting values back would keep the holes a set made);
    // else the new one with the old values put back, which is cheaper than
    // parsing the old bytes again. No bytes: no file yet (or a check made
    // before any write, which asks about the value alone).
    Json before;
    if (wholeBefore) {
        before = *wholeBefore;
    } else if (inArrays) {
        auto parsed = parseDocument(change.bytesBefore);
        before = parsed && !change.bytesBefore.empty() ? std::move(parsed->value) : Json::object();
    } else {
        before = change.after;
        for (size_t i = change.ops.size(); i-- > 0;) {
            const StoreOp &op = change.ops[i];
            if (op.kind == StoreOp::Kind::Test)
                continue;
            const auto &old = change.oldValues[i];
            if (old)
                (void)setValue(before, op.path, *old);
            else
                (void)deleteValue(before, op.path);
        }
    }
    return addedSchemaViolations(schema, before, change.after, paths);
}

Error SchemaGuard::rejection(const Schema &schema, const Json &document,
                             const SchemaViolations &violations)
{
    // conf's own wording, so a user sees the same text from both programs.
    QStringList parts;
    for (const auto &v : violations)
        parts << QStringLiteral("`%1` %2").arg(QString::fromStdString(v.pointer).mid(1),
                                               QString::fromStdString(v.message));
    Error e = makeError(ErrorCode::SchemaRejected, QStringLiteral("Config schema violation: ") +
                                                       parts.join(QStringLiteral("; ")));
    for (const QString &line : plainViolationLines(schema, document, violations))
        e.message += QLatin1Char('\n') + line;
    e.key = violations.front().key();
    return e;
}

} // namespace tad
