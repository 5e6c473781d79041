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
    for (size_t i = 0; i < change.ops.size(); ++i) {
        const StoreOp &op = change.ops[i];
        if (op.kind == StoreOp::Kind::Test)
            continue;
        if (op.isWholeDocument() && change.oldValues[i])
            wholeBefore = &*change.oldValues[i];
        if (op.isWholeDocument()) {
            paths.emplace_back();
            continue;
        }
        // An array item is checked with its array: setting past the end
        // leaves null holes before it (JSON writes them so), and the array's
        // own length and uniqueness rules see every item.
        const KeyPath parent = op.path.parent();
        const Json *container = parent.isEmpty() ? nullptr : findValue(change.after, parent);
        paths.push_back(container && container->is_array() ? parent.segments()
                                                           : op.path.segments());
    }
    // The usual change breaks nothing: the new document's changed paths are
    // all that is validated, and no copy of the old one is made.
    if (schema.validatePaths(change.after, paths).empty())
        return {};
    // The document before the change: the new one with the old values put
    // back, which is cheaper than parsing the old bytes again.
    Json before;
    if (wholeBefore) {
        before = *wholeBefore;
    } else {
        before = change.after;
        for (size_t i = change.ops.size(); i-- > 0;) {
            const StoreOp &op = change.ops[i];
            if (op.kind == StoreOp::Kind::Test)
                continue;
            const auto &old = change.oldValues[i];
            if (old) {
                (void)setValue(before, op.path, *old);
                continue;
            }
            (void)deleteValue(before, op.path);
            // A set past an array's end made null holes before its item:
            // they were not there before it either.
            auto *array = op.path.isEmpty()
                              ? nullptr
                              : const_cast<Json *>(findValue(before, op.path.parent()));
            while (array && array->is_array() && !array->empty() && array->back().is_null())
                array->erase(array->size() - 1);
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
