// Where tad-config.json lives when the user does not say.
#pragma once

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

} // namespace tad
