// The history's folder: the journal (appending, group commit, segments,
// the head), the layout before it, listing and limits. See History.h and
// docs/BACKUPS.md#history.
#include "History.h"

#include "HistoryJournal.h"
#include "JsonPatch.h"

#include "json/JsonText.h"
#include <QFileInfo>
#include <QRandomGenerator>
#include <algorithm>

namespace tad {

namespace {

const QString kFolder = QStringLiteral("storeHistory");
const QString kHeadName = QStringLiteral("head.json"); // the layout before the journal

// An entry file of the layout before the journal.
bool isEntryFileName(const QString &name)
{
    return name.endsWith(QLatin1String(".json")) && name != kHeadName &&
           !name.startsWith(QLatin1Char('.'));
}

WriteOptions privateFile()
{
    WriteOptions options;
    options.newFileMode = 0600;
    return options;
}

Error linkSkipped(const QString &path)
{
    Error e = makeError(ErrorCode::Unreadable,
                        QStringLiteral("%1 is a symbolic link, not a history entry; TAD Settings "
                                       "does not follow links in its own folders, so it was not "
                                       "read. Remove it (rm \"%2\").")
                            .arg(QFileInfo(path).fileName(), path));
    e.file = path;
    return e;
}

// What the folder holds, by kind.
struct FolderContents
{
    QStringList entryFiles, entryLinks; // the layout before the journal, sorted
    std::vector<int> segments;          // journal segments with a .jsonl file, ascending
    QStringList journalLinks;
    int newest = 0; // the newest segment (by either of its files)
    bool newestHasBase = false;
    bool oldHead = false; // head.json is there (a file or a link)
};

Result<FolderContents> contentsOf(const SideFolder &folder)
{
    auto listed = folder.list();
    if (!listed)
        return listed.error();
    FolderContents out;
    std::vector<int> bases;
    for (const SideEntry &entry : *listed) {
        bool isBase = false;
        if (const int segment = journal::segmentOf(entry.name, &isBase)) {
            if (entry.type == SideEntry::Type::Link) {
                out.journalLinks << entry.name;
                out.newest = std::max(out.newest, segment);
                continue;
            }
            if (entry.type != SideEntry::Type::File)
                continue;
            (isBase ? bases : out.segments).push_back(segment);
            out.newest = std::max(out.newest, segment);
        } else if (entry.name == kHeadName) {
            out.oldHead = true;
        } else if (isEntryFileName(entry.name)) {
            if (entry.type == SideEntry::Type::File)
                out.entryFiles << entry.name;
            else if (entry.type == SideEntry::Type::Link)
                out.entryLinks << entry.name;
        }
    }
    std::sort(out.segments.begin(), out.segments.end());
    out.entryFiles.sort();
    out.entryLinks.sort();
    out.journalLinks.sort();
    out.newestHasBase = std::find(bases.begin(), bases.end(), out.newest) != bases.end();
    return out;
}

// Only the members a head needs, without building the patch.
struct Tail
{
    QString hashAfter;
    FileStamp file;
};
std::optional<Tail> tailOf(std::string_view line)
{
    auto entry = journal::fromLine(line, QString());
    if (!entry)
        return std::nullopt;
    return Tail{entry->hashAfter, entry->fileAfter};
}

} // namespace

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

} // namespace journal

struct History::Journal
{
    Journal(SideFolder folder, int segment, AppendFile file)
        : folder(std::move(folder)), segment(segment), file(std::move(file))
    {}
    SideFolder folder;
    int segment = 0;
    std::optional<AppendFile> file; // the segment's .jsonl
    qint64 end = 0;                 // bytes of complete lines read or written
    int entries = 0;                // lines in the segment
    QString lastHashAfter;          // of its last line
    int unflushed = 0;

