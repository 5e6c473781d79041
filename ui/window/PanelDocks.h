// The window's panels (backups, history, migrations, inspector, problems)
// as docks tabbed together in one area under the tree, each with an entry
// in the View menu. Under the tree, a panel never takes width from the
// tree's columns, and a panel bigger than the room it gets scrolls rather
// than growing the window. A panel's own list/detail splitter lies side by
// side when the area is wide and low (top or bottom) and stacked at a side.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QDockWidget;
class QEvent;
class QIcon;
class QKeySequence;
class QMainWindow;
class QMenu;
class QWidget;

namespace tad {

class PanelDocks : public QObject
{
    Q_OBJECT
public:
    PanelDocks(QMainWindow *window, QMenu *viewMenu);

    // A new dock for `panel`, hidden, tabbed with the others; `icon` marks
    // its entry in the View menu.
    QDockWidget *add(QWidget *panel, const QString &title, const QKeySequence &shortcut,
                     const QIcon &icon);
    QDockWidget *dockOf(const QWidget *panel) const;
    // Whether `widget` is inside one of the docks (a panel has the focus).
    bool holds(const QWidget *widget) const;
    // Shows the panel's dock and brings its tab to the front.
    void show(QWidget *panel);
    const QList<QDockWidget *> &docks() const { return m_docks; }
    // Where the focus goes when a panel closes and the widget it came from
    // is no longer in sight (the tree).
    void setHome(QWidget *home) { m_home = home; }
    // The dock's View menu entry, with its key.
    QAction *actionOf(const QDockWidget *dock) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void press(QDockWidget *dock);
    bool wide(QDockWidget *dock, Qt::DockWidgetArea area) const;
    void arrangeFor(QDockWidget *dock, bool sideBySide);

    QMainWindow *m_window;
    QMenu *m_menu;
    QList<QDockWidget *> m_docks;
    int m_heightGiven = 0;
    QPointer<QWidget> m_focusBefore; // where a panel's key took the focus from
    QPointer<QWidget> m_home;
    // A panel's list not yet on its page when its key was pressed, and the
    // field that has the focus until it is.
    QPointer<QWidget> m_listToFocus;
    QPointer<QWidget> m_focusWhileReading;
};

} // namespace tad
