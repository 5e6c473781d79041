// A bar across the top of the window that says what an action did or why
// it was refused (restore, rollback, revert, migration, recovery), with
// Undo where the action can be undone. It stays until the next message or
// until closed, so a message is never only a flash in the status bar.
#pragma once

#include <QFrame>
#include <functional>

class QLabel;
class QPushButton;

namespace tad {

class MessageBar : public QFrame
{
    Q_OBJECT
public:
    explicit MessageBar(QWidget *parent = nullptr);

    // `undo` empty: no Undo button.
    void showMessage(const QString &text, bool refused, std::function<void()> undo = {});
    QString text() const;
    // Hides the message and forgets its Undo: what it described is gone
    // (the file could no longer be read).
    void dismiss();
    bool isRefusal() const { return m_refused; }
    // The message on screen offers Undo; undo() does what its button does.
    bool canUndo() const { return bool(m_undoAction) && !isHidden(); }
    void undo();

Q_SIGNALS:
    void undoAvailable(bool available);

private:
    QLabel *m_text;
    QPushButton *m_undo;
    QPushButton *m_close;
    std::function<void()> m_undoAction;
    bool m_refused = false;
};

} // namespace tad
