// Enter on a focused push button presses it, as Space does. Qt gives Enter
// to a button only inside a dialog (its auto-default buttons); in the main
// window's pages and panels it would otherwise do nothing, which a keyboard
// user reads as a button that does not work.
#pragma once

#include <QObject>

namespace tad {

class EnterPressesButtons : public QObject
{
    Q_OBJECT
public:
    // Once per application; later calls do nothing.
    static void install();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace tad
