// How SettingsTreeModel follows changes: the smallest set of row signals
// that turns the tree it holds into the tree of the new value.
#include "SettingsTreeModel.h"
#include "keys/KeyPath.h"

#include "json/JsonText.h"
#include <QDateTime>
#include <unordered_map>

namespace tad {

void SettingsTreeModel::applyChange(const ChangeEvent &event)
{
    const bool external = event.source == ChangeSource::External;
    const bool documentCurrent = m_documentGeneration == m_checkGeneration;
    const bool synced = syncValue(event.path.segments(), event.newValue, external);
    // A check asked during the row signals saw the tree half changed.
    m_lastCheck.reset();
    if (!synced || !documentCurrent)
        return;
    // The document the checks use takes the same change, as the store made
    // it, instead of being built again from the whole tree on the next check
    // (a copy of the whole file each time).
    bool followed = true;
    if (event.path.isEmpty())
        m_document = event.newValue ? *event.newValue : Json::object();
    else if (event.newValue)
        followed = setValue(m_document, event.path, *event.newValue).ok();
    else
        followed = deleteValue(m_document, event.path).ok();
    if (followed)
        m_documentGeneration = m_checkGeneration;
}

bool SettingsTreeModel::syncValue(const std::vector<std::string> &segments,
                                  const std::optional<Json> &value, bool external)
{
    ++m_checkGeneration;
    if (segments.empty()) {
        syncNode(m_root.get(), value ? *value : Json::object());
        if (external)
            markExternal(segments);
        return true;
    }
    SettingsNode *parent = m_root.get();
    for (size_t i = 0; i + 1 < segments.size(); ++i) {
        SettingsNode *next = parent->child(segments[i]);
        if (!next || !next->isContainer()) {
            if (!value)
                return true; // removing under a missing parent changes nothing we show
            QStringList missing;
            for (size_t j = 0; j <= i; ++j)
                missing << QString::fromStdString(segments[j]);
            Q_EMIT resyncNeeded(missing);
            return false;
        }
        parent = next;
    }
    const std::string &leaf = segments.back();
    SettingsNode *node = parent->child(leaf);
    if (node && value) {
        syncNode(node, *value);
    } else if (node && !value) {
        if (parent->kind == Json::value_t::array) {
            // A deleted array element leaves a hole that JSON writes as null.
            syncNode(node, Json());
        } else {
            removeChildren(parent, node->row, node->row);
        }
    } else if (!node && value) {
        if (parent->kind == Json::value_t::array) {
            auto index = KeyPath::isNumericSegment(leaf) ? std::stoull(leaf) : 0;
            if (!KeyPath::isNumericSegment(leaf) || index != parent->children.size()) {
                QStringList parentPath;
                for (size_t j = 0; j + 1 < segments.size(); ++j)
                    parentPath << QString::fromStdString(segments[j]);
                Q_EMIT resyncNeeded(parentPath);
                return false;
            }
        }
        std::vector<std::unique_ptr<SettingsNode>> fresh;
        fresh.push_back(SettingsNode::build(leaf, *value, parent));
        int position = int(parent->children.size());
        if (parent->kind == Json::value_t::object && isArrayIndexKey(leaf)) {
            // JavaScript lists integer-like keys first, in numeric order.
            position = 0;
            const auto number = std::stoull(leaf);
            while (size_t(position) < parent->children.size() &&
                   isArrayIndexKey(parent->children[size_t(position)]->key) &&
                   std::stoull(parent->children[size_t(position)]->key) < number)
                ++position;
        }
        insertChildren(parent, position, std::move(fresh));
    } else {
        return true;
    }
    // A container's row sums up its members (a name, a count, whether any
    // is modified): each one above the change shows the change too.
    for (const SettingsNode *n = parent; n && n != m_root.get(); n = n->parent)
        emitRowChanged(n);
    if (external) {
        markExternal(value ? segments
                           : std::vector<std::string>(segments.begin(), segments.end() - 1));
        m_lastExternalChangeMs = QDateTime::currentMSecsSinceEpoch();
        Q_EMIT externalChangeApplied(
            QString::fromStdString(KeyPath::fromSegments(segments).toDotted()));
    }
    return true;
}

void SettingsTreeModel::syncNode(SettingsNode *node, const Json &value)
{
    if (value.is_object()) {
        syncObject(node, value);
        return;
    }
    if (value.is_array()) {
        syncArray(node, value);
        return;
    }
    if (!node->children.empty())
        removeChildren(node, 0, int(node->children.size()) - 1);
    if (node->kind == value.type() && node->scalar == value)
        return;
    node->assignScalar(value);
    emitRowChanged(node);
}

void SettingsTreeModel::syncObject(SettingsNode *node, const Json &value)
{
    const auto &object = value.get_ref<const Json::object_t &>();
    bool shapeChanged = node->kind != Json::value_t::object;
    if (shapeChanged) {
        if (!node->children.empty())
            removeChildren(node, 0, int(node->children.size()) - 1);
        node->assignScalar(Json::object());
    }
    // Drop the members that are gone, a contiguous run at a time.
    for (int i = int(node->children.size()) - 1; i >= 0;) {
        if (object.contains(node->children[size_t(i)]->key)) {
            --i;
            continue;
        }
        int first = i;
        while (first > 0 && !object.contains(node->children[size_t(first - 1)]->key))
            --first;
        removeChildren(node, first, i);
        shapeChanged = true;
        i = first - 1;
    }
    const auto order = jsMemberOrder(object);
    // The kept members must still be in the same relative order; a member
    // moved by delete-and-add is rare enough to rebuild the children.
    std::unordered_map<std::string_view, size_t> newPosition;
    newPosition.reserve(order.size());
    for (size_t i = 0; i < order.size(); ++i)
        newPosition.emplace(order[i]->first, i);
    for (size_t i = 1; i < node->children.size(); ++i) {
        if (newPosition[node->children[i - 1]->key] > newPosition[node->children[i]->key]) {
            removeChildren(node, 0, int(node->children.size()) - 1);
            break;
        }
    }
    size_t existing = 0;
    for (size_t i = 0; i < order.size();) {
        if (existing < node->children.size() && node->children[existing]->key == order[i]->first) {
            syncNode(node->children[existing].get(), order[i]->second);
            ++existing;
            ++i;
            continue;
        }
        std::vector<std::unique_ptr<SettingsNode>> run;
        const size_t position = i;
        while (i < order.size() && !(existing < node->children.size() &&
                                     node->children[existing]->key == order[i]->first)) {
            run.push_back(SettingsNode::build(order[i]->first, order[i]->second, node));
            ++i;
        }
        const size_t added = run.size();
        insertChildren(node, int(position), std::move(run));
        existing += added;
        shapeChanged = true;
    }
    if (shapeChanged)
        emitRowChanged(node);
}

void SettingsTreeModel::syncArray(SettingsNode *node, const Json &value)
{
    bool shapeChanged = node->kind != Json::value_t::array;
    if (shapeChanged) {
        if (!node->children.empty())
            removeChildren(node, 0, int(node->children.size()) - 1);
        node->assignScalar(Json::array());
    }
    const size_t common = std::min(node->children.size(), value.size());
    for (size_t i = 0; i < common; ++i)
        syncNode(node->children[i].get(), value[i]);
    if (node->children.size() > value.size()) {
        removeChildren(node, int(value.size()), int(node->children.size()) - 1);
        shapeChanged = true;
    } else if (value.size() > node->children.size()) {
        std::vector<std::unique_ptr<SettingsNode>> run;
        for (size_t i = node->children.size(); i < value.size(); ++i)
            run.push_back(SettingsNode::build(std::to_string(i), value[i], node));
        insertChildren(node, int(node->children.size()), std::move(run));
        shapeChanged = true;
    }
    // The summary of a short array shows its items.
    emitRowChanged(node);
    Q_UNUSED(shapeChanged);
}

void SettingsTreeModel::removeChildren(SettingsNode *node, int first, int last)
{
    beginRemoveRows(indexOf(node), first, last);
    node->children.erase(node->children.begin() + first, node->children.begin() + last + 1);
    node->dropIndex();
    node->renumberFrom(size_t(first));
    endRemoveRows();
}

void SettingsTreeModel::insertChildren(SettingsNode *node, int position,
                                       std::vector<std::unique_ptr<SettingsNode>> nodes)
{
    if (nodes.empty())
        return;
    beginInsertRows(indexOf(node), position, position + int(nodes.size()) - 1);
    for (auto &n : nodes)
        n->parent = node;
    node->children.insert(node->children.begin() + position, std::make_move_iterator(nodes.begin()),
                          std::make_move_iterator(nodes.end()));
    node->dropIndex();
    node->renumberFrom(size_t(position));
    endInsertRows();
}

void SettingsTreeModel::emitRowChanged(const SettingsNode *node)
{
    if (!node || node == m_root.get())
        return;
    Q_EMIT dataChanged(indexOf(node, 0), indexOf(node, ColumnCount - 1));
}

void SettingsTreeModel::markExternal(const std::vector<std::string> &segments)
{
    m_highlights.push_back({segments, m_clock.elapsed()});
    for (const SettingsNode *n = findNode(segments); n && n != m_root.get(); n = n->parent)
        emitRowChanged(n);
    if (!m_highlightTimer.isActive())
        m_highlightTimer.start();
}

void SettingsTreeModel::expireHighlights()
{
    const qint64 now = m_clock.elapsed();
    std::vector<std::vector<std::string>> expired;
    std::erase_if(m_highlights, [&](const Highlight &h) {
        if (now - h.since < m_highlightMs)
            return false;
        expired.push_back(h.segments);
        return true;
    });
    for (const auto &segments : expired) {
        for (const SettingsNode *n = findNode(segments); n && n != m_root.get(); n = n->parent)
            emitRowChanged(n);
    }
    if (m_highlights.empty())
        m_highlightTimer.stop();
}

} // namespace tad
