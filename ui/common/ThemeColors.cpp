#include "ThemeColors.h"

#include <QGuiApplication>
#include <QWidget>

namespace tad::ThemeColors {

namespace {

qreal hueOf(Tone tone)
{
    switch (tone) {
    case Positive:
        return 140.0 / 360.0;
    case Negative:
        return 4.0 / 360.0;
    case Neutral:
        return 38.0 / 360.0;
    case Active:
        return 258.0 / 360.0;
    case Normal:
    case Inactive:
        break;
    }
    return 0;
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor mix(const QColor &a, const QColor &b, qreal amount)
{
    const qreal keep = 1.0 - amount;
    return QColor::fromRgbF(float(a.redF() * keep + b.redF() * amount),
                            float(a.greenF() * keep + b.greenF() * amount),
                            float(a.blueF() * keep + b.blueF() * amount));
}

QColor text(const QPalette &palette, Tone tone)
{
    if (tone == Normal)
        return palette.color(QPalette::Text);
    if (tone == Inactive)
        return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4);
    // Light on a dark Base, dark on a light one: both well past the contrast
    // a small text needs.
    return isDark(palette) ? QColor::fromHslF(float(hueOf(tone)), 0.65f, 0.70f)
                           : QColor::fromHslF(float(hueOf(tone)), 0.75f, 0.32f);
}

QColor background(const QPalette &palette, Tone tone)
{
    const QColor base = palette.color(QPalette::Base);
    if (tone == Normal)
        return base;
    return mix(base, text(palette, tone), isDark(palette) ? 0.28 : 0.16);
}

void setTextTone(QWidget *widget, Tone tone)
{
    // The application's palette, not the widget's: a tone set once must not
    // stay as the base of the next one.
    QPalette palette = widget->palette();
    const QColor color = tone == Normal ? QGuiApplication::palette().color(QPalette::WindowText)
                                        : text(QGuiApplication::palette(), tone);
    palette.setColor(QPalette::WindowText, color);
    palette.setColor(QPalette::Text, color);
    widget->setPalette(palette);
}

QString barStyle(const QPalette &palette, const QString &objectName, Tone tone)
{
    return QStringLiteral("#%1 { background: %2; border: 1px solid %3; }")
        .arg(objectName, background(palette, tone).name(),
             mix(background(palette, tone), text(palette, tone), 0.5).name());
}

} // namespace tad::ThemeColors
