// Reads and parses tad-config.json on a thread of its own, so a large file
// never stalls the thread the store (and the UI) live on.
#pragma once

#include "Result.h"
#include "SerialWorker.h"
#include "io/AtomicFile.h"
#include "store/DocumentChanges.h"

#include "json/JsonText.h"
#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace tad {

// One version of the file as the reader found it.
struct VersionRead
{
    std::optional<Error> readError; // the file could not be read at all
    FileSnapshot snapshot;          // stamp.exists == false: no file
    bool sameAsExpected = false;    // bytes equal the store's: not parsed
    std::optional<ParsedDocument> parsed;
    // Instead of `parsed`: the change against the expected text, when it is
    // small enough to find from the bytes (see TextPatch.h).
    std::optional<DocumentPatch> patch;
    std::optional<Error> parseError; // read, but not a JSON object
};

class VersionReader
{
public:
    using Done = std::function<void(std::shared_ptr<VersionRead>)>;

    VersionReader();
    ~VersionReader() = default; // waits for a read in progress, drops the rest
    VersionReader(const VersionReader &) = delete;
    VersionReader &operator=(const VersionReader &) = delete;

    // Reads `path` on the reader's thread. `expected` is the store's current
    // text: an equal file is not parsed again, and with `allowPatch` a file
    // that differs from it a little comes back as a patch, not parsed whole.
    // `done` runs on the thread of `context`, and not at all if `context` is
    // gone by then.
    void read(const QString &path, std::shared_ptr<const std::string> expected, bool allowPatch,
              QObject *context, Done done);

    // The work itself, on the calling thread.
    static VersionRead readNow(const QString &path, const std::string *expected,
                               bool allowPatch = false);

private:
    SerialWorker m_worker;
};

} // namespace tad
