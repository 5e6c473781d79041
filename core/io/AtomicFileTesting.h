// Hooks that let tests put another writer exactly into the window between
// our temp file and our rename, and pretend the file system cannot exchange.
// Not for production code; not thread-safe.
#pragma once

#include <functional>

namespace tad::testing {

// Called by replaceFile() once the temp file is complete, right before the
// rename. An empty function removes the hook.
void setBeforeRenameHook(std::function<void()> hook);

// Called by replaceFile() right after an exchange put the new file in place,
// before the displaced version is read back or its records are removed (a
// test can end the process here, as a kill would).
void setAfterExchangeHook(std::function<void()> hook);

// Makes replaceFile() behave as on a file system without renameat2 flags.
void setRenameFlagsUnsupported(bool unsupported);

} // namespace tad::testing
