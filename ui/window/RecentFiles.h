// The settings files the window opened last, newest first, in the window's
// own settings (QSettings, key recent/files), at most kMaximum of them.
// A file that has gone away stays listed until the user opens or removes it:
// a folder on a disk that is not mounted yet comes back.
#pragma once

#include <QStringList>

namespace tad {

class RecentFiles
{
public:
    static constexpr int kMaximum = 10;

    QStringList paths() const;
    // Moves `path` (made absolute) to the front, dropping the oldest beyond kMaximum.
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

private:
    void store(const QStringList &paths);
};

} // namespace tad
