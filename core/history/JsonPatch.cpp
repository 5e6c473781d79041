#include "JsonPatch.h"

#include "keys/KeyPath.h"

#include "json/JsonText.h"
#include <QString>
#include <QStringList>
#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace tad {

namespace {

using Pointer = Json::json_pointer;

std::string parentOf(const std::string &pointer)
{
    const auto slash = pointer.rfind('/');
    return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

std::string lastToken(const std::string &pointer)
{
    const auto slash = pointer.rfind('/');
    std::string token = slash == std::string::npos ? pointer : pointer.substr(slash + 1);
    // RFC 6901: "~1" first, then "~0".
    for (std::size_t at = 0; (at = token.find("~1", at)) != std::string::npos; ++at)
        token.replace(at, 2, "/");
    for (std::size_t at = 0; (at = token.find("~0", at)) != std::string::npos; ++at)
        token.replace(at, 2, "~");
    return token;
}

const Json *lookup(const Json &doc, const std::string &pointer)
{
    try {
        const Pointer ptr(pointer);
        return ptr.empty() || doc.contains(ptr) ? &doc.at(ptr) : nullptr;
    } catch (const Json::exception &) {
        return nullptr;
    }
}

Json *lookup(Json &doc, const std::string &pointer)
{
    return const_cast<Json *>(lookup(static_cast<const Json &>(doc), pointer));
}

bool parseArrayIndex(const std::string &token, std::size_t limit, std::size_t &index)
{
    if (token.empty() || token.size() > 10 || (token.size() > 1 && token[0] == '0'))
        return false;
    index = 0;
    for (const char c : token) {
        if (c < '0' || c > '9')
            return false;
        index = index * 10 + std::size_t(c - '0');
    }
    return index <= limit;
}

// Position of `key` among the members of `object`, or -1.
long long memberIndex(const Json &object, const std::string &key)
{
    const auto &members = object.get_ref<const Json::object_t &>();
    const auto it = members.find(key);
    return it == members.end() ? -1 : (long long)(it - members.begin());
}

void insertMemberAt(Json &object, const std::string &key, Json value, std::size_t index)
{
    auto &members = object.get_ref<Json::object_t &>();
    if (index >= members.size()) {
        members.emplace(key, std::move(value));
        return;
    }
    Json::object_t rebuilt;
    std::size_t position = 0;
    for (auto &member : members) {
        if (position++ == index)
            rebuilt.emplace(key, std::move(value));
        rebuilt.emplace(member.first, std::move(member.second));
    }
    members = std::move(rebuilt);
}

Json makeOp(const char *op, const std::string &path, std::optional<Json> value, int of)
{
    Json result = Json::object();
    result["op"] = op;
    result["path"] = path;
    if (value)
        result["value"] = std::move(*value);
    result["of"] = of;
    return result;
}

} // namespace

Json diffJson(const Json &before, const Json &after)
{
    Json patch = Json::diff(before, after);
    // nlohmann appends with "/-"; name the exact position instead.
    std::map<std::string, std::size_t> appended;
    for (auto &op : patch) {
        const std::string path = op["path"].get<std::string>();
        if (op["op"] != "add" || path.size() < 2 || path.compare(path.size() - 2, 2, "/-") != 0)
            continue;
        const std::string parent = path.substr(0, path.size() - 2);
        const Json *array = lookup(before, parent);
        if (!array || !array->is_array())
            continue; // a member named "-"
        op["path"] = parent + "/" + std::to_string(array->size() + appended[parent]++);
    }
    return patch;
}

ChangeSet makeChangeSet(const Json &before, const Json &after)
{
    ChangeSet set;
    set.patch = diffJson(before, after);
    const int count = int(set.patch.size());

    // Adds and removes of array elements change the array's length; each run
    // of them on one array is undone together behind one guard on the array.
    // (The array may be the root of what is diffed: "" is a valid parent.)
    std::vector<std::optional<std::string>> structuralParent(static_cast<std::size_t>(count));
    // A deleted member comes back at its old position among the members
    // present when it is restored: those deleted before it (in the forward
    // order, which is the object's order) are still missing then.
    std::vector<long long> restoreIndex(static_cast<std::size_t>(count), -1);
    std::map<std::string, long long> removedSoFar;
    for (int i = 0; i < count; ++i) {
        const Json &op = set.patch[std::size_t(i)];
        const std::string path = op["path"].get<std::string>();
        if (path.empty() || op["op"] == "replace")
            continue;
        const Json *parent = lookup(before, parentOf(path));
        if (parent && parent->is_array())
            structuralParent[std::size_t(i)] = parentOf(path);
        else if (parent && parent->is_object() && op["op"] == "remove")
            restoreIndex[std::size_t(i)] =
                memberIndex(*parent, lastToken(path)) - removedSoFar[parentOf(path)]++;
    }

    for (int i = count - 1; i >= 0; --i) {
        const Json &op = set.patch[std::size_t(i)];
        const std::string kind = op["op"].get<std::string>();
        const std::string path = op["path"].get<std::string>();
        const std::optional<std::string> &arrayPath = structuralParent[std::size_t(i)];
        if (arrayPath) {
            const bool runEnds =
                i == count - 1 || structuralParent[std::size_t(i + 1)] != arrayPath;
            if (runEnds) {
                int first = i;
                while (first > 0 && structuralParent[std::size_t(first - 1)] == arrayPath)
                    --first;
                Json guard = makeOp("test", *arrayPath, *lookup(after, *arrayPath), i);
                guard["run"] = Json::array({first, i});
                set.inverse.push_back(std::move(guard));
            }
            if (kind == "add")
                set.inverse.push_back(makeOp("remove", path, std::nullopt, i));
            else
                set.inverse.push_back(makeOp("add", path, *lookup(before, path), i));
            continue;
        }
        if (kind == "replace") {
            set.inverse.push_back(makeOp("test", path, op["value"], i));
            set.inverse.push_back(makeOp("replace", path, *lookup(before, path), i));
        } else if (kind == "add") {
            set.inverse.push_back(makeOp("test", path, op["value"], i));
            set.inverse.push_back(makeOp("remove", path, std::nullopt, i));
        } else if (kind == "remove") {
            Json restore = makeOp("add", path, *lookup(before, path), i);
            if (restoreIndex[std::size_t(i)] >= 0)
                restore["index"] = restoreIndex[std::size_t(i)];
            set.inverse.push_back(std::move(restore));
        }
    }
    return set;
}

namespace {

// One operation; returns an empty string or why it failed.
std::string applyOne(Json &doc, const Json &op, const PatchOptions &options, bool &malformed)
{
    malformed = false;
    if (!op.is_object() || !op.contains("op") || !op.contains("path") || !op["op"].is_string() ||
        !op["path"].is_string()) {
        malformed = true;
        return "an operation needs \"op\" and \"path\" strings";
    }
    const std::string kind = op["op"].get<std::string>();
    const std::string path = op["path"].get<std::string>();
    if (!path.empty() && path[0] != '/') {
        malformed = true;
        return "\"" + path + "\" is not a JSON Pointer";
    }
    const bool needsValue = kind == "add" || kind == "replace" || kind == "test";
    if (needsValue && !op.contains("value")) {
        malformed = true;
        return "\"" + kind + "\" needs a \"value\"";
    }

    if (kind == "test") {
        const Json *current = lookup(doc, path);
        if (!current)
            return "path not found";
        return jsEqual(*current, op["value"]) ? std::string() : "test failed";
    }
    if (kind == "move" || kind == "copy") {
        if (!op.contains("from") || !op["from"].is_string()) {
            malformed = true;
            return "\"" + kind + "\" needs a \"from\" string";
        }
        const std::string from = op["from"].get<std::string>();
        const Json *source = lookup(doc, from);
        if (!source)
            return "\"from\" not found";
        Json value = *source;
        if (kind == "move") {
            if (path.rfind(from + "/", 0) == 0)
                return "cannot move a value into itself";
            if (auto removed = applyOne(doc, Json{{"op", "remove"}, {"path", from}}, {}, malformed);
                !removed.empty())
                return removed;
        }
        return applyOne(doc, Json{{"op", "add"}, {"path", path}, {"value", std::move(value)}},
                        options, malformed);
    }
    if (kind != "add" && kind != "remove" && kind != "replace") {
        malformed = true;
        return "unknown operation \"" + kind + "\"";
    }

    if (path.empty()) {
        if (kind == "remove")
            return "cannot remove the document root";
        doc = op["value"];
        return {};
    }
    Json *parent = lookup(doc, parentOf(path));
    if (!parent)
        return "path not found";
    const std::string token = lastToken(path);
    if (parent->is_object()) {
        auto &members = parent->get_ref<Json::object_t &>();
        const bool exists = members.contains(token);
        if (kind == "add") {
            if (exists && options.strictAdd)
                return "exists again";
            if (!exists && op.contains("index") && op["index"].is_number_integer() &&
                op["index"].get<long long>() >= 0)
                insertMemberAt(*parent, token, op["value"], op["index"].get<std::size_t>());
            else
                (*parent)[token] = op["value"];
            return {};
        }
        if (!exists)
            return "path not found";
        if (kind == "remove")
            members.erase(token);
        else
            (*parent)[token] = op["value"];
        return {};
    }
    if (parent->is_array()) {
        const std::size_t size = parent->size();
        std::size_t index = size;
        if (kind == "add") {
            if (token != "-" && !parseArrayIndex(token, size, index))
                return "array index out of range";
            parent->insert(parent->begin() + std::ptrdiff_t(index), op["value"]);
            return {};
        }
        if (!parseArrayIndex(token, size, index) || index >= size)
            return "array index out of range";
        if (kind == "remove")
            parent->erase(std::size_t(index));
        else
            (*parent)[index] = op["value"];
        return {};
    }
    return "path not found";
}

} // namespace

Result<void> applyPatch(Json &doc, const Json &patch, const PatchOptions &options,
                        std::vector<PatchFailure> *failures)
{
    if (!patch.is_array())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("a JSON Patch is an array of operations"));
    std::set<long long> failedGroups;
    std::vector<PatchFailure> found;
    for (std::size_t i = 0; i < patch.size(); ++i) {
        const Json &op = patch[i];
        const long long group = op.is_object() && op.contains("of") && op["of"].is_number_integer()
                                    ? op["of"].get<long long>()
                                    : -1;
        if (options.collectConflicts && group >= 0 && failedGroups.count(group))
            continue;
        bool malformed = false;
        const std::string why = applyOne(doc, op, options, malformed);
        if (why.empty())
            continue;
        const std::string pointer = op.is_object() && op.contains("path") && op["path"].is_string()
                                        ? op["path"].get<std::string>()
                                        : "";
        if (malformed)
            return makeError(
                ErrorCode::Usage,
                QStringLiteral("patch operation %1: %2").arg(i).arg(QString::fromStdString(why)));
        found.push_back({int(i), pointer, why});
        if (!options.collectConflicts)
            break;
        if (op.contains("run") && op["run"].is_array() && op["run"].size() == 2) {
            for (long long g = op["run"][0].get<long long>(); g <= op["run"][1].get<long long>();
                 ++g)
                failedGroups.insert(g);
        } else if (group >= 0) {
            failedGroups.insert(group);
        }
    }
    if (found.empty())
        return {};
    // The inverse runs backwards; report in the forward patch's order.
    std::reverse(found.begin(), found.end());
    QStringList parts;
    for (const auto &failure : found)
        parts << QStringLiteral("%1 (%2)").arg(
            QString::fromStdString(pointerToKey(failure.pointer)),
            QString::fromStdString(failure.reason));
    Error e = makeError(
        ErrorCode::Conflict,
        QStringLiteral("the patch does not apply: %1").arg(parts.join(QStringLiteral(", "))));
    e.key = QString::fromStdString(pointerToKey(found.front().pointer));
    if (failures)
        *failures = std::move(found);
    return e;
}

Json selectInverse(const Json &inverse, const std::vector<int> &forwardOps)
{
    std::set<long long> chosen(forwardOps.begin(), forwardOps.end());
    for (const Json &op : inverse) {
        if (!op.contains("run"))
            continue;
        const long long first = op["run"][0].get<long long>(), last = op["run"][1].get<long long>();
        bool touched = false;
        for (long long g = first; g <= last && !touched; ++g)
            touched = chosen.count(g) > 0;
        if (touched)
            for (long long g = first; g <= last; ++g)
                chosen.insert(g);
    }
    Json selected = Json::array();
    for (const Json &op : inverse) {
        if (op.contains("of") && chosen.count(op["of"].get<long long>()))
            selected.push_back(op);
    }
    return selected;
}

std::string pointerToKey(const std::string &pointer)
{
    if (pointer.empty())
        return "(whole document)";
    auto path = KeyPath::fromPointer(pointer);
    return path ? path->toDotted() : pointer;
}

} // namespace tad
