// Median time of one `set` and one `get` of a nested key, for our Store (in
// process) and for conf 15 (through tests/interop/conf/bench.mjs), on the
// same files, printed side by side.
//
//   bench_store [ops]      (default 300; env TAD_NODE overrides the node found at build time)
#include "store/Store.h"

#include "json/JsonText.h"
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

using namespace tad;

namespace {

const char kKey[] = "workspaces.ws-17.name";

struct Figures
{
    double setMs = 0;
    double getMs = 0;
    QString note;
};

struct Case
{
    QString name;
    Json doc;
    TextStyle style;
};

Json workspace(int i)
{
    return Json{{"path", "/home/u/src/p" + std::to_string(i)},
                {"name", "Project " + std::to_string(i)},
                {"settings", Json{{"buildOnSave", true}, {"autoRefresh", false}}},
                {"lastOpened", "2026-11-20T09:15:00.000Z"}};
}

// The demo file's top-level keys with `workspaces` holding ws-<first> ..
// ws-<first + count - 1>.
Json seedLike(int first, int count)
{
    QFile demo(QStringLiteral(TAD_SOURCE_DIR "/resources/demo/tad-config.demo.json"));
    Json doc = Json::object();
    if (demo.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = demo.readAll();
        if (auto parsed = parseDocument(std::string_view(bytes.constData(), size_t(bytes.size()))))
            doc = std::move(parsed->value);
    }
    Json workspaces = Json::object();
    for (int i = first; i < first + count; ++i)
        workspaces["ws-" + std::to_string(i)] = workspace(i);
    doc["workspaces"] = std::move(workspaces);
    return doc;
}

int leafCount(const Json &value)
{
    if (!value.is_structured() || value.empty())
        return 1;
    int n = 0;
    for (const auto &child : value)
        n += leafCount(child);
    return n;
}

double median(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const size_t mid = samples.size() / 2;
    return samples.size() % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
}

std::optional<Figures> benchOurs(const QString &file, int ops)
{
    Store store(file);
    if (!store.open())
        return std::nullopt;
    std::vector<double> setTimes;
    std::vector<double> getTimes;
    int mismatches = 0;
    QElapsedTimer timer;
    for (int i = -5; i < ops; ++i) { // the first five warm the caches, untimed
        const std::string value = "Project renamed " + std::to_string(i);
        timer.start();
        const bool written = store.set(kKey, Json(value)).ok();
        const double setMs = double(timer.nsecsElapsed()) / 1e6;
        timer.start();
        auto read = store.get(kKey);
        const double getMs = double(timer.nsecsElapsed()) / 1e6;
        if (!written || !read || !read->has_value() || **read != Json(value))
            ++mismatches;
        if (i >= 0) {
            setTimes.push_back(setMs);
            getTimes.push_back(getMs);
        }
    }
    Figures f{median(setTimes), median(getTimes), {}};
    if (mismatches)
        f.note = QStringLiteral("%1 reads did not see the value just set").arg(mismatches);
    return f;
}

std::optional<Figures> benchConf(const QString &node, const QString &file, const QString &style,
                                 int ops, QString *error)
{
    QProcess process;
    process.start(node, {QStringLiteral(TAD_INTEROP_DIR "/conf/bench.mjs"),
                         QStringLiteral("--file"), file, QStringLiteral("--key"),
                         QString::fromLatin1(kKey), QStringLiteral("--ops"), QString::number(ops),
                         QStringLiteral("--style"), style});
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        *error = QString::fromUtf8(process.readAllStandardError()).left(400);
        return std::nullopt;
    }
    const QByteArray out = process.readAllStandardOutput().trimmed();
    auto parsed = parseValue(std::string_view(out.constData(), size_t(out.size())));
    if (!parsed || !parsed->is_object()) {
        *error = QStringLiteral("unexpected output: ") + QString::fromUtf8(out.left(400));
        return std::nullopt;
    }
    Figures f{parsed->value("setMedianMs", 0.0), parsed->value("getMedianMs", 0.0), {}};
    if (parsed->value("mismatches", 0) != 0)
        f.note = QStringLiteral("conf read back wrong values");
    return f;
}

QString styleArgument(const TextStyle &style)
{
    if (style.indent == TextStyle::Indent::Compact)
        return QStringLiteral("compact");
    if (style.indent == TextStyle::Indent::Tabs)
        return QStringLiteral("tab");
    return QString::number(style.spaces);
}

