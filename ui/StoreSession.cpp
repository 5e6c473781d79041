#include "StoreSession.h"

#include <QFile>
#include <QMetaObject>
#include <QSemaphore>

namespace tad {

StoreSession::StoreSession(QString path, StoreOptions options, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_options(options)
{
    m_thread.setObjectName(QStringLiteral("tad-store"));
    m_workerContext = new QObject;
    m_workerContext->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_workerContext, &QObject::deleteLater);
    m_thread.start();
    post([this] {
        m_store = std::make_unique<Store>(m_path, m_options);
        connect(
            m_store.get(), &Store::changed, m_workerContext,
            [this](const ChangeEvent &event) { m_events.append(event); }, Qt::DirectConnection);
    });
}

StoreSession::~StoreSession()
{
    // The owner's slots may be half destroyed by now.
    blockSignals(true);
    post([this] {
        m_store.reset();
        m_hooks.clear();
    });
    waitForIdle();
    m_thread.quit();
    m_thread.wait();
}

KeyPath StoreSession::keyPath(const QString &key) const
{
    auto parsed = KeyPath::parse(key.toStdString(), m_options.dialect);
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

void StoreSession::open()
{
    post([this] {
        auto outcome = std::make_shared<OpenOutcome>();
        auto result = m_store->open();
        takeEvents();
        if (!result) {
            outcome->error = result.error();
            QFile file(m_path);
            if (file.open(QIODevice::ReadOnly))
                outcome->rawBytes = file.read(64 * 1024 * 1024);
        } else {
            outcome->ok = true;
            outcome->tree = SettingsNode::build({}, m_store->document());
            outcome->warnings = m_store->warnings();
            if (auto info = m_store->info())
                outcome->info = info.value();
        }
        deliver([this, outcome] { Q_EMIT opened(*outcome); });
    });
}

void StoreSession::refresh()
{
    if (m_refreshQueued.exchange(true))
        return;
    post([this] {
        m_refreshQueued = false;
        auto result = m_store->refresh();
        auto events = takeEvents();
        if (!result) {
            deliver([this, error = result.error()] { Q_EMIT refreshFailed(error); });
            return;
        }
        if (!events.isEmpty())
            deliver([this, events] { Q_EMIT changesArrived(events); });
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

void StoreSession::addHook(std::shared_ptr<StoreHook> hook)
{
    post([this, hook = std::move(hook)] {
        m_hooks.push_back(hook);
        m_store->addHook(hook.get());
    });
}

void StoreSession::runOnStore(std::function<void(Store &)> job)
{
    post([this, job = std::move(job)] {
        job(*m_store);
        auto events = takeEvents();
        if (!events.isEmpty())
            deliver([this, events] { Q_EMIT changesArrived(events); });
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
