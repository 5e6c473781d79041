#include "WatchCommands.h"

#include "ChangeText.h"
#include "schema/KeyTypo.h"
#include "watch/StoreWatcher.h"

#include "json/JsonText.h"
#include <QCoreApplication>
#include <QDateTime>
#include <QSocketNotifier>
#include <cerrno>
#include <unistd.h>

namespace tad::cli {
namespace {

// Secrets (writeOnly keys such as ai.apiKey) print masked, as everywhere else.
class Masker
{
public:
    explicit Masker(const CliContext &context) : m_context(context) {}

    Json value(const KeyPath &path, const Json &value) const
    {
        return m_context.shown(value, path);
    }

    Json event(const ChangeEvent &event) const
    {
        Json out = event.toJson();
        for (const char *member : {"newValue", "oldValue"}) {
            if (out.contains(member))
                out[member] = value(event.path, out[member]);
        }
        return out;
    }

private:
    const CliContext &m_context;
};

void reportBroken(const Error &error, const QString &copyPath)
{
    Error shown = error;
    shown.message =
        // report() adds how to repair it.
        QStringLiteral("the file no longer parses (%1); the last good state is kept%2")
            .arg(error.message, copyPath.isEmpty()
                                    ? QString()
                                    : QStringLiteral("; its bytes are copied to ") + copyPath);
    report(shown);
}

int printInitial(CliContext &context, const Masker &masker, const QStringList &keys)
{
    Store &store = context.store();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto print = [&](const KeyPath &path, const std::optional<Json> &value) {
        Json line = Json::object();
        line["key"] = path.toDotted(context.args.dialect);
        if (value)
            line["newValue"] = masker.value(path, *value);
        line["timestamp"] = now;
        line["source"] = "initial";
        context.printLine(compactJson(line));
    };
    if (keys.isEmpty()) {
        const Json &doc = store.document();
        for (const auto *member : jsMemberOrder(doc.get_ref<const Json::object_t &>()))
            print(KeyPath::fromSegments({member->first}), member->second);
        return 0;
    }
    for (const QString &key : keys) {
        auto path = context.keyPath(key);
        if (!path)
            return report(path.error());
        auto value = store.get(key.toStdString());
        if (!value)
            return report(value.error());
        print(*path, *value);
    }
    return 0;
}

int runWatch(CliContext &context)
{
    const CliArguments &args = context.args;
    Store &store = context.store();
    if (auto opened = store.open(); !opened)
        return report(opened.error());
    const Masker masker(context);
    for (const QString &key : args.positional) {
        auto path = KeyPath::parse(key.toStdString(), args.dialect);
        if (!path)
            return report(path.error());
        // Watched anyway (it may appear), but a likely typo is said.
        const QString hint = meantKeyHint(context.schema(), store.document(), *path, args.dialect);
        if (!hint.isEmpty())
            note(QStringLiteral("%1 is not in the file or the schema%2 (watching %1 as given)")
                     .arg(key, hint));
    }

    // Listen before the first look at the file, so no change falls in between.
    StoreWatcher watcher(store);
    std::vector<Store::Subscription> subscriptions;
    auto print = [&context, &masker](const ChangeEvent &event) {
        context.printLine(compactJson(masker.event(event)));
    };
    if (args.positional.isEmpty()) {
        subscriptions.push_back(store.onChange("*", print));
    } else {
        for (const QString &key : args.positional)
            subscriptions.push_back(store.onChange(key.toStdString(), print));
    }
    QObject::connect(&watcher, &StoreWatcher::fileBroken, &reportBroken);
    QObject::connect(&watcher, &StoreWatcher::fileRepaired, [] {
        report(makeError(ErrorCode::Unreadable,
                         QStringLiteral("the file parses again; following its changes")));
    });
    QObject::connect(&watcher, &StoreWatcher::readFailed,
                     [](const Error &error) { report(error); });

    if (args.flag(QStringLiteral("initial"))) {
        if (const int status = printInitial(context, masker, args.positional); status != 0)
            return status;
    }
    watcher.start();
    // Runs until the process is interrupted; every line is flushed as it is printed.
    return QCoreApplication::exec();
}

int runRecover(CliContext &context)
{
    const CliArguments &args = context.args;
    const QString from = args.option(QStringLiteral("from"));
    if (!from.isNull() && from.isEmpty())
        return report(makeError(ErrorCode::Usage,
                                QStringLiteral("--from needs the name of a backup (see `backup "
                                               "list`)")));
    auto plan = context.file->planRecovery(from);
    if (!plan)
        return report(plan.error());
    using State = RecoveryPlan::FileState;
    const bool force = args.flag(QStringLiteral("force"));
    // A file that reads is replaced only on request, and only after saying how.
    std::vector<PatchChange> changes;
    if (force && plan->state == State::Healthy && plan->currentDocument) {
        changes = changesBetween(*plan->currentDocument, plan->backup.document);
        if (!args.json()) {
            context.printLine("the file reads and passes the schema; " +
                              plan->backup.info.name.toStdString() + " replaces it, changing:");
            printChanges(context, changes, "  ");
        }
    }
    auto outcome = context.file->recover(*plan, force);
    if (!outcome)
        return report(outcome.error());
    // A broken file has no document to compare with: what the recovery took
    // back is told against the last state the history knew, and how to put
    // it back.
    std::vector<PatchChange> takenBack;
    const bool fromHistory = changes.empty() && outcome->recorded;
    if (fromHistory)
        takenBack = changesOf(outcome->recorded->patch, outcome->recorded->inverse);
    if (!args.json()) {
        for (const QString &skipped : outcome->skipped)
            context.printLine("passed over " + skipped.toStdString());
        std::string line = "recovered from " + outcome->restoredName.toStdString();
        if (!outcome->keptCopy.isEmpty())
            line += "; the previous content is in " + outcome->keptCopy.toStdString();
        context.printLine(line);
        if (!takenBack.empty()) {
            context.printLine("taken back since the last recorded state (" +
                              countOf(takenBack.size(), "change", "changes") + "):");
            printChanges(context, takenBack, "  ");
            note(QStringLiteral("`rollback %1` puts them back").arg(outcome->recorded->id));
        }
        return 0;
    }
    Json out = Json::object();
    out["restored"] = outcome->restoredName.toStdString();
    out["keptCopy"] = outcome->keptCopy.isEmpty() ? Json() : Json(outcome->keptCopy.toStdString());
    Json skipped = Json::array();
    for (const QString &s : outcome->skipped)
        skipped.push_back(s.toStdString());
    out["skipped"] = std::move(skipped);
    out["forced"] = force && plan->state == State::Healthy;
    out["changes"] = changesJson(context, fromHistory ? takenBack : changes);
    out["entry"] = outcome->recorded ? Json(outcome->recorded->id.toStdString()) : Json();
    context.printJson(out);
    return 0;
}

} // namespace

bool isWatchCommand(const QString &command)
{
    return command == QLatin1String("watch") || command == QLatin1String("recover");
}

int runWatchCommand(CliContext &context)
{
    if (context.args.command == QLatin1String("recover"))
        return runRecover(context);
    return runWatch(context);
}

void forEachLineWhileWatching(CliContext &context,
                              const std::function<void(const std::string &)> &handleLine)
{
    StoreWatcher watcher(context.store());
    QObject::connect(&watcher, &StoreWatcher::fileBroken, &reportBroken);
    watcher.start();

    // Standard input is read on this thread when it has something (one
    // wake-up per request, not a reader thread's and then this one's); the
    // watcher runs in between. Each read takes what is there without
    // waiting, and a line is handled once its newline has come (the last
    // one at the end of input, newline or not).
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    std::string pending;
    const auto handleComplete = [&] {
        size_t start = 0;
        for (size_t end; (end = pending.find('\n', start)) != std::string::npos; start = end + 1)
            handleLine(pending.substr(start, end - start));
        pending.erase(0, start);
    };
    QObject::connect(&input, &QSocketNotifier::activated, [&] {
        char buffer[65536];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        input.setEnabled(false); // a line's work may run events
        if (n > 0) {
            pending.append(buffer, size_t(n));
            handleComplete();
            input.setEnabled(true);
            return;
        }
        if (!pending.empty())
            handleLine(std::exchange(pending, std::string()));
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
}

} // namespace tad::cli
