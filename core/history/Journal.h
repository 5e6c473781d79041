// The history's journal (see History.h): its segment files and their names,
// the entries as lines, and the one writer that appends to the newest
// segment. Internal to core/history; History is the folder-level API.
#pragma once

#include "History.h"
#include "io/AppendFile.h"
#include "io/SideFolder.h"

#include <QString>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tad {

namespace journal {

QString segmentName(int segment); // "journal-000007.jsonl"
QString baseName(int segment);    // "journal-000007.base"
// The segment a file of the journal belongs to, or 0; `isBase` says which file.
int segmentOf(const QString &fileName, bool *isBase = nullptr);

// The entry as one line ending in '\n': no hashBefore when it is the line
// before's hashAfter, no time when the id says it, `sets` instead of the
// patch and inverse when the entry has them.
std::string toLine(const HistoryEntry &entry, const QString &previousHashAfter);
// The time part of an entry's id: "yyyyMMddTHHmmsszzzZ", in UTC.
QString idTime(const QDateTime &time);
Result<HistoryEntry> fromLine(std::string_view line, const QString &previousHashAfter);

// A segment's text cut into its lines: only lines that end in '\n' count;
// what follows the last one is a record a crash cut short (`tornBytes`).
struct Lines
{
    std::vector<std::string_view> lines; // without the '\n'
    qint64 completeBytes = 0;
    qint64 tornBytes = 0;
};
Lines splitLines(std::string_view text);

// Only the members of a line that a head needs, without building the patch.
struct Tail
{
    QString hashAfter;
};
std::optional<Tail> tailOf(std::string_view line);

// How the history writes its own files: readable by the owner only.
WriteOptions privateFile();

} // namespace journal

// Appends entries to the newest segment of the journal, under the segment
// file's lock. Before each append it catches up with what other processes
// appended meanwhile (and follows them to a newer or rewritten segment);
// a full segment is closed by writing the next one's base. Lines are not
// durable until flush() (group commit: History flushes every
// History::kGroupCommit entries).
class Journal
{
public:
    // Frees room in the folder by the history's limits.
    using Trim = std::function<void(const SideFolder &folder)>;

    Journal(SideFolder folder, int segment, AppendFile file, Trim trim);

    const SideFolder &folder() const { return m_folder; }
    int segment() const { return m_segment; }
    // False after a failed switch to another segment: open the journal again.
    bool isOpen() const { return m_file.has_value(); }

    // Appends the entry as a line. With `contentAfter`, a segment that is
    // full afterwards is closed and the next one starts from it.
    Result<void> append(const HistoryEntry &entry, const std::string *contentAfter);
    // Starts the journal from this content: the newest segment's own base
    // while it has no entry, else the base of a new segment.
    Result<void> startFrom(const std::string &bytes);

    // Makes every line appended so far durable (one fdatasync).
    Result<void> flush();
    bool needsFlush() const;
    // History::kGroupCommit lines have been appended since the last flush.
    bool groupFull() const;
    // No one appended or started a newer segment since this journal's own
    // last line: what it knows of the newest entry still holds.
    bool unchangedSinceOwnWrite() const;

private:
    Result<void> catchUp();
    Result<void> rotate(const std::string &base);
    void forgetRead();
    Result<void> switchTo(int number);

    SideFolder m_folder;
    int m_segment = 0;
    std::optional<AppendFile> m_file; // the segment's .jsonl
    Trim m_trim;
    qint64 m_end = 0;        // bytes of complete lines read or written
    int m_entries = 0;       // lines in the segment
    QString m_lastHashAfter; // of its last line
    int m_unflushed = 0;
};

} // namespace tad
