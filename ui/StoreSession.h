// The store, run on a worker thread so that reading, parsing and diffing a
// large file never stalls the window.
//
// Every call is asynchronous and runs in call order on the worker; results
// come back as signals on the thread that owns the session. The UI never
// touches the Store object itself: it learns the document once, as a ready
// built tree, and then follows it through change events.
#pragma once

#include "SettingsNode.h"
#include "store/Store.h"

#include <QList>
#include <QObject>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

namespace tad {

struct OpenOutcome
{
    bool ok = false;
    Error error;         // when !ok
    QByteArray rawBytes; // when !ok: what the file holds, for a read-only view
    std::shared_ptr<SettingsNode> tree;
    StoreInfo info;
    std::vector<Error> warnings;
};

class StoreSession : public QObject
{
    Q_OBJECT
public:
    explicit StoreSession(QString path, StoreOptions options = {}, QObject *parent = nullptr);
    ~StoreSession() override;

    const QString &path() const { return m_path; }
    bool isBusy() const { return m_pendingJobs.load() > 0; }

    void open();
    // Re-reads the file if it changed; extra calls while one is queued are dropped.
    void refresh();
    void apply(std::vector<StoreOp> ops, QString description);
    void set(const QString &key, Json value)
    {
        apply({StoreOp::set(keyPath(key), std::move(value))}, key);
    }
    void remove(const QString &key) { apply({StoreOp::remove(keyPath(key))}, key); }
    void fetchValue(const QStringList &segments);
    // Adds a policy to the store; the session keeps it until the store is gone.
    void addHook(std::shared_ptr<StoreHook> hook);
    // Runs `job` on the worker with the store (to add hooks, for tests).
    void runOnStore(std::function<void(Store &)> job);
    // Blocks until every queued job has run (tests and shutdown).
    void waitForIdle();

Q_SIGNALS:
    void opened(const tad::OpenOutcome &outcome);
    void changesArrived(const QList<tad::ChangeEvent> &events);
    void writeFinished(bool ok, const tad::Error &error, const QString &description);
    void refreshFailed(const tad::Error &error);
    void valueFetched(const QStringList &segments, const std::optional<tad::Json> &value);
    void busyChanged(bool busy);

private:
    KeyPath keyPath(const QString &key) const;
    void post(std::function<void()> job);
    void deliver(std::function<void()> result);
    QList<ChangeEvent> takeEvents();

    QString m_path;
    StoreOptions m_options;
    QThread m_thread;
    QObject *m_workerContext = nullptr;              // lives on m_thread
    std::unique_ptr<Store> m_store;                  // created, used and destroyed on m_thread
    QList<ChangeEvent> m_events;                     // worker side only
    std::vector<std::shared_ptr<StoreHook>> m_hooks; // worker side only
    std::atomic<int> m_pendingJobs{0};
    std::atomic<bool> m_refreshQueued{false};
};

} // namespace tad
