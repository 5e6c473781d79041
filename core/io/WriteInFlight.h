// Whether another program is in the middle of writing the settings file.
//
// electron-store (conf, through `atomically`) writes a temp file
// `<name>.tmp-<digits><hex>` beside the file, fsyncs it and renames it over
// the file. Its read of the file comes just before: a temp file of that
// form that was written moments ago is a read-modify-write in flight, built
// on a version read before it, and its rename may land after our write and
// drop our change. A program about to exit after writing follows the file
// until no such write is in flight (Store::followUntilQuiet).
#pragma once

#include <QString>

namespace tad {

// True if the folder of `targetPath` (or, when it is a link, of the file
// it points to) holds a temp file of another writer for it that was last
// written between `fromMs` and `toMs` (milliseconds since the epoch). A
// temp file left by a writer that was killed stops counting once it is
// older than `fromMs`. Never follows a link in the folder.
bool anotherWriteInFlight(const QString &targetPath, qint64 fromMs, qint64 toMs);

} // namespace tad
