// The few JavaScript value rules Ajv's checks depend on.
#pragma once

#include "json/Json.h"
#include <string>
#include <string_view>

namespace tad::schema {

// Number.prototype.toString for the numbers that appear in messages.
std::string jsNumberText(double value);
// Ajv's deep equality for enum, const and uniqueItems: numbers compare as
// doubles (1 == 1.0), member order does not matter.
bool jsDeepEqual(const Json &a, const Json &b);
// String length the way Ajv counts it (Unicode code points).
size_t codePointLength(std::string_view utf8);
// Ajv's "integer": any finite number without a fractional part (14.0 counts).
bool isJsInteger(const Json &value);
double numberOf(const Json &value);

} // namespace tad::schema
