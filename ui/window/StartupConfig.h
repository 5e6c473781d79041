// Which file the window opens: the CLI's resolution (--config, $TAD_CONFIG,
// Electron's userData), or, when there is no settings file anywhere, a
// writable copy of the bundled demo config.
#pragma once

#include <QString>

namespace tad {

struct StartupConfig
{
    QString configPath;
    QString notice;    // says what is open when it is not the user's own file
    bool demo = false; // configPath is the demo copy
    QString error;     // the demo copy could not be made
};

StartupConfig chooseStartupConfig(const QString &commandLinePath);
// The schema resource bundled with the app, or "" if there is none.
QString bundledSchemaPath();

} // namespace tad
