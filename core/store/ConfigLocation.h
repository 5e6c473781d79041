// Where tad-config.json lives when the user does not say.
#pragma once

#include "Result.h"

#include <QString>

namespace tad {

enum class ConfigOrigin
{
    CommandLine,
    Environment,
    ElectronUserData
};

struct ConfigLocation
{
    QString path;
    ConfigOrigin origin = ConfigOrigin::ElectronUserData;
};

// --config FILE, else $TAD_CONFIG, else Electron's userData folder for the
// app "TAD": ${XDG_CONFIG_HOME:-~/.config}/TAD/tad-config.json on Linux,
// ~/Library/Application Support/TAD on macOS, %APPDATA%\TAD on Windows.
ConfigLocation resolveConfigLocation(const QString &commandLinePath);
QString electronUserDataConfigPath();

// Whether a file a person named (a window's File > Open, a dropped file, a
// plain argument) can be opened as a settings file: it exists (a link is
// followed: the config may be one), it is a regular file and it can be read.
// The error (Unreadable) says which of these fails and what to do. Whether it
// parses is the open's business: a broken file opens to its recovery page.
Result<void> checkConfigToOpen(const QString &path);

} // namespace tad
