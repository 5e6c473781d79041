// The store, run on a worker thread so that reading, parsing and diffing a
// large file never stalls the window.
//
// Every call is asynchronous and runs in call order on the worker; results
// come back as signals on the thread that owns the session. The UI never
// touches the Store object itself: it learns the document once, as a ready
// built tree, and then follows it through change events.
//
// Beside the store the worker runs the core's StoreWatcher (the file is read
// and parsed on a reader thread of its own, a file that breaks is never
// adopted nor written over) and, unless switched off, the history services:
// every write and every external change is recorded, and opening a file
// takes an `application-start` backup.
#pragma once

#include "SettingsNode.h"
#include "store/Store.h"
#include "watch/StoreWatcher.h"

#include <QList>
#include <QObject>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

namespace tad {

class HistoryServices;

struct OpenOutcome
{
    bool ok = false;
    Error error;         // when !ok
    QByteArray rawBytes; // when !ok: what the file holds, for a read-only view
    std::shared_ptr<SettingsNode> tree;
    StoreInfo info;
    std::vector<Error> warnings;
};

struct StoreSessionOptions
{
    StoreOptions store;
    // Policies checked before history's own (a schema guard): a write they
    // refuse leaves no backup and no history entry.
    std::vector<std::shared_ptr<StoreHook>> hooks;
    // Follow the file with a StoreWatcher once it is open.
    bool watch = true;
    StoreWatcherOptions watcher;
    // Record history and take an application-start backup on open.
    bool history = true;
};

class StoreSession : public QObject
{
    Q_OBJECT
public:
    explicit StoreSession(QString path, StoreSessionOptions options = {},
                          QObject *parent = nullptr);
    ~StoreSession() override;

    const QString &path() const { return m_path; }
    bool isBusy() const { return m_pendingJobs.load() > 0; }

    // Reads the file; opened() follows. The first successful open of a
    // session then takes the application-start backup (a failure to take it
    // is reported as a failed write).
    void open();
    // Looks at the file now (F5); changes arrive as changesArrived().
    void refresh();
    void apply(std::vector<StoreOp> ops, QString description);
    void set(const QString &key, Json value)
    {
        apply({StoreOp::set(keyPath(key), std::move(value))}, key);
    }
    void remove(const QString &key) { apply({StoreOp::remove(keyPath(key))}, key); }
    void fetchValue(const QStringList &segments);
    // Runs `job` on the worker with the store (to add hooks, for tests).
    void runOnStore(std::function<void(Store &)> job);
    // The store's history services, or nullptr when off. Worker thread only:
    // use it inside a runOnStore job.
    HistoryServices *historyServices() const { return m_history.get(); }
    // Blocks until every queued job has run (tests and shutdown).
    void waitForIdle();

Q_SIGNALS:
    void opened(const tad::OpenOutcome &outcome);
    void changesArrived(const QList<tad::ChangeEvent> &events);
    void writeFinished(bool ok, const tad::Error &error, const QString &description);
    void refreshFailed(const tad::Error &error);
    void valueFetched(const QStringList &segments, const std::optional<tad::Json> &value);
    void busyChanged(bool busy);
    void watchingChanged(bool watching);
    // The file on disk stopped parsing while open. The store keeps the last
    // good version and writes nothing; `copyPath` holds the broken bytes.
    void fileBroken(const tad::Error &error, const QByteArray &rawBytes, const QString &copyPath);
    // It parses again (its changes arrive as changesArrived, or, after a
    // failed open, as a new opened()).
    void fileRepaired();
    // Both sides changed one key: the file keeps theirs; `ours` was written by us.
    void conflicted(const tad::ChangeEvent &theirs, const tad::Json &ours);

private:
    KeyPath keyPath(const QString &key) const;
    void post(std::function<void()> job);
    void deliver(std::function<void()> result);
    QList<ChangeEvent> takeEvents();
    // Worker side.
    void openOnWorker();
    void startWatcher();
    void flushEvents();

    QString m_path;
    StoreSessionOptions m_options;
    QThread m_thread;
    QObject *m_workerContext = nullptr; // lives on m_thread
    // Created, used and destroyed on m_thread, in this order of destruction:
    // watcher, history, store.
    std::unique_ptr<Store> m_store;
    std::unique_ptr<HistoryServices> m_history;
    std::unique_ptr<StoreWatcher> m_watcher;
    bool m_openFailed = false;                       // worker side: the last open failed
    bool m_startBackupTaken = false;                 // worker side
    QList<ChangeEvent> m_events;                     // worker side only
    std::vector<std::shared_ptr<StoreHook>> m_hooks; // worker side only
    std::atomic<int> m_pendingJobs{0};
};

} // namespace tad
