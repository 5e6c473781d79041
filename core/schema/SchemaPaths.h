// JSON Pointer and dot-notation conversions the schema code needs.
#pragma once

#include <QString>
#include <string>
#include <string_view>
#include <vector>

namespace tad::schema {

// RFC 6901 escaping of one reference token ("~" -> "~0", "/" -> "~1").
std::string escapePointerToken(std::string_view token);
std::vector<std::string> pointerTokens(std::string_view pointer);
std::string pointerFromTokens(const std::vector<std::string> &tokens);

// dot-prop notation: segments joined with '.', a literal '.' written "\.".
QString dottedFromTokens(const std::vector<std::string> &tokens);
std::vector<std::string> tokensFromDotted(std::string_view dotted);

} // namespace tad::schema
