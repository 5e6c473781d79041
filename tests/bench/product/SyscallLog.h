// What a process did to the disk, from an strace log: the fsyncs and the
// bytes written into files. The benchmark runs the product under
//   strace -f --seccomp-bpf -ttt -y -e trace=fsync,fdatasync,write,pwrite64,writev -o LOG
// so only those calls stop the process (the timed runs go without it).
#pragma once

#include <QString>

namespace bench {

struct DiskWork
{
    bool valid = false;
    int fsyncs = 0;   // fsync + fdatasync, files and folders
    double bytes = 0; // returned by write/pwrite64/writev on regular files
    QString error;
};

// The strace command line that writes LOG for `program`.
QStringList straceArguments(const QString &log);

// Sums the calls that started at or after `fromEpochSeconds` (strace -ttt
// time); pipes, terminals, sockets and event fds do not count as files.
DiskWork readSyscallLog(const QString &log, double fromEpochSeconds);

// The realtime clock strace prints, in seconds.
double epochSeconds();

} // namespace bench
