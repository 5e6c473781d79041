// The real conf engine in a Node process (tests/interop/watch/conf-writer.mjs),
// spoken to one JSON line at a time. Answers and conf's own change events
// (with --watch) come back on stdout and are kept apart.
#pragma once

#include "json/Json.h"
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <deque>
#include <optional>

namespace tad::testing {

class ConfProcess
{
public:
    ConfProcess() = default;
    ~ConfProcess();
    ConfProcess(const ConfProcess &) = delete;
    ConfProcess &operator=(const ConfProcess &) = delete;

    // Node from env TAD_NODE (or `nodePath`), the script from TAD_INTEROP_DIR
    // (or `interopDir`). False with lastError() when it does not start.
    bool start(const QString &file, const QStringList &extraArguments = {},
               const QString &nodePath = {}, const QString &interopDir = {});

    // Sends a request without waiting for its answer.
    void send(const Json &request);
    // The next answer, waiting for it without running the event loop.
    std::optional<Json> answer(int timeoutMs = 60000);
    // The next answer if one has arrived (reads what is there, never blocks).
    std::optional<Json> pollAnswer();
    // send() + answer().
    std::optional<Json> request(const Json &request, int timeoutMs = 60000);

    // conf's own onDidAnyChange events seen so far (with --watch), oldest first.
    std::deque<Json> &events() { return m_events; }

    int finish(int timeoutMs = 10000);
    QString lastError() const { return m_lastError; }
    QByteArray standardError() { return m_process.readAllStandardError(); }

private:
    void drain();

    QProcess m_process;
    QByteArray m_buffer;
    std::deque<Json> m_answers;
    std::deque<Json> m_events;
    QString m_lastError;
};

} // namespace tad::testing
