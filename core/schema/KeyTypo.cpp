#include "KeyTypo.h"

#include "keys/NearestName.h"
#include "schema/KeyMetadata.h"
#include "schema/RawSchema.h"

#include <algorithm>

namespace tad {

namespace {

// The names the schema gives a value at `parent`: its properties there,
// through branches and $refs. Not the document's own names: a program's
// keys come in families (k1, k2, item-10) whose members are near misses of
// each other.
QStringList namesAt(const Schema &schema, const std::vector<std::string> &parent)
{
    QStringList names;
    if (schema.isNull())
        return names;
    const Json &root = schema.rootSchema();
    const auto nodes =
        parent.empty() ? std::vector<const Json *>{&root} : schema::schemasAt(root, parent);
    for (const Json *node : nodes) {
        for (const Json *branch : schema::expandBranches(root, node)) {
            const auto properties = branch->find("properties");
            if (properties == branch->end() || !properties->is_object())
                continue;
            for (const auto &[name, sub] : properties->items())
                names << QString::fromStdString(name);
        }
    }
    names.removeDuplicates();
    return names;
}

} // namespace

std::optional<KeyPath> likelyMeantKey(const Schema &schema, const Json &document,
                                      const KeyPath &path)
{
    if (findValue(document, path))
        return std::nullopt; // the common case, first: a key that is there
    std::vector<std::string> tokens = path.segments();
    for (size_t i = 0; i < tokens.size(); ++i) {
        const std::vector<std::string> prefix(tokens.begin(), tokens.begin() + long(i) + 1);
        if (findValue(document, KeyPath::fromSegments(prefix)) || keyMetadata(schema, prefix).known)
            continue;
        // A number is an index or an id, never a misspelt name.
        if (std::all_of(tokens[i].begin(), tokens[i].end(),
                        [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        const std::vector<std::string> parent(tokens.begin(), tokens.begin() + long(i));
        const QString near = nearest(QString::fromStdString(tokens[i]), namesAt(schema, parent));
        if (near.isEmpty())
            return std::nullopt;
        tokens[i] = near.toStdString();
        return KeyPath::fromSegments(tokens);
    }
    return std::nullopt;
}

QString meantKeyHint(const Schema &schema, const Json &document, const KeyPath &path,
                     KeyDialect dialect)
{
    const auto meant = likelyMeantKey(schema, document, path);
    return meant ? QStringLiteral("; did you mean %1?")
                       .arg(QString::fromStdString(meant->toDotted(dialect)))
                 : QString();
}

} // namespace tad
