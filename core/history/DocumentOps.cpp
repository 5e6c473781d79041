#include "DocumentOps.h"

#include "json/JsonText.h"

namespace tad {

namespace {

std::vector<std::string> keysInJsOrder(const Json &object)
{
    std::vector<std::string> keys;
    for (const auto *member : jsMemberOrder(object.get_ref<const Json::object_t &>()))
        keys.push_back(member->first);
    return keys;
}

} // namespace

namespace {

// Whether `target` keeps the relative order of the members it shares with
// `current` and lists its new members last: then per-member sets and
// deletes give its exact order; otherwise only a rewrite of every member does.
bool orderReachable(const std::vector<std::string> &currentKeys,
                    const std::vector<std::string> &targetKeys, const Json &current,
                    const Json &target)
{
    std::vector<std::string> keptInCurrent, keptInTarget;
    for (const auto &k : currentKeys)
        if (target.contains(k))
            keptInCurrent.push_back(k);
    bool newKeySeen = false;
    for (const auto &k : targetKeys) {
        if (current.contains(k)) {
            if (newKeySeen)
                return false;
            keptInTarget.push_back(k);
        } else {
            newKeySeen = true;
        }
    }
    return keptInCurrent == keptInTarget;
}

// Descends into objects both sides have, so an operation touches only the
// members that differ: a change the other writer makes beside them, even
// inside the same object, is merged by the store instead of overwritten.
void collectOps(const std::vector<std::string> &prefix, const Json &current, const Json &target,
                std::vector<StoreOp> &ops)
{
    const auto currentKeys = keysInJsOrder(current);
    const auto targetKeys = keysInJsOrder(target);
    auto pathTo = [&prefix](const std::string &key) {
        std::vector<std::string> segments = prefix;
        segments.push_back(key);
        return KeyPath::fromSegments(std::move(segments));
    };
    for (const auto &k : currentKeys)
        if (!target.contains(k))
            ops.push_back(StoreOp::remove(pathTo(k)));
    for (const auto &k : targetKeys) {
        const auto it = current.find(k);
        const Json &wanted = target[k];
        if (it == current.end()) {
            ops.push_back(StoreOp::set(pathTo(k), wanted));
        } else if (it->is_object() && wanted.is_object() && !it->empty() &&
                   orderReachable(keysInJsOrder(*it), keysInJsOrder(wanted), *it, wanted)) {
            std::vector<std::string> inner = prefix;
            inner.push_back(k);
            collectOps(inner, *it, wanted, ops);
        } else if (!(*it == wanted)) {
            ops.push_back(StoreOp::set(pathTo(k), wanted));
        }
    }
}

} // namespace

std::vector<StoreOp> opsToReach(const Json &current, const Json &target)
{
    if (!orderReachable(keysInJsOrder(current), keysInJsOrder(target), current, target))
        return {StoreOp::replace(target)};
    std::vector<StoreOp> ops;
    collectOps({}, current, target, ops);
    return ops;
}

Result<std::vector<StoreOp>> opsToCopyKeys(const Json &source, const std::vector<KeyPath> &keys)
{
    std::vector<StoreOp> ops;
    for (const auto &path : keys) {
        if (path.isEmpty() || path.isRefused())
            return makeError(ErrorCode::Usage,
                             QStringLiteral("\"%1\" cannot be restored on its own")
                                 .arg(QString::fromStdString(path.toDotted())));
        if (const Json *value = findValue(source, path))
            ops.push_back(StoreOp::set(path, *value));
        else
            ops.push_back(StoreOp::remove(path));
    }
    return ops;
}

} // namespace tad
