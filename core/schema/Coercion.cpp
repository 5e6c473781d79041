#include "Coercion.h"

#include "json/JsonText.h"
#include <QStringList>
#include <algorithm>

namespace tad {

namespace {

QString keyLabel(const QString &key)
{
    return key.isEmpty() ? QStringLiteral("this key") : key;
}

} // namespace

Result<Json> interpretCommandLineValue(const KeyMetadata &meta, std::string_view text,
                                       const QString &key)
{
    // JSON.parse rules, as the Electron app reads the file.
    if (auto parsed = parseValue(text); parsed.ok())
        return std::move(*parsed);
    const bool takesString =
        std::find(meta.types.begin(), meta.types.end(), "string") != meta.types.end();
    if (takesString)
        return Json(std::string(text));
    const QString raw = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    QString message =
        QStringLiteral(
            "%1 is not valid JSON; to store it as text, quote it as a JSON string: '\"%1\"'")
            .arg(raw);
    if (!meta.types.empty()) {
        QStringList expected;
        for (const auto &t : meta.types)
            expected << QString::fromStdString(t);
        message += QStringLiteral(" (%1 expects %2)")
                       .arg(keyLabel(key), expected.join(QStringLiteral(" or ")));
    }
    Error e = makeError(ErrorCode::Usage, message);
    e.key = key;
    return e;
}

} // namespace tad
