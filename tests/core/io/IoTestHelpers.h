// Helpers for the io tests: raw file access that does not go through the
// code under test, and a way to run code without root's privileges.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <functional>
#include <grp.h>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace iotest {

inline std::string contentsOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return "<unreadable>";
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), size_t(bytes.size()));
}

// An in-place write, as a careless editor would do it.
inline bool writeInPlace(const QString &path, const std::string &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
}

// What conf does: a sibling temp file "<name>.tmp-<digits><hex>" renamed over
// the target, mode 0666 minus umask.
inline bool replaceLikeConf(const QString &path, const std::string &bytes)
{
    const QString temp = path + QStringLiteral(".tmp-1234abcd");
    return writeInPlace(temp, bytes) &&
           ::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) == 0;
}

inline quint32 modeOf(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0xffffffff;
    return quint32(st.st_mode & 07777);
}

inline QStringList entriesOf(const QString &dir)
{
    QStringList names =
        QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    names.sort();
    return names;
}

// Runs `work` in a forked child that permission bits really apply to: as
// root the child becomes nobody (65534) first, which drops all capabilities.
// Returns what `work` returned, or a text starting with "child:" if the child
// could not run it.
inline QString inUnprivilegedChild(const std::function<QString()> &work)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return QStringLiteral("child: pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0)
        return QStringLiteral("child: fork failed");
    if (pid == 0) {
        ::close(fds[0]);
        QByteArray out;
        if (::geteuid() == 0 &&
            (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
            out = "child: cannot drop root";
        else
            out = work().toUtf8();
        const ssize_t written = ::write(fds[1], out.constData(), size_t(out.size()));
        ::_exit(written == out.size() ? 0 : 1);
    }
    ::close(fds[1]);
    QByteArray result;
    char buffer[4096];
    ssize_t got;
    while ((got = ::read(fds[0], buffer, sizeof buffer)) > 0)
        result.append(buffer, got);
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return QStringLiteral("child: exited abnormally: ") + QString::fromUtf8(result);
    return QString::fromUtf8(result);
}

} // namespace iotest
