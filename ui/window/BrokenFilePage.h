// Shown instead of the tree when the file cannot be parsed: what is wrong
// and where, and the ways out. Nothing here writes to the file.
#pragma once

#include "Result.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace tad {

class BrokenFilePage : public QWidget
{
    Q_OBJECT
public:
    explicit BrokenFilePage(QWidget *parent = nullptr);

    // False when the page already shows exactly these bytes (left as it is).
    bool showError(const Error &error, const QByteArray &rawBytes);
    // Whether a valid backup exists to offer; the action is the owner's.
    void setBackupAvailable(bool available, const QString &description = {});
    QString errorText() const;
    // The focus on the way out most will take: the backup once one is
    // offered, Reload meanwhile (moved on to the backup when the core finds
    // one while the focus still waits there).
    void takeFocus();

Q_SIGNALS:
    void restoreBackupRequested();
    void reloadRequested();

private:
    QLabel *m_heading;
    QLabel *m_error;
    QLabel *m_backupNote;
    QPushButton *m_restore;
    QPushButton *m_viewRaw;
    QPushButton *m_reload;
    bool m_focusWaitsForBackup = false;
    QPlainTextEdit *m_raw;
    QByteArray m_shownBytes;
    bool m_shown = false;
};

} // namespace tad
