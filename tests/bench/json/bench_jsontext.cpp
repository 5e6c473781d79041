// Parse and stringify times for configs of 1 MB and 10 MB, shaped like a
// long-used TAD install: a `workspaces` map with thousands of entries.
// stringify runs on every `set`, so its median is the figure to watch.
#include "json/JsonText.h"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <time.h>
#include <vector>

using namespace tad;

namespace {

std::string makeConfig(size_t targetBytes, int &workspaces)
{
    std::string text = R"({"version":"2.3.1","ui":{"theme":"dark","fontSize":14,"zoom":1.25},)"
                       R"("recentFiles":["/home/u/a.tad","/home/u/b.tad"],"workspaces":{)";
    workspaces = 0;
    while (text.size() < targetBytes) {
        const std::string id = std::to_string(workspaces);
        if (workspaces > 0)
            text += ',';
        text += "\"ws-" + id + R"(":{"path":"/home/u/p/)" + id + R"(","name":"Project )" + id +
                R"(","settings":{"buildOnSave":true,"autoRefresh":false},)"
                R"("lastOpened":"2026-11-20T09:15:00.000Z"})";
        ++workspaces;
    }
    return text + "}}";
}

// Wall time and this thread's CPU time: on a loaded machine the CPU figure
// is the steadier one.
struct Timing
{
    double wallMs;
    double cpuMs;
};

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

Timing median(int runs, const std::function<void()> &work)
{
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const double cpuStart = threadCpuMs();
        work();
        cpu.push_back(threadCpuMs() - cpuStart);
        wall.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

void print(const char *what, Timing t)
{
    std::printf("  %-22s %9.2f ms wall %9.2f ms cpu\n", what, t.wallMs, t.cpuMs);
}

void run(size_t targetBytes, int runs)
{
    int workspaces = 0;
    const std::string text = makeConfig(targetBytes, workspaces);
    const auto parsed = parseDocument(text);
    if (!parsed) {
        std::printf("generated config does not parse: %s\n", qPrintable(parsed.error().message));
        return;
    }
    const Json &value = parsed->value;
    const auto copy = parseDocument(text);

    size_t sink = 0;
    const Timing parse = median(runs, [&] { sink += parseDocument(text)->value.size(); });
    const Timing compact =
        median(runs, [&] { sink += stringify(value, TextStyle::compact()).size(); });
    const Timing tabs = median(runs, [&] { sink += stringify(value, TextStyle::tabs()).size(); });
    const Timing spaces =
        median(runs, [&] { sink += stringify(value, TextStyle::withSpaces(2)).size(); });
    const Timing equal = median(runs, [&] { sink += jsEqual(value, copy->value); });

    std::printf("%.1f MB, %d workspaces, median of %d runs:\n", text.size() / 1e6, workspaces,
                runs);
    print("parseDocument", parse);
    print("stringify compact", compact);
    print("stringify tabs", tabs);
    print("stringify 2 spaces", spaces);
    print("jsEqual", equal);
    std::printf("  (checksum %zu)\n", sink);
}

} // namespace

int main()
{
    run(1'000'000, 31);
    run(10'000'000, 7);
    return 0;
}
