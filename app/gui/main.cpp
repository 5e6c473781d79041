// tad-settings [--config FILE] [--schema FILE]
#include "Resources.h"
#include "window/MainWindow.h"
#include "window/StartupConfig.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TAD"));
    QApplication::setApplicationName(QStringLiteral("tad-settings"));
    QApplication::setApplicationVersion(QStringLiteral(TAD_VERSION_STRING));
    tad::ensureResources();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Settings editor for TAD's tad-config.json"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"), QStringLiteral("The settings file to open."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("schema"), QStringLiteral("The JSON schema for the settings."),
                      QStringLiteral("FILE")});
    parser.process(app);

    const tad::StartupConfig startup =
        tad::chooseStartupConfig(parser.value(QStringLiteral("config")));
    if (!startup.error.isEmpty()) {
        qCritical("%s", qPrintable(startup.error));
        return 4;
    }
    tad::MainWindowOptions options;
    options.configPath = startup.configPath;
    options.notice = startup.notice;
    options.schemaPath = parser.isSet(QStringLiteral("schema"))
                             ? parser.value(QStringLiteral("schema"))
                             : tad::bundledSchemaPath();
    tad::MainWindow window(options);
    window.show();
    window.open();
    return app.exec();
}
