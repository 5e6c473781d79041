// Small looks at the file system for tests about files, links and modes:
// whole contents, lstat and stat without Qt's own link handling in the way.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <sys/stat.h>

namespace filetest {

// The whole file; empty if it cannot be read.
inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool isLink(const QString &path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISLNK(st.st_mode);
}

// The permission bits of what `path` names (following a link); 0xffff if missing.
inline quint32 rawMode(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? quint32(st.st_mode & 07777)
                                                                 : 0xffff;
}

// Every entry of `dir`, hidden ones included, sorted.
inline QStringList entries(const QString &dir)
{
    QStringList names =
        QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    names.sort();
    return names;
}

} // namespace filetest
