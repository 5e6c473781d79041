// JSON Pointer pieces the validator needs while it walks (dot-notation
// keys come from keys/KeyPath.h).
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

} // namespace tad::schema
