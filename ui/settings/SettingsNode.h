// The tree the settings model shows: one node per key of the document, with
// scalar values kept in the node. Plain data without Qt objects, so a whole
// tree can be built on a worker thread and handed to the UI.
#pragma once

#include "EditorSpec.h"

#include "json/Json.h"
#include <QString>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tad {

struct SettingsNode
{
    std::string key; // the segment; "" for the root
    SettingsNode *parent = nullptr;
    int row = 0;
    Json::value_t kind = Json::value_t::object;
    Json scalar; // the value when kind is not object or array
    std::vector<std::unique_ptr<SettingsNode>> children;

    // Filled on first use, dropped when the schema changes.
    mutable std::unique_ptr<EditorSpec> spec;
    mutable int specGeneration = -1;
    // What the schema finds wrong with this value, for the document and
    // schema of the model's check generation.
    mutable QString problem;
    mutable int problemGeneration = -1;

    static std::unique_ptr<SettingsNode> build(std::string key, const Json &value,
                                               SettingsNode *parent = nullptr, int row = 0);

    bool isContainer() const
    {
        return kind == Json::value_t::object || kind == Json::value_t::array;
    }
    SettingsNode *child(std::string_view childKey) const;
    std::vector<std::string> path() const;
    // The node's value rebuilt from the tree (a deep copy for containers).
    Json toJson() const;
    // Reuses the node for a new value of a different shape.
    void assignScalar(const Json &value);
    void renumberFrom(size_t first);
    void dropIndex() { m_index.reset(); }
    size_t nodeCount() const;
    // Counts no further than `limit` (a cheap "is the tree large?").
    size_t nodeCountUpTo(size_t limit) const;

private:
    mutable std::unique_ptr<std::unordered_map<std::string_view, SettingsNode *>> m_index;
};

} // namespace tad
