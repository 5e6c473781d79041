#include "SettingsFilterModel.h"

#include "SettingsTreeModel.h"

#include <vector>

namespace tad {

SettingsFilterModel::SettingsFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
}

void SettingsFilterModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    m_words.clear();
    m_stateMask = 0;
    for (const QString &word : query.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.startsWith(QLatin1Char('@'))) {
            const QString state = word.mid(1).toLower();
            if (state == QLatin1String("modified"))
                m_stateMask |= SettingsTreeModel::Modified;
            else if (state == QLatin1String("invalid"))
                m_stateMask |= SettingsTreeModel::Invalid;
            else if (state == QLatin1String("default"))
                m_stateMask |= SettingsTreeModel::AtDefault;
            else if (state == QLatin1String("changed"))
                m_stateMask |= SettingsTreeModel::ChangedExternally;
            else
                m_words << word.toCaseFolded();
        } else {
            m_words << word.toCaseFolded();
        }
    }
    invalidateRowsFilter();
}

QModelIndex SettingsFilterModel::firstMatch() const
{
    std::vector<QModelIndex> stack{QModelIndex()};
    while (!stack.empty()) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        if (parent.isValid() && matchesItself(mapToSource(parent)))
            return parent;
        for (int row = rowCount(parent) - 1; row >= 0; --row)
            stack.push_back(index(row, 0, parent));
    }
    return {};
}

bool SettingsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return matchesItself(sourceModel()->index(sourceRow, 0, sourceParent));
}

bool SettingsFilterModel::matchesItself(const QModelIndex &index) const
{
    if (!isFiltering())
        return true;
    if (m_stateMask) {
        const int state = index.data(SettingsTreeModel::StateRole).toInt();
        if ((state & m_stateMask) == 0)
            return false;
    }
    if (m_words.isEmpty())
        return true;
    const QString text = (index.data(SettingsTreeModel::SearchTextRole).toString() +
                          QLatin1Char('\n') + index.data(SettingsTreeModel::KeyPathRole).toString())
                             .toCaseFolded();
    for (const QString &word : m_words) {
        if (!text.contains(word))
            return false;
    }
    return true;
}

} // namespace tad
