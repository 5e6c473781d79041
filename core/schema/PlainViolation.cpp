#include "PlainViolation.h"

#include "schema/KeyMetadata.h"
#include "schema/SchemaPaths.h"
#include "schema/SecretMask.h"

#include "json/JsonText.h"
#include <algorithm>
#include <set>

namespace tad {
namespace {

QString jsonText(const Json &value)
{
    return QString::fromStdString(compactJson(value));
}

// "an integer", "a string".
QString withArticle(const QString &type)
{
    const bool vowel = QStringLiteral("aeiou").contains(type.left(1));
    return (vowel ? QStringLiteral("an ") : QStringLiteral("a ")) + type;
}

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

// "light, dark, auto": strings as they are, other values as JSON.
QString allowedList(const std::vector<Json> &values)
{
    QStringList parts;
    for (const Json &v : values) {
        if (!v.is_string())
            parts << jsonText(v);
        else if (v.get_ref<const std::string &>().empty())
            parts << QStringLiteral("\"\" (empty)");
        else
            parts << QString::fromStdString(v.get<std::string>());
    }
    return parts.join(QStringLiteral(", "));
}

QString range(const KeyMetadata &meta)
{
    if (meta.minimum && meta.maximum)
        return QStringLiteral("%1 to %2").arg(number(*meta.minimum), number(*meta.maximum));
    if (meta.minimum)
        return QStringLiteral("%1 or more").arg(number(*meta.minimum));
    return QStringLiteral("%1 or less").arg(number(*meta.maximum));
}

// What is wrong with `value`, as the metadata of its key says; empty when
// the metadata does not tell.
QString whatIsWrong(const KeyMetadata &meta, const Json &value, const QString &shown)
{
    const bool inEnum =
        std::find(meta.enumValues.begin(), meta.enumValues.end(), value) != meta.enumValues.end();
    if (inEnum)
        return {};
    if (!meta.allowsType(schemaTypeName(value))) {
        QStringList types;
        for (const auto &t : meta.types)
            types << QString::fromStdString(t);
        // null (a hole a set past the end of a list leaves, or a value
        // written so) is not "a null".
        return QStringLiteral("%1 is %2, not %3")
            .arg(value.is_null() ? QStringLiteral("the value") : shown,
                 value.is_null() ? QStringLiteral("null")
                                 : withArticle(QString::fromLatin1(schemaTypeName(value))),
                 withArticle(types.join(QStringLiteral(" or "))));
    }
    if (!meta.enumValues.empty() && meta.format.isEmpty())
        return QStringLiteral("%1 is not one of %2").arg(shown, allowedList(meta.enumValues));
    if (value.is_number() && (meta.minimum || meta.maximum)) {
        const double v = value.get<double>();
        if (meta.minimum && (v < *meta.minimum || (meta.exclusiveMinimum && v == *meta.minimum)))
            return QStringLiteral("%1 is below the minimum %2 (allowed: %3)")
                .arg(shown, number(*meta.minimum), range(meta));
        if (meta.maximum && (v > *meta.maximum || (meta.exclusiveMaximum && v == *meta.maximum)))
            return QStringLiteral("%1 is above the maximum %2 (allowed: %3)")
                .arg(shown, number(*meta.maximum), range(meta));
    }
    if (value.is_string()) {
        const auto length = quint64(QString::fromStdString(value.get<std::string>()).size());
        if (meta.minLength && length < *meta.minLength)
            return QStringLiteral("%1 is shorter than %2 characters")
                .arg(shown)
                .arg(*meta.minLength);
        if (meta.maxLength && length > *meta.maxLength)
            return QStringLiteral("%1 is longer than %2 characters")
                .arg(shown)
                .arg(*meta.maxLength);
        if (!meta.format.isEmpty()) {
            QString line = QStringLiteral("%1 is not a valid %2").arg(shown, meta.format);
            if (!meta.enumValues.empty())
                line += QStringLiteral(" (or one of %1)").arg(allowedList(meta.enumValues));
            return line;
        }
        if (!meta.pattern.isEmpty())
            return QStringLiteral("%1 does not match the pattern %2").arg(shown, meta.pattern);
    }
    return {};
}

} // namespace

QStringList plainViolationLines(const Schema &schema, const Json &document,
                                const SchemaViolations &violations)
{
    QStringList lines;
    std::set<std::string> done;
    for (const SchemaViolation &v : violations) {
        // A missing or unknown member is a violation of its parent object.
        const bool member = v.keyword == "required" || v.keyword == "additionalProperties";
        const std::string pointer =
            member ? v.pointer + "/" + schema::escapePointerToken(v.detail) : v.pointer;
        if (!done.insert(pointer).second)
            continue;
        const std::vector<std::string> tokens = schema::pointerTokens(pointer);
        QString key = v.key();
        if (member)
            key = key.isEmpty() ? QString::fromStdString(v.detail)
                                : key + QLatin1Char('.') + QString::fromStdString(v.detail);
        if (key.isEmpty())
            key = QStringLiteral("(root)");
        if (v.keyword == "required") {
            lines << QStringLiteral("%1: is required and missing").arg(key);
            continue;
        }
        if (v.keyword == "additionalProperties") {
            lines << QStringLiteral("%1: is not a key the schema allows here").arg(key);
            continue;
        }
        QString line;
        try {
            const Json::json_pointer at(pointer);
            if (document.contains(at)) {
                const Json &value = document.at(at);
                const QString shown = isSecretKey(schema, tokens)
                                          ? QStringLiteral("the secret value")
                                          : jsonText(value);
                line = whatIsWrong(keyMetadata(schema, tokens), value, shown);
            }
        } catch (const Json::exception &) {
            // Not a place in this document: Ajv's words alone.
        }
        if (line.isEmpty())
            line = QString::fromStdString(v.message);
        lines << key + QStringLiteral(": ") + line;
    }
    return lines;
}

} // namespace tad
