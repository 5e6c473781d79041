// The seed's store performance monitor: per operation, how many, how long
// in total and on average, the slowest one, and how many failed.
#pragma once

#include "json/Json.h"
#include <QElapsedTimer>
#include <map>
#include <string>

namespace tad {

struct OperationStats
{
    quint64 count = 0;
    quint64 errors = 0;
    double totalMs = 0;
    double slowestMs = 0;
    std::string slowestKey;

    double averageMs() const { return count ? totalMs / double(count) : 0.0; }
};

class PerformanceMonitor
{
public:
    void record(const std::string &operation, const std::string &key, double ms, bool failed);
    const std::map<std::string, OperationStats> &operations() const { return m_operations; }
    OperationStats totals() const;
    void reset() { m_operations.clear(); }
    // {"operations": N, "totalTime": ms, "averageTime": ms, "errorCount": N,
    //  "slowestOperation": {...}, "byOperation": {...}}
    Json toJson() const;

    // Measures one operation from construction to finish() (or destruction,
    // which counts as a failure unless finish() was called).
    class Scope
    {
    public:
        Scope(PerformanceMonitor &monitor, std::string operation, std::string key);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;
        void finish(bool failed);

    private:
        PerformanceMonitor &m_monitor;
        std::string m_operation;
        std::string m_key;
        QElapsedTimer m_timer;
        bool m_done = false;
    };

private:
    std::map<std::string, OperationStats> m_operations;
};

} // namespace tad
