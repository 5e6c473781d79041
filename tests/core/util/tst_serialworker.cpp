// SerialWorker: jobs in order on one thread of their own, results back on
// the receiver's thread or not at all, and a busy count that ends after
// the results are delivered.
#include "SerialWorker.h"

#include <QSignalSpy>
#include <QTest>
#include <atomic>
#include <memory>
#include <vector>

using namespace tad;

class TestSerialWorker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jobsRunInOrderOffTheCallersThread();
    void resultsArriveOnTheReceiversThread();
    void aResultForAGoneReceiverIsDropped();
    void busyEndsAfterTheResultIsDelivered();
    void closingDropsWhatIsStillQueued();
};

void TestSerialWorker::jobsRunInOrderOffTheCallersThread()
{
    SerialWorker worker(QStringLiteral("test-worker"));
    std::vector<int> order; // touched only by the worker until waitForJobs()
    std::atomic<bool> onOtherThread{true};
    QThread *caller = QThread::currentThread();
    for (int i = 0; i < 200; ++i) {
        worker.post([&, i] {
            order.push_back(i);
            if (QThread::currentThread() == caller)
                onOtherThread = false;
        });
    }
    worker.waitForJobs();
    QCOMPARE(order.size(), size_t(200));
    for (int i = 0; i < 200; ++i)
        QCOMPARE(order[size_t(i)], i);
    QVERIFY(onOtherThread);
    QCOMPARE(worker.context()->thread()->objectName(), QStringLiteral("test-worker"));
}

void TestSerialWorker::resultsArriveOnTheReceiversThread()
{
    SerialWorker worker(QStringLiteral("test-worker"));
    QObject receiver;
    QThread *deliveredOn = nullptr;
    int value = 0;
    worker.run<int>(
        &receiver, [] { return 42; },
        [&](int result) {
            value = result;
            deliveredOn = QThread::currentThread();
        });
    QTRY_COMPARE(value, 42);
    QCOMPARE(deliveredOn, QThread::currentThread());
}

void TestSerialWorker::aResultForAGoneReceiverIsDropped()
{
    SerialWorker worker(QStringLiteral("test-worker"));
    auto receiver = std::make_unique<QObject>();
    bool delivered = false;
    std::atomic<bool> release{false};
    worker.post([&] {
        while (!release)
            QThread::msleep(1);
    });
    worker.run<int>(
        receiver.get(), [] { return 1; }, [&](int) { delivered = true; });
    receiver.reset(); // gone while its job waits in the queue
    release = true;
    worker.waitForIdle();
    QVERIFY(!delivered);
    QVERIFY(!worker.isBusy());
}

void TestSerialWorker::busyEndsAfterTheResultIsDelivered()
{
    SerialWorker worker(QStringLiteral("test-worker"));
    QSignalSpy busy(&worker, &SerialWorker::busyChanged);
    QObject receiver;
    bool idleWhileDelivering = false;
    bool delivered = false;
    worker.run<int>(
        &receiver, [] { return 7; },
        [&](int) {
            delivered = true;
            idleWhileDelivering = !worker.isBusy();
        });
    QVERIFY(worker.isBusy());
    worker.waitForIdle();
    QVERIFY(delivered);
    QVERIFY(!idleWhileDelivering); // still busy while the result was handled
    QVERIFY(!worker.isBusy());
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
}

void TestSerialWorker::closingDropsWhatIsStillQueued()
{
    std::atomic<int> ran{0};
    std::atomic<bool> started{false};
    {
        SerialWorker worker(QStringLiteral("test-worker"));
        worker.post([&] {
            started = true;
            QThread::msleep(50);
            ++ran;
        });
        for (int i = 0; i < 100; ++i)
            worker.post([&] { ++ran; });
        while (!started)
            QThread::msleep(1);
    } // waits for the job in progress, drops the rest
    QCOMPARE(ran.load(), 1);
}

QTEST_GUILESS_MAIN(TestSerialWorker)
#include "tst_serialworker.moc"
