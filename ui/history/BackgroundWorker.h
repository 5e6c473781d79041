// A thread for the history panels' reading work (listing backups, loading
// and diffing documents), so a folder of 1,000 backups or two 1 MB configs
// never stall the window. Results come back on the receiver's thread and
// are dropped if the receiver is gone by then.
#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

namespace tad {

class BackgroundWorker : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundWorker(QObject *parent = nullptr);
    ~BackgroundWorker() override;

    bool isBusy() const { return m_pending.load() > 0; }

    // Runs `work` on the worker thread, then `done(result)` on `receiver`'s
    // thread (unless `receiver` was destroyed in between).
    template <typename T>
    void run(QObject *receiver, std::function<T()> work, std::function<void(T)> done)
    {
        QPointer<QObject> guard(receiver);
        post([this, guard, work = std::move(work), done = std::move(done)]() mutable {
            auto result = std::make_shared<T>(work());
            finish(guard, [done = std::move(done), result]() mutable { done(std::move(*result)); });
        });
    }

    // Blocks until every queued job has run and delivered (tests, benchmarks).
    void waitForIdle();

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    void post(std::function<void()> job);
    void finish(const QPointer<QObject> &receiver, std::function<void()> deliver);

    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    std::atomic<int> m_pending{0};
};

} // namespace tad
