// Follows tad-config.json while another program (the Electron app, through
// conf) writes it, and hands each new version to the store.
//
// conf replaces the file by renaming a temp file over it, which drops a
// plain file watch, so the folder is watched as well and the file watch is
// re-armed on the new inode. A folder that does not exist yet is waited for
// by watching its nearest existing parent. Bursts are folded: at most one
// read runs at a time, and any notice that arrives meanwhile causes one more
// read at the end, so the final state is never missed. Reading and parsing
// happen on a thread of their own; the store adopts the result on its own
// thread, and only if nothing changed in between.
//
// Create it on the store's thread (moveToThread() along with the store works
// too); that thread needs a running event loop.
//
// A file that stops parsing is never adopted and never written over: the
// store keeps its last good state, the broken bytes are copied aside once
// (`<name>.bad-<time>`) and fileBroken() tells why. A file that vanishes or
// breaks must stay so for a short grace period first, so a writer that
// truncates and rewrites in place does not raise false alarms.
#pragma once

#include "Result.h"
#include "VersionReader.h"
#include "io/AtomicFile.h"

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace tad {

class Store;

struct StoreWatcherOptions
{
    // A vanished or unparsable file must look the same this long before it counts.
    int graceMs = 150;
    // A cheap stat as a safety net for file systems without change notices; 0: off.
    int pollIntervalMs = 2000;
};

class StoreWatcher : public QObject
{
    Q_OBJECT
public:
    explicit StoreWatcher(Store &store, StoreWatcherOptions options = {},
                          QObject *parent = nullptr);
    ~StoreWatcher() override;

    void start();
    void stop();
    bool isWatching() const { return m_watching; }

    // Looks at the file now, as if a change had been reported.
    void checkNow();
    // No read running or waiting (tests wait for this before asserting silence).
    bool isIdle() const;
    // The file on disk does not parse; the store holds the last good version.
    bool isFileBroken() const { return m_broken; }
    const Error &brokenError() const { return m_brokenError; }
    QString brokenCopyPath() const { return m_brokenCopy; }
    // What the file system watcher watches now (the file, its folder or an ancestor).
    QStringList watchedPaths() const;

Q_SIGNALS:
    void watchingChanged(bool watching);
    // The store took a version written by someone else (after its own change events).
    void versionAdopted();
    // The file does not parse. `copyPath` holds its bytes; the file itself is untouched.
    void fileBroken(const tad::Error &error, const QString &copyPath);
    // The file parses again.
    void fileRepaired();
    // The file cannot be read (permissions, I/O) or its version was refused.
    void readFailed(const tad::Error &error);
    // Every pending read is done (isIdle() is true).
    void settled();

private:
    void onFileSystemNotice();
    void requestCheck();
    void dispatchRead();
    void onVersionRead(const std::shared_ptr<VersionRead> &read, quint64 generation);
    // A notice came in meanwhile: read again; else say the file is settled.
    void lookAgainOrSettle();
    void handleVersion(VersionRead &read);
    void finishAdoption(const Result<bool> &adopted);
    bool holdSuspect(const VersionRead &read);
    void reportBroken(const VersionRead &read);
    void markRepaired();
    void rearm();
    void onPoll();

    QPointer<Store> m_store;
    QString m_path;
    StoreWatcherOptions m_options;
    QFileSystemWatcher m_fsWatcher;
    QTimer m_kick;  // folds notices that arrive together into one check
    QTimer m_grace; // confirms a vanished or broken file
    QTimer m_poll;
    bool m_watching = false;
    bool m_pending = false;         // a check is wanted
    bool m_inFlight = false;        // a read runs on the reader thread
    bool m_wholeReadWanted = false; // the next read parses the whole file
    quint64 m_generation = 0;       // bumped whenever the store's version changes
    quint64 m_armedInode = 0;
    FileStamp m_lastStamp; // of the last version looked at

    // A vanished or broken version seen once, waiting for the grace period.
    QByteArray m_suspectKey;
    bool m_graceElapsed = false;

    bool m_broken = false;
    Error m_brokenError;
    QString m_brokenCopy;
    QSet<QByteArray> m_reportedBroken; // content hashes already reported
    QString m_lastReadError;

    VersionReader m_reader; // last: its thread stops before the rest goes away
};

} // namespace tad