    // Forgets what was read of the segment: it is read again from the start.
    void forgetRead()
    {
        end = 0;
        entries = 0;
        lastHashAfter.clear();
    }
    // Appends to `number`'s file from now on (a newer segment, or the same
    // one rewritten), locked, with nothing of it read yet.
    Result<void> switchTo(int number)
    {
        file.reset(); // releases the old file's lock
        auto opened = folder.openAppend(journal::segmentName(number));
        if (!opened)
            return opened.error();
        segment = number;
        file = std::move(*opened);
        forgetRead();
        return file->lock();
    }
};

History::History(QString storePath) : m_storePath(std::move(storePath)) {}

History::~History()
{
    // Errors here have no one to tell; a program that can say them flushes first.
    (void)flush();
}

QString History::directory() const
{
    return SideFolder::pathFor(m_storePath, kFolder);
}

Result<SideFolder> History::openFolder(SideFolder::Mode mode) const
{
    return SideFolder::open(m_storePath, kFolder, mode);
}

QString History::nextId(const QDateTime &time)
{
    // Strictly increasing within this process, so entries recorded in one
    // burst (a migration's steps) keep their order.
    QDateTime stamp = time.toUTC();
    if (m_lastTime.isValid() && stamp <= m_lastTime)
        stamp = m_lastTime.addMSecs(1);
    m_lastTime = stamp;
    return stamp.toString(QStringLiteral("yyyyMMddTHHmmsszzzZ")) + QLatin1Char('-') +
           QString::number(QRandomGenerator::global()->bounded(0x10000), 16)
               .rightJustified(4, QLatin1Char('0'));
}

Result<History::Journal *> History::openJournal()
{
    if (m_journal && m_journal->file)
        return m_journal.get();
    auto folder = openFolder(SideFolder::Mode::Create);
    if (!folder)
        return folder.error();
    auto contents = contentsOf(*folder);
    if (!contents)
        return contents.error();
    int segment = contents->newest;
    if (segment == 0) {
        segment = 1;
        // The layout before the journal: what head.json holds is what the
        // newest entry file left, i.e. the base of the first segment. A
        // rename, so no byte is copied; the entry files stay and are read.
        if (contents->oldHead) {
            auto head = folder->stat(kHeadName);
            if (!head)
                return head.error();
            if (head->type != SideEntry::Type::File) {
                // read() refuses it with the words for it, without following it.
                auto refused = folder->read(kHeadName);
                return refused ? linkSkipped(folder->filePath(kHeadName)) : refused.error();
            }
            if (auto moved = folder->rename(kHeadName, journal::baseName(segment)); !moved)
                return moved.error();
        }
    }
    auto file = folder->openAppend(journal::segmentName(segment));
    if (!file)
        return file.error();
    m_journal = std::make_unique<Journal>(std::move(*folder), segment, std::move(*file));
    return m_journal.get();
}

Result<void> History::catchUpTail(Journal &journal)
{
    for (int hops = 0; hops < 100; ++hops) {
        // Another process started a newer segment: follow it there.
        auto newer = journal.folder.stat(journal::baseName(journal.segment + 1));
        auto newerLines = journal.folder.stat(journal::segmentName(journal.segment + 1));
        if (!newer)
            return newer.error();
        if (!newerLines)
            return newerLines.error();
        if (newer->exists || newerLines->exists) {
            if (auto switched = journal.switchTo(journal.segment + 1); !switched)
                return switched;
            continue;
        }
        auto stamp = journal.file->stamp();
        if (!stamp)
            return stamp.error();
        auto named = journal.folder.stat(journal::segmentName(journal.segment));
        if (!named)
            return named.error();
        if (named->exists && named->stamp.inode != stamp->inode) {
            // The segment was rewritten (a label changed): append to the new file.
            if (auto switched = journal.switchTo(journal.segment); !switched)
                return switched;
            continue;
        }
        if (stamp->size == journal.end)
            return {};
        if (stamp->size < journal.end) {
            // Shorter than what we knew: read it again from the start.
            journal.forgetRead();
        }
        auto text = journal.file->readFrom(journal.end);
        if (!text)
            return text.error();
        const journal::Lines lines = journal::splitLines(*text);
        journal.entries += int(lines.lines.size());
        if (!lines.lines.empty()) {
            const auto tail = tailOf(lines.lines.back());
            journal.lastHashAfter = tail ? tail->hashAfter : QString();
        }
        journal.end += lines.completeBytes;
        // A record a crash cut short: it never counted, and the next line
        // must not be glued to it.
        if (lines.tornBytes > 0) {
            if (auto cut = journal.file->truncate(journal.end); !cut)
                return cut;
        }
        return {};
    }
    return {};
}

