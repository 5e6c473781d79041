// The scroll area a panel sits in: the panel is laid out at the room it
// has, down to its smallest size, and scrolls only below that. (A plain
// resizable QScrollArea lays a panel holding wrapping text out at its
// preferred height, so a panel that would fit scrolls anyway.)
#pragma once

#include <QScrollArea>

namespace tad {

class PanelScrollArea : public QScrollArea
{
    Q_OBJECT
public:
    explicit PanelScrollArea(QWidget *parent = nullptr);

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitPanel();
};

} // namespace tad
