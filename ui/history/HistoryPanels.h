// The main window's history panels (backups, history, migrations,
// inspector), docked through the window's PanelDocks, plus the tree's
// "History of this key". One object so MainWindow only creates it.
#pragma once

#include "common/ThemeIcons.h"
#include "schema/Schema.h"

#include <QObject>
#include <functional>

class QKeySequence;
class QTreeView;

namespace tad {

class BackgroundWorker;
class BackupTimelineView;
class HistoryActions;
class HistoryView;
class InspectorView;
class MigrationReview;
class PanelDocks;
class StoreSession;

class HistoryPanels : public QObject
{
    Q_OBJECT
public:
    // `currentKey` gives the dotted key selected in the settings tree.
    HistoryPanels(PanelDocks *docks, const QString &configPath, const Schema &schema,
                  StoreSession *session, QTreeView *tree, std::function<QString()> currentKey);

    BackupTimelineView *timeline() const { return m_timeline; }
    HistoryView *history() const { return m_history; }
    MigrationReview *migrations() const { return m_migrations; }
    InspectorView *inspector() const { return m_inspector; }
    HistoryActions *actions() const { return m_actions; }
    BackgroundWorker *worker() const { return m_worker; }

    // Shows and raises a panel's dock (and lists its content).
    void showPanel(QWidget *panel);
    void showHistoryOfKey(const QString &key);

private:
    void addPanel(QWidget *panel, const QString &title, const QKeySequence &shortcut,
                  ThemeIcons::Action icon);

    PanelDocks *m_docks;
    BackgroundWorker *m_worker;
    HistoryActions *m_actions;
    BackupTimelineView *m_timeline;
    HistoryView *m_history;
    MigrationReview *m_migrations;
    InspectorView *m_inspector;
};

} // namespace tad
