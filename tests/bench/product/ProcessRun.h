// A child process run to its end, with its wall time and peak memory.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

namespace bench {

// Words as exec wants them (a command line, an environment): a null-ended
// array of pointers into them, valid while this lives.
class ArgumentVector
{
public:
    explicit ArgumentVector(std::vector<QByteArray> words);
    // The program's file name, then its arguments in UTF-8.
    static ArgumentVector command(const QString &program, const QStringList &arguments);
    char **data() { return m_pointers.data(); }

private:
    std::vector<QByteArray> m_words;
    std::vector<char *> m_pointers;
};

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
