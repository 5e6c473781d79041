#include "WindowSettings.h"

#include "io/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <cerrno>
#include <unistd.h>

namespace tad {

void useWindowSettingsNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("tad-settings"));
    QCoreApplication::setApplicationName(QStringLiteral("tad-settings"));
}

QString legacyWindowSettingsPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("TAD/tad-settings.conf"));
}

Result<SettingsMove> adoptLegacyWindowSettings(const QString &newPath)
{
    const QString oldPath = legacyWindowSettingsPath();
    auto old = statFile(oldPath);
    if (!old)
        return old.error();
    if (!old->exists)
        return SettingsMove::NothingToMove;
    auto current = statFile(newPath);
    if (!current)
        return current.error();
    if (current->exists)
        return SettingsMove::KeptNewer;

    auto fail = [&](const QString &why) {
        Error e = makeError(ErrorCode::Unreadable,
                            QStringLiteral("cannot move the window's saved layout to %1: %2; the "
                                           "window starts with its default layout, and you may "
                                           "move the file by hand")
                                .arg(newPath, why));
        e.file = oldPath;
        return e;
    };
    auto notRemoved = [&] {
        Error e = makeError(ErrorCode::Unreadable,
                            QStringLiteral("the window's saved layout is now in %1, but this "
                                           "old copy cannot be removed; remove it by hand")
                                .arg(newPath));
        e.file = oldPath;
        return e;
    };
    const QString folder = QFileInfo(newPath).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(QStringLiteral("the folder %1 cannot be made").arg(folder));
    // A hard link, then the old name removed: the file stays whole, and
    // unlike rename() it cannot replace a new file another window made in
    // the meantime. Across file systems (or where there are no hard links)
    // it is copied through the one write path.
    const QByteArray from = QFile::encodeName(oldPath);
    const QByteArray to = QFile::encodeName(newPath);
    if (::link(from.constData(), to.constData()) == 0) {
        if (::unlink(from.constData()) != 0)
            return notRemoved();
        return SettingsMove::Moved;
    }
    if (errno == EEXIST)
        return SettingsMove::KeptNewer;
    if (errno != EXDEV && errno != EPERM && errno != ENOTSUP)
        return fail(qt_error_string(errno));
    auto bytes = readFile(oldPath);
    if (!bytes)
        return bytes.error();
    WriteOptions options;
    options.newFileMode = bytes->stamp.mode;
    if (auto written = replaceFile(newPath, bytes->bytes, options); !written)
        return written.error();
    if (!QFile::remove(oldPath))
        return notRemoved();
    return SettingsMove::Moved;
}

} // namespace tad
