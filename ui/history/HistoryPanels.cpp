#include "HistoryPanels.h"

#include "BackgroundWorker.h"
#include "BackupTimelineView.h"
#include "HistoryView.h"
#include "MigrationReview.h"
#include "inspector/InspectorView.h"
#include "session/HistoryActions.h"
#include "session/StoreSession.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QTreeView>

namespace tad {

HistoryPanels::HistoryPanels(QMainWindow *window, const QString &configPath, const Schema &schema,
                             StoreSession *session, QTreeView *tree,
                             std::function<QString()> currentKey)
    : QObject(window)
{
    m_worker = new BackgroundWorker(this);
    m_actions = new HistoryActions(session, schema, this);
    m_timeline = new BackupTimelineView(configPath, m_actions, m_worker);
    m_history = new HistoryView(configPath, m_actions, m_worker);
    m_migrations = new MigrationReview(configPath, m_actions, m_worker);
    m_inspector = new InspectorView(session);

    auto *menu = window->menuBar()->addMenu(tr("&View"));
    menu->setObjectName(QStringLiteral("viewMenu"));
    auto *first = addPanel(window, m_timeline, tr("Backups"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B), nullptr);
    addPanel(window, m_history, tr("History"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
             first);
    addPanel(window, m_migrations, tr("Migrations"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
             first);
    addPanel(window, m_inspector, tr("Inspector"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
             first);
    for (auto *dock : window->findChildren<QDockWidget *>()) {
        if (dock->widget() == m_timeline || dock->widget() == m_history ||
            dock->widget() == m_migrations || dock->widget() == m_inspector)
            menu->addAction(dock->toggleViewAction());
    }

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

QDockWidget *HistoryPanels::addPanel(QMainWindow *window, QWidget *panel, const QString &title,
                                     const QKeySequence &shortcut, QDockWidget *tabWith)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(panel->objectName() + QStringLiteral("Dock"));
    dock->setWidget(panel);
    panel->setAccessibleName(title);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    if (tabWith)
        window->tabifyDockWidget(tabWith, dock);
    dock->hide();
    dock->toggleViewAction()->setShortcut(shortcut);
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
    return dock;
}

void HistoryPanels::showPanel(QWidget *panel)
{
    auto *dock = qobject_cast<QDockWidget *>(panel->parentWidget());
    if (!dock)
        return;
    dock->show();
    dock->raise();
}

void HistoryPanels::showHistoryOfKey(const QString &key)
{
    showPanel(m_history);
    m_history->showKey(key);
}

} // namespace tad
