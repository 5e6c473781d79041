#include "StoreSession.h"

#include <QFile>
#include <QMetaObject>

namespace tad {
namespace {

constexpr qint64 kRawViewLimit = 64 * 1024 * 1024;

QByteArray readRaw(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(kRawViewLimit) : QByteArray();
}

} // namespace

StoreSession::StoreSession(QString path, StoreSessionOptions options, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_options(std::move(options)),
      m_worker(QStringLiteral("tad-store"))
{
    connect(&m_worker, &SerialWorker::busyChanged, this, &StoreSession::busyChanged);
    QObject *context = m_worker.context();
    post([this, context] {
        // Everything a program needs, assembled by the core in its one order;
        // before the first read, so that read is compared with the history.
        m_file = std::make_unique<SettingsFile>(m_path, m_options.file);
        Store *store = &m_file->store();
        connect(
            store, &Store::changed, context,
            [this](const ChangeEvent &event) { m_events.append(event); }, Qt::DirectConnection);
        // An external version's events go out at once; what the store does
        // after that (re-applying our displaced changes) follows separately.
        connect(
            store, &Store::reloaded, context, [this] { flushEvents(); }, Qt::DirectConnection);
        connect(
            store, &Store::conflicted, context,
            [this](const ChangeEvent &theirs, const Json &ours) {
                deliver([this, theirs, ours] { Q_EMIT conflicted(theirs, ours); });
            },
            Qt::DirectConnection);
    });
}

StoreSession::~StoreSession()
{
    // The owner's slots may be half destroyed by now.
    blockSignals(true);
    post([this] {
        m_watcher.reset();
        m_file.reset();
    });
    m_worker.waitForJobs();
}

void StoreSession::post(std::function<void()> job)
{
    m_worker.post(std::move(job));
}

void StoreSession::deliver(std::function<void()> result)
{
    QMetaObject::invokeMethod(this, std::move(result), Qt::QueuedConnection);
}

QList<ChangeEvent> StoreSession::takeEvents()
{
    QList<ChangeEvent> events;
    events.swap(m_events);
    return events;
}

void StoreSession::flushEvents()
{
    auto events = takeEvents();
    if (!events.isEmpty())
        deliver([this, events] { Q_EMIT changesArrived(events); });
}

void StoreSession::open()
{
    post([this] { openOnWorker(); });
}

void StoreSession::openOnWorker()
{
    auto outcome = std::make_shared<OpenOutcome>();
    Store &store = m_file->store();
    auto result = m_file->open();
    takeEvents(); // the tree below is built from the whole document
    m_openFailed = !result;
    if (!result) {
        outcome->error = result.error();
        outcome->rawBytes = readRaw(m_path);
    } else {
        outcome->ok = true;
        outcome->tree = SettingsNode::build({}, store.document());
        outcome->warnings = store.warnings();
        if (auto info = store.info())
            outcome->info = info.value();
    }
    startWatcher();
    deliver([this, outcome] { Q_EMIT opened(*outcome); });
    // After the tree is on its way: copying a large file takes a while.
    if (outcome->ok && m_file->history() && !m_startBackupTaken && !store.bytes().empty()) {
        m_startBackupTaken = true;
        if (auto backup = m_file->takeStartupBackup(); !backup) {
            deliver([this, error = backup.error()] {
                Q_EMIT writeFinished(false, error, tr("start-up backup"));
            });
        }
    }
}

void StoreSession::startWatcher()
{
    if (!m_options.watch)
        return;
    if (!m_watcher) {
        m_watcher = std::make_unique<StoreWatcher>(m_file->store(), m_options.watcher);
        StoreWatcher *watcher = m_watcher.get();
        connect(watcher, &StoreWatcher::watchingChanged, m_worker.context(), [this](bool watching) {
            deliver([this, watching] { Q_EMIT watchingChanged(watching); });
        });
        connect(watcher, &StoreWatcher::versionAdopted, m_worker.context(), [this] {
            // After a failed open the store has no document yet: open it now.
            if (m_openFailed)
                openOnWorker();
            else
                flushEvents();
        });
        connect(watcher, &StoreWatcher::fileBroken, m_worker.context(),
                [this](const Error &error, const QString &copyPath) {
                    flushEvents();
                    const QByteArray raw = readRaw(copyPath.isEmpty() ? m_path : copyPath);
                    deliver(
                        [this, error, raw, copyPath] { Q_EMIT fileBroken(error, raw, copyPath); });
                });
        connect(watcher, &StoreWatcher::fileRepaired, m_worker.context(), [this] {
            flushEvents();
            // After a failed open, the open that follows says it instead.
            if (!m_openFailed)
                deliver([this] { Q_EMIT fileRepaired(); });
        });
        connect(watcher, &StoreWatcher::readFailed, m_worker.context(), [this](const Error &error) {
            flushEvents();
            deliver([this, error] { Q_EMIT refreshFailed(error); });
        });
        connect(watcher, &StoreWatcher::settled, m_worker.context(), [this] { flushEvents(); });
    }
    m_watcher->start();
}

void StoreSession::refresh()
{
    post([this] {
        if (m_openFailed) {
            openOnWorker();
            return;
        }
        if (m_watcher && m_watcher->isWatching()) {
            // Read and parsed on the watcher's reader thread, like any change.
            m_watcher->checkNow();
            return;
        }
        auto result = m_file->store().refresh();
        if (!result) {
            deliver([this, error = result.error()] { Q_EMIT refreshFailed(error); });
            return;
        }
        flushEvents();
    });
}

void StoreSession::write(std::function<Result<void>(SettingsFile &)> change, QString description,
                         std::optional<KeyPath> path, Done done)
{
    if (path)
        ++m_writing[*path];
    post([this, change = std::move(change), description, path, done = std::move(done)] {
        auto result = change(*m_file);
        auto events = takeEvents();
        QStringList problems;
        for (const Error &problem : m_file->takeProblems())
            problems << problem.message;
        deliver([this, events, result, description, path, done, problems, change] {
            const bool ok = result.ok();
            const Error error = ok ? Error() : result.error();
            if (!events.isEmpty())
                Q_EMIT changesArrived(events);
            if (path) {
                auto it = m_writing.find(*path);
                if (it != m_writing.end() && --it->second == 0)
                    m_writing.erase(it);
            }
            if (!ok && error.safetyNet)
                m_refusedForSafetyNet = RefusedWrite{change, description, path};
            if (done)
                done(result);
            Q_EMIT writeFinished(ok, error, description);
            if (!problems.isEmpty())
                Q_EMIT safetyNetProblems(problems);
        });
    });
}

bool StoreSession::retryWithoutBackup()
{
    if (!m_refusedForSafetyNet)
        return false;
    RefusedWrite refused = std::move(*m_refusedForSafetyNet);
    m_refusedForSafetyNet.reset();
    // Only this change goes ahead unprotected; the next one needs its backup again.
    write(
        [change = std::move(refused.change)](SettingsFile &file) {
            file.setRequireBackup(false);
            auto result = change(file);
            file.setRequireBackup(true);
            return result;
        },
        refused.description, refused.path);
    return true;
}

Result<std::optional<Expected>>
StoreSession::expectationFor(const KeyPath &path, const std::optional<Basis> &basis) const
{
    if (!basis)
        return std::optional<Expected>();
    if (basis->afterOwnWrite) {
        const auto it = m_leftByOwnWrite.find(path);
        if (it != m_leftByOwnWrite.end()) {
            if (!it->second) {
                Error e = makeError(ErrorCode::Conflict,
                                    tr("not changed: the previous change of %1 was not written")
                                        .arg(QString::fromStdString(path.toDotted())));
                e.key = QString::fromStdString(path.toDotted());
                return e;
            }
            return std::optional<Expected>(Expected{*it->second});
        }
    }
    return std::optional<Expected>(Expected{basis->seen});
}

void StoreSession::set(const KeyPath &path, std::optional<Json> value, std::optional<Basis> basis,
                       ChangeSource source, Done done)
{
    const QString key = QString::fromStdString(path.toDotted(m_options.file.dialect));
    write(
        [this, path, value = std::move(value), basis = std::move(basis),
         source](SettingsFile &file) -> Result<void> {
            auto expected = expectationFor(path, basis);
            Result<void> written = expected ? (value ? file.set(path, *value, source, *expected)
                                                     : file.remove(path, source, *expected))
                                            : Result<void>(expected.error());
            recordOwnWrite(path, written);
            return written;
        },
        key, path, std::move(done));
}

void StoreSession::reset(const KeyPath &path, std::optional<Basis> basis, Done done)
{
    const QString key = QString::fromStdString(path.toDotted(m_options.file.dialect));
    write(
        [this, path, basis = std::move(basis)](SettingsFile &file) -> Result<void> {
            auto expected = expectationFor(path, basis);
            Result<void> written =
                expected ? file.reset(path, *expected) : Result<void>(expected.error());
            recordOwnWrite(path, written);
            return written;
        },
        key, path, std::move(done));
}

void StoreSession::recordOwnWrite(const KeyPath &path, const Result<void> &written)
{
    if (!written) {
        // Refused because the key changed: our last write still left what it
        // left, and the next step is refused for the same reason.
        if (written.error().code != ErrorCode::Conflict)
            m_leftByOwnWrite[path] = std::nullopt;
        return;
    }
    const Json *left = findValue(m_file->store().document(), path);
    m_leftByOwnWrite[path] = left ? std::optional<Json>(*left) : std::nullopt;
}

void StoreSession::apply(std::vector<StoreOp> ops, ChangeSource source, std::string operation)
{
    write([ops = std::move(ops), source, operation = std::move(operation)](
              SettingsFile &file) { return file.store().apply(ops, source, operation); },
          QString::fromStdString(operation));
}

void StoreSession::fetchValue(const QStringList &segments)
{
    post([this, segments] {
        std::vector<std::string> parts;
        for (const auto &s : segments)
            parts.push_back(s.toStdString());
        const Json *found = findValue(m_file->store().document(), KeyPath::fromSegments(parts));
        std::optional<Json> value;
        if (found)
            value = *found;
        deliver([this, segments, value] { Q_EMIT valueFetched(segments, value); });
    });
}

void StoreSession::runOnFile(std::function<void(SettingsFile &)> job)
{
    post([this, job = std::move(job)] {
        job(*m_file);
        flushEvents();
    });
}

void StoreSession::waitForIdle()
{
    m_worker.waitForJobs();
}

} // namespace tad
