// A child process run to its end, with its wall time and peak memory.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace bench {

struct ProcessRun
{
    bool ran = false;
    int exitCode = -1;
    double wallMs = 0;
    long maxRssKb = 0; // ru_maxrss of the child
    QByteArray out;
    QByteArray err;
};

// fork + exec + wait4: the whole process, start-up and exit included.
ProcessRun runToEnd(const QString &program, const QStringList &arguments);

} // namespace bench
