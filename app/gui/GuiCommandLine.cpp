#include "GuiCommandLine.h"

#include <QtGlobal>

namespace tad {

void addWindowOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral("Settings editor for TAD's tad-config.json"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"), QStringLiteral("The settings file to open."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("schema"), QStringLiteral("The JSON schema for the settings."),
                      QStringLiteral("FILE")});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The settings file to open (as --config FILE)."),
                                 QStringLiteral("[FILE]"));
}

QString configArgument(const QCommandLineParser &parser, QString *error)
{
    const QStringList plain = parser.positionalArguments();
    const QString option = parser.value(QStringLiteral("config"));
    if (plain.size() > 1) {
        *error = QStringLiteral("one settings file at a time: %1 were named (%2)")
                     .arg(plain.size())
                     .arg(plain.join(QStringLiteral(", ")));
        return {};
    }
    if (!plain.isEmpty() && !option.isEmpty() && plain.constFirst() != option) {
        *error = QStringLiteral("two settings files named: --config %1 and %2; give one")
                     .arg(option, plain.constFirst());
        return {};
    }
    return option.isEmpty() && !plain.isEmpty() ? plain.constFirst() : option;
}

bool wantsTextOnly(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")) ||
           parser.isSet(QStringLiteral("version"));
}

bool hasDisplay(const QStringList &arguments)
{
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    Q_UNUSED(arguments);
    return true;
#else
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) {
        if (!qEnvironmentVariableIsEmpty(name))
            return true;
    }
    for (const QString &arg : arguments) {
        if (arg == QLatin1String("-platform") || arg == QLatin1String("--platform") ||
            arg.startsWith(QLatin1String("-platform=")) ||
            arg.startsWith(QLatin1String("--platform=")))
            return true;
    }
    return false;
#endif
}

QString noDisplayMessage()
{
    return QStringLiteral(
        "tad-settings: there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY "
        "are not set). Start it from a desktop session, or without one under a virtual screen "
        "(xvfb-run -a tad-settings, Debian package xvfb) or with QT_QPA_PLATFORM=offscreen; in a "
        "terminal, tad-settings-cli does the same work.\n");
}

} // namespace tad
