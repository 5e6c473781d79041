// Runs the event loop until `done` or `timeoutMs` passed, as a window's
// bench waits for what it measures; returns `done()`.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <functional>

namespace bench {

inline bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    return done();
}

} // namespace bench
