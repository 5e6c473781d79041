#include "FileFollower.h"

#include <QFileInfo>

namespace tad {

FileFollower::FileFollower(QString path, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_directory(QFileInfo(m_path).absolutePath())
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(50);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        arm();
        Q_EMIT fileChanged();
    });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &FileFollower::onEvent);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &FileFollower::onEvent);
}

void FileFollower::start()
{
    arm();
    const bool watching = m_watcher.directories().contains(m_directory);
    if (watching != m_watching) {
        m_watching = watching;
        Q_EMIT watchingChanged(m_watching);
    }
}

void FileFollower::stop()
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_debounce.stop();
    if (m_watching) {
        m_watching = false;
        Q_EMIT watchingChanged(false);
    }
}

void FileFollower::arm()
{
    if (!m_watcher.directories().contains(m_directory) && QFileInfo::exists(m_directory))
        m_watcher.addPath(m_directory);
    // After a rename over the file the old watch is gone; watch the new inode.
    if (m_watcher.files().contains(m_path))
        m_watcher.removePath(m_path);
    if (QFileInfo::exists(m_path))
        m_watcher.addPath(m_path);
}

void FileFollower::onEvent()
{
    m_debounce.start();
}

} // namespace tad
