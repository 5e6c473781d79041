// The store, run on a worker thread so that reading, parsing and diffing a
// large file never stalls the window.
//
// Every call is asynchronous and runs in call order on the worker; results
// come back as signals on the thread that owns the session. The UI never
// touches the Store object itself: it learns the document once, as a ready
// built tree, and then follows it through change events.
//
// The worker holds the core's application layer (SettingsFile: the store
// with its schema guard, defaults and history services, and every
// user-level operation) and runs the core's StoreWatcher beside it (the
// file is read and parsed on a reader thread of its own, a file that breaks
// is never adopted nor written over). With history on, every write and
// every external change is recorded, and opening a file takes an
// `application-start` backup.
#pragma once

#include "SerialWorker.h"
#include "app/SettingsFile.h"
#include "settings/SettingsNode.h"
#include "store/Store.h"
#include "watch/StoreWatcher.h"

#include <QList>
#include <QObject>
#include <functional>
#include <map>
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

struct StoreSessionOptions
{
    // The schema, the key dialect, and whether history is recorded (and an
    // application-start backup taken on open).
    SettingsFileOptions file;
    // Follow the file with a StoreWatcher once it is open.
    bool watch = true;
    StoreWatcherOptions watcher;
};

class StoreSession : public QObject
{
    Q_OBJECT
public:
    explicit StoreSession(QString path, StoreSessionOptions options = {},
                          QObject *parent = nullptr);
    ~StoreSession() override;

    const QString &path() const { return m_path; }
    bool isBusy() const { return m_worker.isBusy(); }

    // Reads the file; opened() follows. The first successful open of a
    // session then takes the application-start backup (a failure to take it
    // is reported as a failed write).
    void open();
    // Looks at the file now (F5); changes arrive as changesArrived().
    void refresh();
    // What an edit of one key expects to replace.
    struct Basis
    {
        // The value the person saw (nullopt: the key was absent).
        std::optional<Json> seen;
        // Build on our own last write of this key, if this session made one:
        // expect exactly what it left in the file (defaults included), and
        // refuse if it failed. Undo, redo, and an edit made while our
        // previous write of the key is still on its way.
        bool afterOwnWrite = false;
    };
    // A person's edit of one key: `value` nullopt removes it. Refused
    // (writeFinished reports Conflict) unless the file holds what the basis
    // says: nobody else changed the key since. Without a basis the change
    // applies to whatever the file holds.
    // `done` runs on the session's thread with the write's result.
    using Done = std::function<void(const Result<void> &)>;
    void set(const KeyPath &path, std::optional<Json> value, std::optional<Basis> basis,
             ChangeSource source = ChangeSource::Editor, Done done = {});
    void reset(const KeyPath &path, std::optional<Basis> basis, Done done = {});
    // Whether a write of ours to `path` is still on its way.
    bool isWriting(const KeyPath &path) const { return m_writing.count(path) > 0; }
    // Several operations as one write (`operation` names them: "set", ...).
    void apply(std::vector<StoreOp> ops, ChangeSource source, std::string operation);
    void fetchValue(const QStringList &segments);
    // Runs `job` on the worker with the settings file (history actions,
    // the inspector, tests).
    void runOnFile(std::function<void(SettingsFile &)> job);
    // Blocks until every queued job has run (tests and shutdown).
    void waitForIdle();
    // The last write refused because its safety net (a backup, a history
    // record) could not be written (writeFinished with error.safetyNet),
    // run again without it once the person agreed. False if there is none.
    bool retryWithoutBackup();

Q_SIGNALS:
    void opened(const tad::OpenOutcome &outcome);
    void changesArrived(const QList<tad::ChangeEvent> &events);
    void writeFinished(bool ok, const tad::Error &error, const QString &description);
    // What the safety nets of a write could not do (a backup skipped, a
    // history record that failed), each message a sentence for the person.
    void safetyNetProblems(const QStringList &messages);
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
    void write(std::function<Result<void>(SettingsFile &)> change, QString description,
               std::optional<KeyPath> path = std::nullopt, Done done = {});
    // Worker side.
    void recordOwnWrite(const KeyPath &path, const Result<void> &written);
    Result<std::optional<Expected>> expectationFor(const KeyPath &path,
                                                   const std::optional<Basis> &basis) const;
    void post(std::function<void()> job);
    void deliver(std::function<void()> result);
    QList<ChangeEvent> takeEvents();
    // Worker side.
    void openOnWorker();
    void startWatcher();
    void flushEvents();

    struct RefusedWrite
    {
        std::function<Result<void>(SettingsFile &)> change;
        QString description;
        std::optional<KeyPath> path;
    };

    QString m_path;
    StoreSessionOptions m_options;
    std::optional<RefusedWrite> m_refusedForSafetyNet; // owner side
    // Created, used and destroyed on the worker's thread, the watcher first.
    std::unique_ptr<SettingsFile> m_file;
    std::unique_ptr<StoreWatcher> m_watcher;
    bool m_openFailed = false;        // worker side: the last open failed
    bool m_startBackupTaken = false;  // worker side
    QList<ChangeEvent> m_events;      // worker side only
    std::map<KeyPath, int> m_writing; // UI side: writes on their way, per key
    // Worker side: what our last write of each key left in the file
    // (nullopt inside: it failed).
    std::map<KeyPath, std::optional<std::optional<Json>>> m_leftByOwnWrite;
    SerialWorker m_worker; // last: its thread stops before the rest goes away
};

} // namespace tad
