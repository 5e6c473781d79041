// Icons for the window's actions: the desktop theme's own (QIcon::fromTheme,
// freedesktop names) where it has one, else a bundled drawing
// (resources/icons/actions) tinted with the palette's text colour, so it
// reads on a light and a dark desktop alike.
#pragma once

#include <QIcon>

namespace tad::ThemeIcons {

enum Action
{
    Open,
    Save,
    Undo,
    Redo,
    Reset,
    Find,
    Backup,
    History,
    Restore,
    Reload,
    Reveal,
    Delete,
    Label,
    Compare,
    Quit,
    // The panels, in the View menu (Backups and History use their actions' icons).
    Migrations,
    Inspector,
    Problems,
};

QIcon icon(Action action);
// The bundled drawing alone, tinted for the application's palette.
QIcon bundledIcon(Action action);
// The freedesktop icon name asked of the theme ("edit-undo").
const char *themeName(Action action);

} // namespace tad::ThemeIcons
