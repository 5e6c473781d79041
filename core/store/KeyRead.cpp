#include "KeyRead.h"

#include "io/AtomicFile.h"

namespace tad {

Error duplicateKeyWarning(const DuplicateKey &duplicate, KeyDialect dialect, const QString &file)
{
    auto key = KeyPath::fromPointer(duplicate.pointer);
    const std::string shown = key ? key->toDotted(dialect) : duplicate.pointer;
    Error w = makeError(ErrorCode::Unreadable,
                        QStringLiteral("the key \"%1\" appears more than once; the "
                                       "Electron app uses the last one. Remove the other "
                                       "by hand before changing settings here")
                            .arg(QString::fromStdString(shown)));
    w.key = QString::fromStdString(shown);
    w.file = file;
    w.line = duplicate.line;
    w.column = duplicate.column;
    return w;
}

Error unreadableSettingsFile(Error parseError)
{
    parseError.message += QStringLiteral("; nothing was written over it");
    return parseError;
}

Result<KeyRead> readKey(const QString &path, const KeyPath *key, KeyDialect dialect)
{
    auto snapshot = readFile(path);
    if (!snapshot)
        return snapshot.error();
    KeyRead read;
    if (!snapshot->stamp.exists)
        return read; // a missing file is an empty store
    static const std::vector<std::string> nothing;
    // The root itself is the whole document.
    auto parsed = key && key->isEmpty()
                      ? parseDocument(snapshot->bytes, path)
                      : parseDocumentFor(snapshot->bytes, key ? key->segments() : nothing, path);
    if (!parsed)
        return unreadableSettingsFile(parsed.error());
    for (const auto &duplicate : parsed->duplicates)
        read.warnings.push_back(duplicateKeyWarning(duplicate, dialect, path));
    if (key) {
        read.value = getValue(parsed->value, *key);
        read.present = hasValue(parsed->value, *key);
    }
    return read;
}

} // namespace tad
