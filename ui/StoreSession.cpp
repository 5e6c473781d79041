#include "StoreSession.h"

#include "history/HistoryHooks.h"

#include <QFile>
#include <QMetaObject>
#include <QSemaphore>

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
    : QObject(parent), m_path(std::move(path)), m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("tad-store"));
    m_workerContext = new QObject;
    m_workerContext->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_workerContext, &QObject::deleteLater);
    m_thread.start();
    post([this] {
        m_store = std::make_unique<Store>(m_path, m_options.store);
        connect(
            m_store.get(), &Store::changed, m_workerContext,
            [this](const ChangeEvent &event) { m_events.append(event); }, Qt::DirectConnection);
        // An external version's events go out at once; what the store does
        // after that (re-applying our displaced changes) follows separately.
        connect(
            m_store.get(), &Store::reloaded, m_workerContext, [this] { flushEvents(); },
            Qt::DirectConnection);
        connect(
            m_store.get(), &Store::conflicted, m_workerContext,
            [this](const ChangeEvent &theirs, const Json &ours) {
                deliver([this, theirs, ours] { Q_EMIT conflicted(theirs, ours); });
            },
            Qt::DirectConnection);
        // The session keeps its hooks until the store is gone.
        m_hooks = std::move(m_options.hooks);
        for (const auto &hook : m_hooks)
            m_store->addHook(hook.get());
        // Before the first read, so that read is compared with the history too.
        if (m_options.history)
            m_history = std::make_unique<HistoryServices>(*m_store);
    });
}

StoreSession::~StoreSession()
{
    // The owner's slots may be half destroyed by now.
    blockSignals(true);
    post([this] {
        m_watcher.reset();
        m_history.reset();
        m_store.reset();
        m_hooks.clear();
    });
    waitForIdle();
    m_thread.quit();
    m_thread.wait();
}

KeyPath StoreSession::keyPath(const QString &key) const
{
    auto parsed = KeyPath::parse(key.toStdString(), m_options.store.dialect);
    return parsed ? parsed.value() : KeyPath::fromSegments({key.toStdString()});
}

void StoreSession::post(std::function<void()> job)
{
    if (m_pendingJobs.fetch_add(1) == 0)
        Q_EMIT busyChanged(true);
    QMetaObject::invokeMethod(
        m_workerContext,
        [this, job = std::move(job)] {
            job();
            deliver([this] {
                if (m_pendingJobs.fetch_sub(1) == 1)
                    Q_EMIT busyChanged(false);
            });
        },
        Qt::QueuedConnection);
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
    auto result = m_store->open();
    takeEvents(); // the tree below is built from the whole document
    m_openFailed = !result;
    if (!result) {
        outcome->error = result.error();
        outcome->rawBytes = readRaw(m_path);
    } else {
        outcome->ok = true;
        outcome->tree = SettingsNode::build({}, m_store->document());
        outcome->warnings = m_store->warnings();
        if (auto info = m_store->info())
            outcome->info = info.value();
    }
    startWatcher();
    deliver([this, outcome] { Q_EMIT opened(*outcome); });
    // After the tree is on its way: copying a large file takes a while.
    if (outcome->ok && m_history && !m_startBackupTaken && !m_store->bytes().empty()) {
        m_startBackupTaken = true;
        auto backup = m_history->backups().createFromBytes(m_store->bytes(),
                                                           QStringLiteral("application-start"));
        if (!backup) {
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
        m_watcher = std::make_unique<StoreWatcher>(*m_store, m_options.watcher);
        StoreWatcher *watcher = m_watcher.get();
        connect(watcher, &StoreWatcher::watchingChanged, m_workerContext, [this](bool watching) {
            deliver([this, watching] { Q_EMIT watchingChanged(watching); });
        });
        connect(watcher, &StoreWatcher::versionAdopted, m_workerContext, [this] {
            // After a failed open the store has no document yet: open it now.
            if (m_openFailed)
                openOnWorker();
            else
                flushEvents();
        });
        connect(watcher, &StoreWatcher::fileBroken, m_workerContext,
                [this](const Error &error, const QString &copyPath) {
                    flushEvents();
                    const QByteArray raw = readRaw(copyPath.isEmpty() ? m_path : copyPath);
                    deliver(
                        [this, error, raw, copyPath] { Q_EMIT fileBroken(error, raw, copyPath); });
                });
        connect(watcher, &StoreWatcher::fileRepaired, m_workerContext, [this] {
            flushEvents();
            // After a failed open, the open that follows says it instead.
            if (!m_openFailed)
                deliver([this] { Q_EMIT fileRepaired(); });
        });
        connect(watcher, &StoreWatcher::readFailed, m_workerContext, [this](const Error &error) {
            flushEvents();
            deliver([this, error] { Q_EMIT refreshFailed(error); });
        });
        connect(watcher, &StoreWatcher::settled, m_workerContext, [this] { flushEvents(); });
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
        auto result = m_store->refresh();
        if (!result) {
            deliver([this, error = result.error()] { Q_EMIT refreshFailed(error); });
            return;
        }
        flushEvents();
    });
}

void StoreSession::apply(std::vector<StoreOp> ops, QString description)
{
    post([this, ops = std::move(ops), description] {
        auto result = m_store->apply(ops, ChangeSource::Editor, description.toStdString());
        auto events = takeEvents();
        deliver([this, events, ok = result.ok(), error = result.ok() ? Error() : result.error(),
                 description] {
            if (!events.isEmpty())
                Q_EMIT changesArrived(events);
            Q_EMIT writeFinished(ok, error, description);
        });
    });
}

void StoreSession::fetchValue(const QStringList &segments)
{
    post([this, segments] {
        std::vector<std::string> parts;
        for (const auto &s : segments)
            parts.push_back(s.toStdString());
        const Json *found = findValue(m_store->document(), KeyPath::fromSegments(parts));
        std::optional<Json> value;
        if (found)
            value = *found;
        deliver([this, segments, value] { Q_EMIT valueFetched(segments, value); });
    });
}

void StoreSession::runOnStore(std::function<void(Store &)> job)
{
    post([this, job = std::move(job)] {
        job(*m_store);
        flushEvents();
    });
}

void StoreSession::waitForIdle()
{
    QSemaphore done;
    QMetaObject::invokeMethod(
        m_workerContext, [&done] { done.release(); }, Qt::QueuedConnection);
    done.acquire();
}

} // namespace tad
