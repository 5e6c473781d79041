// Sets keys of a settings file through the product's path (SettingsFile with
// the built-in schema, history and backups on, as `tad-settings-cli` opens
// it) and ends itself with SIGKILL at one chosen point of the write:
//
//   journal_crash_worker STORE FIRST COUNT [POINT NAME HIT]
//
// Set number n (FIRST <= n < FIRST + COUNT) writes n to
// ui.windowBounds.{x,y,width,height}[n % 4] and is acknowledged with
// "ok n" once it returned. At the HIT-th time the write reaches POINT with a
// file called NAME ("*.jsonl": any name with that ending) it prints
// "hit POINT NAME" and is killed. POINT is one of the write fault hook's
// steps (open, write, sync, close, rename: before that step), `exchanged`
// (after the settings file's exchange) or a crash point (half-appended,
// appended, before-side-rename, after-side-rename); see
// core/io/AtomicFileTesting.h. Each fdatasync of a journal segment is
// announced first as "sync NAME SIZE". "done" after the last set.
#include "WorkerOutput.h"
#include "app/SettingsFile.h"
#include "io/AtomicFileTesting.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <csignal>
#include <cstdio>
#include <map>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace tad;
using tad::testing::CrashPoint;
using tad::testing::WriteStep;
using workertest::fail;
using workertest::say;

namespace {

bool matches(const QByteArray &name, const QByteArray &pattern)
{
    return pattern.startsWith('*') ? name.endsWith(pattern.mid(1)) : name == pattern;
}

struct Target
{
    QByteArray point, name;
    int hit = 0;
    int seen = 0;

    void reached(const QByteArray &point_, const QByteArray &name_)
    {
        if (point_ != point || !matches(name_, name) || ++seen != hit)
            return;
        say("hit " + point.toStdString() + ' ' + name_.toStdString());
        ::kill(::getpid(), SIGKILL);
    }
};

Target g_target;
QString g_historyFolder;

const std::map<WriteStep, QByteArray> &stepNames()
{
    static const std::map<WriteStep, QByteArray> names = {
        {WriteStep::Open, "open"},
        {WriteStep::Link, "link"},
        {WriteStep::Write, "write"},
        {WriteStep::Sync, "sync"},
        {WriteStep::Close, "close"},
        {WriteStep::Rename, "rename"},
        {WriteStep::ReadDisplaced, "read-displaced"}};
    return names;
}

const std::map<CrashPoint, QByteArray> &crashPointNames()
{
    static const std::map<CrashPoint, QByteArray> names = {
        {CrashPoint::AppendHalfWritten, "half-appended"},
        {CrashPoint::AppendWritten, "appended"},
        {CrashPoint::BeforeSideRename, "before-side-rename"},
        {CrashPoint::AfterSideRename, "after-side-rename"}};
    return names;
}

void installHooks()
{
    testing::setWriteFaultHook([](WriteStep step, const QByteArray &name) {
        if (step == WriteStep::Sync && name.endsWith(".jsonl")) {
            struct stat st;
            const QByteArray path = QFile::encodeName(g_historyFolder) + '/' + name;
            if (::stat(path.constData(), &st) == 0)
                say("sync " + name.toStdString() + ' ' + std::to_string(st.st_size));
        }
        g_target.reached(stepNames().at(step), name);
        return 0;
    });
    testing::setAfterExchangeHook([] { g_target.reached("exchanged", "tad-config.json"); });
    testing::setCrashPointHook([](CrashPoint point, const QByteArray &name) {
        g_target.reached(crashPointNames().at(point), name);
    });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() != 3 && args.size() != 6) {
        std::fprintf(stderr, "usage: journal_crash_worker STORE FIRST COUNT [POINT NAME HIT]\n");
        return 1;
    }
    const QString store = args[0];
    const int first = args[1].toInt(), count = args[2].toInt();
    if (args.size() == 6)
        g_target = {args[3].toUtf8(), args[4].toUtf8(), args[5].toInt()};
    g_historyFolder = QFileInfo(store).absolutePath() + QStringLiteral("/storeHistory");

    auto schema = loadSchema(QString(), false);
    if (!schema)
        return fail(schema.error());
    SettingsFileOptions options;
    options.schema = std::move(schema.value());
    SettingsFile file(store, std::move(options));
    if (auto opened = file.open(); !opened)
        return fail(opened.error());
    installHooks();

    const char *keys[] = {"x", "y", "width", "height"};
    say("ready");
    for (int n = first; n < first + count; ++n) {
        auto path = KeyPath::parse(std::string("ui.windowBounds.") + keys[n % 4]);
        if (!path)
            return fail(path.error());
        if (auto set = file.set(*path, Json(n), ChangeSource::Cli); !set)
            return fail(set.error());
        for (const Error &problem : file.takeProblems())
            say("problem: " + problem.toString().toStdString());
        say("ok " + std::to_string(n));
    }
    if (auto settled = file.settle(); !settled)
        return fail(settled.error());
    say("done");
    return 0;
}
