// One thread that runs jobs one after another, in the order they were
// posted. The store session, the history panels and the watcher's file
// reader each own one, so a large file is never read, parsed or written on
// the window's thread and two jobs never touch the same state at once.
//
// A job's result goes back with `run`: `done(result)` is queued to the
// receiver's thread and dropped if the receiver is gone by then. The worker
// counts jobs until they and what they queued to this thread have been
// delivered; `busyChanged` tells the owner, for a busy sign.
#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

namespace tad {

class SerialWorker : public QObject
{
    Q_OBJECT
public:
    explicit SerialWorker(const QString &threadName, QObject *parent = nullptr);
    // Jobs still queued are dropped; one in progress is waited for. An owner
    // whose jobs must run (closing a store, say) posts them and calls
    // waitForJobs() first.
    ~SerialWorker() override;

    bool isBusy() const { return m_pending.load() > 0; }

    // An object living on the worker's thread: the context for connections
    // whose slots must run there.
    QObject *context() const { return m_context; }

    void post(std::function<void()> job);

    // Runs `work` on the worker's thread, then `done(result)` on `receiver`'s
    // thread, unless `receiver` was destroyed in between.
    template <typename T>
    void run(QObject *receiver, std::function<T()> work, std::function<void(T)> done)
    {
        QPointer<QObject> guard(receiver);
        post([guard, work = std::move(work), done = std::move(done)]() mutable {
            auto result = std::make_shared<T>(work());
            if (!guard)
                return;
            QMetaObject::invokeMethod(
                guard.data(),
                [done = std::move(done), result]() mutable { done(std::move(*result)); },
                Qt::QueuedConnection);
        });
    }

    // Blocks until every job posted before the call has run.
    void waitForJobs();
    // waitForJobs(), then runs this thread's events until the jobs' results
    // are delivered (tests and benchmarks; not from a job).
    void waitForIdle();

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    std::atomic<int> m_pending{0};
    std::atomic<bool> m_closing{false};
};

} // namespace tad
