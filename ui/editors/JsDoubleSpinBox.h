// A spin box that prints numbers the way JavaScript does (0.7, not 0.700000)
// and steps in decimal: 0.7 and three steps of 0.1 is 1, not
// 0.9999999999999999. It accepts any number typed into it; the schema's
// bounds only stop the arrows (a value out of range is shown as it is and
// refused by the schema check, never clamped).
#pragma once

#include <QDoubleSpinBox>
#include <optional>

namespace tad {

class JsDoubleSpinBox : public QDoubleSpinBox
{
    Q_OBJECT
public:
    explicit JsDoubleSpinBox(QWidget *parent = nullptr);

    // The bounds the arrows keep to (nullopt: none).
    void setStepBounds(std::optional<double> minimum, std::optional<double> maximum);
    // The typed text as a number, nullopt when it is not one.
    std::optional<double> typedNumber() const;

    QString textFromValue(double v) const override;
    double valueFromText(const QString &text) const override;
    QValidator::State validate(QString &text, int &pos) const override;
    void stepBy(int steps) override;

Q_SIGNALS:
    // An arrow, Up/Down or the wheel changed the value.
    void stepped();

protected:
    StepEnabled stepEnabled() const override;

private:
    std::optional<double> m_stepMin, m_stepMax;
};

} // namespace tad
