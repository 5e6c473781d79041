// The history's folder: opening the journal (see Journal.h), the head, the
// layout before the journal, listing, labels and limits. See History.h and
// docs/BACKUPS.md#history.
#include "History.h"

#include "Journal.h"
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

// The newest hashAfter before `segment` (whose lines, if any, are not
// read): the previous segment's last line, else the newest entry file of
// the layout before the journal; "" when there is none. An earlier version
// named versions by SHA-256, and the next line names the same version the
// same way (see HistoryRecorder::nameOf).
QString hashBefore(const SideFolder &folder, const FolderContents &contents, int segment)
{
    for (auto it = contents.segments.rbegin(); it != contents.segments.rend(); ++it) {
        if (*it >= segment)
            continue;
        auto text = folder.read(journal::segmentName(*it));
        if (!text)
            return {};
        const journal::Lines lines = journal::splitLines(text->bytes);
        if (lines.lines.empty())
            continue;
        const auto tail = journal::tailOf(lines.lines.back());
        return tail ? tail->hashAfter : QString();
    }
    if (contents.entryFiles.isEmpty())
        return {};
    auto file = folder.read(contents.entryFiles.last());
    if (!file || !file->stamp.exists)
        return {};
    auto json = parseValue(file->bytes);
    auto entry = json ? HistoryEntry::fromJson(*json) : Result<HistoryEntry>(json.error());
    return entry ? entry->hashAfter : QString();
}

} // namespace

namespace {

bool observed(const HistoryEntry &entry)
{
    return entry.source == ChangeSource::External && entry.operation == "external";
}

// Whether two patch operations make the same change (an `add` and a
// `replace` of one value to one place do).
bool sameChange(const Json &a, const Json &b)
{
    const auto kind = [](const Json &op) {
        const std::string name = op.value("op", std::string());
        return name == "replace" ? std::string("add") : name;
    };
    return a.value("path", std::string()) == b.value("path", std::string()) && kind(a) == kind(b) &&
           a.contains("value") == b.contains("value") &&
           (!a.contains("value") || a["value"] == b["value"]);
}

// Takes out of `seen` every operation `made` has too, with the inverse's
// operations that undo them. False (nothing taken) when `seen` shares none
// or its inverse does not say which forward operation each one undoes.
bool dropSharedOperations(HistoryEntry &seen, const HistoryEntry &made)
{
    std::vector<int> renumbered(seen.patch.size(), -1);
    Json patch = Json::array();
    for (size_t i = 0; i < seen.patch.size(); ++i) {
        const Json &op = seen.patch[i];
        const bool shared =
            std::any_of(made.patch.begin(), made.patch.end(),
                        [&op](const Json &theirs) { return sameChange(op, theirs); });
        if (shared)
            continue;
        renumbered[i] = int(patch.size());
        patch.push_back(op);
    }
    if (patch.size() == seen.patch.size())
        return false;
    Json inverse = Json::array();
    for (const Json &op : seen.inverse) {
        const auto of = op.find("of");
        if (of == op.end() || !of->is_number_integer() || of->get<long long>() < 0 ||
            of->get<long long>() >= qsizetype(renumbered.size()))
            return false;
        const int index = renumbered[size_t(of->get<long long>())];
        if (index < 0)
            continue;
        Json kept = op;
        kept["of"] = index;
        inverse.push_back(std::move(kept));
    }
    seen.patch = std::move(patch);
    seen.inverse = std::move(inverse);
    seen.sets.clear();
    return true;
}

} // namespace

