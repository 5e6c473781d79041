// tad-settings [--config FILE | FILE] [--schema FILE]
#include "GuiCommandLine.h"
#include "Resources.h"
#include "WindowSettings.h"
#include "common/Translations.h"
#include "store/ConfigLocation.h"
#include "window/MainWindow.h"
#include "window/StartupConfig.h"
#include "window/WindowLauncher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QSettings>
#include <cstdio>

namespace {

// Every size of the app's icon, compiled in: no icon theme or SVG plugin needed.
QIcon appIcon()
{
    QIcon icon;
    const QDir folder(QStringLiteral(":/tad/icons"));
    for (const QString &name : folder.entryList({QStringLiteral("*.png")}, QDir::Files))
        icon.addFile(folder.filePath(name));
    return icon;
}

} // namespace

int main(int argc, char *argv[])
{
    tad::useWindowSettingsNames();
    QCoreApplication::setApplicationVersion(QStringLiteral(TAD_VERSION_STRING));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    tad::addWindowOptions(parser);
    const bool understood = parser.parse(arguments);
    if (tad::wantsTextOnly(parser) || (!understood && !tad::hasDisplay(arguments))) {
        // Help, version or a mistake in the arguments: text only, no display.
        QCoreApplication textOnly(argc, argv);
        parser.process(textOnly); // prints and exits
        return 0;
    }
    if (!tad::hasDisplay(arguments)) {
        std::fputs(qPrintable(tad::noDisplayMessage()), stderr);
        return 1;
    }

    QApplication app(argc, argv);
    // The window speaks the system's language where it has a translation;
    // command-line output (--help, errors before the window) stays English.
    tad::installTranslations(&app);
    QGuiApplication::setDesktopFileName(QStringLiteral(TAD_APP_ID));
    QApplication::setWindowIcon(appIcon());
    tad::ensureResources();
    parser.process(app);

    if (auto moved = tad::adoptLegacyWindowSettings(QSettings().fileName()); !moved)
        qWarning("%s", qPrintable(moved.error().toString()));

    QString argumentError;
    const QString named = tad::configArgument(parser, &argumentError);
    if (!argumentError.isEmpty()) {
        std::fprintf(stderr, "tad-settings: %s\n", qPrintable(argumentError));
        return 1;
    }
    if (!named.isEmpty()) {
        // A file the person named must exist: an empty window for a typo helps nobody.
        if (auto checked = tad::checkConfigToOpen(named); !checked) {
            std::fprintf(stderr, "tad-settings: %s\n", qPrintable(checked.error().toString()));
            return 4;
        }
    }
    const tad::StartupConfig startup = tad::chooseStartupConfig(named);
    if (!startup.error.isEmpty()) {
        qCritical("%s", qPrintable(startup.error));
        return 4;
    }
    tad::WindowLauncher launcher(parser.isSet(QStringLiteral("schema"))
                                     ? parser.value(QStringLiteral("schema"))
                                     : tad::bundledSchemaPath());
    tad::MainWindowOptions options;
    options.configPath = startup.configPath;
    options.notice = startup.notice;
    options.demo = startup.demo;
    launcher.show(std::move(options));
    return app.exec();
}
