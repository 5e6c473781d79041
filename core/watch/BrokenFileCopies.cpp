#include "BrokenFileCopies.h"

#include "io/AtomicFile.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace tad {
namespace {

QString badPrefix(const QString &fileName)
{
    return fileName + QStringLiteral(".bad-");
}

} // namespace

QString badCopyName(const QString &fileName, const QDateTime &time)
{
    QString stamp = time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    stamp.replace(QLatin1Char(':'), QLatin1Char('-')).replace(QLatin1Char('.'), QLatin1Char('-'));
    return badPrefix(fileName) + stamp;
}

QStringList listBadCopies(const QString &storePath)
{
    const QFileInfo store(storePath);
    QDir dir = store.absoluteDir();
    QStringList names = dir.entryList({badPrefix(store.fileName()) + QLatin1Char('*')},
                                      QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDir::Name);
    // The time in the name sorts as text; our temp files never match the pattern.
    std::reverse(names.begin(), names.end());
    QStringList paths;
    for (const QString &name : names)
        paths << dir.filePath(name);
    return paths;
}

Result<QString> keepBadCopy(const QString &storePath, std::string_view bytes, const QDateTime &time)
{
    for (const QString &existing : listBadCopies(storePath)) {
        if (QFileInfo(existing).size() != qint64(bytes.size()))
            continue;
        auto content = readFile(existing);
        if (content && content->stamp.exists && content->bytes == bytes)
            return existing;
    }

    const QFileInfo store(storePath);
    QString path = store.absoluteDir().filePath(badCopyName(store.fileName(), time));
    // Two distinct broken versions within one millisecond: keep both.
    // A link counts as taken even when it points nowhere; it is never followed.
    for (int n = 2; QFileInfo::exists(path) || QFileInfo(path).isSymLink(); ++n)
        path = store.absoluteDir().filePath(badCopyName(store.fileName(), time) +
                                            QStringLiteral("-%1").arg(n));
    WriteOptions options;
    options.newFileMode = 0600;
    options.followLink = false; // the copy holds the API key: it goes nowhere else
    if (auto written = replaceFile(path, bytes, options); !written)
        return written.error();
    return path;
}

} // namespace tad
