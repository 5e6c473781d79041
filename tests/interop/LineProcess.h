// A child process spoken to one JSON line at a time: write a request, wait
// for exactly one line back. Both the conf driver and `tad-settings-cli
// batch` answer every request with one flushed line.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <optional>

namespace tad::interop {

class LineProcess
{
public:
    LineProcess() = default;
    ~LineProcess();
    LineProcess(const LineProcess &) = delete;
    LineProcess &operator=(const LineProcess &) = delete;

    // False (with a reason in lastError()) when the program does not start.
    bool start(const QString &program, const QStringList &arguments);

    // Sends `line` (no newline) and returns the next line of output, or
    // nothing if the process died or stayed silent past the timeout.
    std::optional<QByteArray> request(const QByteArray &line, int timeoutMs = 30000);

    // Closes stdin and waits for the exit; returns the exit code (-1 if it hung).
    int finish(int timeoutMs = 10000);

    QString lastError() const { return m_lastError; }
    QByteArray standardError();

private:
    std::optional<QByteArray> takeLine();

    QProcess m_process;
    QByteArray m_pending;
    QByteArray m_stderr;
    QString m_lastError;
};

} // namespace tad::interop
