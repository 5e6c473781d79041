// Backups, history, rollback, diff and migrations on the command line:
//   backup create [--reason R] [--label L] | list [--json] [--verify] | show NAME
//          | diff NAME | restore NAME [--keys K,...] | prune
//   history list [--json] | show ID
//   rollback ID [--ops N,...]
//   diff FILE_A FILE_B
//   migrate --dry-run | migrate [--to VERSION]
#pragma once

#include "CliContext.h"

#include <QString>

namespace tad::cli {

bool isHistoryCommand(const QString &command);
int runHistoryCommand(CliContext &context);

// Shared by the two command files.
int runBackupCommand(CliContext &context, HistoryServices &services);
QString helpHint();

} // namespace tad::cli