QString formatMs(double ms)
{
    return ms < 1.0 ? QStringLiteral("%1 us").arg(ms * 1000.0, 0, 'f', 1)
                    : QStringLiteral("%1 ms").arg(ms, 0, 'f', 2);
}

void printRow(const QStringList &cells, const std::vector<int> &widths)
{
    QString line = QStringLiteral("|");
    for (int i = 0; i < cells.size(); ++i)
        line += QLatin1Char(' ') + cells[i].leftJustified(widths[size_t(i)]) + QStringLiteral(" |");
    std::printf("%s\n", qPrintable(line));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int ops = argc > 1 ? std::max(11, std::atoi(argv[1])) : 300;
    const QString node = qEnvironmentVariableIsSet("TAD_NODE") ? qEnvironmentVariable("TAD_NODE")
                                                               : QStringLiteral(TAD_NODE);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;

    const std::vector<Case> cases = {
        // About 50 values, 1.4 KB: the demo file with five workspaces.
        {QStringLiteral("small, compact"), seedLike(15, 5), TextStyle::compact()},
        {QStringLiteral("3,500 workspaces, compact"), seedLike(0, 3500), TextStyle::compact()},
        {QStringLiteral("3,500 workspaces, tab"), seedLike(0, 3500), TextStyle::tabs()},
        // The same shape is 0.5 MB compact; this many make 1 MB.
        {QStringLiteral("6,800 workspaces, compact"), seedLike(0, 6800), TextStyle::compact()},
    };

    std::printf("median of %d ops per figure; key %s, a new value each set\n", ops, kKey);
    std::printf("ours: Store::set (re-read, compare, write + fsync + exchange) and Store::get "
                "(stat, then the parsed document)\nconf: conf 15.1.0 set/get under %s\n\n",
                qPrintable(node));
    const std::vector<int> widths = {26, 9, 10, 10, 10, 14, 10, 10, 12, 16};
    printRow({"store", "keys", "size", "ours set", "conf set", "set: conf/ours", "ours get",
              "conf get", "get: c/ours", "notes"},
             widths);
    QStringList rule;
    for (int w : widths)
        rule << QString(w, QLatin1Char('-'));
    printRow(rule, widths);

    int index = 0;
    for (const Case &c : cases) {
        const std::string bytes = stringify(c.doc, c.style);
        const QString ourFile = dir.filePath(QStringLiteral("ours-%1.json").arg(index));
        const QString confFile = dir.filePath(QStringLiteral("conf-%1.json").arg(index));
        ++index;
        for (const QString &path : {ourFile, confFile}) {
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes.data(), qint64(bytes.size())) < 0)
                return 1;
        }
        const auto ours = benchOurs(ourFile, ops);
        QString error;
        const auto conf = benchConf(node, confFile, styleArgument(c.style), ops, &error);
        const QString size =
            bytes.size() > 100000
                ? QStringLiteral("%1 KB").arg(double(bytes.size()) / 1024.0, 0, 'f', 0)
                : QStringLiteral("%1 B").arg(bytes.size());
        QStringList notes;
        if (!ours)
            notes << QStringLiteral("our store failed");
        else if (!ours->note.isEmpty())
            notes << ours->note;
        if (!conf)
            notes << QStringLiteral("conf failed: ") + error;
        else if (!conf->note.isEmpty())
            notes << conf->note;
        auto ratio = [](double theirs, double mine) {
            return mine > 0 ? QStringLiteral("%1x").arg(theirs / mine, 0, 'f', 1) : QString("-");
        };
        printRow({c.name, QString::number(leafCount(c.doc)), size,
                  ours ? formatMs(ours->setMs) : "-", conf ? formatMs(conf->setMs) : "-",
                  ours && conf ? ratio(conf->setMs, ours->setMs) : "-",
                  ours ? formatMs(ours->getMs) : "-", conf ? formatMs(conf->getMs) : "-",
                  ours && conf ? ratio(conf->getMs, ours->getMs) : "-", notes.join("; ")},
                 widths);
        std::fflush(stdout);
    }
    std::printf("\ntargets on the ~1 MB store: set at least 5x faster than conf, get at least "
                "100x faster\n");
    return 0;
}
