#include "ValueCheck.h"

#include "schema/Defaults.h"
#include "schema/SchemaGuard.h"

#include <QScopeGuard>
#include <algorithm>
#include <unordered_set>
#include <utility>

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

namespace {

// The guard's verdict on `after`, the document with the value set at
// `path`; `oldValues` holds the value that was there.
ValueCheck verdictOn(const Schema &schema, Json &after, const KeyPath &path, const Json &value,
                     const std::vector<std::optional<Json>> &oldValues)
{
    ValueCheck check;
    // The defaults the store fills on every write. Only those on the way to
    // the key and inside the value can reach the paths the guard
    // validates, so the rest of the document is not filled.
    applySchemaDefaultsAlong(schema, after, path.segments());
    SchemaViolations all = schema.validatePaths(after, {path.segments()});
    if (all.empty())
        return check;
    const std::vector<StoreOp> ops{StoreOp::set(path, value)};
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

// The objects on the way to the key's parent and the parent itself, when
// each exists and is an object; empty otherwise.
std::vector<Json *> objectsAlong(Json &document, const std::vector<std::string> &segments)
{
    std::vector<Json *> levels;
    Json *node = &document;
    for (size_t i = 0; i < segments.size(); ++i) {
        if (!node->is_object())
            return {};
        levels.push_back(node);
        if (i + 1 == segments.size())
            break;
        auto it = node->find(segments[i]);
        if (it == node->end())
            return {};
        node = &*it;
    }
    return levels;
}

} // namespace

Result<ValueCheck> checkValue(const Schema &schema, const Json &document, const KeyPath &path,
                              const Json &value, KeyDialect dialect)
{
    if (path.isEmpty())
        return makeError(ErrorCode::Usage, QStringLiteral("a value needs a key to go to"));
    if (schema.isNull())
        return ValueCheck();
    // The document the store would hand the guard: the value set as the
    // store sets it, then the defaults (see verdictOn).
    Json after = document;
    if (auto set = setValue(after, path, value, dialect); !set)
        return set.error();
    std::vector<std::optional<Json>> oldValues;
    if (const Json *old = findValue(document, path))
        oldValues.emplace_back(*old);
    else
        oldValues.emplace_back(std::nullopt);
    return verdictOn(schema, after, path, value, oldValues);
}

Result<ValueCheck> checkValueInPlace(const Schema &schema, Json &document, const KeyPath &path,
                                     const Json &value, KeyDialect dialect)
{
    // A refused segment (__proto__ and the like) makes setValue do nothing:
    // the copy keeps the old value there, as the store does.
    if (path.isEmpty() || schema.isNull() || path.isRefused())
        return checkValue(schema, std::as_const(document), path, value, dialect);
    const std::vector<std::string> &segments = path.segments();
    const std::vector<Json *> levels = objectsAlong(document, segments);
    if (levels.empty())
        return checkValue(schema, std::as_const(document), path, value, dialect);
    // What each object on the way had: the set and the defaults only add
    // members there (and replace the key's value), so taking out what was
    // added and putting the old value back leaves the document as it was,
    // its members' order included.
    std::vector<std::unordered_set<std::string>> namesBefore(levels.size());
    for (size_t i = 0; i < levels.size(); ++i) {
        for (auto it = levels[i]->begin(); it != levels[i]->end(); ++it)
            namesBefore[i].insert(it.key());
    }
    std::vector<std::optional<Json>> oldValues(1);
    if (auto it = levels.back()->find(segments.back()); it != levels.back()->end())
        oldValues[0] = std::move(*it);
    // Members added above a level move that level in memory: each is found
    // again by its path.
    const auto levelAt = [&](size_t depth) {
        Json *node = &document;
        for (size_t i = 0; i < depth; ++i)
            node = &(*node)[segments[i]];
        return node;
    };
    const auto restore = qScopeGuard([&] {
        if (oldValues[0])
            (*levelAt(levels.size() - 1))[segments.back()] = std::move(*oldValues[0]);
        for (size_t i = levels.size(); i-- > 0;) {
            Json *level = levelAt(i);
            std::vector<std::string> added;
            for (auto it = level->begin(); it != level->end(); ++it) {
                if (!namesBefore[i].count(it.key()))
                    added.push_back(it.key());
            }
            for (const auto &name : added)
                level->erase(name);
        }
    });
    if (auto set = setValue(document, path, value, dialect); !set)
        return set.error();
    return verdictOn(schema, document, path, value, oldValues);
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
