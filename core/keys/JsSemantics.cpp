#include "JsSemantics.h"

#include <QString>
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace tad::js {
namespace {

// Object.getOwnPropertyNames(Object.prototype) in Node 20.
constexpr std::array<std::string_view, 10> kObjectPrototypeNames = {
    "__defineGetter__", "__defineSetter__", "hasOwnProperty",       "__lookupGetter__",
    "__lookupSetter__", "isPrototypeOf",    "propertyIsEnumerable", "toString",
    "valueOf",          "toLocaleString"};

// Object.getOwnPropertyNames(Array.prototype) in Node 20, without `length`
// (an own property of every array) and `constructor` (refused).
constexpr std::array<std::string_view, 38> kArrayPrototypeNames = {
    "at",        "concat",        "copyWithin",     "fill",     "find",       "findIndex",
    "findLast",  "findLastIndex", "lastIndexOf",    "pop",      "push",       "reverse",
    "shift",     "unshift",       "slice",          "sort",     "splice",     "includes",
    "indexOf",   "join",          "keys",           "entries",  "values",     "forEach",
    "filter",    "flat",          "flatMap",        "map",      "every",      "some",
    "reduce",    "reduceRight",   "toLocaleString", "toString", "toReversed", "toSorted",
    "toSpliced", "with"};

constexpr std::array<std::string_view, 4> kFunctionPrototypeMethods = {"apply", "bind", "call",
                                                                       "toString"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N> &names, std::string_view key)
{
    return std::find(names.begin(), names.end(), key) != names.end();
}

// The white space and line terminators JavaScript trims before ToNumber.
bool isJsWhiteSpace(char16_t c)
{
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

double radixNumber(const QString &digits, int radix)
{
    if (digits.isEmpty())
        return std::nan("");
    double result = 0;
    for (const QChar c : digits) {
        const char16_t u = c.toLower().unicode();
        const int digit = (u >= '0' && u <= '9')   ? u - '0'
                          : (u >= 'a' && u <= 'f') ? u - 'a' + 10
                                                   : 99;
        if (digit >= radix)
            return std::nan("");
        result = result * radix + digit;
    }
    return result;
}

// StringToNumber from the ECMAScript spec.
double stringToNumber(const std::string &utf8)
{
    QString text = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isJsWhiteSpace(text.at(begin).unicode()))
        ++begin;
    while (end > begin && isJsWhiteSpace(text.at(end - 1).unicode()))
        --end;
    text = text.mid(begin, end - begin);
    if (text.isEmpty())
        return 0;
    if (text.size() > 2 && text.at(0) == QLatin1Char('0')) {
        const QChar prefix = text.at(1).toLower();
        if (prefix == QLatin1Char('x'))
            return radixNumber(text.mid(2), 16);
        if (prefix == QLatin1Char('o'))
            return radixNumber(text.mid(2), 8);
        if (prefix == QLatin1Char('b'))
            return radixNumber(text.mid(2), 2);
    }
    QString unsignedText = text;
    double sign = 1;
    if (text.startsWith(QLatin1Char('+')) || text.startsWith(QLatin1Char('-'))) {
        sign = text.startsWith(QLatin1Char('-')) ? -1 : 1;
        unsignedText = text.mid(1);
    }
    if (unsignedText == QLatin1String("Infinity"))
        return sign * std::numeric_limits<double>::infinity();

    // StrUnsignedDecimalLiteral: digits [. digits] | . digits, then [e[+-]digits].
    const std::string ascii = unsignedText.toStdString();
    std::size_t i = 0;
    std::size_t mantissaDigits = 0;
    while (i < ascii.size() && std::isdigit(static_cast<unsigned char>(ascii[i])))
        ++i, ++mantissaDigits;
    if (i < ascii.size() && ascii[i] == '.') {
        ++i;
        while (i < ascii.size() && std::isdigit(static_cast<unsigned char>(ascii[i])))
            ++i, ++mantissaDigits;
    }
    if (mantissaDigits == 0)
        return std::nan("");
    if (i < ascii.size() && (ascii[i] == 'e' || ascii[i] == 'E')) {
        ++i;
        if (i < ascii.size() && (ascii[i] == '+' || ascii[i] == '-'))
            ++i;
        std::size_t exponentDigits = 0;
        while (i < ascii.size() && std::isdigit(static_cast<unsigned char>(ascii[i])))
            ++i, ++exponentDigits;
        if (exponentDigits == 0)
            return std::nan("");
    }
    if (i != ascii.size())
        return std::nan("");
    double value = 0;
    // from_chars reads "5." and ".5" like JavaScript and ignores the locale.
    const auto [end_, error] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), value);
    if (error == std::errc::result_out_of_range)
        value = ascii.find_first_of("123456789") == std::string::npos
                    ? 0
                    : std::numeric_limits<double>::infinity();
    (void)end_;
    return sign * value;
}

} // namespace

bool isObjectPrototypeName(std::string_view key)
{
    return contains(kObjectPrototypeNames, key);
}

bool isArrayPrototypeName(std::string_view key)
{
    return contains(kArrayPrototypeNames, key);
}

bool isFunctionPrototypeMethod(std::string_view key)
{
    return contains(kFunctionPrototypeMethods, key);
}

std::optional<std::uint32_t> arrayIndex(std::string_view key)
{
    if (key.empty() || key.size() > 10 || (key.size() > 1 && key.front() == '0'))
        return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : key) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + std::uint64_t(c - '0');
    }
    if (value > 4294967294ULL)
        return std::nullopt;
    return static_cast<std::uint32_t>(value);
}

Json &assignMember(Json &object, const std::string &key, Json value)
{
    auto &members = object.get_ref<Json::object_t &>();
    if (auto it = members.find(key); it != members.end()) {
        it->second = std::move(value);
        return it->second;
    }
    const std::optional<std::uint32_t> index = arrayIndex(key);
    std::size_t position = members.size();
    if (index) {
        position = 0;
        while (position < members.size()) {
            const std::optional<std::uint32_t> other = arrayIndex(members[position].first);
            if (!other || *other > *index)
                break;
            ++position;
        }
    }
    if (position == members.size())
        return members.emplace(key, std::move(value)).first->second;

    // The map only appends, so rebuild it with the new key in its place. The
    // keys are known to be unique: append to the underlying vector directly
    // and let the map rebuild its index once, on the next lookup.
    Json::object_t reordered;
    auto &elements = static_cast<Json::object_t::Container &>(reordered);
    elements.reserve(members.size() + 1);
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (i == position)
            elements.emplace_back(key, std::move(value));
        elements.emplace_back(members[i].first, std::move(members[i].second));
    }
    members = std::move(reordered);
    return members[position].second;
}

double toNumber(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return 0;
    case Json::value_t::boolean:
        return value.get<bool>() ? 1 : 0;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return value.get<double>();
    case Json::value_t::string:
        return stringToNumber(value.get_ref<const std::string &>());
    case Json::value_t::array:
        // ToPrimitive joins the elements with ",": two or more elements always
        // give a comma, one element gives its own string (null gives "").
        if (value.empty())
            return 0;
        if (value.size() > 1)
            return std::nan("");
        if (value[0].is_boolean() || value[0].is_object())
            return std::nan("");
        return toNumber(value[0]);
    default:
        return std::nan(""); // "[object Object]"
    }
}

std::optional<std::uint64_t> arrayLengthFrom(const Json &value)
{
    const double number = toNumber(value);
    if (!(number >= 0) || number > 4294967295.0 || std::floor(number) != number)
        return std::nullopt;
    return static_cast<std::uint64_t>(number);
}

} // namespace tad::js
