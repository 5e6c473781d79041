// Fingerprints of a file's bytes. Not cryptographic: they tell versions of
// one file apart (a change made by accident, a write of ours or not), with
// xxHash's XXH3 at several GB/s, so a write of a 1 MB file pays microseconds
// for them. Stable across runs, builds and machines: the same bytes always
// give the same fingerprint.
#pragma once

#include <QString>
#include <QtGlobal>
#include <string_view>

namespace tad {

// 64 bits: the tag a write record carries of the bytes it means to write
// (see AtomicFile.h, findStrandedWrites).
quint64 contentTag(std::string_view bytes);

// 128 bits in hex, prefixed "xxh128:": the history's name for a version of
// the file (an entry's hashBefore and hashAfter).
QString contentDigest(std::string_view bytes);

} // namespace tad
