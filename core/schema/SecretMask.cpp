#include "SecretMask.h"

#include "RawSchema.h"

namespace tad {

namespace {

bool anyWriteOnly(const Json &root, const std::vector<const Json *> &nodes)
{
    for (const Json *node : nodes) {
        for (const Json *branch : schema::expandBranches(root, node)) {
            auto flag = branch->find("writeOnly");
            if (flag != branch->end() && flag->is_boolean() && flag->get<bool>())
                return true;
        }
    }
    return false;
}

void maskIn(const Json &root, const std::vector<const Json *> &nodes, Json &value, int depth)
{
    if (nodes.empty() || depth > 64)
        return;
    if (value.is_string()) {
        if (anyWriteOnly(root, nodes))
            value = maskSecret(QString::fromStdString(value.get<std::string>())).toStdString();
        return;
    }
    auto descend = [&](const std::string &token, Json &child) {
        std::vector<const Json *> childNodes;
        for (const Json *node : nodes) {
            for (const Json *c : schema::childSchemas(root, node, token))
                childNodes.push_back(c);
        }
        maskIn(root, childNodes, child, depth + 1);
    };
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            descend(it.key(), *it);
    } else if (value.is_array()) {
        for (size_t i = 0; i < value.size(); ++i)
            descend(std::to_string(i), value[i]);
    }
}

} // namespace

QString maskSecret(const QString &secret)
{
    static const QString stars = QStringLiteral("********");
    if (secret.isEmpty())
        return secret; // nothing to hide, and "********" would suggest a value
    if (secret.size() > 12)
        return stars + secret.right(4);
    return stars;
}

Json maskSecrets(const Schema &schema, const Json &value, const std::vector<std::string> &tokens)
{
    Json copy = value;
    if (schema.isNull())
        return copy;
    const Json &root = schema.rootSchema();
    const auto nodes =
        tokens.empty() ? std::vector<const Json *>{&root} : schema::schemasAt(root, tokens);
    maskIn(root, nodes, copy, 0);
    return copy;
}

} // namespace tad
