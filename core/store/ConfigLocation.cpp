#include "ConfigLocation.h"

#include <QDir>
#include <QFileInfo>
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

Result<void> checkConfigToOpen(const QString &path)
{
    auto refuse = [&path](const QString &message) {
        Error error = makeError(ErrorCode::Unreadable, message);
        error.file = path;
        return error;
    };
    if (path.isEmpty())
        return refuse(QStringLiteral("no file named; give the path of a tad-config.json"));
    const QFileInfo info(path);
    if (!info.exists())
        return refuse(QStringLiteral("no such file; check the path (TAD writes its settings to %1)")
                          .arg(electronUserDataConfigPath()));
    if (info.isDir())
        return refuse(QStringLiteral("this is a folder; open the tad-config.json inside it"));
    if (!info.isFile())
        return refuse(QStringLiteral("not a regular file; open a JSON settings file"));
    if (!info.isReadable())
        return refuse(QStringLiteral("no permission to read it; give yourself read access "
                                     "(chmod u+r) and open it again"));
    return {};
}

} // namespace tad
