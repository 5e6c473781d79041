#include "PerformanceMonitor.h"

namespace tad {

void PerformanceMonitor::record(const std::string &operation, const std::string &key, double ms,
                                bool failed)
{
    OperationStats &stats = m_operations[operation];
    ++stats.count;
    stats.totalMs += ms;
    if (failed)
        ++stats.errors;
    if (ms >= stats.slowestMs) {
        stats.slowestMs = ms;
        stats.slowestKey = key;
    }
}

OperationStats PerformanceMonitor::totals() const
{
    OperationStats all;
    for (const auto &[name, stats] : m_operations) {
        all.count += stats.count;
        all.errors += stats.errors;
        all.totalMs += stats.totalMs;
        if (stats.slowestMs >= all.slowestMs) {
            all.slowestMs = stats.slowestMs;
            all.slowestKey = name + " " + stats.slowestKey;
        }
    }
    return all;
}

Json PerformanceMonitor::toJson() const
{
    Json byOperation = Json::object();
    std::string slowestOperation;
    const OperationStats *slowest = nullptr;
    for (const auto &[name, stats] : m_operations) {
        byOperation[name] = Json{{"count", stats.count},
                                 {"totalTime", stats.totalMs},
                                 {"averageTime", stats.averageMs()},
                                 {"slowestTime", stats.slowestMs},
                                 {"slowestKey", stats.slowestKey},
                                 {"errorCount", stats.errors}};
        if (!slowest || stats.slowestMs > slowest->slowestMs) {
            slowest = &stats;
            slowestOperation = name;
        }
    }
    const OperationStats all = totals();
    Json slowestJson = Json{{"time", slowest ? slowest->slowestMs : 0.0},
                            {"operation", slowestOperation},
                            {"key", slowest ? slowest->slowestKey : std::string()}};
    return Json{{"operations", all.count},         {"totalTime", all.totalMs},
                {"averageTime", all.averageMs()},  {"errorCount", all.errors},
                {"slowestOperation", slowestJson}, {"byOperation", byOperation}};
}

PerformanceMonitor::Scope::Scope(PerformanceMonitor &monitor, std::string operation,
                                 std::string key)
    : m_monitor(monitor), m_operation(std::move(operation)), m_key(std::move(key))
{
    m_timer.start();
}

PerformanceMonitor::Scope::~Scope()
{
    if (!m_done)
        finish(true);
}

void PerformanceMonitor::Scope::finish(bool failed)
{
    if (m_done)
        return;
    m_done = true;
    m_monitor.record(m_operation, m_key, double(m_timer.nsecsElapsed()) / 1e6, failed);
}

} // namespace tad
