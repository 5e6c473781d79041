// What the one write path costs: replaceFile() of a 1 MB and a 10 MB file,
// with and without fsync and exchange, and readFile() of the same. Prints
// medians; never pass/fail.
#include "io/AtomicFile.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

double medianMs(int runs, const std::function<void()> &operation)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        operation();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tad-config.json"));
    for (size_t megabytes : {1, 10}) {
        const std::string bytes(megabytes << 20, 'x');
        const int runs = megabytes == 1 ? 50 : 10;
        const auto replaceWith = [&](tad::WriteOptions options) {
            return medianMs(runs, [&] {
                if (!tad::replaceFile(path, bytes, options).ok())
                    std::fprintf(stderr, "write failed\n");
            });
        };
        std::printf("%zu MB replaceFile durable:                 %7.2f ms\n", megabytes,
                    replaceWith({}));
        std::printf("%zu MB replaceFile durable + learnPrevious: %7.2f ms\n", megabytes,
                    replaceWith({.learnPrevious = true}));
        std::printf("%zu MB replaceFile without fsync:           %7.2f ms\n", megabytes,
                    replaceWith({.durable = false}));
        std::printf("%zu MB readFile:                            %7.2f ms\n", megabytes,
                    medianMs(runs, [&] { (void)tad::readFile(path); }));
    }
    return 0;
}
