// Writes document after document into one file until it is killed, and
// acknowledges each completed write on stdout ("ok N"), so a test can kill
// it at any moment and check what the file holds.
//
//   crash_writer <mode> <target> <first-seq> [count]
//
// Prints "ready" once it starts writing. The target must hold document
// first-seq - 1 (or not exist if first-seq is 0). A mode is one complete
// write of document(seq); add a mode for every other writer that must
// survive a kill (restore, rollback, migration).
#include "CrashDocuments.h"
#include "WorkerOutput.h"
#include "io/AtomicFile.h"

#include <QString>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <unistd.h>

namespace {

using workertest::say;

// Returns an empty string on success, else what went wrong.
using Mode = std::function<std::string(const QString &target, std::uint64_t seq)>;

const std::map<std::string, Mode> &modes()
{
    static const std::map<std::string, Mode> table = {
        {"replace",
         [](const QString &target, std::uint64_t seq) -> std::string {
             const auto outcome = tad::replaceFile(target, crashtest::document(seq));
             return outcome.ok() ? std::string() : outcome.error().toString().toStdString();
         }},
        // Compare-and-swap as the store does it: the bytes we replaced must be
        // exactly the previous document.
        {"learn",
         [](const QString &target, std::uint64_t seq) -> std::string {
             const auto outcome = tad::replaceFile(target, crashtest::document(seq),
                                                   tad::WriteOptions{.learnPrevious = true});
             if (!outcome.ok())
                 return outcome.error().toString().toStdString();
             const bool expectFile = seq > 0;
             if (outcome->previous.has_value() != expectFile ||
                 (expectFile && *outcome->previous != crashtest::document(seq - 1)))
                 return "mismatch: replaced bytes are not document " + std::to_string(seq - 1);
             return {};
         }},
    };
    return table;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 4 || !modes().count(argv[1])) {
        std::fprintf(stderr, "usage: crash_writer <mode> <target> <first-seq> [count]\nmodes:");
        for (const auto &[name, mode] : modes())
            std::fprintf(stderr, " %s", name.c_str());
        std::fprintf(stderr, "\n");
        return 1;
    }
    const Mode &mode = modes().at(argv[1]);
    const QString target = QString::fromLocal8Bit(argv[2]);
    const std::uint64_t first = std::strtoull(argv[3], nullptr, 10);
    const std::uint64_t count = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : UINT64_MAX;

    say("ready");
    for (std::uint64_t seq = first; seq - first < count; ++seq) {
        const std::string failure = mode(target, seq);
        if (!failure.empty()) {
            say("failed " + std::to_string(seq) + ": " + failure);
            return 2;
        }
        say("ok " + std::to_string(seq));
    }
    return 0;
}
