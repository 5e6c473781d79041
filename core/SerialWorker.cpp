#include "SerialWorker.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMetaObject>
#include <QSemaphore>

namespace tad {

SerialWorker::SerialWorker(const QString &threadName, QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(threadName);
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

SerialWorker::~SerialWorker()
{
    // The owner's slots may be half destroyed by now.
    blockSignals(true);
    m_closing = true;
    m_thread.quit();
    m_thread.wait();
}

void SerialWorker::post(std::function<void()> job)
{
    if (m_pending.fetch_add(1) == 0)
        Q_EMIT busyChanged(true);
    QMetaObject::invokeMethod(
        m_context,
        [this, job = std::move(job)] {
            if (m_closing)
                return;
            job();
            // Queued after what the job queued to this thread, so a result
            // delivered here arrives before the count drops.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (m_pending.fetch_sub(1) == 1)
                        Q_EMIT busyChanged(false);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SerialWorker::waitForJobs()
{
    if (QThread::currentThread() == &m_thread)
        return; // a job waiting for itself
    QSemaphore done;
    QMetaObject::invokeMethod(
        m_context, [&done] { done.release(); }, Qt::QueuedConnection);
    done.acquire();
}

void SerialWorker::waitForIdle()
{
    waitForJobs();
    const QDeadlineTimer deadline(30000);
    while (m_pending.load() > 0 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace tad
