// Restores, rolls back or migrates the same store over and over until it is
// killed, acknowledging each completed write ("ok N"), so a test can kill it
// at any moment and check the file.
//
//   history_crash_worker restore <store> <backup-a> <backup-b>
//   history_crash_worker rollback <store>
//   history_crash_worker migrate <store>
#include "WorkerOutput.h"
#include "history/DocumentOps.h"
#include "history/Migrator.h"
#include "history/Restore.h"
#include "history/Rollback.h"

#include <QCoreApplication>
#include <cstdio>
#include <string>
#include <unistd.h>

using namespace tad;

using workertest::fail;
using workertest::say;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 2)
        return 1;
    const QString mode = args[0];
    Store store(args[1]);
    HistoryServices services(store);
    // Hundreds of before-restore backups would push the two being restored
    // out of the retention window; that is not what is tested here.
    services.backups().setPruneAutomatically(false);
    if (auto opened = store.open(); !opened)
        return fail(opened.error());
    auto migrator = Migrator::builtIn();
    if (!migrator)
        return fail(migrator.error());
    const Json original = store.document();

    say("ready");
    for (std::uint64_t n = 1;; ++n) {
        if (mode == QLatin1String("restore")) {
            auto plan = planRestore(services, {args[n % 2 ? 2 : 3], {}});
            if (!plan)
                return fail(plan.error());
            auto done = restoreBackup(services, *plan);
            if (!done)
                return fail(done.error());
        } else if (mode == QLatin1String("rollback")) {
            auto entries = services.history().list();
            if (!entries || entries->empty())
                return fail(makeError(ErrorCode::NotFound, QStringLiteral("no history")));
            auto plan = planRollback(services, entries->front().id);
            if (!plan)
                return fail(plan.error());
            auto done = rollbackEntry(services, *plan);
            if (!done)
                return fail(done.error());
        } else if (mode == QLatin1String("migrate")) {
            if (n % 2) {
                auto done = migrator->run(services);
                if (!done)
                    return fail(done.error());
            } else {
                auto done = store.apply(opsToReach(store.document(), original), ChangeSource::Reset,
                                        "reset");
                if (!done)
                    return fail(done.error());
            }
        } else {
            return 1;
        }
        say("ok " + std::to_string(n));
    }
}
