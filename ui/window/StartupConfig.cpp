#include "StartupConfig.h"

#include "Resources.h"
#include "store/ConfigLocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace tad {

StartupConfig chooseStartupConfig(const QString &commandLinePath)
{
    StartupConfig result;
    const ConfigLocation location = resolveConfigLocation(commandLinePath);
    result.configPath = location.path;
    if (location.origin != ConfigOrigin::ElectronUserData || QFileInfo::exists(location.path))
        return result;

    ensureResources();
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo");
    const QString demo = folder + QStringLiteral("/tad-config.json");
    if (!QFileInfo::exists(demo)) {
        QDir().mkpath(folder);
        QFile source(QStringLiteral(":/tad/demo/tad-config.demo.json"));
        QFile target(demo);
        if (!source.open(QIODevice::ReadOnly) || !target.open(QIODevice::WriteOnly)) {
            result.error = QCoreApplication::translate(
                               "StartupConfig",
                               "No settings file at %1 and the demo copy %2 cannot be made: %3")
                               .arg(location.path, demo, target.errorString());
            return result;
        }
        target.write(source.readAll());
    }
    result.configPath = demo;
    result.demo = true;
    result.notice =
        QCoreApplication::translate(
            "StartupConfig", "No TAD settings were found at %1, so this is a demo copy (%2). "
                             "Changes here do not reach the TAD app. Open your own file "
                             "with File > Open or drop it here.")
            .arg(location.path, demo);
    return result;
}

QString bundledSchemaPath()
{
    ensureResources();
    const QDir dir(QStringLiteral(":/tad/schema"));
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        if (name.contains(QLatin1String("schema")))
            return dir.filePath(name);
    }
    return names.isEmpty() ? QString() : dir.filePath(names.first());
}

} // namespace tad
