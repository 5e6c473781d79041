#include "PanelDocks.h"

#include "PanelScrollArea.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMenu>
#include <QScrollArea>
#include <QSplitter>

namespace tad {

namespace {

constexpr Qt::DockWidgetArea kArea = Qt::BottomDockWidgetArea;

// Share of the window's height the area takes when it first opens.
constexpr double kShareOfHeight = 0.45;

// The width from which a panel's list and detail lie side by side: from
// the smallest window (1024 px) up, where the area under the tree is wide
// and low and a diff under its list would need scrolling.
constexpr int kSideBySideWidth = 960;
// The list's share of the width when side by side; the diff takes the rest.
constexpr int kListShare = 40;

QWidget *panelIn(const QDockWidget *dock)
{
    auto *scroll = qobject_cast<QScrollArea *>(dock->widget());
    return scroll ? scroll->widget() : dock->widget();
}

// `w` in `panel` (or the panel itself, shown with its dock) takes the focus.
bool takesFocus(const QWidget *w, const QWidget *panel)
{
    return (w == panel || w->isVisibleTo(panel)) && w->isEnabled() &&
           (w->focusPolicy() & Qt::TabFocus);
}

// Where a panel's key puts the focus: its list (its focus proxy, or the
// panel itself when it is a list, as Problems is), else, while the list is
// not on its page yet (still reading), the panel's first field; null when
// nothing in it takes the focus.
QWidget *focusTargetIn(QWidget *panel)
{
    QWidget *list = panel->focusProxy() ? panel->focusProxy() : panel;
    if (takesFocus(list, panel))
        return list;
    for (QWidget *w = panel->nextInFocusChain(); w && w != panel; w = w->nextInFocusChain())
        if (panel->isAncestorOf(w) && takesFocus(w, panel))
            return w;
    return nullptr;
}

} // namespace

PanelDocks::PanelDocks(QMainWindow *window, QMenu *viewMenu)
    : QObject(window), m_window(window), m_menu(viewMenu)
{
    window->setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks |
                           QMainWindow::GroupedDragging);
    window->setTabPosition(Qt::AllDockWidgetAreas, QTabWidget::North);
}

QDockWidget *PanelDocks::add(QWidget *panel, const QString &title, const QKeySequence &shortcut,
                             const QIcon &icon)
{
    auto *dock = new QDockWidget(title, m_window);
    dock->setObjectName(panel->objectName() + QStringLiteral("Dock"));
    auto *scroll = new PanelScrollArea(dock);
    scroll->setObjectName(panel->objectName() + QStringLiteral("Scroll"));
    scroll->setWidget(panel);
    dock->setWidget(scroll);
    panel->setAccessibleName(title);
    m_window->addDockWidget(kArea, dock);
    if (!m_docks.isEmpty())
        m_window->tabifyDockWidget(m_docks.first(), dock);
    dock->hide();
    m_docks << dock;
    // Not the dock's own toggle: a panel open behind another tab, or open
    // while the person works in the tree, is brought forward, not closed.
    auto *open = new QAction(icon, title, dock);
    open->setObjectName(panel->objectName() + QStringLiteral("Action"));
    open->setCheckable(true);
    open->setShortcut(shortcut);
    m_menu->addAction(open);
    connect(open, &QAction::triggered, this, [this, dock, open] {
        press(dock);
        open->setChecked(!dock->isHidden());
    });
    connect(dock, &QDockWidget::visibilityChanged, open,
            [dock, open] { open->setChecked(!dock->isHidden()); });
    arrangeFor(dock, true);
    dock->installEventFilter(this);
    connect(dock, &QDockWidget::dockLocationChanged, this,
            [this, dock](Qt::DockWidgetArea area) { arrangeFor(dock, wide(dock, area)); });
    // The first time the area opens it takes a fair share of the height;
    // after that it keeps whatever height the person gave it.
    connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool visible) {
        if (!visible || m_heightGiven || dock->isFloating() ||
            m_window->dockWidgetArea(dock) != kArea)
            return;
        m_heightGiven = int(m_window->height() * kShareOfHeight);
        m_window->resizeDocks({dock}, {m_heightGiven}, Qt::Vertical);
    });
    return dock;
}

bool PanelDocks::holds(const QWidget *widget) const
{
    return widget && std::any_of(m_docks.begin(), m_docks.end(), [widget](QDockWidget *dock) {
               return dock == widget || dock->isAncestorOf(widget);
           });
}

