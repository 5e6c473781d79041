// What a user runs, timed in one run per size: a `set` through
// `tad-settings-cli batch` with its default options (schema, history,
// backups) and through an edit in the window, beside conf 15 on a copy of
// the same file and beside the floor (bench_floor: the same bytes written
// durably and nothing else); the fsyncs and the bytes written per set over
// the burst, counted by the process itself; and a one-shot `get` of one
// key, whole process, beside node with conf. Prints a table with the
// targets; never fails on a figure.
//
//   bench_product [--sizes 2k,100k,1m,10m] [--sets 40] [--gets 9] [--no-window]
//
// Environment: TAD_CLI, TAD_NODE, TAD_FLOOR override the programs found at
// build time. The fsyncs and bytes come from the write path's own counters
// (core/io IoCounters): the batch process reports them through
// TAD_IO_COUNTERS, the window's child process reads them in-process (see
// DiskWork.h). Both files have a history already, as anyone's has after a
// first run, so a burst's counts are those of its sets and their flush.
#include "BatchClient.h"
#include "DemoDocument.h"
#include "DiskWork.h"
#include "Median.h"
#include "ProcessRun.h"
#include "WindowBurst.h"

#include "json/JsonText.h"
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

using namespace tad;
using namespace bench;

namespace {

const QString kKey = QStringLiteral("ui.sidebarCollapsed");

QString env(const char *name, const QString &fallback)
{
    return qEnvironmentVariableIsSet(name) ? qEnvironmentVariable(name) : fallback;
}

bool writeFile(const QString &path, const std::string &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           f.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
}

struct Burst
{
    bool ok = false;
    double medianMs = 0;
    double shownMs = 0; // the window's: until the change is painted
    DiskWork disk;
    QString note;
};

// Two one-shot sets that leave the file's bytes as they were and its
// history started.
bool startHistory(const QString &cli, const QString &file)
{
    for (const char *value : {"true", "false"}) {
        const ProcessRun run = runToEnd(cli, {"--config", file, "set", kKey, value});
        if (!run.ran || run.exitCode != 0)
            return false;
    }
    return true;
}

// One batch process; its fsyncs and bytes, start to end, come back through
// TAD_IO_COUNTERS in `countsFile`.
Burst batchBurst(const QString &cli, const QString &file, int sets, const QString &countsFile)
{
    Burst burst;
    BatchClient process(cli, {QStringLiteral("--config"), file, QStringLiteral("batch")},
                        {QStringLiteral("TAD_IO_COUNTERS=") + countsFile});
    if (!process.started()) {
        burst.note = QStringLiteral("batch did not start");
        return burst;
    }
    // The file is open once this answers.
    process.request("{\"op\":\"get\",\"key\":\"" + kKey.toUtf8() + "\"}");
    std::vector<double> times;
    QElapsedTimer timer;
    bool value = false;
    int failures = 0;
    for (int i = 0; i < sets; ++i) {
        value = !value;
        const QByteArray line = "{\"op\":\"set\",\"key\":\"" + kKey.toUtf8() +
                                "\",\"value\":" + (value ? "true" : "false") + "}";
        timer.start();
        const QByteArray answer = process.request(line);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!answer.startsWith("{\"ok\":true"))
            ++failures;
    }
    QByteArray errors;
    const int exitCode = process.finish(&errors);
    burst.ok = failures == 0 && exitCode == 0;
    burst.medianMs = median(times);
    if (failures)
        burst.note = QStringLiteral("%1 sets failed: %2")
                         .arg(failures)
                         .arg(QString::fromUtf8(errors.left(200)));
    burst.disk = readDiskWork(countsFile);
    return burst;
}

Burst windowBurst(const QString &self, const QString &file, int sets)
{
    Burst burst;
    const ProcessRun run =
        runToEnd(self, {QStringLiteral("--window-child"), file, QString::number(sets)});
    auto parsed = parseValue(std::string_view(run.out.constData(), size_t(run.out.size())));
    if (!run.ran || run.exitCode != 0 || !parsed || !parsed->is_object()) {
        burst.note = QStringLiteral("window: ") + QString::fromUtf8(run.err.left(300));
        return burst;
    }
    burst.ok = parsed->value("failures", 1) == 0;
    burst.medianMs = parsed->value("medianMs", 0.0);
    burst.shownMs = parsed->value("shownMs", 0.0);
    if (parsed->contains("counts"))
        burst.disk = diskWorkFromJson((*parsed)["counts"]);
    return burst;
}

