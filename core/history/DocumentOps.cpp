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

std::vector<StoreOp> opsToReach(const Json &current, const Json &target)
{
    std::vector<StoreOp> ops;
    const auto currentKeys = keysInJsOrder(current);
    const auto targetKeys = keysInJsOrder(target);

    // Kept keys must stay in the same relative order and new keys come last,
    // else only a rewrite of every key gives the target's order.
    std::vector<std::string> keptInCurrent, keptInTarget;
    for (const auto &k : currentKeys)
        if (target.contains(k))
            keptInCurrent.push_back(k);
    bool newKeySeen = false, orderKept = true;
    for (const auto &k : targetKeys) {
        if (current.contains(k)) {
            keptInTarget.push_back(k);
            if (newKeySeen)
                orderKept = false;
        } else {
            newKeySeen = true;
        }
    }
    orderKept = orderKept && keptInCurrent == keptInTarget;

    if (!orderKept) {
        ops.push_back(StoreOp::clear());
        // clear() keeps conf's bookkeeping in front; place it where the target has it.
        ops.push_back(StoreOp::remove(KeyPath::fromSegments({"__internal__"})));
        for (const auto &k : targetKeys)
            ops.push_back(StoreOp::set(KeyPath::fromSegments({k}), target[k]));
        return ops;
    }
    for (const auto &k : currentKeys)
        if (!target.contains(k))
            ops.push_back(StoreOp::remove(KeyPath::fromSegments({k})));
    for (const auto &k : targetKeys) {
        const auto it = current.find(k);
        if (it == current.end() || !(*it == target[k]))
            ops.push_back(StoreOp::set(KeyPath::fromSegments({k}), target[k]));
    }
    return ops;
}

Result<std::vector<StoreOp>>
opsToCopyKeys(const Json &source, const std::vector<std::string> &dottedKeys, KeyDialect dialect)
{
    std::vector<StoreOp> ops;
    for (const auto &dotted : dottedKeys) {
        auto path = KeyPath::parse(dotted, dialect);
        if (!path)
            return path.error();
        if (path->isEmpty() || path->isRefused())
            return makeError(ErrorCode::Usage,
                             QStringLiteral("\"%1\" cannot be restored on its own")
                                 .arg(QString::fromStdString(dotted)));
        if (const Json *value = findValue(source, *path))
            ops.push_back(StoreOp::set(*path, *value));
        else
            ops.push_back(StoreOp::remove(*path));
    }
    return ops;
}

} // namespace tad
