#include "RecentFiles.h"

#include <QFileInfo>
#include <QSettings>

namespace tad {

namespace {
const QString kKey = QStringLiteral("recent/files");
} // namespace

QStringList RecentFiles::paths() const
{
    QStringList paths = QSettings().value(kKey).toStringList();
    paths.removeAll(QString());
    paths.removeDuplicates();
    return paths.mid(0, kMaximum);
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = paths();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, kMaximum));
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = paths();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList &paths)
{
    QSettings settings;
    if (paths.isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, paths);
}

} // namespace tad
