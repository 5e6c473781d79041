// A new version of the file as a small change to the old one, found from
// the bytes alone, so that a one-key write by the other program into a
// 10 MB file costs a scan and a tiny parse instead of parsing and diffing
// the whole document.
//
// Both texts share a prefix and a suffix; only the bytes between differ.
// The old text is known to be valid JSON (the store parsed or wrote it), so
// scanning it structurally finds the deepest object whose members hold the
// whole difference. The new text of just those members is parsed; together
// with the unchanged bytes around them it is valid JSON, and the new
// document is the old one with those members replaced (see
// Store::adoptVersion). Anything unusual (duplicate keys, array-index keys,
// a difference outside the root object, a parse error) gives no patch, and
// the caller parses the whole file as before.
#pragma once

#include "store/DocumentChanges.h"

#include <optional>
#include <string_view>

namespace tad {

std::optional<DocumentPatch> diffText(std::string_view oldText, std::string_view newText);

} // namespace tad
