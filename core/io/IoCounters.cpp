#include "IoCounters.h"

#include <atomic>

namespace tad::io {

namespace {

std::atomic<quint64> g_fsyncs{0};
std::atomic<quint64> g_bytes{0};
std::atomic<quint64> g_writes{0};

} // namespace

IoCounts ioCounts()
{
    return {g_fsyncs.load(std::memory_order_relaxed), g_bytes.load(std::memory_order_relaxed),
            g_writes.load(std::memory_order_relaxed)};
}

void resetIoCounts()
{
    g_fsyncs.store(0, std::memory_order_relaxed);
    g_bytes.store(0, std::memory_order_relaxed);
    g_writes.store(0, std::memory_order_relaxed);
}

QString ioCountsJson(const IoCounts &counts)
{
    return QStringLiteral("{\"fsyncs\":%1,\"bytesWritten\":%2,\"writes\":%3}")
        .arg(counts.fsyncs)
        .arg(counts.bytesWritten)
        .arg(counts.writes);
}

void countFsync()
{
    g_fsyncs.fetch_add(1, std::memory_order_relaxed);
}

void countWrite(std::size_t bytes)
{
    g_bytes.fetch_add(bytes, std::memory_order_relaxed);
    g_writes.fetch_add(1, std::memory_order_relaxed);
}

} // namespace tad::io
