// The few JavaScript rules that decide what dot-prop does to a parsed JSON
// document: which property names an object or array inherits, which keys are
// array indices, where an object puts a new integer-like key, and how an
// array's `length` converts what is assigned to it.
#pragma once

#include "json/Json.h"
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tad::js {

// Names every ordinary object inherits from Object.prototype (Node 20),
// without `__proto__` and `constructor`, which dot-prop refuses anyway.
bool isObjectPrototypeName(std::string_view key);
// Names an array inherits from Array.prototype (Node 20's set of methods).
bool isArrayPrototypeName(std::string_view key);
// Methods every function inherits from Function.prototype, apart from
// `name`, `length`, `arguments` and `caller`, which dot-prop's walk treats
// differently (read-only or throwing).
bool isFunctionPrototypeMethod(std::string_view key);

// A canonical array index: "0" or digits without a leading zero up to
// 4294967294. Such keys are array elements and the integer-like keys that a
// JavaScript object lists first, in ascending order.
std::optional<std::uint32_t> arrayIndex(std::string_view key);

// Sets `key` in `object` as a JavaScript assignment would: an existing key
// keeps its place, a new array-index key goes before the other keys in
// ascending order (where JSON.stringify will print it), any other key last.
// Assumes `object` already is in JavaScript order. Returns the stored value.
Json &assignMember(Json &object, const std::string &key, Json value);

// ToNumber(value) as `array.length = value` applies it (NaN if not a number).
double toNumber(const Json &value);
// The new length `array.length = value` gives, or nothing where JavaScript
// throws RangeError (not a whole number from 0 to 2^32-1).
std::optional<std::uint64_t> arrayLengthFrom(const Json &value);

} // namespace tad::js
