#include "ConfigLocation.h"

#include <QDir>
#include <QtGlobal>

namespace tad {

QString electronUserDataConfigPath()
{
    const QString file = QStringLiteral("tad-config.json");
#if defined(Q_OS_WIN)
    const QString base = qEnvironmentVariable("APPDATA", QDir::homePath());
    return QDir(base).filePath(QStringLiteral("TAD/") + file);
#elif defined(Q_OS_MACOS)
    return QDir::home().filePath(QStringLiteral("Library/Application Support/TAD/") + file);
#else
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (base.isEmpty())
        base = QDir::home().filePath(QStringLiteral(".config"));
    return QDir(base).filePath(QStringLiteral("TAD/") + file);
#endif
}

ConfigLocation resolveConfigLocation(const QString &commandLinePath)
{
    if (!commandLinePath.isEmpty())
        return {commandLinePath, ConfigOrigin::CommandLine};
    const QString fromEnv = qEnvironmentVariable("TAD_CONFIG");
    if (!fromEnv.isEmpty())
        return {fromEnv, ConfigOrigin::Environment};
    return {electronUserDataConfigPath(), ConfigOrigin::ElectronUserData};
}

} // namespace tad
