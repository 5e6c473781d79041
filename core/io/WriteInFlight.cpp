#include "WriteInFlight.h"

#include "PosixIo.h"

#include <QFileInfo>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

namespace tad {

using io::encodePath;

namespace {

// conf's temp files: "<name>.tmp-" and at least one more character.
bool isForeignTempName(const char *entry, const QByteArray &prefix)
{
    return qstrncmp(entry, prefix.constData(), size_t(prefix.size())) == 0 &&
           entry[prefix.size()] != '\0';
}

} // namespace

bool anotherWriteInFlight(const QString &targetPath, qint64 fromMs, qint64 toMs)
{
    const QFileInfo info(targetPath);
    const QString resolved = info.isSymLink() ? info.canonicalFilePath() : targetPath;
    if (resolved.isEmpty())
        return false;
    const QFileInfo target(resolved);
    const QByteArray folder = encodePath(target.absolutePath());
    const QByteArray prefix = encodePath(target.fileName()) + ".tmp-";
    DIR *dir = ::opendir(folder.constData());
    if (!dir)
        return false;
    bool inFlight = false;
    while (const dirent *entry = ::readdir(dir)) {
        if (!isForeignTempName(entry->d_name, prefix))
            continue;
        struct stat st;
        if (::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
            !S_ISREG(st.st_mode))
            continue;
        const qint64 changedMs = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1'000'000;
        if (changedMs >= fromMs && changedMs <= toMs) {
            inFlight = true;
            break;
        }
    }
    ::closedir(dir);
    return inFlight;
}

} // namespace tad
