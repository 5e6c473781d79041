// A spin box that prints numbers the way JavaScript does (0.7, not 0.700000).
#pragma once

#include <QDoubleSpinBox>

namespace tad {

class JsDoubleSpinBox : public QDoubleSpinBox
{
    Q_OBJECT
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double v) const override;
    double valueFromText(const QString &text) const override;
    QValidator::State validate(QString &text, int &pos) const override;
};

} // namespace tad
