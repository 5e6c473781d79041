#include "BatchClient.h"

#include "ProcessRun.h"

#include <QFile>
#include <cerrno>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace bench {

namespace {

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

} // namespace

BatchClient::BatchClient(const QString &program, const QStringList &arguments,
                         const QStringList &environment)
{
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0)
        return;
    if (::pipe2(out, O_CLOEXEC) != 0) {
        ::close(in[0]);
        ::close(in[1]);
        return;
    }
    if (::pipe2(err, O_CLOEXEC) != 0) {
        for (int fd : {in[0], in[1], out[0], out[1]})
            ::close(fd);
        return;
    }
    ArgumentVector argv = ArgumentVector::command(program, arguments);
    std::vector<QByteArray> variables;
    for (char **e = environ; *e; ++e)
        variables.emplace_back(*e);
    for (const QString &v : environment)
        variables.push_back(v.toLocal8Bit());
    ArgumentVector envp(std::move(variables));

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    pid_t pid = -1;
    const int failed =
        ::posix_spawn(&pid, argv.data()[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    m_in = in[1];
    m_out = out[0];
    m_err = err[0];
    if (failed == 0)
        m_pid = pid;
    // The child's errors stay small; a full pipe must never block it.
    ::fcntl(m_err, F_SETFL, O_NONBLOCK);
}

BatchClient::~BatchClient()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
    closeFd(m_in);
    closeFd(m_out);
    closeFd(m_err);
}

QByteArray BatchClient::request(const QByteArray &line)
{
    QByteArray sent = line + '\n';
    for (qsizetype done = 0; done < sent.size();) {
        const ssize_t n = ::write(m_in, sent.constData() + done, size_t(sent.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return {};
        done += n;
    }
    for (;;) {
        if (const qsizetype end = m_buffer.indexOf('\n'); end >= 0) {
            QByteArray answer = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            return answer;
        }
        char chunk[4096];
        const ssize_t n = ::read(m_out, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return {};
        m_buffer.append(chunk, n);
    }
}

int BatchClient::finish(QByteArray *errors)
{
    closeFd(m_in);
    int status = 0;
    const pid_t waited = m_pid > 0 ? ::waitpid(m_pid, &status, 0) : -1;
    m_pid = -1;
    if (errors) {
        char chunk[4096];
        const ssize_t n = ::read(m_err, chunk, sizeof chunk);
        if (n > 0)
            errors->append(chunk, n);
    }
    if (waited < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace bench
