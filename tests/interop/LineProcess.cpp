#include "LineProcess.h"

#include <QDeadlineTimer>

namespace tad::interop {

LineProcess::~LineProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        finish(2000);
}

bool LineProcess::start(const QString &program, const QStringList &arguments)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(20000)) {
        m_lastError = QStringLiteral("%1 did not start: %2").arg(program, m_process.errorString());
        return false;
    }
    return true;
}

std::optional<QByteArray> LineProcess::takeLine()
{
    const qsizetype end = m_pending.indexOf('\n');
    if (end < 0)
        return std::nullopt;
    QByteArray line = m_pending.left(end);
    m_pending.remove(0, end + 1);
    return line;
}

std::optional<QByteArray> LineProcess::request(const QByteArray &line, int timeoutMs)
{
    m_process.write(line + '\n');
    m_process.waitForBytesWritten(timeoutMs);
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        if (auto ready = takeLine())
            return ready;
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired())
            break;
        // Drain stderr too, so a chatty child never blocks on a full pipe.
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        m_pending += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
    }
    m_pending += m_process.readAllStandardOutput();
    if (auto ready = takeLine())
        return ready;
    m_lastError = QStringLiteral("no answer to %1 (state %2); stderr: %3")
                      .arg(QString::fromUtf8(line.left(300)))
                      .arg(int(m_process.state()))
                      .arg(QString::fromUtf8(standardError().right(2000)));
    return std::nullopt;
}

QByteArray LineProcess::standardError()
{
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}

int LineProcess::finish(int timeoutMs)
{
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(2000);
        return -1;
    }
    m_stderr += m_process.readAllStandardError();
    return m_process.exitCode();
}

} // namespace tad::interop
