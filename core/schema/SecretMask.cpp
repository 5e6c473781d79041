#include "SecretMask.h"

#include "RawSchema.h"
#include "keys/KeyPath.h"

#include "json/JsonText.h"
#include <QRegularExpression>

namespace tad {

namespace {

const QString kStars = QStringLiteral("********");

bool flagged(const Json &root, const std::vector<const Json *> &nodes)
{
    for (const Json *node : nodes) {
        for (const Json *branch : schema::expandBranches(root, node)) {
            if (!branch->is_object())
                continue;
            auto writeOnly = branch->find("writeOnly");
            if (writeOnly != branch->end() && writeOnly->is_boolean() && writeOnly->get<bool>())
                return true;
            auto format = branch->find("format");
            if (format != branch->end() && format->is_string() &&
                format->get<std::string>() == "password")
                return true;
        }
    }
    return false;
}

bool nameLooksSecret(const std::string &name)
{
    static const QRegularExpression pattern(QStringLiteral("(api[_-]?key|secret|password|token)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(QString::fromStdString(name)).hasMatch();
}

// `nodes`: the schemas that describe `value` (none: the schema says nothing
// about it); `name`: its member name or index, none for the root.
bool holdsSecret(const Json &root, const std::vector<const Json *> &nodes, const std::string *name)
{
    return nodes.empty() ? name && nameLooksSecret(*name) : flagged(root, nodes);
}

void maskIn(const Json &root, const std::vector<const Json *> &nodes, Json &value,
            const std::string *name, int depth)
{
    if (holdsSecret(root, nodes, name)) {
        value = maskedValue(value);
        return;
    }
    // Documents are never deeper than the reader allows; a value built in
    // memory may be, and is then masked whole rather than walked further.
    if (depth >= kMaxJsonDepth) {
        if (value.is_object() || value.is_array())
            value = maskedValue(value);
        return;
    }
    auto descend = [&](const std::string &token, Json &child) {
        std::vector<const Json *> childNodes;
        for (const Json *node : nodes) {
            for (const Json *c : schema::childSchemas(root, node, token))
                childNodes.push_back(c);
        }
        maskIn(root, childNodes, child, &token, depth + 1);
    };
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            descend(it.key(), *it);
    } else if (value.is_array()) {
        for (size_t i = 0; i < value.size(); ++i)
            descend(std::to_string(i), value[i]);
    }
}

const Json &emptySchema()
{
    static const Json empty = Json::object();
    return empty;
}

} // namespace

QString maskSecret(const QString &secret)
{
    if (secret.isEmpty())
        return secret;
    if (secret.size() > 12)
        return kStars + secret.right(4);
    return kStars;
}

Json maskedValue(const Json &secret)
{
    if (secret.is_string())
        return maskSecret(QString::fromStdString(secret.get<std::string>())).toStdString();
    return kStars.toStdString();
}

bool isSecretKey(const Schema &schema, const std::vector<std::string> &tokens)
{
    // The key itself or any key above it: a part of a secret is secret.
    const Json &root = schema.isNull() ? emptySchema() : schema.rootSchema();
    std::vector<std::string> prefix;
    prefix.reserve(tokens.size());
    for (const std::string &token : tokens) {
        prefix.push_back(token);
        const auto nodes =
            schema.isNull() ? std::vector<const Json *>{} : schema::schemasAt(root, prefix);
        if (holdsSecret(root, nodes, &prefix.back()))
            return true;
    }
    return false;
}

Json maskSecrets(const Schema &schema, const Json &value, const std::vector<std::string> &tokens)
{
    if (isSecretKey(schema, tokens))
        return maskedValue(value);
    Json copy = value;
    const Json &root = schema.isNull() ? emptySchema() : schema.rootSchema();
    std::vector<const Json *> nodes;
    if (!schema.isNull())
        nodes = tokens.empty() ? std::vector<const Json *>{&root} : schema::schemasAt(root, tokens);
    maskIn(root, nodes, copy, tokens.empty() ? nullptr : &tokens.back(), int(tokens.size()));
    return copy;
}

Json maskPatch(const Schema &schema, const Json &patch)
{
    Json masked = patch;
    if (!masked.is_array())
        return masked;
    for (auto &op : masked) {
        if (!op.is_object() || !op.contains("value") || !op.contains("path") ||
            !op["path"].is_string())
            continue;
        auto path = KeyPath::fromPointer(op["path"].get<std::string>());
        if (path)
            op["value"] = maskSecrets(schema, op["value"], path->segments());
    }
    return masked;
}

} // namespace tad
