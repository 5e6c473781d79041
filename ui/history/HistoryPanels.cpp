#include "HistoryPanels.h"

#include "BackgroundWorker.h"
#include "BackupTimelineView.h"
#include "HistoryView.h"
#include "MigrationReview.h"
#include "common/ThemeIcons.h"
#include "inspector/InspectorView.h"
#include "session/HistoryActions.h"
#include "session/StoreSession.h"
#include "window/PanelDocks.h"

#include <QAction>
#include <QDockWidget>
#include <QTreeView>

namespace tad {

HistoryPanels::HistoryPanels(PanelDocks *docks, const QString &configPath, const Schema &schema,
                             StoreSession *session, QTreeView *tree,
                             std::function<QString()> currentKey)
    : QObject(docks), m_docks(docks)
{
    m_worker = new BackgroundWorker(this);
    m_actions = new HistoryActions(session, schema, this);
    m_timeline = new BackupTimelineView(configPath, m_actions, m_worker);
    m_history = new HistoryView(configPath, m_actions, m_worker);
    m_migrations = new MigrationReview(configPath, m_actions, m_worker);
    m_inspector = new InspectorView(session);

    addPanel(m_timeline, tr("Backups"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
             ThemeIcons::Backup);
    addPanel(m_history, tr("History"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
             ThemeIcons::History);
    addPanel(m_migrations, tr("Migrations"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
             ThemeIcons::Migrations);
    addPanel(m_inspector, tr("Inspector"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
             ThemeIcons::Inspector);

    auto *keyHistory = new QAction(tr("History of this key"), tree);
    keyHistory->setObjectName(QStringLiteral("keyHistoryAction"));
    connect(keyHistory, &QAction::triggered, this, [this, currentKey] {
        const QString key = currentKey();
        if (!key.isEmpty())
            showHistoryOfKey(key);
    });
    tree->addAction(keyHistory);

    // Writes made here change the history and the file's version.
    connect(m_actions, &HistoryActions::finished, this, [this] {
        if (m_history->isVisible())
            m_history->reload();
        if (m_migrations->isVisible())
            m_migrations->reload();
    });
    // Connected by name: the session reports its watcher state when it has one.
    if (session->metaObject()->indexOfSignal("watchingChanged(bool)") >= 0)
        connect(session, SIGNAL(watchingChanged(bool)), m_inspector, SLOT(setWatching(bool)));
}

void HistoryPanels::addPanel(QWidget *panel, const QString &title, const QKeySequence &shortcut,
                             ThemeIcons::Action icon)
{
    QDockWidget *dock = m_docks->add(panel, title, shortcut, ThemeIcons::icon(icon));
    // Lists are read when a panel is first shown, not at start-up.
    connect(dock, &QDockWidget::visibilityChanged, panel, [this, panel](bool visible) {
        if (!visible)
            return;
        if (panel == m_timeline)
            m_timeline->reload();
        else if (panel == m_history)
            m_history->reload();
        else if (panel == m_migrations)
            m_migrations->reload();
    });
}

void HistoryPanels::showPanel(QWidget *panel)
{
    m_docks->show(panel);
}

void HistoryPanels::showHistoryOfKey(const QString &key)
{
    showPanel(m_history);
    m_history->showKey(key);
}

} // namespace tad
