#include "ValueCheck.h"

#include "schema/Defaults.h"
#include "schema/SchemaGuard.h"

#include <algorithm>

namespace tad {

namespace {

bool isCombinator(const SchemaViolation &v)
{
    return v.keyword == "anyOf" || v.keyword == "oneOf";
}

// A const or enum that failed as one alternative of a combinator after it
// at the same place.
bool isFailedAlternative(const SchemaViolations &all, size_t i)
{
    const SchemaViolation &v = all[i];
    if (v.keyword != "const" && v.keyword != "enum")
        return false;
    return std::any_of(all.begin() + long(i) + 1, all.end(), [&](const SchemaViolation &later) {
        return isCombinator(later) && later.pointer == v.pointer;
    });
}

} // namespace

SchemaViolation ValueCheck::reason() const
{
    return explainingViolation(added.empty() ? kept : added);
}

Result<ValueCheck> checkValue(const Schema &schema, const Json &document, const KeyPath &path,
                              const Json &value, KeyDialect dialect)
{
    if (path.isEmpty())
        return makeError(ErrorCode::Usage, QStringLiteral("a value needs a key to go to"));
    ValueCheck check;
    if (schema.isNull())
        return check;
    // The document the store would hand the guard: the value set as the
    // store sets it, then the defaults it fills on every write. Only those
    // on the way to the key and inside the value can reach the paths the
    // guard validates, so the rest of the document is not filled.
    Json after = document;
    if (auto set = setValue(after, path, value, dialect); !set)
        return set.error();
    applySchemaDefaultsAlong(schema, after, path.segments());
    SchemaViolations all = schema.validatePaths(after, {path.segments()});
    if (all.empty())
        return check;
    const std::vector<StoreOp> ops{StoreOp::set(path, value)};
    std::vector<std::optional<Json>> oldValues;
    if (const Json *old = findValue(document, path))
        oldValues.emplace_back(*old);
    else
        oldValues.emplace_back(std::nullopt);
    const std::string noBytes;
    const PendingChange change{noBytes, after, ops, oldValues, ChangeSource::Editor, "set", false};
    check.added = SchemaGuard::addedViolations(schema, change);
    // Everything else it found was there before (each added one matched once).
    SchemaViolations unmatched = check.added;
    for (auto &v : all) {
        auto same = std::find_if(unmatched.begin(), unmatched.end(),
                                 [&](const SchemaViolation &a) { return a.sameViolation(v); });
        if (same != unmatched.end())
            unmatched.erase(same);
        else
            check.kept.push_back(std::move(v));
    }
    return check;
}

SchemaViolations violationsAt(const Schema &schema, const Json &document, const KeyPath &path)
{
    if (schema.isNull())
        return {};
    return schema.validatePaths(document, {path.segments()});
}

SchemaViolation explainingViolation(const SchemaViolations &violations)
{
    if (violations.empty())
        return {};
    for (size_t i = 0; i < violations.size(); ++i) {
        if (!isCombinator(violations[i]) && !isFailedAlternative(violations, i))
            return violations[i];
    }
    // Only alternatives failed: were they all constants?
    const SchemaViolation &combinator =
        *std::find_if(violations.begin(), violations.end(), isCombinator);
    Json allowed = Json::array();
    for (const auto &v : violations) {
        if (v.pointer != combinator.pointer)
            continue;
        if (v.keyword == "const")
            allowed.push_back(v.params.value("allowedValue", Json()));
        else if (v.keyword == "enum")
            for (const auto &item : v.params.value("allowedValues", Json::array()))
                allowed.push_back(item);
        else if (!isCombinator(v))
            return combinator;
    }
    if (allowed.empty())
        return combinator;
    return {combinator.pointer,
            "enum",
            "must be equal to one of the allowed values",
            {},
            Json{{"allowedValues", std::move(allowed)}}};
}

} // namespace tad
