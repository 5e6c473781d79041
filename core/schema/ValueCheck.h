// Whether a value may be written at a key path, asked before anything is
// sent to the store and answered the way the schema guard answers a write:
// the value is put into the document, the schema's defaults are filled as
// the store fills them, and the violations this adds are what refuses it.
// A violation the document already has (the Electron app may have written
// it) does not refuse an edit, also not of the key that holds it.
//
//   auto check = checkValue(schema, document, path, value);
//   if (check && !check->acceptable())
//       explain(check->reason());   // keyword, pointer and params
#pragma once

#include "Result.h"
#include "keys/KeyPath.h"
#include "schema/Schema.h"
#include "schema/SchemaViolation.h"

#include "json/Json.h"

namespace tad {

struct ValueCheck
{
    // What the write would add: the guard refuses it for these.
    SchemaViolations added;
    // What the value has that the document already had: left alone.
    SchemaViolations kept;

    bool acceptable() const { return added.empty(); }
    // The violation that says best why the value is refused (or, when it
    // is acceptable, what is wrong with it all the same); see
    // explainingViolation(). Only when added or kept is not empty.
    SchemaViolation reason() const;
};

// The guard's verdict on setting `path` to `value` in `document` (the file
// as the store holds it). An error when the value cannot be put there at
// all (a parent that is not an object or array, the reserved root).
Result<ValueCheck> checkValue(const Schema &schema, const Json &document, const KeyPath &path,
                              const Json &value, KeyDialect dialect = KeyDialect::DotProp10);
// The same verdict without copying `document`: the value and the defaults
// are put into it for the check and taken out again, so that it is as it
// was afterwards, its members' order included. (A key whose parents do not
// all exist as objects is checked on a copy.) For a caller that holds a
// large document of its own, as the window does.
Result<ValueCheck> checkValueInPlace(const Schema &schema, Json &document, const KeyPath &path,
                                     const Json &value, KeyDialect dialect = KeyDialect::DotProp10);

// The violations `document` has that concern `path`: the value there and
// everything under it, and its parent's checks of that member.
SchemaViolations violationsAt(const Schema &schema, const Json &document, const KeyPath &path);

// Of violations in the validator's order, the one to tell a person: the
// first that is not a failed alternative of an anyOf/oneOf (the constants
// it offers, the combinator itself). When every alternative is a constant
// the answer is one "enum" violation with their allowedValues, as if the
// schema had said enum.
SchemaViolation explainingViolation(const SchemaViolations &violations);

} // namespace tad
