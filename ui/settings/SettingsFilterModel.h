// Find over the settings tree: words match key names, values, titles and
// descriptions (case-insensitive, all words must match); @modified,
// @invalid, @default and @changed keep rows in that state. Parents of a
// match stay so the match keeps its place in the tree.
//
// A container is modified (or at its default) in its own right only when
// none of its entries has a default of its own: otherwise it is shown as
// the parent of an entry that is, or not at all.
//
// The tree is searched a slice at a time from the event loop, so the first
// query on a large file does not freeze the window: searchingChanged()
// says when a search runs longer than one slice, searchFinished() when its
// rows are in place. Changes to the tree while a query is on search again.
#pragma once

#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QTimer>
#include <vector>

namespace tad {

class SettingsTreeModel;

class SettingsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SettingsFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setQuery(const QString &query);
    const QString &query() const { return m_query; }
    bool isFiltering() const { return !m_words.isEmpty() || m_stateMask != 0; }
    // The words to find (case-folded), without the @ filters.
    const QStringList &words() const { return m_words; }
    // Whether the query has words, or only @ filters.
    bool hasStateFilter() const { return m_stateMask != 0; }
    int stateMask() const { return m_stateMask; }
    // The words after @ that filter by state: modified, invalid, default, changed.
    static QStringList stateFilterNames();
    // The first @word of the query that names no state (searched as text
    // instead), "" when there is none.
    QString unknownStateFilter() const;
    // A search is under way; the rows shown are the last finished one's.
    bool isSearching() const { return m_searching; }
    // Rows that match the query themselves (not the parents kept for them).
    int matchCount() const { return int(m_matches.size()); }
    // The first row, in the order shown, that matches the query itself (not
    // a parent shown only so a match keeps its place).
    QModelIndex firstMatch() const;
    bool isMatch(const QModelIndex &proxyIndex) const;
    // Rows are being hidden or shown for a query: a view's current row may
    // move because of it, not because the person moved it.
    bool isApplying() const { return m_applying; }

Q_SIGNALS:
    void searchingChanged(bool searching);
    void searchFinished(int matches);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void startSearch();
    // Searches on from where the last slice stopped; true when done.
    bool searchSlice();
    void finishSearch();
    void sourceChanged();
    void applyRows();
    bool matchesItself(const QModelIndex &sourceIndex) const;
    bool hasEntryWithDefault(const QModelIndex &sourceIndex) const;

    SettingsTreeModel *m_tree = nullptr;
    QString m_query;
    QStringList m_words;
    int m_stateMask = 0;

    // The finished search: matches, and matches with their parents.
    QSet<const void *> m_matches;
    QSet<const void *> m_shown;
    // The search under way.
    QSet<const void *> m_nextMatches;
    QSet<const void *> m_nextShown;
    std::vector<QModelIndex> m_stack;
    bool m_searching = false;
    // The tree changed since the last finished search: rows are also
    // judged one by one until the next one finishes.
    bool m_stale = false;
    bool m_applying = false;
    QTimer m_slice;
    QTimer m_again;
};

} // namespace tad
