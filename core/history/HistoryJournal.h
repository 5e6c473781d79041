// The journal's files and lines (see History.h): internal to core/history.
#pragma once

#include "History.h"

#include <QString>
#include <string>
#include <string_view>
#include <vector>

namespace tad::journal {

QString segmentName(int segment); // "journal-000007.jsonl"
QString baseName(int segment);    // "journal-000007.base"
// The segment a file of the journal belongs to, or 0; `isBase` says which file.
int segmentOf(const QString &fileName, bool *isBase = nullptr);

// The entry as one line ending in '\n': no hashBefore when it is the line
// before's hashAfter, no time when the id says it, `sets` instead of the
// patch and inverse when the entry has them.
std::string toLine(const HistoryEntry &entry, const QString &previousHashAfter);
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

} // namespace tad::journal
