// The few JavaScript value rules Ajv's checks depend on (equality and
// number printing are tad::jsEqual and tad::jsNumber in json/JsonText.h).
#pragma once

#include "json/Json.h"
#include <string>
#include <string_view>

namespace tad::schema {

// String length the way Ajv counts it (Unicode code points).
size_t codePointLength(std::string_view utf8);
// Ajv's "integer": any finite number without a fractional part (14.0 counts).
bool isJsInteger(const Json &value);
double numberOf(const Json &value);

} // namespace tad::schema
