#include "SchemaText.h"

#include "CliContext.h"

#include "json/JsonText.h"
#include <QString>
#include <QStringList>

namespace tad::cli {
namespace {

void field(const CliContext &context, const char *name, const QString &value)
{
    if (!value.isEmpty())
        context.printLine(
            QStringLiteral("  %1 %2").arg(QLatin1String(name), -12).arg(value).toStdString());
}

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

QString range(const KeyMetadata &meta)
{
    if (!meta.minimum && !meta.maximum)
        return {};
    const QString low = meta.minimum ? number(*meta.minimum) : QStringLiteral("any");
    const QString high = meta.maximum ? number(*meta.maximum) : QStringLiteral("any");
    QString text = low + QStringLiteral(" to ") + high;
    if (meta.exclusiveMinimum || meta.exclusiveMaximum)
        text += QStringLiteral(" (bounds excluded)");
    return text;
}

QString typeList(const KeyMetadata &meta)
{
    QStringList types;
    for (const auto &t : meta.types)
        types << QString::fromStdString(t);
    return types.join(QStringLiteral(" or "));
}

void walkSchema(const CliContext &context, const Json &schema, const std::string &prefix)
{
    if (!schema.is_object() || !schema.contains("properties") || !schema["properties"].is_object())
        return;
    for (const auto &[name, sub] : schema["properties"].items()) {
        const std::vector<std::string> tokens = {name};
        const std::string key =
            prefix.empty()
                ? KeyPath::fromSegments(tokens).toDotted(context.args.dialect)
                : prefix + "." + KeyPath::fromSegments(tokens).toDotted(context.args.dialect);
        std::string line = key;
        if (sub.is_object() && sub.contains("type"))
            line += "  " + (sub["type"].is_string() ? sub["type"].get<std::string>()
                                                    : compactJson(sub["type"]));
        if (sub.is_object() && sub.contains("title") && sub["title"].is_string())
            line += "  " + sub["title"].get<std::string>();
        context.printLine(line);
        walkSchema(context, sub, key);
    }
}

void walkLeaves(const CliContext &context, const Json &value, std::vector<std::string> &tokens)
{
    if (value.is_object() && !value.empty()) {
        for (const auto &[name, member] : value.items()) {
            tokens.push_back(name);
            walkLeaves(context, member, tokens);
            tokens.pop_back();
        }
        return;
    }
    const KeyPath path = KeyPath::fromSegments(tokens);
    context.printLine(path.toDotted(context.args.dialect) + " = " +
                      compactJson(context.shown(value, path)));
}

} // namespace

void printKeyMetadata(const CliContext &context, const std::string &key, const KeyMetadata &meta)
{
    context.printLine(key);
    field(context, "title", meta.title);
    field(context, "description", meta.description);
    field(context, "type", typeList(meta));
    if (!meta.enumValues.empty()) {
        QStringList values;
        for (size_t i = 0; i < meta.enumValues.size(); ++i) {
            QString v = QString::fromStdString(compactJson(meta.enumValues[i]));
            if (i < meta.enumTitles.size() && !meta.enumTitles[i].isEmpty())
                v += QStringLiteral(" (%1)").arg(meta.enumTitles[i]);
            values << v;
        }
        field(context, "one of", values.join(QStringLiteral(", ")));
    }
    field(context, "range", range(meta));
    field(context, "format", meta.format);
    field(context, "pattern", meta.pattern);
    if (meta.minLength || meta.maxLength)
        field(context, "length",
              QStringLiteral("%1 to %2")
                  .arg(meta.minLength ? QString::number(*meta.minLength) : QStringLiteral("0"),
                       meta.maxLength ? QString::number(*meta.maxLength) : QStringLiteral("any")));
    if (meta.maxItems)
        field(context, "at most", QStringLiteral("%1 items").arg(*meta.maxItems));
    if (meta.defaultValue) {
        auto path = context.keyPath(QString::fromStdString(key));
        const Json shown = path ? context.shown(*meta.defaultValue, *path) : *meta.defaultValue;
        field(context, "default", QString::fromStdString(compactJson(shown)));
    }
    if (meta.secret)
        field(context, "secret", QStringLiteral("yes: printed masked"));
    if (meta.readOnly)
        field(context, "read-only", QStringLiteral("yes: changed by the app"));
}

void printSchemaKeys(const CliContext &context)
{
    walkSchema(context, context.schema().rootSchema(), {});
}

void printLeaves(const CliContext &context, const Json &document)
{
    std::vector<std::string> tokens;
    walkLeaves(context, document, tokens);
}

} // namespace tad::cli
