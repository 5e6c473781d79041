// The schema on the command line:
//   validate [FILE]   every violation in the file (the store's by default); exit 2 if any
//   schema [KEY]      the key's resolved editor metadata as JSON (no KEY: the whole schema)
//   defaults          the document electron-store writes for a new store
// `reset KEY` is a store command (StoreCommands.cpp).
#pragma once

#include "CliContext.h"

#include <QString>

namespace tad::cli {

bool isSchemaCommand(const QString &command);
int runSchemaCommand(CliContext &context);

} // namespace tad::cli
