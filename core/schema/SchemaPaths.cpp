#include "SchemaPaths.h"

#include "SchemaViolation.h"

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

QString dottedFromTokens(const std::vector<std::string> &tokens)
{
    std::string out;
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (i > 0)
            out += '.';
        for (char c : tokens[i]) {
            if (c == '.')
                out += '\\';
            out += c;
        }
    }
    return QString::fromStdString(out);
}

std::vector<std::string> tokensFromDotted(std::string_view dotted)
{
    std::vector<std::string> tokens;
    if (dotted.empty())
        return tokens;
    std::string current;
    for (size_t i = 0; i < dotted.size(); ++i) {
        const char c = dotted[i];
        if (c == '\\' && i + 1 < dotted.size() && dotted[i + 1] == '.') {
            current += '.';
            ++i;
        } else if (c == '.') {
            tokens.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    tokens.push_back(current);
    return tokens;
}

} // namespace tad::schema

namespace tad {

QString SchemaViolation::key() const
{
    return schema::dottedFromTokens(schema::pointerTokens(pointer));
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