// One change can be written down twice: by the program that made it (the
// command line records its line just after its rename) and by one that
// follows the file and saw it land first (the window or another command
// records what it did not write as the app's). Both lines reach the same
// version. The one that only saw it (an `external` line) may take in more:
// another program's change made in between, which our writer carried along
// or built on. It keeps that and gives up what the writer recorded, and
// goes when nothing is left. Oldest first.
void History::dropSecondSightings(std::vector<HistoryEntry> &entries)
{
    // Both lines are written within moments of the rename, a few lines apart.
    constexpr size_t kNearLines = 8;
    constexpr qint64 kNearMs = 2000;
    std::vector<bool> gone(entries.size(), false);
    for (size_t i = 0; i < entries.size(); ++i) {
        HistoryEntry &seen = entries[i];
        if (!observed(seen) || seen.hashAfter.isEmpty())
            continue;
        const size_t from = i > kNearLines ? i - kNearLines : 0;
        const size_t to = std::min(entries.size(), i + kNearLines + 1);
        for (size_t j = from; j < to; ++j) {
            const HistoryEntry &made = entries[j];
            if (j == i || observed(made) || made.hashAfter != seen.hashAfter ||
                qAbs(made.time.msecsTo(seen.time)) > kNearMs)
                continue;
            // A change away from that version between the two lines: they
            // reached it apart, and both stay.
            const size_t low = std::min(i, j), high = std::max(i, j);
            if (std::any_of(
                    entries.begin() + long(low) + 1, entries.begin() + long(high),
                    [&seen](const HistoryEntry &e) { return e.hashBefore == seen.hashAfter; }))
                continue;
            if (seen.hashBefore == made.hashBefore) {
                gone[i] = true; // the same step
                break;
            }
            if (!dropSharedOperations(seen, made))
                continue;
            // Seen first: what it kept leads to the version the writer's
            // change started from.
            if (i < j)
                seen.hashAfter = made.hashBefore;
            gone[i] = seen.patch.empty();
            break;
        }
    }
    std::vector<HistoryEntry> kept;
    kept.reserve(entries.size());
    for (size_t i = 0; i < entries.size(); ++i)
        if (!gone[i])
            kept.push_back(std::move(entries[i]));
    entries = std::move(kept);
}

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

QString History::appendedFile() const
{
    auto folder = openFolder(SideFolder::Mode::OpenExisting);
    if (!folder || !folder->exists())
        return {};
    auto contents = contentsOf(*folder);
    if (!contents || contents->newest == 0)
        return {};
    return folder->filePath(journal::segmentName(contents->newest));
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
    return journal::idTime(stamp) + QLatin1Char('-') +
           QString::number(QRandomGenerator::global()->bounded(0x10000), 16)
               .rightJustified(4, QLatin1Char('0'));
}

Result<Journal *> History::openJournal()
{
    if (m_journal && m_journal->isOpen())
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
    m_journal = std::make_unique<Journal>(std::move(*folder), segment, std::move(*file),
                                          [this](const SideFolder &full) { trim(full); });
    return m_journal.get();
}

Result<HistoryEntry> History::record(HistoryEntry entry, const SharedText &contentAfter)
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
    if (auto appended = journal.append(entry, contentAfter.get()); !appended)
        return appended.error();
    if (contentAfter) {
        m_headBytes = contentAfter;
        m_headHash = entry.hashAfter;
    }
    if (journal.groupFull()) {
        if (auto flushed = flush(); !flushed)
            return flushed.error();
    }
    return entry;
}

Result<void> History::flush()
{
    if (!m_journal)
        return {};
    return m_journal->flush();
}

bool History::needsFlush() const
{
    return m_journal && m_journal->needsFlush();
}

Result<void> History::setBase(const SharedText &text)
{
    const std::string &bytes = *text;
    auto opened = openJournal();
    if (!opened)
        return opened.error();
    Result<void> done = (*opened)->startFrom(bytes);
    if (done) {
        m_headBytes = text;
        m_headHash.clear();
    }
    return done;
}

Result<std::optional<HistoryHead>> History::head(bool withDocument) const
{
    // Our own last entry, while no one has appended since: nothing to read.
    if (m_headBytes && m_journal && m_journal->unchangedSinceOwnWrite()) {
        HistoryHead head;
        head.hash = m_headHash;
        head.bytes = m_headBytes;
        return std::optional<HistoryHead>(std::move(head));
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
        head.bytes = shareText(std::move(file->bytes));
        head.hash = hashBefore(*folder, *contents, 1);
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
        head.bytes = shareText(std::move(**base));
        head.hash = hashBefore(*folder, *contents, segment);
        return std::optional<HistoryHead>(std::move(head));
    }
    HistoryHead head;
    if (const auto tail = journal::tailOf(lines.lines.back()))
        head.hash = tail->hashAfter;
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
    if (m_journal && m_journal->isOpen()) {
        names << journal::segmentName(m_journal->segment());
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
    const auto timeOf = [](const QString &id) {
        return QStringView(id).left(id.indexOf('-'));
    };
    std::stable_sort(
        entries.begin(), entries.end(),
        [&](const HistoryEntry &a, const HistoryEntry &b) { return timeOf(a.id) < timeOf(b.id); });
    dropSecondSightings(entries);
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
        if (auto written = folder->write(oldName, compactJson(*json), journal::privateFile());
            !written)
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
        if (auto written = folder->write(name, rewritten, journal::privateFile()); !written)
            return written.error();
        HistoryEntry entry = *found;
        entry.label = trimmed;
        return entry;
    }
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("the history entry %1 went away meanwhile").arg(found->id));
}

} // namespace tad
