#include "HistoryHooks.h"

#include "JsonPatch.h"

#include "json/JsonText.h"
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHistory, "tad.history")

namespace tad {

namespace {

Json parsedOrEmpty(const std::string &bytes)
{
    if (bytes.empty())
        return Json::object();
    auto parsed = parseDocument(bytes);
    return parsed ? std::move(parsed->value) : Json::object();
}

} // namespace

bool BackupHook::isCriticalPath(const KeyPath &path)
{
    static const std::vector<KeyPath> critical = {
        KeyPath::fromSegments({"settings"}), KeyPath::fromSegments({"workspaces"}),
        KeyPath::fromSegments({"user"}), KeyPath::fromSegments({"ai", "apiKey"})};
    // Under a critical key (as the seed checks), or above one: setting `ai`
    // whole replaces ai.apiKey too.
    for (const auto &key : critical)
        if (key.isPrefixOf(path) || path.isPrefixOf(key))
            return true;
    return false;
}

Result<void> BackupHook::beforeWrite(const PendingChange &change)
{
    if (change.bytesBefore.empty())
        return {};
    bool clears = false, critical = false;
    for (const auto &op : change.ops) {
        clears = clears || op.kind == StoreOp::Kind::Clear;
        critical = critical || op.isWholeDocument() ||
                   (op.kind != StoreOp::Kind::Test && isCriticalPath(op.path));
    }
    // Restores and migrations take their own backup first.
    if (change.source == ChangeSource::Restore || change.source == ChangeSource::Migration)
        return {};
    if (clears) {
        auto made = m_backups.createFromBytes(change.bytesBefore, QStringLiteral("before-clear"));
        if (!made) {
            Error e = made.error();
            e.message =
                QStringLiteral("not cleared: the backup before clearing failed: ") + e.message;
            return e;
        }
        return {};
    }
    if (!critical)
        return {};
    const auto newest = m_backups.newestBackupTime();
    if (newest && newest->secsTo(m_backups.now()) < m_burstSeconds && *newest <= m_backups.now())
        return {};
    if (auto made = m_backups.createFromBytes(change.bytesBefore, QStringLiteral("critical-key"));
        !made)
        qCWarning(lcHistory, "no backup before changing a critical key: %s",
                  qPrintable(made.error().toString()));
    return {};
}

void HistoryRecorder::forgetAnnotations()
{
    m_annotation.reset();
    m_steps.clear();
}

Result<void> HistoryRecorder::beforeWrite(const PendingChange &change)
{
    Q_UNUSED(change);
    return {};
}

void HistoryRecorder::afterWrite(const PendingChange &change, const std::string &bytesAfter)
{
    m_lastRecorded.clear();
    const QString hashBefore = backupname::sha256Hex(change.bytesBefore);
    std::vector<HistoryEntry> entries = std::move(m_steps);
    m_steps.clear();
    const auto annotation = std::exchange(m_annotation, std::nullopt);

    if (entries.empty() || entries.front().hashBefore != hashBefore ||
        entries.back().hashAfter != backupname::sha256Hex(bytesAfter)) {
        entries.clear();
        HistoryEntry entry;
        entry.source = change.source;
        entry.operation =
            annotation && !annotation->operation.empty() ? annotation->operation : change.operation;
        if (annotation) {
            entry.label = annotation->label;
            entry.rollbackOf = annotation->rollbackOf;
        }
        const ChangeSet diff = makeChangeSet(parsedOrEmpty(change.bytesBefore), change.after);
        entry.patch = diff.patch;
        entry.inverse = diff.inverse;
        entry.hashBefore = hashBefore;
        entry.hashAfter = backupname::sha256Hex(bytesAfter);
        entries.push_back(std::move(entry));
    }
    for (auto &entry : entries) {
        entry.sizeAfter = entry.sizeAfter ? entry.sizeAfter : qint64(bytesAfter.size());
        auto recorded = m_history.record(entry);
        if (!recorded) {
            qCWarning(lcHistory, "history entry not written: %s",
                      qPrintable(recorded.error().toString()));
            return;
        }
        m_lastRecorded.push_back(std::move(recorded.value()));
    }
    if (auto head = m_history.setHead(bytesAfter); !head)
        qCWarning(lcHistory, "history head not written: %s", qPrintable(head.error().toString()));
}

void HistoryRecorder::documentAdopted(const Json &doc, const std::string &bytes, bool external)
{
    Q_UNUSED(external);
    auto head = m_history.head();
    if (!head) {
        qCWarning(lcHistory, "%s", qPrintable(head.error().toString()));
        return;
    }
    if (!head->has_value()) {
        // The first look at this file: it is the base, nothing changed yet.
        if (!bytes.empty())
            (void)m_history.setHead(bytes);
        return;
    }
    if (**head != bytes)
        recordExternal(**head, doc, bytes);
}

void HistoryRecorder::recordExternal(const std::string &before, const Json &after,
                                     const std::string &bytesAfter)
{
    HistoryEntry entry;
    entry.source = ChangeSource::External;
    entry.operation = "external";
    const ChangeSet diff = makeChangeSet(parsedOrEmpty(before), after);
    entry.patch = diff.patch;
    entry.inverse = diff.inverse;
    entry.hashBefore = backupname::sha256Hex(before);
    entry.hashAfter = backupname::sha256Hex(bytesAfter);
    entry.sizeAfter = qint64(bytesAfter.size());
    if (auto recorded = m_history.record(std::move(entry)); !recorded)
        qCWarning(lcHistory, "external change not recorded: %s",
                  qPrintable(recorded.error().toString()));
    (void)m_history.setHead(bytesAfter);
}

HistoryServices::HistoryServices(Store &store)
    : m_store(store), m_backups(store.path()), m_history(store.path()), m_backupHook(m_backups),
      m_recorder(m_history)
{
    m_store.addHook(&m_backupHook);
    m_store.addHook(&m_recorder);
}

HistoryServices::~HistoryServices()
{
    m_store.removeHook(&m_recorder);
    m_store.removeHook(&m_backupHook);
}

void HistoryServices::setClock(const Clock &clock)
{
    m_backups.setClock(clock);
    m_history.setClock(clock);
}

} // namespace tad
