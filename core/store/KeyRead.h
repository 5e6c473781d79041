// A one-shot read of one key, for a program that reads one value and exits
// (`tad-settings-cli get`, `has`): no Store, no hooks, no history, and of
// the file only the members on the way to the key are built (see
// parseDocumentFor). The file is checked whole, so it gives the errors and
// warnings opening a Store would: the same parse errors with line and
// column, the same duplicate-key warnings.
#pragma once

#include "Result.h"
#include "keys/KeyPath.h"

#include "json/Json.h"
#include "json/JsonText.h"
#include <QString>
#include <optional>
#include <vector>

namespace tad {

struct KeyRead
{
    std::optional<Json> value;   // what Store::get gives
    bool present = false;        // what Store::has gives
    std::vector<Error> warnings; // what Store::warnings gives
};

// `key` null: the file is only checked (value absent, present false).
Result<KeyRead> readKey(const QString &path, const KeyPath *key, KeyDialect dialect);

// The settings file does not parse (the parser's error), with what every
// reader of it promises: nothing is written over such a file.
Error unreadableSettingsFile(Error parseError);

// The warning for a key that occurs twice, as every reader of the file words it.
Error duplicateKeyWarning(const DuplicateKey &duplicate, KeyDialect dialect, const QString &file);

} // namespace tad
