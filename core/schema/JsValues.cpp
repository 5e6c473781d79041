#include "JsValues.h"

#include <charconv>
#include <cmath>

namespace tad::schema {

std::string jsNumberText(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    if (value == 0)
        return "0";
    if (std::trunc(value) == value && std::fabs(value) < 1e21) {
        char buf[32];
        auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 0);
        return std::string(buf, res.ptr);
    }
    // Shortest round-trip digits; JavaScript switches to exponent form
    // below 1e-6 and from 1e21 on.
    char buf[64];
    const double magnitude = std::fabs(value);
    if (magnitude >= 1e-6 && magnitude < 1e21) {
        auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
        return std::string(buf, res.ptr);
    }
    auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    std::string text(buf, res.ptr);
    // to_chars writes "1e-07"; JavaScript writes "1e-7" and "1e+21".
    const auto e = text.find('e');
    if (e != std::string::npos) {
        std::string mantissa = text.substr(0, e);
        const char sign = text[e + 1];
        std::string digits = text.substr(e + 2);
        while (digits.size() > 1 && digits[0] == '0')
            digits.erase(0, 1);
        text = mantissa + "e" + (sign == '-' ? "-" : "+") + digits;
    }
    return text;
}

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

bool jsDeepEqual(const Json &a, const Json &b)
{
    if (a.is_number() && b.is_number()) {
        if (a.is_number_integer() && b.is_number_integer())
            return a == b;
        return numberOf(a) == numberOf(b);
    }
    if (a.type() != b.type())
        return false;
    if (a.is_array()) {
        if (a.size() != b.size())
            return false;
        for (size_t i = 0; i < a.size(); ++i) {
            if (!jsDeepEqual(a[i], b[i]))
                return false;
        }
        return true;
    }
    if (a.is_object()) {
        if (a.size() != b.size())
            return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            auto other = b.find(it.key());
            if (other == b.end() || !jsDeepEqual(it.value(), *other))
                return false;
        }
        return true;
    }
    return a == b;
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
