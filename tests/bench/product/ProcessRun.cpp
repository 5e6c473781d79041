#include "ProcessRun.h"

#include <QFile>
#include <QTemporaryFile>
#include <chrono>
#include <cstdlib>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace bench {

ArgumentVector::ArgumentVector(std::vector<QByteArray> words) : m_words(std::move(words))
{
    for (QByteArray &w : m_words)
        m_pointers.push_back(w.data());
    m_pointers.push_back(nullptr);
}

ArgumentVector ArgumentVector::command(const QString &program, const QStringList &arguments)
{
    std::vector<QByteArray> words{QFile::encodeName(program)};
    for (const QString &a : arguments)
        words.push_back(a.toUtf8());
    return ArgumentVector(std::move(words));
}

ProcessRun runToEnd(const QString &program, const QStringList &arguments)
{
    ProcessRun run;
    QTemporaryFile out, err;
    if (!out.open() || !err.open())
        return run;
    ArgumentVector argv = ArgumentVector::command(program, arguments);
    const int outFd = out.handle(), errFd = err.handle();

    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0)
        return run;
    if (pid == 0) {
        ::dup2(outFd, 1);
        ::dup2(errFd, 2);
        ::execvp(argv.data()[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    if (::wait4(pid, &status, 0, &usage) != pid)
        return run;
    run.wallMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    run.ran = true;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.maxRssKb = usage.ru_maxrss;
    out.seek(0);
    err.seek(0);
    run.out = out.readAll();
    run.err = err.readAll();
    return run;
}

} // namespace bench
