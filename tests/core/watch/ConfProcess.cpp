#include "ConfProcess.h"

#include "json/JsonText.h"
#include <QDeadlineTimer>
#include <QDir>

namespace tad::testing {

ConfProcess::~ConfProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool ConfProcess::start(const QString &file, const QStringList &extraArguments,
                        const QString &nodePath, const QString &interopDir)
{
    const QString node = nodePath.isEmpty() ? qEnvironmentVariable("TAD_NODE") : nodePath;
    const QString interop =
        interopDir.isEmpty() ? qEnvironmentVariable("TAD_INTEROP_DIR") : interopDir;
    if (node.isEmpty() || interop.isEmpty()) {
        m_lastError = QStringLiteral("TAD_NODE and TAD_INTEROP_DIR must be set (ctest sets them)");
        return false;
    }
    const QString script = QDir(interop).filePath(QStringLiteral("watch/conf-writer.mjs"));
    m_process.setProgram(node);
    m_process.setArguments(QStringList{script, QStringLiteral("--file"), file} + extraArguments);
    m_process.setWorkingDirectory(interop);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        m_lastError = m_process.errorString();
        return false;
    }
    return true;
}

void ConfProcess::send(const Json &request)
{
    const std::string line = compactJson(request) + "\n";
    m_process.write(line.data(), qint64(line.size()));
    // Now, not at the next turn of an event loop: two processes started one
    // after the other must really run at the same time.
    m_process.waitForBytesWritten(10000);
}

void ConfProcess::drain()
{
    m_buffer += m_process.readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        auto parsed = parseValue(std::string_view(line.constData(), size_t(line.size())));
        if (!parsed)
            continue;
        if (parsed->is_object() && parsed->contains("event"))
            m_events.push_back(std::move(parsed.value()));
        else
            m_answers.push_back(std::move(parsed.value()));
    }
}

std::optional<Json> ConfProcess::pollAnswer()
{
    drain();
    if (m_answers.empty())
        return std::nullopt;
    Json next = std::move(m_answers.front());
    m_answers.pop_front();
    return next;
}

std::optional<Json> ConfProcess::answer(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (auto next = pollAnswer())
            return next;
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired())
            return std::nullopt;
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
}

std::optional<Json> ConfProcess::request(const Json &request, int timeoutMs)
{
    send(request);
    return answer(timeoutMs);
}

int ConfProcess::finish(int timeoutMs)
{
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }
    drain();
    return m_process.exitCode();
}

} // namespace tad::testing
