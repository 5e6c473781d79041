// Colours that mean something (added, removed, changed, a problem) taken
// from the palette rather than fixed, so a dark desktop gets dark tints and
// light text, a light one the reverse. Like KColorScheme's roles: a hue for
// each meaning, its lightness chosen against the palette's Base.
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QWidget;

namespace tad::ThemeColors {

enum Tone
{
    Normal,   // the palette's own text
    Positive, // added, verified, done
    Negative, // removed, damaged, refused, invalid
    Neutral,  // changed, changed by another program, needs a look
    Active,   // moved, informative
    Inactive, // notes, secondary text
};

// Whether the palette's Base is dark.
bool isDark(const QPalette &palette);
// Text of that meaning, readable on the palette's Base.
QColor text(const QPalette &palette, Tone tone);
// A tint of Base for a row or a marked line of that meaning.
QColor background(const QPalette &palette, Tone tone);
// `a` moved towards `b` by `amount` (0..1).
QColor mix(const QColor &a, const QColor &b, qreal amount);
// Gives a label (or any widget) text of that meaning, in its own palette;
// it follows when the application's palette changes (the desktop turns dark).
void setTextTone(QWidget *widget, Tone tone);
// A style sheet for a framed bar `#objectName` tinted with that meaning.
QString barStyle(const QPalette &palette, const QString &objectName, Tone tone);
// Gives a framed widget (named: the style sheet selects it by its object
// name) that tint, plus `extra` style, and keeps it when the palette changes.
void setBarTone(QWidget *widget, Tone tone, const QString &extra = {});

} // namespace tad::ThemeColors