Result<HistoryEntry> History::record(HistoryEntry entry, const std::string *contentAfter)
{
    if (!entry.time.isValid())
        entry.time = m_clock();
    if (entry.id.isEmpty())
        entry.id = nextId(entry.time);
    m_headBytes.reset();
    auto opened = openJournal();
    if (!opened)
        return opened.error();
    Journal &journal = **opened;
    if (auto locked = journal.file->lock(); !locked)
        return locked.error();
    if (auto caught = catchUpTail(journal); !caught) {
        journal.file->unlock();
        return caught.error();
    }
    const std::string line = journal::toLine(entry, journal.lastHashAfter);
    // The entry must leave the settings file room for its next write; old
    // entries go first, by the limits.
    const quint64 needed = quint64(line.size()) + quint64(entry.sizeAfter) + kSideFileSlack;
    if (auto room = journal.folder.checkRoom(needed, QStringLiteral("a history record")); !room) {
        trim(journal.folder);
        if (auto again = journal.folder.checkRoom(needed, QStringLiteral("a history record"));
            !again) {
            journal.file->unlock();
            return again.error();
        }
    }
    if (auto appended = journal.file->append(line); !appended) {
        // Whatever part of the line reached the file is cut off by the next
        // append, which reads the tail first.
        journal.file->unlock();
        return appended.error();
    }
    journal.end += qint64(line.size());
    ++journal.entries;
    ++journal.unflushed;
    journal.lastHashAfter = entry.hashAfter;
    Result<void> rotated;
    if (journal.entries >= kSegmentEntries && contentAfter)
        rotated = rotate(journal, *contentAfter);
    if (journal.file)
        journal.file->unlock();
    if (!rotated)
        return rotated.error();
    if (contentAfter) {
        m_headBytes = *contentAfter;
        m_headHash = entry.hashAfter;
    }
    if (journal.unflushed >= kGroupCommit) {
        if (auto flushed = flush(); !flushed)
            return flushed.error();
    }
    return entry;
}

Result<void> History::rotate(Journal &journal, const std::string &base)
{
    // The segment so far is made durable before a base that follows it.
    if (auto flushed = journal.file->sync(); !flushed)
        return flushed;
    journal.unflushed = 0;
    const int next = journal.segment + 1;
    const quint64 needed = 2 * quint64(base.size()) + kSideFileSlack;
    if (auto room =
            journal.folder.checkRoom(needed, QStringLiteral("the history's copy of the file"));
        !room)
        return room;
    if (auto written = journal.folder.write(journal::baseName(next), base, privateFile()); !written)
        return written.error();
    // Only the newest segment's base is ever read.
    (void)journal.folder.remove(journal::baseName(journal.segment));
    auto file = journal.folder.openAppend(journal::segmentName(next));
    if (!file)
        return file.error();
    journal.file = std::move(*file);
    journal.segment = next;
    journal.forgetRead();
    trim(journal.folder);
    return {};
}

Result<void> History::flush()
{
    if (!m_journal || !m_journal->file)
        return {};
    m_journal->unflushed = 0;
    return m_journal->file->sync();
}

bool History::needsFlush() const
{
    return m_journal && m_journal->file && m_journal->file->needsSync();
}

