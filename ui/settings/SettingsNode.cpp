#include "SettingsNode.h"

#include "json/JsonText.h"

namespace tad {

namespace {
// Objects with more members than this get a hash index for child lookups.
constexpr size_t kIndexThreshold = 16;
} // namespace

std::unique_ptr<SettingsNode> SettingsNode::build(std::string key, const Json &value,
                                                  SettingsNode *parent, int row)
{
    auto node = std::make_unique<SettingsNode>();
    node->key = std::move(key);
    node->parent = parent;
    node->row = row;
    node->kind = value.type();
    if (value.is_object()) {
        const auto members = jsMemberOrder(value.get_ref<const Json::object_t &>());
        node->children.reserve(members.size());
        int childRow = 0;
        for (const auto *member : members)
            node->children.push_back(build(member->first, member->second, node.get(), childRow++));
    } else if (value.is_array()) {
        node->children.reserve(value.size());
        for (size_t i = 0; i < value.size(); ++i)
            node->children.push_back(build(std::to_string(i), value[i], node.get(), int(i)));
    } else {
        node->scalar = value;
    }
    return node;
}

SettingsNode *SettingsNode::child(std::string_view childKey) const
{
    if (kind == Json::value_t::array) {
        size_t index = 0;
        for (char c : childKey) {
            if (c < '0' || c > '9')
                return nullptr;
            index = index * 10 + size_t(c - '0');
        }
        if (childKey.empty() || (childKey.size() > 1 && childKey[0] == '0') ||
            index >= children.size())
            return nullptr;
        return children[index].get();
    }
    if (children.size() > kIndexThreshold) {
        if (!m_index) {
            m_index = std::make_unique<std::unordered_map<std::string_view, SettingsNode *>>();
            m_index->reserve(children.size());
            for (const auto &c : children)
                m_index->emplace(c->key, c.get());
        }
        auto it = m_index->find(childKey);
        return it == m_index->end() ? nullptr : it->second;
    }
    for (const auto &c : children) {
        if (c->key == childKey)
            return c.get();
    }
    return nullptr;
}

std::vector<std::string> SettingsNode::path() const
{
    std::vector<std::string> segments;
    for (const SettingsNode *n = this; n && n->parent; n = n->parent)
        segments.push_back(n->key);
    return {segments.rbegin(), segments.rend()};
}

Json SettingsNode::toJson() const
{
    if (kind == Json::value_t::object) {
        Json out = Json::object();
        for (const auto &c : children)
            out[c->key] = c->toJson();
        return out;
    }
    if (kind == Json::value_t::array) {
        Json out = Json::array();
        for (const auto &c : children)
            out.push_back(c->toJson());
        return out;
    }
    return scalar;
}

void SettingsNode::assignScalar(const Json &value)
{
    children.clear();
    m_index.reset();
    kind = value.type();
    scalar = value.is_structured() ? Json() : value;
}

void SettingsNode::renumberFrom(size_t first)
{
    for (size_t i = first; i < children.size(); ++i) {
        children[i]->row = int(i);
        if (kind == Json::value_t::array)
            children[i]->key = std::to_string(i);
    }
}

size_t SettingsNode::nodeCount() const
{
    size_t count = 1;
    for (const auto &c : children)
        count += c->nodeCount();
    return count;
}

size_t SettingsNode::nodeCountUpTo(size_t limit) const
{
    size_t count = 1;
    for (const auto &c : children) {
        if (count >= limit)
            break;
        count += c->nodeCountUpTo(limit - count);
    }
    return count;
}

} // namespace tad
