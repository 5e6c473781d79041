#include "BackgroundWorker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QSemaphore>

namespace tad {

BackgroundWorker::BackgroundWorker(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("tad-history"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

BackgroundWorker::~BackgroundWorker()
{
    blockSignals(true);
    m_thread.quit();
    m_thread.wait();
}

void BackgroundWorker::post(std::function<void()> job)
{
    if (m_pending.fetch_add(1) == 0)
        Q_EMIT busyChanged(true);
    QMetaObject::invokeMethod(m_context, std::move(job), Qt::QueuedConnection);
}

void BackgroundWorker::finish(const QPointer<QObject> &receiver, std::function<void()> deliver)
{
    // Delivered through this object so the pending count drops on our thread.
    QMetaObject::invokeMethod(
        this,
        [this, receiver, deliver = std::move(deliver)] {
            if (receiver)
                deliver();
            if (m_pending.fetch_sub(1) == 1)
                Q_EMIT busyChanged(false);
        },
        Qt::QueuedConnection);
}

void BackgroundWorker::waitForIdle()
{
    QSemaphore done;
    QMetaObject::invokeMethod(
        m_context, [&done] { done.release(); }, Qt::QueuedConnection);
    done.acquire();
    // Let the deliveries queued before the marker reach their receivers.
    QElapsedTimer timer;
    timer.start();
    while (m_pending.load() > 0 && timer.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace tad
