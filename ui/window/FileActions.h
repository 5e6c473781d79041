// The ways a person opens another settings file from a window: File > Open
// (Ctrl+O), File > Open Recent, and dropping a JSON file on the window. Each
// ends in openRequested(path); which window shows the file is the launcher's
// business (see WindowLauncher).
#pragma once

#include "RecentFiles.h"

#include <QObject>

class QMenu;
class QMainWindow;

namespace tad {

class FileActions : public QObject
{
    Q_OBJECT
public:
    // Adds Open... and Open Recent at the top of `fileMenu` and takes the
    // files dropped on `window`. `currentPath` is where the dialog starts.
    FileActions(QMainWindow *window, QMenu *fileMenu, QString currentPath);

    // Shows the open dialog (window-modal); a chosen file is requested.
    void chooseFile();

Q_SIGNALS:
    void openRequested(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillRecentMenu();

    QMainWindow *m_window;
    QMenu *m_recentMenu;
    QString m_currentPath;
    RecentFiles m_recent;
};

} // namespace tad
