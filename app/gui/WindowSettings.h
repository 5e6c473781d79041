// Where the window keeps its own state (geometry, dock layout): QSettings
// under names of its own. ~/.config/TAD belongs to the Electron app, so
// nothing of the window's may live there; earlier versions put
// tad-settings.conf there, and it is moved out once.
#pragma once

#include "Result.h"

#include <QString>

namespace tad {

// Sets the organisation and application names QSettings() and
// QStandardPaths use, so the window's state lands in
// ${XDG_CONFIG_HOME:-~/.config}/tad-settings/tad-settings.conf.
void useWindowSettingsNames();

// The file earlier versions wrote: ${XDG_CONFIG_HOME:-~/.config}/TAD/tad-settings.conf.
QString legacyWindowSettingsPath();

enum class SettingsMove
{
    NothingToMove, // no old file
    Moved,         // the old file is now at the new place
    KeptNewer,     // both exist: the new one is kept, the old one left alone
};

// Moves the old file to `newPath` (QSettings().fileName()) when there is an
// old file and no new one yet. The new place wins whenever it exists, so a
// second run never overwrites what the window has saved since, and neither
// does a move racing another window's first save.
Result<SettingsMove> adoptLegacyWindowSettings(const QString &newPath);

} // namespace tad
