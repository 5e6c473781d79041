#include "Coercion.h"

#include "json/JsonText.h"
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <optional>

namespace tad {

namespace {

bool isJsWhitespace(QChar c)
{
    return c.isSpace() || c == QChar(0xFEFF);
}

// JavaScript's Number(string) (StringToNumber), NaN as nullopt.
std::optional<double> jsToNumber(const QString &text)
{
    qsizetype b = 0, e = text.size();
    while (b < e && isJsWhitespace(text[b]))
        ++b;
    while (e > b && isJsWhitespace(text[e - 1]))
        --e;
    const QString s = text.mid(b, e - b);
    if (s.isEmpty())
        return 0.0;
    if (s == QLatin1String("Infinity") || s == QLatin1String("+Infinity"))
        return HUGE_VAL;
    if (s == QLatin1String("-Infinity"))
        return -HUGE_VAL;
    if (s.size() > 2 && s[0] == '0') {
        const QChar p = s[1].toLower();
        const int base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (base) {
            double v = 0;
            for (qsizetype i = 2; i < s.size(); ++i) {
                const int d = QStringLiteral("0123456789abcdef").indexOf(s[i].toLower());
                if (d < 0 || d >= base)
                    return std::nullopt;
                v = v * base + d;
            }
            return v;
        }
    }
    // StrDecimalLiteral: sign, digits with at most one dot, optional exponent.
    qsizetype i = 0;
    if (s[i] == '+' || s[i] == '-')
        ++i;
    qsizetype digits = 0;
    while (i < s.size() && s[i].isDigit() && s[i].unicode() < 128) {
        ++i;
        ++digits;
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i].isDigit() && s[i].unicode() < 128) {
            ++i;
            ++digits;
        }
    }
    if (digits == 0)
        return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        qsizetype expDigits = 0;
        while (i < s.size() && s[i].isDigit() && s[i].unicode() < 128) {
            ++i;
            ++expDigits;
        }
        if (expDigits == 0)
            return std::nullopt;
    }
    if (i != s.size())
        return std::nullopt;
    bool ok = false;
    const double v = s.toDouble(&ok);
    return ok || std::isinf(v) ? std::optional<double>(v) : std::nullopt;
}

Json numberValue(double v)
{
    if (std::trunc(v) == v && std::fabs(v) < 9007199254740992.0)
        return static_cast<std::int64_t>(v);
    return v;
}

QString keyLabel(const QString &key)
{
    return key.isEmpty() ? QStringLiteral("this key") : key;
}

} // namespace

Result<Json> coerceEditorText(const KeyMetadata &meta, const QString &text, const QString &key)
{
    if (meta.types.empty()) {
        const std::string utf8 = text.toStdString();
        if (auto parsed = parseValue(utf8); parsed.ok())
            return std::move(*parsed);
        return Json(utf8);
    }
    if (std::find(meta.types.begin(), meta.types.end(), "string") != meta.types.end())
        return Json(text.toStdString());
    for (const auto &type : meta.types) {
        if (type == "number" || type == "integer") {
            // Ajv requires non-empty text; a blank string converts to 0.
            const auto n = text.isEmpty() ? std::nullopt : jsToNumber(text);
            if (!n || !std::isfinite(*n))
                continue;
            if (type == "integer" && std::trunc(*n) != *n)
                continue;
            return numberValue(*n);
        }
        if (type == "boolean") {
            if (text == QLatin1String("true"))
                return Json(true);
            if (text == QLatin1String("false"))
                return Json(false);
        }
        if (type == "null" && text.isEmpty())
            return Json(nullptr);
    }
    QStringList expected;
    for (const auto &t : meta.types)
        expected << QString::fromStdString(t);
    Error e = makeError(ErrorCode::Usage,
                        QStringLiteral("\"%1\" is not valid for %2, which expects %3")
                            .arg(text, keyLabel(key), expected.join(QStringLiteral(" or "))));
    e.key = key;
    return e;
}

Result<Json> interpretCommandLineValue(const KeyMetadata &meta, std::string_view text,
                                       const QString &key)
{
    // JSON.parse rules, as the Electron app reads the file.
    if (auto parsed = parseValue(text); parsed.ok())
        return std::move(*parsed);
    const bool takesString =
        std::find(meta.types.begin(), meta.types.end(), "string") != meta.types.end();
    if (takesString)
        return Json(std::string(text));
    const QString raw = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    QString message =
        QStringLiteral(
            "%1 is not valid JSON; to store it as text, quote it as a JSON string: '\"%1\"'")
            .arg(raw);
    if (!meta.types.empty()) {
        QStringList expected;
        for (const auto &t : meta.types)
            expected << QString::fromStdString(t);
        message += QStringLiteral(" (%1 expects %2)")
                       .arg(keyLabel(key), expected.join(QStringLiteral(" or ")));
    }
    Error e = makeError(ErrorCode::Usage, message);
    e.key = key;
    return e;
}

} // namespace tad
