#include "JsValues.h"

#include <cmath>

namespace tad::schema {

double numberOf(const Json &value)
{
    return value.get<double>();
}

bool isJsInteger(const Json &value)
{
    if (value.is_number_integer())
        return true;
    if (!value.is_number_float())
        return false;
    const double d = value.get<double>();
    return std::isfinite(d) && std::trunc(d) == d;
}

size_t codePointLength(std::string_view utf8)
{
    size_t count = 0;
    for (unsigned char c : utf8) {
        if ((c & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

} // namespace tad::schema
