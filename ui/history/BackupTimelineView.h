// The backup timeline: every backup in `backups/`, newest first, grouped by
// day, with relative and absolute time, reason, label, size, short hash and
// integrity. Create (with a label), label one made earlier, restore (after a preview of exactly
// what changes; whole or chosen keys), compare with the current file or with another backup,
// delete, open the folder. The folder is watched, so a backup made by the Electron app or the CLI
// appears on its own.
#pragma once

#include "DiffData.h"
#include "history/BackupManager.h"

#include <QFileSystemWatcher>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace tad {

class BackgroundWorker;
class DiffView;
class HistoryActions;

class BackupTimelineView : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        WhenColumn,
        ReasonColumn,
        LabelColumn,
        SizeColumn,
        HashColumn,
        StateColumn
    };

    BackupTimelineView(QString configPath, HistoryActions *actions, BackgroundWorker *worker,
                       QWidget *parent = nullptr);

    // Lists the folder again (on the worker); listed() follows.
    void reload(bool verifyHashes = false);
    QStringList backupNames() const; // as shown, newest first
    bool selectBackup(const QString &name);
    QString statusText() const;

    void createBackup(const QString &label);
    // Preview, then restore (the dialog decides: all, checked keys or nothing).
    void restoreSelected();
    void compareWithCurrent();
    void compareSelectedPair();
    // The settings file changed (a write from here, a restore, another
    // program): a comparison with it shown is made again, so it never shows
    // a difference that is gone.
    void currentFileChanged();
    void deleteSelected();
    // Asks for a label for the selected backup (empty removes it) and writes it.
    void labelSelected();
    void openFolder();

    DiffView *diffView() const { return m_diff; }
    QTreeWidget *list() const { return m_list; }
    QLineEdit *labelBox() const { return m_label; }
    QFileSystemWatcher *watcher() { return &m_watcher; }

Q_SIGNALS:
    void listed(int count);
    void comparisonShown();
    // A restore or create finished (ok or not); the status line says which.
    void actionFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();
    void watchFolder();
    void showBackups(std::vector<BackupInfo> backups, const QString &error);
    QStringList selectedNames() const;
    // What the list knows of a backup (time, reason, label), and the words for it.
    BackupInfo shownInfo(const QString &name) const;
    QString describe(const QString &name) const;
    void setStatus(const QString &text, bool error);
    void updateButtons();
    void refreshRelativeTimes();
    void showRestoreDialog(const QString &name, DiffData diff, const Json &previewed);
    void compareWithCurrent(const QString &name);

    QString m_configPath;
    BackupManager m_backups; // read side only; writes go through m_actions
    HistoryActions *m_actions;
    BackgroundWorker *m_worker;
    QFileSystemWatcher m_watcher;
    QTimer m_reloadDelay;
    QTimer m_clock;    // "5 minutes ago" stays true while the dock is open
    QDate m_listedDay; // the day "Today" and "Yesterday" were named for
    quint64 m_generation = 0;
    QString m_comparedWithCurrent; // the backup the diff compares with the file, if it does
    QTimer m_recompareDelay;
    bool m_listedOnce = false;

    QStackedWidget *m_pages;
    QLineEdit *m_label;
    QPushButton *m_create;
    QProgressBar *m_busy;
    QLabel *m_status;
    QTreeWidget *m_list;
    QPushButton *m_restore;
    QPushButton *m_compare;
    QPushButton *m_comparePair;
    QPushButton *m_labelButton;
    QPushButton *m_delete;
    DiffView *m_diff;
};

} // namespace tad
