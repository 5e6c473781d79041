// What a command reads besides the settings file: standard input for `-`,
// and a JSON document named on the command line (`validate FILE`, `diff A B`).
#pragma once

#include "CliArguments.h"
#include "Result.h"

#include "json/JsonText.h"
#include <QString>
#include <optional>
#include <string>

namespace tad::cli {

// All of stdin; Usage when it is not valid UTF-8.
Result<std::string> readStandardInput();
// A value given as `-`: stdin without its one trailing newline.
Result<QString> readValueFromStdin();
// The argument itself, or for "-" the value read from stdin.
Result<QString> argumentOrStdin(const QString &argument);
// The document in `path`, or on stdin for "-". A missing or unreadable file,
// or one that does not parse, is Unreadable (exit 4).
Result<ParsedDocument> readDocumentArgument(const QString &path);
// `--limit N` of a listing: nothing when not given, Usage unless N >= 1.
Result<std::optional<size_t>> listLimit(const CliArguments &args);
// Keeps the first `limit` entries of a newest-first listing; how many there were.
template <typename List> size_t keepNewest(List &list, std::optional<size_t> limit)
{
    const size_t total = list.size();
    if (limit && total > *limit)
        list.resize(*limit);
    return total;
}

} // namespace tad::cli
