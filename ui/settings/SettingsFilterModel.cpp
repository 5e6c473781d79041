#include "SettingsFilterModel.h"

#include "SettingsTreeModel.h"

namespace tad {

namespace {

// Rows one slice of a search looks at before the event loop runs again
// (a few milliseconds' work).
constexpr int kSliceRows = 2000;
// How far below a container to look for an entry with a default.
constexpr int kEntryLookLimit = 4096;

} // namespace

SettingsFilterModel::SettingsFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    // The search marks parents itself; the proxy need not look below a row.
    setRecursiveFilteringEnabled(false);
    setDynamicSortFilter(true);
    m_slice.setSingleShot(true);
    m_slice.setInterval(0);
    connect(&m_slice, &QTimer::timeout, this, [this] {
        if (searchSlice())
            finishSearch();
        else
            m_slice.start();
    });
    // A burst of changes (an external write of many keys) searches once.
    m_again.setSingleShot(true);
    m_again.setInterval(100);
    connect(&m_again, &QTimer::timeout, this, &SettingsFilterModel::startSearch);
}

void SettingsFilterModel::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    QSortFilterProxyModel::setSourceModel(model);
    m_tree = qobject_cast<SettingsTreeModel *>(model);
    if (!model)
        return;
    connect(model, &QAbstractItemModel::dataChanged, this, &SettingsFilterModel::sourceChanged);
    connect(model, &QAbstractItemModel::rowsInserted, this, &SettingsFilterModel::sourceChanged);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &SettingsFilterModel::sourceChanged);
    connect(model, &QAbstractItemModel::modelReset, this, &SettingsFilterModel::sourceChanged);
    connect(model, &QAbstractItemModel::layoutChanged, this, &SettingsFilterModel::sourceChanged);
}

namespace {

struct StateFilter
{
    QLatin1String name; // after the @
    int mask;
};

constexpr StateFilter kStateFilters[] = {
    {QLatin1String("modified"), SettingsTreeModel::Modified},
    {QLatin1String("invalid"), SettingsTreeModel::Invalid},
    {QLatin1String("default"), SettingsTreeModel::AtDefault},
    {QLatin1String("changed"), SettingsTreeModel::ChangedExternally},
};

// The mask an @word filters by, 0 for none.
int stateMaskOf(const QString &name)
{
    for (const StateFilter &filter : kStateFilters) {
        if (name == filter.name)
            return filter.mask;
    }
    return 0;
}

} // namespace

QStringList SettingsFilterModel::stateFilterNames()
{
    QStringList names;
    for (const StateFilter &filter : kStateFilters)
        names << filter.name;
    return names;
}

QString SettingsFilterModel::unknownStateFilter() const
{
    for (const QString &word : m_query.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.startsWith(QLatin1Char('@')) && stateMaskOf(word.mid(1).toLower()) == 0)
            return word;
    }
    return {};
}

void SettingsFilterModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    m_words.clear();
    m_stateMask = 0;
    for (const QString &word : query.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const int mask = word.startsWith(QLatin1Char('@')) ? stateMaskOf(word.mid(1).toLower()) : 0;
        if (mask != 0)
            m_stateMask |= mask;
        else
            m_words << word.toCaseFolded();
    }
    startSearch();
}

void SettingsFilterModel::sourceChanged()
{
    if (!isFiltering())
        return;
    // Indexes held by a search under way may be gone: it starts again.
    m_stale = true;
    m_slice.stop();
    m_stack.clear();
    m_again.start();
}

void SettingsFilterModel::startSearch()
{
    m_again.stop();
    m_slice.stop();
    m_stack.clear();
    m_nextMatches.clear();
    m_nextShown.clear();
    if (!isFiltering() || !sourceModel()) {
        m_matches.clear();
        m_shown.clear();
        m_stale = false;
        const bool wasSearching = m_searching;
        m_searching = false;
        applyRows();
        if (wasSearching)
            Q_EMIT searchingChanged(false);
        Q_EMIT searchFinished(0);
        return;
    }
    for (int row = sourceModel()->rowCount() - 1; row >= 0; --row)
        m_stack.push_back(sourceModel()->index(row, 0));
    // A small tree is searched at once; a large one goes on from the loop.
    if (searchSlice()) {
        finishSearch();
        return;
    }
    if (!m_searching) {
        m_searching = true;
        Q_EMIT searchingChanged(true);
    }
    m_slice.start();
}

