#include "VersionReader.h"

#include "TextPatch.h"

namespace tad {

VersionReader::VersionReader() : m_worker(QStringLiteral("tad-store-reader")) {}

void VersionReader::read(const QString &path, std::shared_ptr<const std::string> expected,
                         bool allowPatch, QObject *context, Done done)
{
    m_worker.run<std::shared_ptr<VersionRead>>(
        context,
        [path, expected = std::move(expected), allowPatch] {
            return std::make_shared<VersionRead>(readNow(path, expected.get(), allowPatch));
        },
        std::move(done));
}

VersionRead VersionReader::readNow(const QString &path, const std::string *expected,
                                   bool allowPatch)
{
    VersionRead out;
    auto snapshot = readFile(path);
    if (!snapshot) {
        out.readError = snapshot.error();
        return out;
    }
    out.snapshot = std::move(snapshot.value());
    if (!out.snapshot.stamp.exists)
        return out;
    if (expected && out.snapshot.bytes == *expected) {
        out.sameAsExpected = true;
        return out;
    }
    if (expected && allowPatch) {
        out.patch = diffText(*expected, out.snapshot.bytes);
        if (out.patch)
            return out;
    }
    auto parsed = parseDocument(out.snapshot.bytes, path);
    if (parsed)
        out.parsed = std::move(parsed.value());
    else
        out.parseError = parsed.error();
    return out;
}

} // namespace tad
