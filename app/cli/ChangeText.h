// Changes as a person reads them, one line per key: `settings.fontSize:
// 14 → 16`, `ui.sidebarCollapsed: (absent) → true`, secrets masked unless
// --show-secrets; and the same as JSON for --json.
#pragma once

#include "history/PatchChanges.h"

#include "json/Json.h"
#include <string>
#include <vector>

namespace tad::cli {

struct CliContext;

std::string changeLine(const CliContext &context, const PatchChange &change);
// Each change on its own line, or "no changes".
void printChanges(const CliContext &context, const std::vector<PatchChange> &changes,
                  const std::string &indent = {});
// [{"key", "pointer", "before", "after"}], a side absent where the key was.
Json changesJson(const CliContext &context, const std::vector<PatchChange> &changes);
// What changed from `before` to `after`: change lines, or with --json the
// RFC 6902 patch (secrets masked).
void printDocumentDiff(const CliContext &context, const Json &before, const Json &after);
// "1 change", "3 changes".
std::string countOf(size_t n, const char *singular, const char *plural);

} // namespace tad::cli