Result<void> History::setBase(const std::string &bytes)
{
    auto opened = openJournal();
    if (!opened)
        return opened.error();
    Journal &journal = **opened;
    if (auto locked = journal.file->lock(); !locked)
        return locked;
    Result<void> done = catchUpTail(journal);
    if (done) {
        auto base = journal.folder.stat(journal::baseName(journal.segment));
        if (!base) {
            done = base.error();
        } else if (journal.entries == 0 && !base->exists) {
            // A history that starts here: this segment's own base.
            const quint64 needed = 2 * quint64(bytes.size()) + kSideFileSlack;
            if (auto room = journal.folder.checkRoom(
                    needed, QStringLiteral("the history's copy of the file"));
                !room)
                done = room;
            else if (auto written = journal.folder.write(journal::baseName(journal.segment), bytes,
                                                         privateFile());
                     !written)
                done = written.error();
        } else {
            done = rotate(journal, bytes);
        }
    }
    if (journal.file)
        journal.file->unlock();
    if (done) {
        m_headBytes = bytes;
        m_headHash.clear();
    }
    return done;
}

Result<std::optional<HistoryHead>> History::head(bool withDocument) const
{
    // Our own last entry, while no one has appended since: nothing to read.
    if (m_headBytes && m_journal && m_journal->file) {
        auto stamp = m_journal->file->stamp();
        auto newer = m_journal->folder.stat(journal::baseName(m_journal->segment + 1));
        if (stamp && stamp->size == m_journal->end && newer && !newer->exists) {
            HistoryHead head;
            head.hash = m_headHash;
            head.bytes = *m_headBytes;
            return std::optional<HistoryHead>(std::move(head));
        }
    }
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    if (!folder->exists())
        return std::optional<HistoryHead>();
    auto contents = contentsOf(*folder);
    if (!contents)
        return contents.error();
    if (contents->newest == 0) {
        // The layout before the journal.
        auto file = folder->read(kHeadName);
        if (!file)
            return file.error();
        if (!file->stamp.exists)
            return std::optional<HistoryHead>();
        HistoryHead head;
        head.bytes = std::move(file->bytes);
        return std::optional<HistoryHead>(std::move(head));
    }
    const int segment = contents->newest;
    auto text = folder->read(journal::segmentName(segment));
    if (!text)
        return text.error();
    const journal::Lines lines = journal::splitLines(text->bytes);
    auto readBase = [&]() -> Result<std::optional<std::string>> {
        auto base = folder->read(journal::baseName(segment));
        if (!base)
            return base.error();
        if (!base->stamp.exists)
            return std::optional<std::string>();
        return std::optional<std::string>(std::move(base->bytes));
    };
    if (lines.lines.empty()) {
        auto base = readBase();
        if (!base)
            return base.error();
        if (!base->has_value())
            return std::optional<HistoryHead>();
        HistoryHead head;
        head.bytes = std::move(**base);
        return std::optional<HistoryHead>(std::move(head));
    }
    HistoryHead head;
    if (const auto tail = tailOf(lines.lines.back())) {
        head.hash = tail->hashAfter;
        head.file = tail->file;
    }
    if (!withDocument)
        return std::optional<HistoryHead>(std::move(head));
    auto base = readBase();
    if (!base)
        return base.error();
    if (!base->has_value())
        return std::optional<HistoryHead>(std::move(head));
    auto parsed = (*base)->empty()
                      ? Result<ParsedDocument>(ParsedDocument{Json::object(), {}, false, {}})
                      : parseDocument(**base);
    if (!parsed)
        return std::optional<HistoryHead>(std::move(head));
    Json doc = std::move(parsed->value);
    QString previous;
    for (std::string_view line : lines.lines) {
        auto entry = journal::fromLine(line, previous);
        if (!entry || !applyPatch(doc, entry->patch))
            return std::optional<HistoryHead>(std::move(head));
        previous = entry->hashAfter;
    }
    head.document = std::move(doc);
    return std::optional<HistoryHead>(std::move(head));
}

