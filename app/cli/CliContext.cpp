#include "CliContext.h"

#include "schema/Defaults.h"
#include "schema/SecretMask.h"

#include "json/JsonText.h"

namespace tad::cli {

Result<void> CliContext::prepare(const QString &configPath)
{
    if (!args.noSchema) {
        auto loaded =
            args.schemaPath.isEmpty() ? Schema::builtIn() : Schema::fromFile(args.schemaPath);
        if (!loaded)
            return loaded.error();
        schema = std::move(loaded.value());
    }
    StoreOptions options;
    options.dialect = args.dialect;
    if (!schema.isNull())
        options.fillDefaults = schemaDefaultsFiller(schema);
    store = std::make_unique<Store>(configPath, options);
    if (!schema.isNull()) {
        guard = std::make_unique<SchemaGuard>(schema);
        store->addHook(guard.get());
    }
    // After the guard: a refused change takes no backup and leaves no entry.
    history = std::make_unique<HistoryServices>(*store);
    return {};
}

Json CliContext::shown(const Json &value, const std::vector<std::string> &tokens) const
{
    if (args.showSecrets || schema.isNull())
        return value;
    return maskSecrets(schema, value, tokens);
}

void CliContext::printJson(const Json &value) const
{
    TextStyle style;
    if (args.pretty) {
        style.indent = TextStyle::Indent::Spaces;
        style.spaces = 2;
    }
    printLine(stringify(value, style));
}

void CliContext::printLine(const std::string &line) const
{
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int report(const Error &error)
{
    const QByteArray text = (QStringLiteral("tad-settings-cli: ") + error.toString()).toUtf8();
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
    return int(error.code);
}

void reportWarnings(const std::vector<Error> &warnings)
{
    for (Error warning : warnings) {
        warning.message.prepend(QStringLiteral("warning: "));
        report(warning);
    }
}

Result<Json> parseCommandValue(const QString &text, const QString &key)
{
    const QByteArray utf8 = text.toUtf8();
    auto value = parseValue(std::string_view(utf8.constData(), size_t(utf8.size())));
    if (value)
        return value;
    Error e = makeError(ErrorCode::Usage,
                        QStringLiteral("the value for %1: %2").arg(key, value.error().message));
    e.key = key;
    return e;
}

} // namespace tad::cli
