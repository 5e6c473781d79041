#include "CliInput.h"

#include "io/AtomicFile.h"

#include <QStringDecoder>
#include <iostream>
#include <iterator>

namespace tad::cli {

Result<std::string> readStandardInput()
{
    std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    if (decoder.hasError())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("standard input is not valid UTF-8; nothing was written"));
    return bytes;
}

Result<QString> readValueFromStdin()
{
    auto bytes = readStandardInput();
    if (!bytes)
        return bytes.error();
    std::string &text = *bytes;
    if (!text.empty() && text.back() == '\n')
        text.pop_back();
    if (!text.empty() && text.back() == '\r')
        text.pop_back();
    return QString::fromStdString(text);
}

Result<QString> argumentOrStdin(const QString &argument)
{
    if (argument == QLatin1String("-"))
        return readValueFromStdin();
    return argument;
}

Result<ParsedDocument> readDocumentArgument(const QString &path)
{
    if (path == QLatin1String("-")) {
        auto bytes = readStandardInput();
        if (!bytes)
            return bytes.error();
        return parseDocument(*bytes, QStringLiteral("(stdin)"));
    }
    auto file = readFile(path);
    if (!file)
        return file.error();
    if (!file->stamp.exists) {
        Error e = makeError(ErrorCode::Unreadable, QStringLiteral("no such file"));
        e.file = path;
        return e;
    }
    return parseDocument(file->bytes, path);
}

Result<std::optional<size_t>> listLimit(const CliArguments &args)
{
    const QString given = args.option(QStringLiteral("limit"));
    if (given.isNull())
        return std::optional<size_t>();
    bool ok = false;
    const qlonglong n = given.trimmed().toLongLong(&ok);
    if (!ok || n < 1)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("--limit takes a whole number of 1 or more, such as "
                                        "--limit 10 (given: \"%1\")")
                             .arg(given));
    return std::optional<size_t>(size_t(n));
}

} // namespace tad::cli
