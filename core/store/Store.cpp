// The store as a facade: it owns the document and the file's state; the
// write (MergeWrite), the operations (StoreOperations.cpp), adopting
// versions from disk (StoreAdoption.cpp), events (StoreEvents.cpp) and info
// (StoreInfo.cpp) live beside it. See docs/DESIGN.md.
#include "Store.h"

#include "KeyRead.h"
#include "MergeWrite.h"
#include "StoreUtil.h"

#include <algorithm>
#include <cmath>

namespace tad {
using namespace storeutil;

Store::Store(QString path, StoreOptions options, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_options(options),
      m_self(std::make_shared<Store *>(this))
{
    qRegisterMetaType<tad::ChangeEvent>();
}

Store::~Store()
{
    // Recent ones stay for the next run to merge: no one followed the file
    // after them (a program that does calls followUntilQuiet()).
    discardKeptRecords(RecentWrites::kWindowMs);
}

void Store::removeHook(StoreHook *hook)
{
    m_hooks.erase(std::remove(m_hooks.begin(), m_hooks.end(), hook), m_hooks.end());
}

Result<void> Store::open()
{
    PerformanceMonitor::Scope scope(m_monitor, "open", {});
    // A writer of ours killed right after its exchange leaves the old file
    // under a temp name; it is of no use to anyone.
    removeStaleTempFiles(m_path);
    auto snapshot = readFile(m_path);
    if (!snapshot)
        return snapshot.error();
    auto adopted = adopt(std::move(snapshot.value()));
    if (!adopted)
        return adopted;
    m_opened = true;
    scope.finish(false);
    return {};
}

Result<void> Store::refreshIfStale()
{
    if (!m_opened)
        return open();
    if (m_written) {
        if (ownWriteStands())
            return {};
        // Written since ours: read, even if the stamp looks the same (an
        // in-place write of the same size within the clock's tick keeps it).
    } else {
        auto stamp = statFile(m_path);
        if (!stamp)
            return stamp.error();
        if (*stamp == m_stamp)
            return {};
    }
    auto snapshot = readFile(m_path);
    if (!snapshot)
        return snapshot.error();
    return adopt(std::move(snapshot.value()));
}

bool Store::ownWriteStands(FileStamp *stamp)
{
    if (!m_written || !m_exists)
        return false;
    FileStamp found;
    // Size and mtime too: a write through a shared mapping changes the
    // mtime without an inotify event.
    if (!m_written->standsAt(m_path, &found) || found.size != qint64(m_text->size()) ||
        found.mtimeNs != m_stamp.mtimeNs) {
        m_written.reset(); // of no more use: its file is gone or changed
        return false;
    }
    // Its links and times may have moved (a write's base record links it).
    m_stamp = found;
    if (stamp)
        *stamp = found;
    return true;
}

void Store::discardKeptRecords(qint64 olderThanMs)
{
    const qint64 now = nowMs();
    std::erase_if(m_kept, [&](const KeptRecord &kept) {
        if (now - kept.atMs < olderThanMs)
            return false;
        discardWriteRecord(kept.files);
        return true;
    });
}

Result<bool> Store::refresh(ChangeSource source)
{
    auto snapshot = readFile(m_path);
    if (!snapshot)
        return snapshot.error();
    if (source == ChangeSource::External)
        return adoptVersion(std::move(snapshot.value()), {});
    m_recent.clear();
    m_adoptionSource = source;
    auto adopted = adoptVersion(std::move(snapshot.value()), {});
    m_adoptionSource = ChangeSource::External;
    return adopted;
}

Result<std::optional<Json>> Store::get(const std::string &key)
{
    PerformanceMonitor::Scope scope(m_monitor, "get", key);
    auto path = KeyPath::parse(key, m_options.dialect);
    if (!path)
        return path.error();
    if (auto fresh = refreshIfStale(); !fresh)
        return fresh.error();
    // conf's get is plain JavaScript property access: "s.length" of a
    // string or an array answers too, not only stored members.
    std::optional<Json> value = getValue(m_doc, *path);
    scope.finish(false);
    return value;
}

Result<bool> Store::has(const std::string &key)
{
    PerformanceMonitor::Scope scope(m_monitor, "has", key);
    auto path = KeyPath::parse(key, m_options.dialect);
    if (!path)
        return path.error();
    if (auto fresh = refreshIfStale(); !fresh)
        return fresh.error();
    const bool present = hasValue(m_doc, *path);
    scope.finish(false);
    return present;
}

Result<Json> Store::getAll()
{
    PerformanceMonitor::Scope scope(m_monitor, "getAll", {});
    if (auto fresh = refreshIfStale(); !fresh)
        return fresh.error();
    scope.finish(false);
    return m_doc;
}

namespace {

// A number JSON cannot hold: 1e999 reads as Infinity, as JSON.parse reads it,
// and JSON.stringify writes Infinity as null.
bool holdsNonFinite(const Json &value)
{
    if (value.is_number_float())
        return !std::isfinite(value.get<double>());
    if (value.is_array())
        return std::any_of(value.begin(), value.end(), holdsNonFinite);
    if (value.is_object()) {
        for (const auto &[key, member] : value.items()) {
            if (holdsNonFinite(member))
                return true;
        }
    }
    return false;
}

} // namespace

Result<void> Store::apply(const std::vector<StoreOp> &ops, ChangeSource source,
                          const std::string &operationName)
{
    // A person's value with such a number would be written as null, which
    // nobody typed. What a restore or a migration carries is the file's own.
    for (const auto &op : ops) {
        if (!isPersonalEdit(source) || op.kind != StoreOp::Kind::Set || !holdsNonFinite(op.value))
            continue;
        const QString key = QString::fromStdString(op.path.toDotted(m_options.dialect));
        Error e = makeError(ErrorCode::Usage,
                            QStringLiteral("%1 not changed: the value holds a number too large "
                                           "for JSON (it reads as Infinity, and electron-store "
                                           "would write it as null); give a number of at most "
                                           "about 1.8e308")
                                .arg(key));
        e.key = key;
        return e;
    }
    return MergeWrite(*this, ops, source, operationName).run();
}

} // namespace tad
