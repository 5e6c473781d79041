// Find over the settings tree: words match key names, values, titles and
// descriptions (case-insensitive, all words must match); @modified,
// @invalid, @default and @changed keep rows in that state. Parents of a
// match stay so the match keeps its place in the tree.
#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace tad {

class SettingsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SettingsFilterModel(QObject *parent = nullptr);

    void setQuery(const QString &query);
    const QString &query() const { return m_query; }
    bool isFiltering() const { return !m_words.isEmpty() || m_stateMask != 0; }
    // The first row, in the order shown, that matches the query itself (not
    // a parent shown only so a match keeps its place).
    QModelIndex firstMatch() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool matchesItself(const QModelIndex &sourceIndex) const;

    QString m_query;
    QStringList m_words;
    int m_stateMask = 0;
};

} // namespace tad
