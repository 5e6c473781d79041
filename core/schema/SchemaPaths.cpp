#include "SchemaPaths.h"

#include "SchemaViolation.h"
#include "keys/KeyPath.h"

namespace tad::schema {

std::string escapePointerToken(std::string_view token)
{
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::vector<std::string> pointerTokens(std::string_view pointer)
{
    std::vector<std::string> tokens;
    if (pointer.empty())
        return tokens;
    std::string current;
    for (size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            tokens.push_back(current);
            current.clear();
        } else if (pointer[i] == '~' && i + 1 < pointer.size()) {
            current += pointer[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            current += pointer[i];
        }
    }
    return tokens;
}

std::string pointerFromTokens(const std::vector<std::string> &tokens)
{
    std::string out;
    for (const auto &token : tokens) {
        out += '/';
        out += escapePointerToken(token);
    }
    return out;
}

} // namespace tad::schema

namespace tad {

QString SchemaViolation::key() const
{
    return QString::fromStdString(KeyPath::fromSegments(schema::pointerTokens(pointer)).toDotted());
}

QString SchemaViolation::toString() const
{
    const QString where = pointer.empty() ? QStringLiteral("(root)") : key();
    QString text = where + QStringLiteral(": ") + QString::fromStdString(message);
    if (!detail.empty() && (keyword == "additionalProperties"))
        text += QStringLiteral(" '%1'").arg(QString::fromStdString(detail));
    return text;
}

} // namespace tad
