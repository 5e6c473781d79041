// The window's command line, read before any QApplication exists: --help and
// --version must work where there is no display (a terminal over ssh, a
// packaging chroot, help2man), and a window with no display to open on says
// so instead of aborting.
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace tad {

// The options of tad-settings (--config, --schema, --help, --version) and
// its one optional argument, the file to open.
void addWindowOptions(QCommandLineParser &parser);

// The file the command line names, by --config FILE or as a plain FILE ("" for
// none); `error` is set when it names more than one.
QString configArgument(const QCommandLineParser &parser, QString *error);

// True when the arguments ask only for text (help or version): then no
// window, and no display, is needed.
bool wantsTextOnly(const QCommandLineParser &parser);

// Whether Qt has a display to open the window on. False only when nothing
// names one: no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM in the
// environment and no -platform argument (Linux and other X11/Wayland systems).
bool hasDisplay(const QStringList &arguments);

// What to print when hasDisplay() is false: what is missing and what to do.
QString noDisplayMessage();

} // namespace tad
