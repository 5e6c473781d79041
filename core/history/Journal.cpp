// The journal's segment files and the writer that appends to the newest one.
// See Journal.h and docs/BACKUPS.md#history.
#include "Journal.h"

namespace tad {

namespace journal {

QString segmentName(int segment)
{
    return QStringLiteral("journal-%1.jsonl").arg(segment, 6, 10, QLatin1Char('0'));
}

QString baseName(int segment)
{
    return QStringLiteral("journal-%1.base").arg(segment, 6, 10, QLatin1Char('0'));
}

int segmentOf(const QString &fileName, bool *isBase)
{
    static const QString prefix = QStringLiteral("journal-");
    if (!fileName.startsWith(prefix))
        return 0;
    const bool base = fileName.endsWith(QLatin1String(".base"));
    if (!base && !fileName.endsWith(QLatin1String(".jsonl")))
        return 0;
    const QString digits =
        fileName.mid(prefix.size(), fileName.size() - prefix.size() - (base ? 5 : 6));
    bool ok = false;
    const int segment = digits.toInt(&ok);
    if (!ok || segment <= 0 || digits.size() != 6)
        return 0;
    if (isBase)
        *isBase = base;
    return segment;
}

Lines splitLines(std::string_view text)
{
    Lines out;
    size_t start = 0;
    while (start < text.size()) {
        const size_t newline = text.find('\n', start);
        if (newline == std::string_view::npos)
            break;
        if (newline > start)
            out.lines.push_back(text.substr(start, newline - start));
        start = newline + 1;
    }
    out.completeBytes = qint64(start);
    out.tornBytes = qint64(text.size() - start);
    return out;
}

std::optional<Tail> tailOf(std::string_view line)
{
    auto entry = fromLine(line, QString());
    if (!entry)
        return std::nullopt;
    return Tail{entry->hashAfter};
}

WriteOptions privateFile()
{
    WriteOptions options;
    options.newFileMode = 0600;
    return options;
}

} // namespace journal

Journal::Journal(SideFolder folder, int segment, AppendFile file, Trim trim)
    : m_folder(std::move(folder)), m_segment(segment), m_file(std::move(file)),
      m_trim(std::move(trim))
{}

// Forgets what was read of the segment: it is read again from the start.
void Journal::forgetRead()
{
    m_end = 0;
    m_entries = 0;
    m_lastHashAfter.clear();
}

// Appends to `number`'s file from now on (a newer segment, or the same one
// rewritten), locked, with nothing of it read yet.
Result<void> Journal::switchTo(int number)
{
    m_file.reset(); // releases the old file's lock
    auto opened = m_folder.openAppend(journal::segmentName(number));
    if (!opened)
        return opened.error();
    m_segment = number;
    m_file = std::move(*opened);
    forgetRead();
    return m_file->lock();
}

// Reads what other processes appended since this journal last looked, and
// follows them to a newer segment or to a rewritten copy of this one.
Result<void> Journal::catchUp()
{
    for (int hops = 0; hops < 100; ++hops) {
        // Another process started a newer segment: follow it there.
        auto newer = m_folder.stat(journal::baseName(m_segment + 1));
        auto newerLines = m_folder.stat(journal::segmentName(m_segment + 1));
        if (!newer)
            return newer.error();
        if (!newerLines)
            return newerLines.error();
        if (newer->exists || newerLines->exists) {
            if (auto switched = switchTo(m_segment + 1); !switched)
                return switched;
            continue;
        }
        auto stamp = m_file->stamp();
        if (!stamp)
            return stamp.error();
        auto named = m_folder.stat(journal::segmentName(m_segment));
        if (!named)
            return named.error();
        if (named->exists && named->stamp.inode != stamp->inode) {
            // The segment was rewritten (a label changed): append to the new file.
            if (auto switched = switchTo(m_segment); !switched)
                return switched;
            continue;
        }
        if (stamp->size == m_end)
            return {};
        if (stamp->size < m_end) {
            // Shorter than what we knew: read it again from the start.
            forgetRead();
        }
        auto text = m_file->readFrom(m_end);
        if (!text)
            return text.error();
        const journal::Lines lines = journal::splitLines(*text);
        m_entries += int(lines.lines.size());
        if (!lines.lines.empty()) {
            const auto tail = journal::tailOf(lines.lines.back());
            m_lastHashAfter = tail ? tail->hashAfter : QString();
        }
        m_end += lines.completeBytes;
        // A record a crash cut short: it never counted, and the next line
        // must not be glued to it.
        if (lines.tornBytes > 0) {
            if (auto cut = m_file->truncate(m_end); !cut)
                return cut;
        }
        return {};
    }
    return {};
}

Result<void> Journal::append(const HistoryEntry &entry, const std::string *contentAfter)
{
    if (auto locked = m_file->lock(); !locked)
        return locked.error();
    if (auto caught = catchUp(); !caught) {
        m_file->unlock();
        return caught.error();
    }
    const std::string line = journal::toLine(entry, m_lastHashAfter);
    // The entry must leave the settings file room for its next write; old
    // entries go first, by the limits.
    const quint64 needed = quint64(line.size()) + quint64(entry.sizeAfter) + kSideFileSlack;
    if (auto room = m_folder.checkRoom(needed, QStringLiteral("a history record")); !room) {
        m_trim(m_folder);
        if (auto again = m_folder.checkRoom(needed, QStringLiteral("a history record")); !again) {
            m_file->unlock();
            return again.error();
        }
    }
    if (auto appended = m_file->append(line); !appended) {
        // Whatever part of the line reached the file is cut off by the next
        // append, which reads the tail first.
        m_file->unlock();
        return appended.error();
    }
    m_end += qint64(line.size());
    ++m_entries;
    ++m_unflushed;
    m_lastHashAfter = entry.hashAfter;
    Result<void> rotated;
    if (m_entries >= History::kSegmentEntries && contentAfter)
        rotated = rotate(*contentAfter);
    if (m_file)
        m_file->unlock();
    return rotated;
}

// Closes the segment: `base` becomes the next segment's base, and lines go
// to that segment from now on.
Result<void> Journal::rotate(const std::string &base)
{
    // The segment so far is made durable before a base that follows it.
    if (auto flushed = m_file->sync(); !flushed)
        return flushed;
    m_unflushed = 0;
    const int next = m_segment + 1;
    const quint64 needed = 2 * quint64(base.size()) + kSideFileSlack;
    if (auto room = m_folder.checkRoom(needed, QStringLiteral("the history's copy of the file"));
        !room)
        return room;
    if (auto written = m_folder.write(journal::baseName(next), base, journal::privateFile());
        !written)
        return written.error();
    // Only the newest segment's base is ever read.
    (void)m_folder.remove(journal::baseName(m_segment));
    auto file = m_folder.openAppend(journal::segmentName(next));
    if (!file)
        return file.error();
    m_file = std::move(*file);
    m_segment = next;
    forgetRead();
    m_trim(m_folder);
    return {};
}

Result<void> Journal::startFrom(const std::string &bytes)
{
    if (auto locked = m_file->lock(); !locked)
        return locked;
    Result<void> done = catchUp();
    if (done) {
        auto base = m_folder.stat(journal::baseName(m_segment));
        if (!base) {
            done = base.error();
        } else if (m_entries == 0 && !base->exists) {
            // A history that starts here: this segment's own base.
            const quint64 needed = 2 * quint64(bytes.size()) + kSideFileSlack;
            if (auto room =
                    m_folder.checkRoom(needed, QStringLiteral("the history's copy of the file"));
                !room)
                done = room;
            else if (auto written = m_folder.write(journal::baseName(m_segment), bytes,
                                                   journal::privateFile());
                     !written)
                done = written.error();
        } else {
            done = rotate(bytes);
        }
    }
    if (m_file)
        m_file->unlock();
    return done;
}

Result<void> Journal::flush()
{
    if (!m_file)
        return {};
    m_unflushed = 0;
    return m_file->sync();
}

bool Journal::needsFlush() const
{
    return m_file && m_file->needsSync();
}

bool Journal::groupFull() const
{
    return m_unflushed >= History::kGroupCommit;
}

bool Journal::unchangedSinceOwnWrite() const
{
    if (!m_file)
        return false;
    auto stamp = m_file->stamp();
    auto newer = m_folder.stat(journal::baseName(m_segment + 1));
    return stamp && stamp->size == m_end && newer && !newer->exists;
}

} // namespace tad
