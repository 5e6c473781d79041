// Secrets never print in full unless the user asks for them. One rule for
// both programs decides which keys hold one:
//  - the schema marks the key `writeOnly: true` or `format: "password"`;
//  - where the schema says nothing about a key (or there is no schema), its
//    name does: the last segment ends in apiKey, api_key, secret, password
//    or token (any case), as in `ai.apiKey` or `sync.token`.
// Whatever the secret's JSON type (a string, an array of keys, an object of
// credentials, a number), the whole value is masked, and so is every key
// under it (`sync.secret.value` when `sync.secret` is a secret).
#pragma once

#include "schema/Schema.h"

#include "json/Json.h"
#include <QString>
#include <string>
#include <vector>

namespace tad {

// "********", plus the last 4 characters when the secret is longer than
// 12 characters (enough to tell two keys apart, too few to use one). An
// empty string stays empty: "********" would suggest a value.
QString maskSecret(const QString &secret);

// What a masked value of any type reads as: a string's mask as above, any
// other value "********".
Json maskedValue(const Json &secret);

// Whether the key at `tokens` (KeyPath::segments()) holds a secret, by the
// rule above. `schema` may be null.
bool isSecretKey(const Schema &schema, const std::vector<std::string> &tokens);

// A copy of `value` (found at key path `tokens`; the whole document for
// none) with every secret in it masked.
Json maskSecrets(const Schema &schema, const Json &value,
                 const std::vector<std::string> &tokens = {});

// A copy of an RFC 6902 patch whose values at or under a secret are masked.
Json maskPatch(const Schema &schema, const Json &patch);

} // namespace tad
