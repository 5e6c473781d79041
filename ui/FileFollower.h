// Notices when another program writes the settings file and asks for a
// refresh. conf replaces the file by renaming a temporary over it, which
// drops a plain file watch, so the folder is watched too and the file watch
// is re-armed after every change. Bursts of events are folded into one
// refresh after a short debounce.
#pragma once

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace tad {

class FileFollower : public QObject
{
    Q_OBJECT
public:
    explicit FileFollower(QString path, QObject *parent = nullptr);

    void start();
    void stop();
    bool isWatching() const { return m_watching; }
    void setDebounce(int ms) { m_debounce.setInterval(ms); }

Q_SIGNALS:
    // The file (or its folder) changed; time to re-read it.
    void fileChanged();
    void watchingChanged(bool watching);

private:
    void arm();
    void onEvent();

    QString m_path;
    QString m_directory;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    bool m_watching = false;
};

} // namespace tad