struct Row
{
    QString size;
    qint64 bytes = 0;
    Burst batch, window;
    double confMs = 0, floorMs = 0;
    double getMs = 0, confGetMs = 0;
    long getRssKb = 0;
    QStringList notes;
};

std::optional<double> nodeField(const ProcessRun &run, const char *field)
{
    auto parsed = parseValue(std::string_view(run.out.constData(), size_t(run.out.size())));
    if (!run.ran || run.exitCode != 0 || !parsed || !parsed->is_object())
        return std::nullopt;
    return parsed->value(field, 0.0);
}

QString ms(double v)
{
    return v <= 0 ? QStringLiteral("-") : QString::number(v, 'f', v < 10 ? 2 : 1);
}

QString ratio(double a, double b)
{
    return a <= 0 || b <= 0 ? QStringLiteral("-")
                            : QString::number(a / b, 'f', 1) + QLatin1Char('x');
}

void printRow(const QStringList &cells, const std::vector<int> &widths)
{
    QString line = QStringLiteral("|");
    for (int i = 0; i < cells.size(); ++i)
        line += QLatin1Char(' ') + cells[i].leftJustified(widths[size_t(i)]) + QStringLiteral(" |");
    std::printf("%s\n", qPrintable(line));
}

void printTable(const QStringList &header, const std::vector<QStringList> &rows)
{
    std::vector<int> widths;
    for (const QString &h : header)
        widths.push_back(int(h.size()));
    for (const auto &r : rows)
        for (int i = 0; i < r.size(); ++i)
            widths[size_t(i)] = std::max(widths[size_t(i)], int(r[i].size()));
    printRow(header, widths);
    QStringList rule;
    for (int w : widths)
        rule << QString(w, QLatin1Char('-'));
    printRow(rule, widths);
    for (const auto &r : rows)
        printRow(r, widths);
}

