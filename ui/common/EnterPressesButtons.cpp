#include "EnterPressesButtons.h"

#include <QApplication>
#include <QKeyEvent>
#include <QPushButton>

namespace tad {

void EnterPressesButtons::install()
{
    if (!qApp || qApp->findChild<EnterPressesButtons *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    qApp->installEventFilter(new EnterPressesButtons(qApp));
}

bool EnterPressesButtons::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter)
        return false;
    if ((key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return false;
    auto *button = qobject_cast<QPushButton *>(watched);
    // A dialog's buttons take Enter themselves (auto-default there).
    if (!button || !button->isEnabled() || button->autoDefault())
        return false;
    button->animateClick();
    return true;
}

} // namespace tad
