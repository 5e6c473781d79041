// String formats with the rules of ajv-formats' "full" mode, which is what
// electron-store (through conf) installs.
#pragma once

#include <string_view>

namespace tad::schema {

enum class FormatCheck
{
    Valid,
    Invalid,
    Unknown
};

// Unknown formats are reported as such; the validator lets them pass (Ajv
// would refuse to compile the schema, the loader warns instead).
FormatCheck checkFormat(std::string_view format, std::string_view value);
bool isKnownFormat(std::string_view format);

} // namespace tad::schema
