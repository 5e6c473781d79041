// Help printed from the command table: the global usage, and for one
// command (or a group such as `backup`) its usage, options, example and
// exit statuses.
#pragma once

#include "Result.h"

#include <QString>

namespace tad::cli {

QString usageText();
// `topic` empty: usageText(). Usage error for a topic that is no command.
Result<QString> helpText(const QString &topic);

} // namespace tad::cli
