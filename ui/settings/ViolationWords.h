// The core's verdict on a value, in the person's language. The decision is
// the core's (checkValue, the same as the schema guard's on a write); this
// only says it, from the violation's keyword and the schema's parameters:
// "must be <= 24", "/1 must be string" for an item below the key.
#pragma once

#include "Result.h"
#include "keys/KeyPath.h"
#include "schema/ValueCheck.h"

#include <QString>

namespace tad {

// One violation; `at` is the key the value belongs to, so a place below it
// is named relative to it ("/x must be number").
QString violationWords(const SchemaViolation &violation, const KeyPath &at);
// Why a value is not written, "" when it may be. A check that could not be
// made at all says the core's error.
QString refusalWords(const Result<ValueCheck> &check, const KeyPath &at);
// What is wrong with a value the file already holds, "" when nothing is.
QString problemWords(const SchemaViolations &violations, const KeyPath &at);
// The same for a check of the value the file holds (whatever it found,
// added or kept).
QString problemWords(const Result<ValueCheck> &check, const KeyPath &at);

} // namespace tad
