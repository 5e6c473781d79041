// The change history (storeHistory/): every change with its source (editor,
// cli, external, restore, rollback, migration, reset), its diff, "roll back
// this change" and "revert checked changes". Filtered to one key for
// "History of this key". Follows the folder live.
#pragma once

#include "history/History.h"

#include <QFileSystemWatcher>
#include <QTimer>
#include <QWidget>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace tad {

class BackgroundWorker;
class DiffView;
class HistoryActions;

class HistoryView : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        WhenColumn,
        SourceColumn,
        OperationColumn,
        KeysColumn,
        LabelColumn
    };

    HistoryView(QString configPath, HistoryActions *actions, BackgroundWorker *worker,
                QWidget *parent = nullptr);

    void reload();
    // Only entries that touch `key` (at, above or below it); empty: all.
    void showKey(const QString &key);
    QString keyFilter() const;
    QStringList entryIds() const; // as shown, newest first
    bool selectEntry(const QString &id);
    // Undo the selected entry, whole or the given forward operations.
    void rollBackSelected(const QList<int> &ops = {});

    DiffView *diffView() const { return m_diff; }
    QTreeWidget *list() const { return m_list; }

Q_SIGNALS:
    void listed(int count);
    void entryShown();
    void rollbackFinished(bool ok);

private:
    void showEntries(std::vector<HistoryEntry> entries, const QString &error);
    void showSelectedEntry();
    const HistoryEntry *selectedEntry() const;

    QString m_configPath;
    HistoryActions *m_actions;
    BackgroundWorker *m_worker;
    QFileSystemWatcher m_watcher;
    QTimer m_reloadDelay;
    quint64 m_generation = 0;
    std::vector<HistoryEntry> m_entries; // shown, newest first

    QLineEdit *m_filter;
    QLabel *m_status;
    QStackedWidget *m_pages;
    QLabel *m_emptyLabel;
    QTreeWidget *m_list;
    QPushButton *m_rollback;
    DiffView *m_diff;
};

// The dotted keys an entry's patch touches.
QStringList touchedKeys(const HistoryEntry &entry);
bool entryTouchesKey(const HistoryEntry &entry, const QString &key);

} // namespace tad
