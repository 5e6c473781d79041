#include "SyscallLog.h"

#include <QFile>
#include <QHash>
#include <QStringList>
#include <ctime>

namespace bench {
namespace {

struct Call
{
    QString name;
    QString fdPath;
    int fd = -1;
};

// "write(5</tmp/x/.tad-config.json.tmp>, ..." -> name "write", path "/tmp/...".
Call callAt(const QString &text)
{
    Call call;
    const int paren = text.indexOf(QLatin1Char('('));
    if (paren <= 0)
        return call;
    call.name = text.left(paren);
    // The first argument is the descriptor, with -y its path: "5</a/b>".
    int i = paren + 1;
    while (i < text.size() && text[i].isDigit())
        ++i;
    call.fd = text.mid(paren + 1, i - paren - 1).toInt();
    if (i > paren + 1 && i < text.size() && text[i] == QLatin1Char('<')) {
        const int close = text.indexOf(QLatin1String(">,"), i);
        const int end = close >= 0 ? close : text.indexOf(QLatin1Char('>'), i);
        if (end > i)
            call.fdPath = text.mid(i + 1, end - i - 1);
    }
    return call;
}

bool isFile(const QString &fdPath)
{
    return fdPath.startsWith(QLatin1Char('/')) && !fdPath.startsWith(QLatin1String("/dev/"));
}

long long returned(const QString &line)
{
    const int eq = line.lastIndexOf(QLatin1String(") = "));
    if (eq < 0)
        return -1;
    bool ok = false;
    const long long n = line.mid(eq + 4).section(QLatin1Char(' '), 0, 0).toLongLong(&ok);
    return ok ? n : -1;
}

} // namespace

QStringList straceArguments(const QString &log)
{
    return {QStringLiteral("-f"),   QStringLiteral("--seccomp-bpf"),
            QStringLiteral("-ttt"), QStringLiteral("-y"),
            QStringLiteral("-e"),   QStringLiteral("trace=fsync,fdatasync,write,pwrite64,writev"),
            QStringLiteral("-o"),   log};
}

double epochSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

DiskWork readSyscallLog(const QString &log, double fromEpochSeconds)
{
    DiskWork work;
    QFile file(log);
    if (!file.open(QIODevice::ReadOnly)) {
        work.error = QStringLiteral("no strace log");
        return work;
    }
    // A call interrupted by another thread's line is finished on a
    // "<... write resumed>" line of its own pid.
    QHash<QString, Call> unfinished;
    QHash<QString, bool> counted;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        // "<pid>  <seconds.micro> <call...>" (strace pads the pid)
        const int pidEnd = int(line.indexOf(QLatin1Char(' ')));
        if (pidEnd <= 0)
            continue;
        int timeStart = pidEnd;
        while (timeStart < line.size() && line[timeStart] == QLatin1Char(' '))
            ++timeStart;
        const int timeEnd = int(line.indexOf(QLatin1Char(' '), timeStart));
        if (timeEnd <= timeStart)
            continue;
        const QString pid = line.left(pidEnd);
        const double at = line.mid(timeStart, timeEnd - timeStart).toDouble();
        const QString rest = line.mid(timeEnd + 1);
        Call call;
        bool inTime = at >= fromEpochSeconds;
        if (rest.startsWith(QLatin1String("<... "))) {
            if (!unfinished.contains(pid))
                continue;
            call = unfinished.take(pid);
            inTime = counted.take(pid);
        } else {
            call = callAt(rest);
            if (rest.endsWith(QLatin1String("<unfinished ...>"))) {
                unfinished.insert(pid, call);
                counted.insert(pid, inTime);
                if (inTime && (call.name == QLatin1String("fsync") ||
                               call.name == QLatin1String("fdatasync")))
                    ++work.fsyncs; // counted when it starts; its result comes later
                continue;
            }
            if (inTime &&
                (call.name == QLatin1String("fsync") || call.name == QLatin1String("fdatasync")))
                ++work.fsyncs;
        }
        // Standard output and error may be files too; they are not the store's.
        if (!inTime || !isFile(call.fdPath) || call.fd == 1 || call.fd == 2)
            continue;
        if (call.name == QLatin1String("write") || call.name == QLatin1String("pwrite64") ||
            call.name == QLatin1String("writev")) {
            const long long n = returned(line);
            if (n > 0)
                work.bytes += double(n);
        }
    }
    work.valid = true;
    return work;
}

} // namespace bench
