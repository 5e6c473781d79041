#include "StoreWatcher.h"

#include "BrokenFileCopies.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

namespace tad {
namespace {

QByteArray contentKey(const VersionRead &read)
{
    if (!read.snapshot.stamp.exists)
        return QByteArrayLiteral("missing");
    return QByteArrayLiteral("broken:") +
           QCryptographicHash::hash(
               QByteArrayView(read.snapshot.bytes.data(), qsizetype(read.snapshot.bytes.size())),
               QCryptographicHash::Sha256);
}

// The folder to watch: the file's own, or while that does not exist yet
// the nearest ancestor that does, so its creation is noticed.
QString nearestExistingFolder(const QString &filePath)
{
    QString folder = QFileInfo(filePath).absolutePath();
    while (!QFileInfo(folder).isDir()) {
        const QString parent = QFileInfo(folder).absolutePath();
        if (parent == folder)
            break;
        folder = parent;
    }
    return folder;
}

} // namespace

StoreWatcher::StoreWatcher(Store &store, StoreWatcherOptions options, QObject *parent)
    : QObject(parent), m_store(&store), m_path(QFileInfo(store.path()).absoluteFilePath()),
      m_options(options), m_fsWatcher(this), m_kick(this), m_grace(this), m_poll(this)
{
    m_kick.setSingleShot(true);
    m_kick.setInterval(0);
    connect(&m_kick, &QTimer::timeout, this, &StoreWatcher::dispatchRead);
    m_grace.setSingleShot(true);
    m_grace.setInterval(m_options.graceMs);
    connect(&m_grace, &QTimer::timeout, this, [this] {
        m_graceElapsed = true;
        requestCheck();
    });
    m_poll.setInterval(m_options.pollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &StoreWatcher::onPoll);
    connect(&m_fsWatcher, &QFileSystemWatcher::fileChanged, this,
            &StoreWatcher::onFileSystemNotice);
    connect(&m_fsWatcher, &QFileSystemWatcher::directoryChanged, this,
            &StoreWatcher::onFileSystemNotice);

    // A read that started before the store changed may be older than what
    // the store holds now; such a read is thrown away and done again.
    connect(&store, &Store::changed, this, [this] { ++m_generation; });
    connect(&store, &Store::reloaded, this, [this] { ++m_generation; });
}

StoreWatcher::~StoreWatcher() = default;

void StoreWatcher::start()
{
    if (m_watching || !m_store)
        return;
    m_watching = true;
    if (m_options.pollIntervalMs > 0)
        m_poll.start();
    Q_EMIT watchingChanged(true);
    // The file may have changed while nobody watched.
    requestCheck();
}

void StoreWatcher::stop()
{
    if (!m_watching)
        return;
    m_watching = false;
    m_kick.stop();
    m_grace.stop();
    m_poll.stop();
    m_pending = false;
    const QStringList paths = watchedPaths();
    if (!paths.isEmpty())
        m_fsWatcher.removePaths(paths);
    m_armedInode = 0;
    Q_EMIT watchingChanged(false);
}

void StoreWatcher::checkNow()
{
    requestCheck();
}

bool StoreWatcher::isIdle() const
{
    return !m_inFlight && !m_pending && !m_kick.isActive() && !m_grace.isActive();
}

QStringList StoreWatcher::watchedPaths() const
{
    return m_fsWatcher.files() + m_fsWatcher.directories();
}

void StoreWatcher::onFileSystemNotice()
{
    requestCheck();
}

void StoreWatcher::requestCheck()
{
    if (!m_watching)
        return;
    m_pending = true;
    if (!m_inFlight && !m_kick.isActive())
        m_kick.start();
}

void StoreWatcher::rearm()
{
    const QString folder = nearestExistingFolder(m_path);
    const QStringList folders = m_fsWatcher.directories();
    for (const QString &watched : folders) {
        if (watched != folder)
            m_fsWatcher.removePath(watched);
    }
    if (!folders.contains(folder))
        m_fsWatcher.addPath(folder);

    // A rename over the file leaves the watch on the old inode (or drops it):
    // watch whatever inode carries the name now.
    auto stamp = statFile(m_path);
    const bool exists = stamp && stamp->exists;
    const bool watchingFile = m_fsWatcher.files().contains(m_path);
    if (!exists) {
        if (watchingFile)
            m_fsWatcher.removePath(m_path);
        m_armedInode = 0;
        return;
    }
    if (watchingFile && stamp->inode == m_armedInode)
        return;
    if (watchingFile)
        m_fsWatcher.removePath(m_path);
    m_fsWatcher.addPath(m_path);
    m_armedInode = stamp->inode;
}

void StoreWatcher::dispatchRead()
{
    if (!m_watching || m_inFlight || !m_pending || !m_store)
        return;
    m_pending = false;
    // Watches first, then the read: whatever happens after the read started
    // raises a notice and so another read.
    rearm();
    // Our own last write, still in place and untouched: nothing to read.
    FileStamp ours;
    if (m_store->isOpen() && m_store->ownWriteStands(&ours)) {
        VersionRead same;
        same.snapshot.stamp = ours;
        same.sameAsExpected = true;
        handleVersion(same);
        lookAgainOrSettle();
        return;
    }
    m_inFlight = true;
    const quint64 generation = m_generation;
    // A store file is never empty when it parses, so empty bytes mean "no
    // file yet": an empty file that appears must be parsed (and found broken).
    auto expected = m_store->bytes().empty() ? nullptr : m_store->text();
    // A small change is found from the bytes instead of parsing the whole
    // file, unless the last such patch did not fit the store's document.
    const bool allowPatch = !std::exchange(m_wholeReadWanted, false);
    m_reader.read(
        m_path, std::move(expected), allowPatch, this,
        [this, generation](std::shared_ptr<VersionRead> read) { onVersionRead(read, generation); });
}

void StoreWatcher::onVersionRead(const std::shared_ptr<VersionRead> &read, quint64 generation)
{
    m_inFlight = false;
    if (!m_watching || !m_store)
        return;
    if (generation != m_generation)
        m_pending = true; // the store moved on meanwhile: look again
    else
        handleVersion(*read);
    lookAgainOrSettle();
}

void StoreWatcher::lookAgainOrSettle()
{
    if (m_pending) {
        if (!m_kick.isActive())
            m_kick.start();
    } else if (isIdle()) {
        Q_EMIT settled();
    }
}

void StoreWatcher::handleVersion(VersionRead &read)
{
    Store &store = *m_store;
    if (read.readError) {
        // Said once per distinct failure; the safety poll keeps trying.
        if (read.readError->message != m_lastReadError) {
            m_lastReadError = read.readError->message;
            Q_EMIT readFailed(*read.readError);
        }
        return;
    }
    m_lastReadError.clear();
    m_lastStamp = read.snapshot.stamp;

    const bool storeEmpty = store.bytes().empty() && store.document().empty();
    if (read.sameAsExpected || (!read.snapshot.stamp.exists && storeEmpty)) {
        m_suspectKey.clear();
        m_grace.stop();
        markRepaired();
        return;
    }
    if (read.parseError || !read.snapshot.stamp.exists) {
        if (holdSuspect(read))
            return;
        if (read.parseError) {
            reportBroken(read);
            return;
        }
    }
    m_suspectKey.clear();
    m_grace.stop();

    if (read.patch) {
        auto adopted = store.adoptPatch(std::move(read.snapshot), *read.patch);
        if (!adopted) {
            // It does not fit (the store changed meanwhile, or a key repeats):
            // read the whole file once more.
            m_wholeReadWanted = true;
            m_pending = true;
            return;
        }
        finishAdoption(*adopted);
        return;
    }
    ParsedDocument parsed;
    if (read.parsed)
        parsed = std::move(*read.parsed);
    else
        parsed.value = Json::object(); // no file: conf sees an empty store
    finishAdoption(store.adoptVersion(std::move(read.snapshot), std::move(parsed)));
}

void StoreWatcher::finishAdoption(const Result<bool> &adopted)
{
    if (!adopted) {
        Q_EMIT readFailed(adopted.error());
        return;
    }
    markRepaired();
    if (adopted.value())
        Q_EMIT versionAdopted();
}

// A vanished or broken file counts only once it looked the same after the
// grace period. Returns true while still waiting.
bool StoreWatcher::holdSuspect(const VersionRead &read)
{
    const QByteArray key = contentKey(read);
    if (key == m_suspectKey) {
        if (m_graceElapsed)
            return false;
        if (!m_grace.isActive())
            m_grace.start();
        return true;
    }
    m_suspectKey = key;
    m_graceElapsed = false;
    if (m_options.graceMs <= 0)
        return false;
    m_grace.start();
    return true;
}

void StoreWatcher::reportBroken(const VersionRead &read)
{
    const QByteArray key = contentKey(read);
    if (m_reportedBroken.contains(key))
        return;
    m_reportedBroken.insert(key);
    m_broken = true;
    m_brokenError = *read.parseError;
    auto copy = keepBadCopy(m_path, read.snapshot.bytes);
    if (copy) {
        m_brokenCopy = copy.value();
    } else {
        m_brokenCopy.clear();
        m_brokenError.message += QStringLiteral(" (a copy for inspection could not be kept: %1)")
                                     .arg(copy.error().message);
    }
    Q_EMIT fileBroken(m_brokenError, m_brokenCopy);
}

void StoreWatcher::markRepaired()
{
    if (!m_broken)
        return;
    m_broken = false;
    m_brokenError = Error();
    m_brokenCopy.clear();
    // The same broken bytes coming back later are a new incident worth a report.
    m_reportedBroken.clear();
    Q_EMIT fileRepaired();
}

void StoreWatcher::onPoll()
{
    if (m_inFlight || m_pending)
        return;
    auto stamp = statFile(m_path);
    if (!stamp)
        return;
    rearm(); // a folder that appeared without a notice (network file systems)
    if (*stamp != m_lastStamp)
        requestCheck();
}

} // namespace tad
