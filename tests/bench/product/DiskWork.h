// What a burst of sets cost on disk, as the process counted it itself
// (core/io IoCounters): the CLI prints its counts when TAD_IO_COUNTERS is
// set, the window's side of the benchmark reads them in-process.
#pragma once

#include "json/Json.h"
#include <QString>

namespace bench {

struct DiskWork
{
    bool valid = false;
    double fsyncs = 0; // fsync and fdatasync of files and folders
    double bytes = 0;  // handed to write(2) by the write path
    double writes = 0; // files written or lines appended
};

// From `{"fsyncs":6,"bytesWritten":4410,"writes":3}` (io::ioCountsJson).
DiskWork diskWorkFromJson(const tad::Json &counts);
// The last line of the file TAD_IO_COUNTERS named.
DiskWork readDiskWork(const QString &countsFile);

} // namespace bench
