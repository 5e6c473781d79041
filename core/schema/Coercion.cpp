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

// How to type a value of one JSON Schema type on the command line.
QString typeExample(const std::string &type)
{
    if (type == "boolean")
        return QStringLiteral("true or false");
    if (type == "integer")
        return QStringLiteral("a whole number such as 3");
    if (type == "number")
        return QStringLiteral("a number such as 14");
    if (type == "array")
        return QStringLiteral("a JSON array such as '[\"a\",\"b\"]'");
    if (type == "object")
        return QStringLiteral("a JSON object such as '{\"name\":\"value\"}'");
    if (type == "null")
        return QStringLiteral("null");
    return QStringLiteral("JSON of type %1").arg(QString::fromStdString(type));
}

} // namespace

Result<Json> interpretCommandLineValue(const KeyMetadata &meta, std::string_view text,
                                       const QString &key)
{
    const bool takesString =
        std::find(meta.types.begin(), meta.types.end(), "string") != meta.types.end();
    // JSON.parse rules, as the Electron app reads the file; except that a
    // key that takes text and not a number or boolean (`set user.name 42`,
    // an API key of digits) takes such a word as text, as it takes unquoted
    // words. null, arrays and objects stay JSON, for the schema to judge.
    if (auto parsed = parseValue(text); parsed.ok()) {
        const bool word = parsed->is_number() || parsed->is_boolean();
        if (takesString && word && !meta.allowsTypeOf(*parsed))
            return Json(std::string(text));
        return std::move(*parsed);
    }
    if (takesString)
        return Json(std::string(text));
    const QString typed = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    const QString raw = typed.isEmpty() ? QStringLiteral("'' (nothing)") : typed;
    QString message;
    if (meta.types.empty()) {
        message = QStringLiteral("%1 is not valid JSON; to store it as text, quote it as a JSON "
                                 "string: '\"%2\"'")
                      .arg(raw, typed);
    } else {
        // Quoting would make it a string, which this key does not take: say
        // what it does take instead.
        QStringList forms;
        for (const auto &t : meta.types)
            forms << typeExample(t);
        message = QStringLiteral("%1 is not a value %2 takes: give %3")
                      .arg(raw, keyLabel(key), forms.join(QStringLiteral(", or ")));
    }
    Error e = makeError(ErrorCode::Usage, message);
    e.key = key;
    return e;
}

} // namespace tad