QString verdict(bool met)
{
    return met ? QStringLiteral("met") : QStringLiteral("MISSED");
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc >= 4 && QByteArray(argv[1]) == "--window-child") {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        QStandardPaths::setTestModeEnabled(true); // no real window state is touched
        return runWindowBurst(QString::fromLocal8Bit(argv[2]), kKey, std::atoi(argv[3]));
    }
    QCoreApplication app(argc, argv);
    QStringList sizes{"2k", "100k", "1m", "10m"};
    int sets = 40, gets = 9;
    bool withWindow = true;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--sizes") && i + 1 < args.size())
            sizes = args[++i].split(QLatin1Char(','));
        else if (args[i] == QLatin1String("--sets") && i + 1 < args.size())
            sets = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--gets") && i + 1 < args.size())
            gets = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--no-window"))
            withWindow = false;
        else {
            std::fprintf(stderr, "usage: bench_product [--sizes 2k,100k,1m,10m] [--sets 40] "
                                 "[--gets 9] [--no-window]\n");
            return 2;
        }
    }
    const QString cli = env("TAD_CLI", QStringLiteral(TAD_CLI_PATH));
    const QString node = env("TAD_NODE", QStringLiteral(TAD_NODE));
    const QString floorProgram = env("TAD_FLOOR", QStringLiteral(TAD_FLOOR_PATH));
    const QString modules = QStringLiteral(TAD_INTEROP_DIR "/node_modules");
    const QString confScript =
        QStringLiteral(TAD_SOURCE_DIR "/tests/bench/product/conf-product.mjs");
    const QString schema =
        QStringLiteral(TAD_SOURCE_DIR "/resources/schema/tad-config.schema.json");
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;

    std::printf("bench_product: %d sets of %s (a non-critical boolean, toggled) per size; "
                "one-shot get: median of %d runs\n",
                sets, qPrintable(kKey), gets);
    std::printf("machine: %s, %s, %d cpus; folder %s\n\n",
                qPrintable(QSysInfo::prettyProductName()),
                qPrintable(QSysInfo::currentCpuArchitecture()), QThread::idealThreadCount(),
                qPrintable(dir.path()));

    std::vector<Row> rows;
    for (const QString &size : sizes) {
        Row row;
        row.size = size;
        const qint64 target = parseSize(size);
        const std::string original = documentOfSize(target, false);
        const std::string toggled = documentOfSize(target, true);
        row.bytes = qint64(original.size());
        const QString base = dir.filePath(size);
        const auto copy = [&](const QString &name) {
            const QString path =
                base + QLatin1Char('/') + name + QStringLiteral("/tad-config.json");
            writeFile(path, original);
            return path;
        };
        const auto withHistory = [&](const QString &name) {
            const QString path = copy(name);
            if (!startHistory(cli, path))
                row.notes << QStringLiteral("%1: the history could not be started").arg(name);
            return path;
        };
        std::fprintf(stderr, "%s (%lld bytes): batch", qPrintable(size), row.bytes);
        row.batch = batchBurst(cli, withHistory(QStringLiteral("batch")), sets,
                               base + QStringLiteral("/batch-io.json"));
        if (withWindow) {
            std::fprintf(stderr, ", window");
            row.window =
                windowBurst(app.applicationFilePath(), withHistory(QStringLiteral("window")), sets);
        }
        std::fprintf(stderr, ", conf");
        const ProcessRun conf = runToEnd(node, {confScript, "--modules", modules, "--file",
                                                copy("conf"), "--schema", schema, "--key", kKey,
                                                "--mode", "set", "--sets", QString::number(sets)});
        row.confMs = nodeField(conf, "medianMs").value_or(0);
        if (row.confMs <= 0)
            row.notes << QStringLiteral("conf: ") + QString::fromUtf8(conf.err.left(200));
        std::fprintf(stderr, ", floor");
        const QString versionA = base + QStringLiteral("/toggled.json");
        const QString versionB = base + QStringLiteral("/original.json");
        writeFile(versionA, toggled);
        writeFile(versionB, original);
        const ProcessRun floor =
            runToEnd(floorProgram, {copy("floor"), versionA, versionB, QString::number(sets)});
        row.floorMs = nodeField(floor, "medianMs").value_or(0);

        std::fprintf(stderr, ", get");
        const QString getFile = copy(QStringLiteral("get"));
        std::vector<double> ours, theirs;
        for (int i = 0; i <= gets; ++i) { // the first of each warms the page cache
            const ProcessRun g = runToEnd(cli, {"--config", getFile, "get", kKey});
            const ProcessRun c =
                runToEnd(node, {confScript, "--modules", modules, "--file", getFile, "--schema",
                                schema, "--key", kKey, "--mode", "get"});
            if (g.exitCode != 0 || g.out.trimmed() != "false")
                row.notes << QStringLiteral("get printed %1 (exit %2)")
                                 .arg(QString::fromUtf8(g.out.trimmed().left(40)))
                                 .arg(g.exitCode);
            if (i == 0)
                continue;
            ours.push_back(g.wallMs);
            theirs.push_back(c.exitCode == 0 ? c.wallMs : 0);
            row.getRssKb = std::max(row.getRssKb, g.maxRssKb);
        }
        row.getMs = median(ours);
        row.confGetMs = median(theirs);
        for (const Burst *b : {&row.batch, &row.window})
            if (!b->note.isEmpty())
                row.notes << b->note;
        row.notes.removeDuplicates();
        std::fprintf(stderr, "\n");
        rows.push_back(row);
    }

    std::printf("Time per set (median, ms); ratios against the floor and conf's time over ours\n");
    std::vector<QStringList> table;
    for (const Row &r : rows) {
        table.push_back({r.size, QString::number(r.bytes), ms(r.batch.medianMs),
                         ms(r.window.medianMs), ms(r.window.shownMs), ms(r.confMs), ms(r.floorMs),
                         ratio(r.batch.medianMs, r.floorMs), ratio(r.window.medianMs, r.floorMs),
                         ratio(r.confMs, r.batch.medianMs), ratio(r.confMs, r.window.medianMs)});
    }
    printTable({"size", "bytes", "batch", "window", "window shown", "conf", "floor", "batch/floor",
                "window/floor", "conf/batch", "conf/window"},
               table);

    std::printf("\nPer set over the burst (the process's own counters, TAD_IO_COUNTERS): "
                "fsyncs, and bytes written with their multiple of the file's size\n");
    table.clear();
    const auto fsyncsPerSet = [&](const DiskWork &d) {
        return d.valid ? QString::number(d.fsyncs / sets, 'f', 2) : QStringLiteral("-");
    };
    const auto bytesPerSet = [&](const DiskWork &d, qint64 size) {
        return d.valid ? QStringLiteral("%1 (%2x)")
                             .arg(qint64(d.bytes / sets))
                             .arg(d.bytes / sets / double(size), 0, 'f', 2)
                       : QStringLiteral("-");
    };
    for (const Row &r : rows) {
        table.push_back({r.size, fsyncsPerSet(r.batch.disk), fsyncsPerSet(r.window.disk),
                         bytesPerSet(r.batch.disk, r.bytes), bytesPerSet(r.window.disk, r.bytes),
                         QStringLiteral("2, %1 (1.00x)").arg(r.bytes)});
    }
    printTable({"size", "fsyncs batch", "fsyncs window", "bytes batch", "bytes window", "floor"},
               table);

    std::printf("\nOne-shot get of %s, whole process (median ms)\n", qPrintable(kKey));
    table.clear();
    for (const Row &r : rows)
        table.push_back({r.size, ms(r.getMs), QString::number(r.getRssKb / 1024.0, 'f', 1),
                         ms(r.confGetMs), ratio(r.confGetMs, r.getMs)});
    printTable({"size", "tad-settings-cli get", "peak MiB", "node + conf get", "node/ours"}, table);

    std::printf("\nTargets\n");
    for (const Row &r : rows) {
        const bool small = r.size == QLatin1String("2k"), mb = r.size == QLatin1String("1m");
        const DiskWork &d = r.batch.disk;
        if (d.valid)
            std::printf(
                "  %-5s fsyncs/set <= 2.2: batch %.2f %s; bytes/set <= 1.15x: batch %.2fx %s\n",
                qPrintable(r.size), d.fsyncs / sets, qPrintable(verdict(d.fsyncs / sets <= 2.2)),
                d.bytes / sets / double(r.bytes),
                qPrintable(verdict(d.bytes / sets / double(r.bytes) <= 1.15)));
        if (r.window.disk.valid) {
            const DiskWork &w = r.window.disk;
            std::printf("        window: fsyncs/set %.2f %s; bytes/set %.2fx %s\n", w.fsyncs / sets,
                        qPrintable(verdict(w.fsyncs / sets <= 2.2)),
                        w.bytes / sets / double(r.bytes),
                        qPrintable(verdict(w.bytes / sets / double(r.bytes) <= 1.15)));
        }
        if (r.window.medianMs > 0)
            std::printf("        window's edit costs what batch's set costs: %s of it\n",
                        qPrintable(ratio(r.window.medianMs, r.batch.medianMs)));
        if (small || mb)
            std::printf("        set <= 1.5x floor: batch %s %s\n",
                        qPrintable(ratio(r.batch.medianMs, r.floorMs)),
                        qPrintable(verdict(r.batch.medianMs <= 1.5 * r.floorMs)));
        const double need = small ? 1.5 : mb ? 8.0 : 1.0;
        std::printf(
            "        faster than conf >= %.1fx: batch %s %s, window %s %s\n", need,
            qPrintable(ratio(r.confMs, r.batch.medianMs)),
            qPrintable(verdict(r.confMs >= need * r.batch.medianMs)),
            qPrintable(ratio(r.confMs, r.window.medianMs)),
            qPrintable(verdict(r.window.medianMs > 0 && r.confMs >= need * r.window.medianMs)));
        if (r.size == QLatin1String("10m"))
            std::printf("        one-shot get <= 100 ms: %s ms %s\n", qPrintable(ms(r.getMs)),
                        qPrintable(verdict(r.getMs <= 100)));
        for (const QString &n : r.notes)
            std::printf("        note: %s\n", qPrintable(n));
    }
    return 0;
}