QDockWidget *PanelDocks::dockOf(const QWidget *panel) const
{
    for (QDockWidget *dock : m_docks) {
        if (panelIn(dock) == panel)
            return dock;
    }
    return nullptr;
}

QAction *PanelDocks::actionOf(const QDockWidget *dock) const
{
    return dock->findChild<QAction *>(panelIn(dock)->objectName() + QStringLiteral("Action"),
                                      Qt::FindDirectChildrenOnly);
}

// As an IDE's tool window key does: closed, it opens with the focus in it;
// open but behind another tab or without the focus, it comes forward and
// takes the focus; with the focus in it, it closes and the focus goes back
// where it came from.
void PanelDocks::press(QDockWidget *dock)
{
    QWidget *panel = panelIn(dock);
    QWidget *target = focusTargetIn(panel);
    QWidget *focus = QApplication::focusWidget();
    const bool focused = focus && dock->isAncestorOf(focus);
    // In front and with the focus (or nothing in it to take the focus): close.
    if (!dock->isHidden() && !dock->visibleRegion().isEmpty() && (focused || !target)) {
        dock->hide();
        // Back where it came from, unless that is gone from sight (another
        // panel closed since): then the tree.
        QWidget *back =
            m_focusBefore && m_focusBefore->isVisible() ? m_focusBefore.data() : m_home.data();
        if (focused && back)
            back->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    if (!focused)
        m_focusBefore = focus;
    dock->show();
    dock->raise();
    if (target)
        target->setFocus(Qt::ShortcutFocusReason);
    // The list comes on its page when the panel has read its folder: the
    // focus moves to it then, unless the person has moved it meanwhile.
    QWidget *list = panel->focusProxy();
    if (m_listToFocus)
        m_listToFocus->removeEventFilter(this);
    m_listToFocus = nullptr;
    if (list && target != list) {
        m_listToFocus = list;
        m_focusWhileReading = target;
        list->installEventFilter(this);
    }
}

void PanelDocks::show(QWidget *panel)
{
    QDockWidget *dock = dockOf(panel);
    if (!dock)
        return;
    dock->show();
    dock->raise();
}

// Side by side when the area is low and wide enough for a list and a diff
// next to each other (their smallest widths change with what they show, so
// a fixed width is asked for); else stacked, and nothing is cut.
bool PanelDocks::wide(QDockWidget *dock, Qt::DockWidgetArea area) const
{
    if (area != Qt::TopDockWidgetArea && area != Qt::BottomDockWidgetArea)
        return false;
    return dock->width() >= kSideBySideWidth;
}

bool PanelDocks::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show && watched == m_listToFocus) {
        m_listToFocus->removeEventFilter(this);
        if (QApplication::focusWidget() == m_focusWhileReading)
            m_listToFocus->setFocus(Qt::OtherFocusReason);
        m_listToFocus = nullptr;
    }
    if (event->type() == QEvent::Resize) {
        if (auto *dock = qobject_cast<QDockWidget *>(watched); dock && m_docks.contains(dock))
            arrangeFor(dock, wide(dock, m_window->dockWidgetArea(dock)));
    }
    return QObject::eventFilter(watched, event);
}

// The panel's top splitter (list above or beside its detail). The shares
// are given when it turns, or when its panel is first shown with room
// (given to a hidden panel they are lost); after that the person's stay.
void PanelDocks::arrangeFor(QDockWidget *dock, bool sideBySide)
{
    QWidget *panel = panelIn(dock);
    if (!panel)
        return;
    auto *split = panel->findChild<QSplitter *>(QString(), Qt::FindDirectChildrenOnly);
    if (!split)
        return;
    const Qt::Orientation orientation = sideBySide ? Qt::Horizontal : Qt::Vertical;
    const bool turned = split->orientation() != orientation;
    if (turned)
        split->setOrientation(orientation);
    const char *given = "tadSharesGiven";
    if (split->count() != 2 || !dock->isVisible() || (!turned && split->property(given).toBool()))
        return;
    // Shares in percent: the splitter scales them to its size.
    split->setSizes(sideBySide ? QList<int>{kListShare, 100 - kListShare} : QList<int>{50, 50});
    split->setProperty(given, true);
}

} // namespace tad
