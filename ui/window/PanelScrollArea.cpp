#include "PanelScrollArea.h"

#include <QEvent>
#include <QLayout>
#include <QScrollBar>
#include <algorithm>

namespace tad {

PanelScrollArea::PanelScrollArea(QWidget *parent) : QScrollArea(parent)
{
    setFrameShape(QFrame::NoFrame);
    setWidgetResizable(false); // fitPanel() sizes the panel
}

bool PanelScrollArea::event(QEvent *event)
{
    // The panel's smallest size changed (a row of buttons shown, a text set).
    if (event->type() == QEvent::LayoutRequest)
        fitPanel();
    return QScrollArea::event(event);
}

void PanelScrollArea::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    fitPanel();
}

void PanelScrollArea::fitPanel()
{
    QWidget *panel = widget();
    if (!panel)
        return;
    const QSize room = maximumViewportSize();
    const QSize least = panel->minimumSizeHint().expandedTo(panel->minimumSize());
    const auto leastHeightAt = [panel, least](int width) {
        QLayout *layout = panel->layout();
        return layout && layout->hasHeightForWidth()
                   ? std::max(least.height(), layout->totalMinimumHeightForWidth(width))
                   : least.height();
    };
    int width = std::max(room.width(), least.width());
    // A scroll bar one way takes room the other way.
    if (leastHeightAt(width) > room.height())
        width = std::max(least.width(), room.width() - verticalScrollBar()->sizeHint().width());
    int height = std::max(room.height(), leastHeightAt(width));
    if (width > room.width())
        height = std::max(leastHeightAt(width),
                          room.height() - horizontalScrollBar()->sizeHint().height());
    if (panel->size() != QSize(width, height))
        panel->resize(width, height);
}

} // namespace tad
