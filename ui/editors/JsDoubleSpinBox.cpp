#include "JsDoubleSpinBox.h"

#include "json/JsonText.h"

namespace tad {

QString JsDoubleSpinBox::textFromValue(double v) const
{
    return QString::fromStdString(jsNumber(v));
}

double JsDoubleSpinBox::valueFromText(const QString &text) const
{
    return text.toDouble();
}

QValidator::State JsDoubleSpinBox::validate(QString &text, int &) const
{
    if (text.isEmpty() || text == QLatin1String("-") || text.endsWith(QLatin1Char('.')) ||
        text.endsWith(QLatin1Char('e'), Qt::CaseInsensitive))
        return QValidator::Intermediate;
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok)
        return QValidator::Invalid;
    return v >= minimum() && v <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}

} // namespace tad