Result<void> History::checkWritable() const
{
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    if (!folder->exists())
        return {};
    QStringList names;
    if (m_journal && m_journal->file) {
        names << journal::segmentName(m_journal->segment);
    } else {
        auto contents = contentsOf(*folder);
        if (!contents)
            return contents.error();
        if (contents->newest == 0) {
            names << kHeadName << journal::segmentName(1);
        } else {
            names << journal::segmentName(contents->newest) << journal::baseName(contents->newest);
        }
    }
    for (const QString &name : names) {
        auto st = folder->stat(name);
        if (!st)
            return st.error();
        if (st->exists && st->type != SideEntry::Type::File) {
            // read() refuses it with the words for it, without following it.
            if (auto refused = folder->read(name); !refused)
                return refused.error();
        }
    }
    return {};
}

void History::trim(const SideFolder &folder) const
{
    auto contents = contentsOf(folder);
    if (!contents)
        return;
    struct Part
    {
        QString name;
        qint64 entries = 0;
        qint64 bytes = 0;
    };
    std::vector<Part> parts; // oldest first: the old entry files, then the segments
    for (const QString &name : contents->entryFiles) {
        auto st = folder.stat(name);
        parts.push_back({name, 1, st && st->exists ? st->stamp.size : 0});
    }
    for (int segment : contents->segments) {
        const QString name = journal::segmentName(segment);
        auto text = folder.read(name);
        if (!text || !text->stamp.exists)
            continue;
        parts.push_back({name, qint64(journal::splitLines(text->bytes).lines.size()),
                         qint64(text->bytes.size())});
    }
    qint64 count = 0, total = 0;
    for (const Part &part : parts) {
        count += part.entries;
        total += part.bytes;
    }
    // Never the newest segment (it holds the newest entry and is appended to).
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
        if (count <= m_limits.maxEntries && total <= m_limits.maxBytes)
            break;
        if (auto removed = folder.remove(parts[i].name); removed && *removed) {
            count -= parts[i].entries;
            total -= parts[i].bytes;
        }
    }
}

Result<std::vector<HistoryEntry>> History::list(std::vector<Error> *skipped) const
{
    std::vector<HistoryEntry> entries;
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    auto contents = contentsOf(*folder);
    if (!contents)
        return contents.error();
    if (skipped) {
        for (const QString &link : contents->entryLinks + contents->journalLinks)
            skipped->push_back(linkSkipped(folder->filePath(link)));
    }
    for (const QString &name : contents->entryFiles) {
        auto file = folder->read(name);
        if (!file) {
            if (skipped)
                skipped->push_back(file.error());
            continue;
        }
        if (!file->stamp.exists)
            continue;
        auto json = parseValue(file->bytes);
        if (!json)
            continue;
        auto entry = HistoryEntry::fromJson(*json);
        if (entry)
            entries.push_back(std::move(entry.value()));
    }
    for (int segment : contents->segments) {
        auto file = folder->read(journal::segmentName(segment));
        if (!file) {
            if (skipped)
                skipped->push_back(file.error());
            continue;
        }
        QString previous;
        for (std::string_view line : journal::splitLines(file->bytes).lines) {
            auto entry = journal::fromLine(line, previous);
            if (!entry)
                continue;
            previous = entry->hashAfter;
            entries.push_back(std::move(entry.value()));
        }
    }
    // Newest first. An id starts with its time to the millisecond and ends in
    // a random suffix, so two entries of one millisecond keep the order in
    // which they were recorded (entry files, then the journal's lines).
    const auto timeOf = [](const QString &id) { return QStringView(id).left(id.indexOf('-')); };
    std::stable_sort(entries.begin(), entries.end(),
                     [&](const HistoryEntry &a, const HistoryEntry &b) {
                         return timeOf(a.id) < timeOf(b.id);
                     });
    std::reverse(entries.begin(), entries.end());
    return entries;
}

