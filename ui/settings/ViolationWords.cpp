#include "ViolationWords.h"

#include "json/JsonText.h"
#include <QCoreApplication>

namespace tad {

namespace {

QString numberParam(const Json &params, const char *name)
{
    const auto it = params.find(name);
    if (it == params.end() || !it->is_number())
        return QString();
    return QString::fromStdString(jsNumber(it->get<double>()));
}

QString textParam(const Json &params, const char *name)
{
    const auto it = params.find(name);
    if (it == params.end())
        return QString();
    return it->is_string() ? QString::fromStdString(it->get<std::string>())
                           : QString::fromStdString(compactJson(*it));
}

QString words(const SchemaViolation &v)
{
    const std::string &k = v.keyword;
    const Json &p = v.params;
    if (k == "type")
        return QCoreApplication::translate("ViolationWords", "must be %1")
            .arg(textParam(p, "type"));
    if (k == "enum")
        return QCoreApplication::translate("ViolationWords",
                                           "must be equal to one of the allowed values");
    if (k == "const")
        return QCoreApplication::translate("ViolationWords", "must be equal to %1")
            .arg(textParam(p, "allowedValue"));
    if (k == "maximum")
        return QCoreApplication::translate("ViolationWords", "must be <= %1")
            .arg(numberParam(p, "limit"));
    if (k == "minimum")
        return QCoreApplication::translate("ViolationWords", "must be >= %1")
            .arg(numberParam(p, "limit"));
    if (k == "exclusiveMaximum")
        return QCoreApplication::translate("ViolationWords", "must be < %1")
            .arg(numberParam(p, "limit"));
    if (k == "exclusiveMinimum")
        return QCoreApplication::translate("ViolationWords", "must be > %1")
            .arg(numberParam(p, "limit"));
    if (k == "multipleOf")
        return QCoreApplication::translate("ViolationWords", "must be a multiple of %1")
            .arg(numberParam(p, "multipleOf"));
    if (k == "maxLength")
        return QCoreApplication::translate("ViolationWords",
                                           "must NOT have more than %1 characters")
            .arg(numberParam(p, "limit"));
    if (k == "minLength")
        return QCoreApplication::translate("ViolationWords",
                                           "must NOT have fewer than %1 characters")
            .arg(numberParam(p, "limit"));
    if (k == "pattern")
        return QCoreApplication::translate("ViolationWords", "must match pattern \"%1\"")
            .arg(textParam(p, "pattern"));
    if (k == "format")
        return QCoreApplication::translate("ViolationWords", "must match format \"%1\"")
            .arg(textParam(p, "format"));
    if (k == "maxItems" || k == "additionalItems")
        return QCoreApplication::translate("ViolationWords", "must NOT have more than %1 items")
            .arg(numberParam(p, "limit"));
    if (k == "minItems")
        return QCoreApplication::translate("ViolationWords", "must NOT have fewer than %1 items")
            .arg(numberParam(p, "limit"));
    if (k == "uniqueItems")
        return QCoreApplication::translate(
                   "ViolationWords",
                   "must NOT have duplicate items (items %1 and %2 are identical)")
            .arg(numberParam(p, "j"), numberParam(p, "i"));
    if (k == "required")
        return QCoreApplication::translate("ViolationWords", "must have the key %1")
            .arg(textParam(p, "missingProperty"));
    if (k == "additionalProperties")
        return QCoreApplication::translate("ViolationWords", "must NOT have the key %1")
            .arg(textParam(p, "additionalProperty"));
    // The rarer keywords keep the validator's own (English) words.
    return QString::fromStdString(v.message);
}

} // namespace

QString violationWords(const SchemaViolation &violation, const KeyPath &at)
{
    const std::string base = at.toPointer();
    const QString said = words(violation);
    if (violation.pointer.size() > base.size() && violation.pointer.starts_with(base) &&
        violation.pointer[base.size()] == '/')
        return QString::fromStdString(violation.pointer.substr(base.size())) + QLatin1Char(' ') +
               said;
    return said;
}

QString refusalWords(const Result<ValueCheck> &check, const KeyPath &at)
{
    if (!check)
        return check.error().message;
    if (check->acceptable())
        return {};
    return violationWords(check->reason(), at);
}

QString problemWords(const SchemaViolations &violations, const KeyPath &at)
{
    if (violations.empty())
        return {};
    return violationWords(explainingViolation(violations), at);
}

QString problemWords(const Result<ValueCheck> &check, const KeyPath &at)
{
    if (!check)
        return check.error().message;
    if (check->added.empty() && check->kept.empty())
        return {};
    return violationWords(check->reason(), at);
}

} // namespace tad
