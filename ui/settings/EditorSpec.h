// What the editor for one key needs to know: its types, limits, default and
// how to show it. Whether a value is accepted is not decided here but by
// the core (schema/ValueCheck, the schema guard's own verdict). Filled from a JSON schema by
// SchemaHints; everything in the UI reads this struct only, so the source of the metadata can
// change without touching the widgets.
#pragma once

#include "json/Json.h"
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace tad {

enum class EditorKind
{
    Boolean,
    Enum,
    Integer,
    Number,
    Text,
    Secret,
    DateTime,
    StringList, // array of simple values
    Map,        // object whose members are entries (patternProperties)
    JsonText,   // anything else
};

struct EnumOption
{
    Json value;
    QString title;
};

struct EditorSpec
{
    bool known = false; // the schema describes this key
    QStringList types;  // JSON Schema type names; empty means any
    QString title;
    QString description;
    QString format; // "email", "date-time", "uri", ...
    QString pattern;
    std::vector<EnumOption> enumOptions;
    std::optional<double> minimum, maximum, exclusiveMinimum, exclusiveMaximum;
    std::optional<qint64> minLength, maxLength, minItems, maxItems;
    std::optional<Json> defaultValue;
    QStringList itemTypes; // for arrays: the items' types
    bool secret = false;
    bool readOnly = false;
    bool isMap = false; // members are free-form entries

    // The editor to use for a value (the current one, or nullptr if the key
    // is missing): the schema decides first, the value's own type second.
    EditorKind kindFor(const Json *value) const;
    // One line listing the constraints ("8 to 24", "email", "at most 10 items").
    QString constraintsText() const;
    // The enum title for a value, or "" if none.
    QString enumTitle(const Json &value) const;
};

// JSON type name as JSON Schema names it ("integer" for whole numbers).
QString jsonTypeName(const Json &value);
// A short one-line rendering for cells: strings unquoted, containers summarized.
QString displayText(const Json &value, int maxChars = 80);

} // namespace tad
