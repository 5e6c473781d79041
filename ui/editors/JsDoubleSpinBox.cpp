#include "JsDoubleSpinBox.h"

#include "json/JsonText.h"
#include <QLineEdit>
#include <algorithm>
#include <cmath>
#include <limits>

namespace tad {

namespace {

// Digits after the point in JavaScript's shortest form of `v` (0.7 -> 1).
int decimalPlaces(double v)
{
    const QString text = QString::fromStdString(jsNumber(v));
    if (text.contains(QLatin1Char('e'), Qt::CaseInsensitive))
        return 15;
    const int point = int(text.indexOf(QLatin1Char('.')));
    return point < 0 ? 0 : int(text.size()) - point - 1;
}

} // namespace

JsDoubleSpinBox::JsDoubleSpinBox(QWidget *parent) : QDoubleSpinBox(parent)
{
    setDecimals(15);
    setRange(-std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    setKeyboardTracking(false);
}

void JsDoubleSpinBox::setStepBounds(std::optional<double> minimum, std::optional<double> maximum)
{
    m_stepMin = minimum;
    m_stepMax = maximum;
}

std::optional<double> JsDoubleSpinBox::typedNumber() const
{
    bool ok = false;
    const double v = cleanText().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

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
        text.endsWith(QLatin1Char('e'), Qt::CaseInsensitive) ||
        text.endsWith(QLatin1String("e-"), Qt::CaseInsensitive))
        return QValidator::Intermediate;
    bool ok = false;
    text.toDouble(&ok);
    return ok ? QValidator::Acceptable : QValidator::Invalid;
}

void JsDoubleSpinBox::stepBy(int steps)
{
    const double from = typedNumber().value_or(value());
    const int places = std::max(decimalPlaces(from), decimalPlaces(singleStep()));
    // Rounded to the decimals of the value and the step: the sum as a
    // person would write it.
    double next = QString::number(from + steps * singleStep(), 'f', places).toDouble();
    if (m_stepMax && next > *m_stepMax)
        next = std::max(from, *m_stepMax);
    if (m_stepMin && next < *m_stepMin)
        next = std::min(from, *m_stepMin);
    if (next == from && typedNumber() == from)
        return;
    setValue(next);
    selectAll();
    Q_EMIT stepped();
}

QAbstractSpinBox::StepEnabled JsDoubleSpinBox::stepEnabled() const
{
    if (isReadOnly())
        return StepNone;
    const double v = typedNumber().value_or(value());
    StepEnabled enabled = StepNone;
    if (!m_stepMax || v < *m_stepMax)
        enabled |= StepUpEnabled;
    if (!m_stepMin || v > *m_stepMin)
        enabled |= StepDownEnabled;
    return enabled;
}

} // namespace tad
