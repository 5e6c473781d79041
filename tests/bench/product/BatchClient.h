// A `tad-settings-cli batch` child spoken to through two plain pipes, as a
// script's client would: a request is one write(), its answer is read
// with read() until the newline. Nothing between the two processes but the
// pipes, so a set's time is the product's and not a client library's
// (QProcess's buffers and notifiers cost about 0.1 ms a round trip).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <sys/types.h>

namespace bench {

class BatchClient
{
public:
    // Starts `program arguments` with `environment` added ("NAME=value").
    BatchClient(const QString &program, const QStringList &arguments,
                const QStringList &environment);
    ~BatchClient();
    BatchClient(const BatchClient &) = delete;
    BatchClient &operator=(const BatchClient &) = delete;

    bool started() const { return m_pid > 0; }
    // One line out, one line back (without its newline); empty if the
    // child ended or said nothing.
    QByteArray request(const QByteArray &line);
    // Closes the child's input and waits for it; its exit code and the
    // start of what it wrote on stderr.
    int finish(QByteArray *errors = nullptr);

private:
    pid_t m_pid = -1;
    int m_in = -1, m_out = -1, m_err = -1;
    QByteArray m_buffer;
};

} // namespace bench
