// Secrets (schema keys marked writeOnly, e.g. ai.apiKey) never print in
// full unless the user asks for them.
#pragma once

#include "schema/Schema.h"

#include "json/Json.h"
#include <QString>

namespace tad {

// "********", plus the last 4 characters when the secret is longer than
// 12 characters (enough to tell two keys apart, too few to use one).
QString maskSecret(const QString &secret);

// A copy of `value` (found at key path `tokens`; the whole document for
// none) with every string under a writeOnly schema replaced by its mask.
Json maskSecrets(const Schema &schema, const Json &value,
                 const std::vector<std::string> &tokens = {});

} // namespace tad