Result<HistoryEntry> History::find(const QString &id) const
{
    if (id.isEmpty() || id.contains(QLatin1Char('/')) || id.contains(QLatin1Char('\\')) ||
        id.startsWith(QLatin1Char('.')))
        return makeError(ErrorCode::Usage,
                         QStringLiteral("\"%1\" is not a history entry id").arg(id));
    std::vector<Error> skipped;
    auto entries = list(&skipped);
    if (!entries)
        return entries.error();
    std::vector<const HistoryEntry *> matches;
    for (const auto &entry : *entries) {
        if (entry.id == id)
            return entry;
        if (entry.id.startsWith(id) || entry.id.endsWith(id))
            matches.push_back(&entry);
    }
    if (matches.size() == 1)
        return *matches.front();
    if (matches.empty()) {
        // An entry that is there but was not read says why, rather than "no
        // entry": an old entry file by its name, a journal segment whatever
        // the id (it may hold any of them).
        for (const Error &problem : skipped) {
            const QString name = QFileInfo(problem.file).fileName();
            const QString base = QFileInfo(problem.file).completeBaseName();
            if (journal::segmentOf(name) || base.startsWith(id) || base.endsWith(id))
                return problem;
        }
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no history entry %1 (see `history list`)").arg(id));
    }
    return makeError(ErrorCode::Usage,
                     QStringLiteral("\"%1\" matches %2 history entries; give more of the id")
                         .arg(id)
                         .arg(matches.size()));
}

Result<HistoryEntry> History::setLabel(const QString &id, const QString &label) const
{
    auto found = find(id);
    if (!found)
        return found.error();
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder)
        return folder.error();
    const QString trimmed = label.trimmed();
    auto labelled = [&](Json &json) {
        if (trimmed.isEmpty())
            json.erase("label");
        else
            json["label"] = trimmed.toStdString();
    };
    const QString oldName = found->id + QLatin1String(".json");
    auto old = folder->stat(oldName);
    if (!old)
        return old.error();
    if (old->exists) {
        // An entry file of the layout before the journal: its own members,
        // those a newer version wrote included, stay.
        auto file = folder->read(oldName);
        if (!file)
            return file.error();
        auto json = parseValue(file->bytes);
        if (!json || !json->is_object()) {
            Error e = makeError(ErrorCode::Unreadable,
                                QStringLiteral("the history entry %1 does not read as a JSON "
                                               "object; it was left as it is")
                                    .arg(found->id));
            e.file = folder->filePath(oldName);
            return e;
        }
        labelled(*json);
        if (auto written = folder->write(oldName, compactJson(*json), privateFile()); !written)
            return written.error();
        return HistoryEntry::fromJson(*json);
    }
    auto contents = contentsOf(*folder);
    if (!contents)
        return contents.error();
    const std::string wanted = found->id.toStdString();
    for (int segment : contents->segments) {
        const QString name = journal::segmentName(segment);
        auto file = folder->openAppend(name);
        if (!file)
            return file.error();
        if (auto locked = file->lock(); !locked)
            return locked.error();
        auto text = file->readFrom(0);
        if (!text)
            return text.error();
        const journal::Lines lines = journal::splitLines(*text);
        std::string rewritten;
        bool changed = false;
        for (std::string_view line : lines.lines) {
            auto json = parseValue(line);
            if (json && json->is_object() && json->value("id", std::string()) == wanted) {
                labelled(*json);
                rewritten += compactJson(*json);
                changed = true;
            } else {
                rewritten.append(line);
            }
            rewritten += '\n';
        }
        if (!changed)
            continue;
        if (auto written = folder->write(name, rewritten, privateFile()); !written)
            return written.error();
        HistoryEntry entry = *found;
        entry.label = trimmed;
        return entry;
    }
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("the history entry %1 went away meanwhile").arg(found->id));
}

} // namespace tad