bool SettingsFilterModel::searchSlice()
{
    for (int looked = 0; looked < kSliceRows && !m_stack.empty(); ++looked) {
        const QModelIndex index = m_stack.back();
        m_stack.pop_back();
        if (matchesItself(index)) {
            m_nextMatches.insert(index.internalPointer());
            for (QModelIndex up = index; up.isValid(); up = up.parent()) {
                if (m_nextShown.contains(up.internalPointer()))
                    break;
                m_nextShown.insert(up.internalPointer());
            }
        }
        for (int row = sourceModel()->rowCount(index) - 1; row >= 0; --row)
            m_stack.push_back(sourceModel()->index(row, 0, index));
    }
    return m_stack.empty();
}

void SettingsFilterModel::finishSearch()
{
    m_matches = std::move(m_nextMatches);
    m_shown = std::move(m_nextShown);
    m_nextMatches.clear();
    m_nextShown.clear();
    m_stale = false;
    applyRows();
    if (m_searching) {
        m_searching = false;
        Q_EMIT searchingChanged(false);
    }
    Q_EMIT searchFinished(matchCount());
}

// The finished search's rows all at once: the proxy forgets its mappings
// and the view asks again for the rows it shows. (Refiltering each mapped
// parent in place emits a removal or insertion per parent: after a find
// that expanded thousands of entries that took 130-290 ms on a 1 MB file.)
void SettingsFilterModel::applyRows()
{
    m_applying = true;
    invalidate();
    m_applying = false;
}

QModelIndex SettingsFilterModel::firstMatch() const
{
    std::vector<QModelIndex> stack{QModelIndex()};
    while (!stack.empty()) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        if (parent.isValid() && isMatch(parent))
            return parent;
        for (int row = rowCount(parent) - 1; row >= 0; --row)
            stack.push_back(index(row, 0, parent));
    }
    return {};
}

bool SettingsFilterModel::isMatch(const QModelIndex &proxyIndex) const
{
    if (!isFiltering() || !proxyIndex.isValid())
        return false;
    const QModelIndex source = mapToSource(proxyIndex.siblingAtColumn(0));
    if (m_stale)
        return matchesItself(source);
    return m_matches.contains(source.internalPointer());
}

bool SettingsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!isFiltering())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_shown.contains(index.internalPointer()))
        return true;
    // Until the search after a change finishes, a changed row that matches
    // now shows at once.
    return m_stale && matchesItself(index);
}

bool SettingsFilterModel::matchesItself(const QModelIndex &index) const
{
    if (!isFiltering())
        return true;
    if (m_stateMask) {
        int state = index.data(SettingsTreeModel::StateRole).toInt() & m_stateMask;
        constexpr int kOwnState = SettingsTreeModel::Modified | SettingsTreeModel::AtDefault;
        if ((state & kOwnState) && hasEntryWithDefault(index))
            state &= ~kOwnState;
        if (state == 0)
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

// Whether an entry somewhere below `index` has a default of its own (then
// that entry, not the container, says whether it is modified).
bool SettingsFilterModel::hasEntryWithDefault(const QModelIndex &index) const
{
    if (!m_tree)
        return false;
    std::vector<QModelIndex> stack;
    for (int row = m_tree->rowCount(index) - 1; row >= 0; --row)
        stack.push_back(m_tree->index(row, 0, index));
    int looked = 0;
    while (!stack.empty()) {
        const QModelIndex entry = stack.back();
        stack.pop_back();
        if (m_tree->specOf(entry).defaultValue)
            return true;
        if (++looked > kEntryLookLimit)
            return true;
        for (int row = m_tree->rowCount(entry) - 1; row >= 0; --row)
            stack.push_back(m_tree->index(row, 0, entry));
    }
    return false;
}

} // namespace tad
