// How many fsyncs and how many bytes the write path has cost this process:
// every write of the store, its backups and its history goes through
// core/io, which counts here. Always on (two relaxed atomic additions per
// write); read by tests and printed by the CLI when TAD_IO_COUNTERS is set.
#pragma once

#include <QString>
#include <QtGlobal>
#include <cstddef>

namespace tad::io {

struct IoCounts
{
    quint64 fsyncs = 0;       // fsync (or F_FULLFSYNC) calls on files and folders
    quint64 bytesWritten = 0; // bytes handed to write(2) by the write path
    quint64 writes = 0;       // files (or appends) written: one per complete byte run

    IoCounts operator-(const IoCounts &earlier) const
    {
        return {fsyncs - earlier.fsyncs, bytesWritten - earlier.bytesWritten,
                writes - earlier.writes};
    }
    bool operator==(const IoCounts &) const = default;
};

// The counts since the process started (or since the last reset).
IoCounts ioCounts();
void resetIoCounts();

// `{"fsyncs":6,"bytesWritten":4410,"writes":3}`
QString ioCountsJson(const IoCounts &counts);

// Called by the write path only.
void countFsync();
void countWrite(std::size_t bytes);

} // namespace tad::io
