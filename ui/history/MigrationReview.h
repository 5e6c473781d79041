// Migration review: the pending steps for the current file, each with the
// diff its dry run makes; run them after a confirmation; and the past
// migrations with their diffs, from the history.
#pragma once

#include "DiffData.h"
#include "history/History.h"

#include <QWidget>
#include <vector>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace tad {

class BackgroundWorker;
class DiffView;
class HistoryActions;

struct MigrationPreview
{
    QString error;
    QString fromVersion, toVersion, confMarker;
    bool versionPresent = false;
    struct Step
    {
        QString version, description;
        DiffData diff; // the step's dry run
    };
    std::vector<Step> steps;
    std::vector<HistoryEntry> past; // source migration, newest first
};

class MigrationReview : public QWidget
{
    Q_OBJECT
public:
    MigrationReview(QString configPath, HistoryActions *actions, BackgroundWorker *worker,
                    QWidget *parent = nullptr);

    // Dry run again (on the worker); reviewed() follows.
    void reload();
    // Asks, then runs every pending step through the store.
    void runMigrations();
    QStringList pendingVersions() const;
    QStringList pastVersions() const;
    QString statusText() const;
    bool selectPending(int row);
    bool selectPast(int row);

    DiffView *diffView() const { return m_diff; }

Q_SIGNALS:
    void reviewed();
    void migrationFinished(bool ok);

private:
    void showPreview(MigrationPreview preview);

    QString m_configPath;
    HistoryActions *m_actions;
    BackgroundWorker *m_worker;
    quint64 m_generation = 0;
    MigrationPreview m_preview;

    QLabel *m_versions;
    QLabel *m_status;
    QStackedWidget *m_pendingPages;
    QTreeWidget *m_pending;
    QTreeWidget *m_past;
    QPushButton *m_run;
    DiffView *m_diff;
};

} // namespace tad
