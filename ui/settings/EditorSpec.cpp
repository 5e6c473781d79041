#include "EditorSpec.h"

#include "json/JsonText.h"
#include <QCoreApplication>
#include <cmath>

namespace tad {

namespace {

bool isWholeNumber(const Json &value)
{
    if (value.is_number_integer() || value.is_number_unsigned())
        return true;
    if (!value.is_number_float())
        return false;
    const double d = value.get<double>();
    return std::isfinite(d) && std::floor(d) == d;
}

QString num(double d)
{
    return QString::fromStdString(jsNumber(d));
}

} // namespace

EditorKind EditorSpec::kindFor(const Json *value) const
{
    if (!enumOptions.empty())
        return EditorKind::Enum;
    const QString type = types.size() == 1 ? types.first()
                         : value           ? jsonTypeName(*value)
                                           : QString();
    if (type == QLatin1String("boolean"))
        return EditorKind::Boolean;
    if (type == QLatin1String("integer"))
        return EditorKind::Integer;
    if (type == QLatin1String("number"))
        return EditorKind::Number;
    if (type == QLatin1String("string")) {
        if (secret)
            return EditorKind::Secret;
        if (format == QLatin1String("date-time"))
            return EditorKind::DateTime;
        return EditorKind::Text;
    }
    if (type == QLatin1String("array")) {
        const bool simpleItems = !itemTypes.isEmpty() &&
                                 !itemTypes.contains(QLatin1String("object")) &&
                                 !itemTypes.contains(QLatin1String("array"));
        bool simpleValues = !value || value->is_array();
        if (value && value->is_array()) {
            for (const auto &item : *value)
                simpleValues = simpleValues && !item.is_structured();
        }
        if ((simpleItems || itemTypes.isEmpty()) && simpleValues)
            return EditorKind::StringList;
    }
    if (type == QLatin1String("object") && isMap)
        return EditorKind::Map;
    return EditorKind::JsonText;
}

QString EditorSpec::constraintsText() const
{
    QStringList parts;
    if (minimum && maximum)
        parts << QStringLiteral("%1 to %2").arg(num(*minimum), num(*maximum));
    else if (minimum)
        parts << QCoreApplication::translate("EditorSpec", "at least %1").arg(num(*minimum));
    else if (maximum)
        parts << QCoreApplication::translate("EditorSpec", "at most %1").arg(num(*maximum));
    if (exclusiveMinimum)
        parts << QCoreApplication::translate("EditorSpec", "more than %1")
                     .arg(num(*exclusiveMinimum));
    if (exclusiveMaximum)
        parts << QCoreApplication::translate("EditorSpec", "less than %1")
                     .arg(num(*exclusiveMaximum));
    if (!format.isEmpty())
        parts << QCoreApplication::translate("EditorSpec", "format %1").arg(format);
    if (!pattern.isEmpty())
        parts << QCoreApplication::translate("EditorSpec", "pattern %1").arg(pattern);
    if (minLength)
        parts
            << QCoreApplication::translate("EditorSpec", "at least %1 characters").arg(*minLength);
    if (maxLength)
        parts << QCoreApplication::translate("EditorSpec", "at most %1 characters").arg(*maxLength);
    if (minItems)
        parts << QCoreApplication::translate("EditorSpec", "at least %1 items").arg(*minItems);
    if (maxItems)
        parts << QCoreApplication::translate("EditorSpec", "at most %1 items").arg(*maxItems);
    if (!enumOptions.empty()) {
        QStringList names;
        for (const auto &option : enumOptions)
            names << option.title;
        parts << QCoreApplication::translate("EditorSpec", "one of: %1")
                     .arg(names.join(QStringLiteral(", ")));
    }
    if (readOnly)
        parts << QStringLiteral("read-only");
    return parts.join(QStringLiteral("; "));
}

QString EditorSpec::enumTitle(const Json &value) const
{
    for (const auto &option : enumOptions) {
        if (jsEqual(option.value, value))
            return option.title;
    }
    return {};
}

QString jsonTypeName(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::object:
        return QStringLiteral("object");
    case Json::value_t::array:
        return QStringLiteral("array");
    case Json::value_t::string:
        return QStringLiteral("string");
    case Json::value_t::boolean:
        return QStringLiteral("boolean");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return QStringLiteral("integer");
    case Json::value_t::number_float:
        return isWholeNumber(value) ? QStringLiteral("integer") : QStringLiteral("number");
    case Json::value_t::null:
        return QStringLiteral("null");
    default:
        return QStringLiteral("unknown");
    }
}

QString displayText(const Json &value, int maxChars)
{
    QString text;
    if (value.is_string()) {
        text = QString::fromStdString(value.get<std::string>());
    } else if (value.is_object()) {
        text = value.size() == 1
                   ? QCoreApplication::translate("EditorSpec", "{1 key}")
                   : QCoreApplication::translate("EditorSpec", "{%1 keys}").arg(value.size());
    } else if (value.is_array()) {
        QStringList items;
        int length = 0;
        for (const auto &item : value) {
            if (item.is_structured() || length > maxChars)
                break;
            items << displayText(item, maxChars);
            length += int(items.last().size()) + 2;
        }
        const QString count =
            value.size() == 1
                ? QCoreApplication::translate("EditorSpec", "[1 item]")
                : QCoreApplication::translate("EditorSpec", "[%1 items]").arg(value.size());
        text =
            items.isEmpty() ? count : count + QLatin1Char(' ') + items.join(QStringLiteral(", "));
    } else {
        text = QString::fromStdString(compactJson(value));
    }
    text.replace(QLatin1Char('\n'), QChar(0x21b5));
    if (text.size() > maxChars)
        text = text.left(maxChars - 1) + QChar(0x2026);
    return text;
}

} // namespace tad
