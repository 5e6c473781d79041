// tad-settings-cli: TAD's settings from the command line. It links the
// store core only.
#include "CliArguments.h"
#include "CliContext.h"
#include "CommandHelp.h"
#include "HistoryCommands.h"
#include "SchemaCommands.h"
#include "StoreCommands.h"
#include "WatchCommands.h"
#include "io/IoCounters.h"
#include "store/ConfigLocation.h"

#include <QCoreApplication>
#include <fcntl.h>
#include <unistd.h>

using namespace tad;
using namespace tad::cli;

namespace {

void print(const QString &text, FILE *stream)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// TAD_IO_COUNTERS=1 prints the process's fsyncs and bytes written to stderr
// when it ends (`tad-io: {"fsyncs":...}`); a value with a '/' names a file
// the line is appended to instead. For measuring the write path.
class IoCountsReport
{
public:
    ~IoCountsReport()
    {
        const QByteArray target = qgetenv("TAD_IO_COUNTERS");
        if (target.isEmpty() || target == "0")
            return;
        const QByteArray line = io::ioCountsJson(io::ioCounts()).toUtf8() + '\n';
        if (!target.contains('/')) {
            std::fwrite("tad-io: ", 1, 8, stderr);
            std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
            return;
        }
        if (FILE *out = std::fopen(target.constData(), "a")) {
            std::fwrite(line.constData(), 1, size_t(line.size()), out);
            std::fclose(out);
        }
    }
};

// A program started with standard input, output or error closed would
// hand that number to the first file it opens, and then read requests from
// a file of its own or print into one: each closed one is /dev/null.
void openClosedStandardFiles()
{
    for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
        if (::fcntl(fd, F_GETFD) >= 0)
            continue;
        const int opened = ::open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
        if (opened >= 0 && opened != fd) {
            ::dup2(opened, fd);
            ::close(opened);
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    openClosedStandardFiles();
    const IoCountsReport ioReport;
    // Before anything decodes them: Qt would turn a bad byte into U+FFFD.
    if (auto utf8 = checkUtf8(argc, argv); !utf8)
        return report(utf8.error());
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tad-settings-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TAD_VERSION_STRING));

    // Every argument is checked against the command table before any file is read.
    auto parsed = parseArguments(app.arguments().mid(1));
    if (!parsed)
        return report(parsed.error());
    CliContext context;
    context.args = std::move(parsed.value());
    const CliArguments &args = context.args;

    if (args.help) {
        auto text = helpText(args.helpTopic);
        if (!text)
            return report(text.error());
        print(*text, stdout);
        return 0;
    }
    if (args.version) {
        context.printLine("tad-settings-cli " TAD_VERSION_STRING);
        return 0;
    }
    if (!args.spec) {
        print(usageText(), stderr);
        return int(ErrorCode::Usage);
    }

    const ConfigLocation location = resolveConfigLocation(args.configPath);
    if (auto prepared = context.prepare(location.path); !prepared)
        return report(prepared.error());

    // These read a schema or another file, not the store.
    if (isSchemaCommand(args.command))
        return runSchemaCommand(context);
    // recover must work on a file that does not parse, so it opens the store itself.
    if (isWatchCommand(args.command))
        return runWatchCommand(context);
    if (isHistoryCommand(args.command)) {
        int status = runHistoryCommand(context);
        if (auto settled = context.file->settle(); !settled && status == 0)
            status = report(settled.error());
        reportWarnings(context.file->takeProblems());
        return status;
    }
    // A one-shot get or has reads its key alone, with the same checks and warnings.
    if (!isOneShotRead(args.command)) {
        if (auto opened = context.file->open(); !opened)
            return report(opened.error());
        // Writes refuse such a file with the same words; reads go on, with a warning.
        static const QStringList readOnlyCommands = {"get-all", "info"};
        if (readOnlyCommands.contains(args.command))
            reportWarnings(context.store().warnings());
    }

    int status =
        args.command == QLatin1String("batch") ? runBatch(context) : runStoreCommand(context);
    // Another writer met on the way may still drop our change after we exit.
    if (auto settled = context.file->settle(); !settled && status == 0)
        status = report(settled.error());
    // What a safety net could not do is said after the command, whatever it printed.
    reportWarnings(context.file->takeProblems());
    return status;
}
