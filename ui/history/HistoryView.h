// The change history (storeHistory/): every change with its reason in words
// ("Edited in TAD Settings", "Changed by the app", "Undo"), when, the keys it
// changed and its label; its diff, which follows the selection; "roll back
// this change", "revert checked changes" and a label for an entry. A search
// box narrows the list to a key (at, above or below it: "History of this
// key" fills it in) or to words of the reason or label. Follows the folder
// live.
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
class QTreeWidgetItem;

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
        ReasonColumn,
        KeysColumn,
        LabelColumn
    };

    HistoryView(QString configPath, HistoryActions *actions, BackgroundWorker *worker,
                QWidget *parent = nullptr);

    void reload();
    // Only entries that touch `key` (at, above or below it); empty: all.
    void showKey(const QString &key);
    // What the search box holds: a key, or words of a reason or label.
    QString keyFilter() const;
    QStringList entryIds() const; // as shown, newest first
    bool selectEntry(const QString &id);
    // Undo the selected entry, whole or the given forward operations.
    void rollBackSelected(const QList<int> &ops = {});
    // Asks for a label for the selected entry (empty removes it) and writes it.
    void labelSelected();
    QString shownEntryId() const { return m_shownId; } // whose diff the pane shows

    DiffView *diffView() const { return m_diff; }
    QTreeWidget *list() const { return m_list; }

Q_SIGNALS:
    void listed(int count);
    void entryShown();
    void rollbackFinished(bool ok);
    void labelFinished(bool ok);

protected:
    void hideEvent(QHideEvent *event) override;

private:
    QTreeWidgetItem *itemFor(const QString &id) const; // null when not listed
    // Entries appended by any program (a line added changes no folder
    // listing) reload the list too.
    void watchAppendedFile(const QString &file);
    void showEntries(std::vector<HistoryEntry> entries, const QString &error);
    void applyFilter();
    void showSelectedEntry();
    void refreshTimes();
    const HistoryEntry *selectedEntry() const;

    QString m_configPath;
    HistoryActions *m_actions;
    BackgroundWorker *m_worker;
    QFileSystemWatcher m_watcher;
    QTimer m_reloadDelay;
    QTimer m_clock; // "5 minutes ago" stays true while the panel is open
    quint64 m_generation = 0;
    std::vector<HistoryEntry> m_all;     // as read, newest first
    std::vector<HistoryEntry> m_entries; // shown (matching the search), newest first
    QString m_shownId;
    bool m_chosen = false; // the person chose the selected entry
    QString m_error;

    QLineEdit *m_filter;
    QLabel *m_status;
    QStackedWidget *m_pages;
    QLabel *m_emptyLabel;
    QTreeWidget *m_list;
    QPushButton *m_rollback;
    QPushButton *m_label;
    DiffView *m_diff;
};

// Whether an entry touches `key`, at, above or below it.
bool entryTouchesKey(const HistoryEntry &entry, const QString &key);
// Whether an entry matches what the search box holds: a key it touches
// (whole or in part), or words of its reason or label; case aside.
bool entryMatchesSearch(const HistoryEntry &entry, const QString &text);

} // namespace tad
