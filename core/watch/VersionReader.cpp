#include "VersionReader.h"

#include "TextPatch.h"

#include <QMetaObject>
#include <QPointer>

namespace tad {

VersionReader::VersionReader()
{
    m_thread.setObjectName(QStringLiteral("tad-store-reader"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

VersionReader::~VersionReader()
{
    m_thread.quit();
    m_thread.wait();
}

void VersionReader::read(const QString &path, std::shared_ptr<const std::string> expected,
                         bool allowPatch, QObject *context, Done done)
{
    QPointer<QObject> receiver(context);
    QMetaObject::invokeMethod(
        m_worker,
        [path, expected = std::move(expected), allowPatch, receiver, done = std::move(done)]() {
            auto result = std::make_shared<VersionRead>(readNow(path, expected.get(), allowPatch));
            if (!receiver)
                return;
            // Queued onto the receiver's thread; Qt drops it if the receiver dies first.
            QMetaObject::invokeMethod(
                receiver.data(), [done, result]() { done(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

VersionRead VersionReader::readNow(const QString &path, const std::string *expected,
                                   bool allowPatch)
{
    VersionRead out;
    auto snapshot = readFile(path);
    if (!snapshot) {
        out.readError = snapshot.error();
        return out;
    }
    out.snapshot = std::move(snapshot.value());
    if (!out.snapshot.stamp.exists)
        return out;
    if (expected && out.snapshot.bytes == *expected) {
        out.sameAsExpected = true;
        return out;
    }
    if (expected && allowPatch) {
        out.patch = diffText(*expected, out.snapshot.bytes);
        if (out.patch)
            return out;
    }
    auto parsed = parseDocument(out.snapshot.bytes, path);
    if (parsed)
        out.parsed = std::move(parsed.value());
    else
        out.parseError = parsed.error();
    return out;
}

} // namespace tad
