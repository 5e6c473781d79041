#include "EditorSpec.h"

#include "schema/Formats.h"

#include "json/JsonText.h"
#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QUrl>
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

bool hasType(const Json &value, const QString &type)
{
    if (type == QLatin1String("string"))
        return value.is_string();
    if (type == QLatin1String("number"))
        return value.is_number();
    if (type == QLatin1String("integer"))
        return isWholeNumber(value);
    if (type == QLatin1String("boolean"))
        return value.is_boolean();
    if (type == QLatin1String("object"))
        return value.is_object();
    if (type == QLatin1String("array"))
        return value.is_array();
    if (type == QLatin1String("null"))
        return value.is_null();
    return true;
}

QString num(double d)
{
    return QString::fromStdString(jsNumber(d));
}

// The formats the editors check while typing. The schema core checks the
// full ajv-formats set before anything is written.
bool formatAccepts(const QString &format, const QString &text)
{
    // ajv-formats' rules, as the Electron app checks them.
    if (schema::isKnownFormat(format.toStdString()))
        return schema::checkFormat(format.toStdString(), text.toStdString()) !=
               schema::FormatCheck::Invalid;
    if (format == QLatin1String("email")) {
        static const QRegularExpression email(
            QStringLiteral(
                "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@"
                "(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"),
            QRegularExpression::CaseInsensitiveOption);
        return email.match(text).hasMatch();
    }
    if (format == QLatin1String("date-time")) {
        static const QRegularExpression dateTime(QStringLiteral(
            "^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:?\\d{2})$"));
        return dateTime.match(text).hasMatch() &&
               QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
    }
    if (format == QLatin1String("date"))
        return QDate::fromString(text, Qt::ISODate).isValid() && text.size() == 10;
    if (format == QLatin1String("uri") || format == QLatin1String("url")) {
        const QUrl url(text, QUrl::StrictMode);
        return url.isValid() && !url.scheme().isEmpty();
    }
    return true;
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

QString EditorSpec::validate(const Json &value) const
{
    if (!types.isEmpty()) {
        bool typeOk = false;
        for (const auto &t : types)
            typeOk = typeOk || hasType(value, t);
        if (!typeOk)
            return QCoreApplication::translate("EditorSpec", "must be %1")
                .arg(types.join(QLatin1Char(',')));
    }
    if (!enumOptions.empty()) {
        bool found = false;
        for (const auto &option : enumOptions)
            found = found || jsEqual(option.value, value);
        if (!found)
            return QCoreApplication::translate("EditorSpec",
                                               "must be equal to one of the allowed values");
    }
    if (value.is_number()) {
        const double d = value.get<double>();
        if (maximum && d > *maximum)
            return QCoreApplication::translate("EditorSpec", "must be <= %1").arg(num(*maximum));
        if (minimum && d < *minimum)
            return QCoreApplication::translate("EditorSpec", "must be >= %1").arg(num(*minimum));
        if (exclusiveMaximum && d >= *exclusiveMaximum)
            return QCoreApplication::translate("EditorSpec", "must be < %1")
                .arg(num(*exclusiveMaximum));
        if (exclusiveMinimum && d <= *exclusiveMinimum)
            return QCoreApplication::translate("EditorSpec", "must be > %1")
                .arg(num(*exclusiveMinimum));
    }
    if (value.is_string()) {
        const QString text = QString::fromStdString(value.get<std::string>());
        const qint64 length = text.toUcs4().size();
        if (maxLength && length > *maxLength)
            return QCoreApplication::translate("EditorSpec",
                                               "must NOT have more than %1 characters")
                .arg(*maxLength);
        if (minLength && length < *minLength)
            return QCoreApplication::translate("EditorSpec",
                                               "must NOT have fewer than %1 characters")
                .arg(*minLength);
        if (!pattern.isEmpty() && !QRegularExpression(pattern).match(text).hasMatch())
            return QCoreApplication::translate("EditorSpec", "must match pattern \"%1\"")
                .arg(pattern);
        if (!format.isEmpty() && !formatAccepts(format, text))
            return QCoreApplication::translate("EditorSpec", "must match format \"%1\"")
                .arg(format);
    }
    if (value.is_array()) {
        const auto size = qint64(value.size());
        if (maxItems && size > *maxItems)
            return QCoreApplication::translate("EditorSpec", "must NOT have more than %1 items")
                .arg(*maxItems);
        if (minItems && size < *minItems)
            return QCoreApplication::translate("EditorSpec", "must NOT have fewer than %1 items")
                .arg(*minItems);
        if (!itemTypes.isEmpty()) {
            for (size_t i = 0; i < value.size(); ++i) {
                bool ok = false;
                for (const auto &t : itemTypes)
                    ok = ok || hasType(value[i], t);
                if (!ok)
                    return QCoreApplication::translate("EditorSpec", "/%1 must be %2")
                        .arg(i)
                        .arg(itemTypes.join(QLatin1Char(',')));
            }
        }
    }
    return {};
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
