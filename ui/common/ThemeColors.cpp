#include "ThemeColors.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QPointer>
#include <QWidget>
#include <vector>

namespace tad::ThemeColors {

namespace {

const char *const kTextTone = "tadTextTone";
const char *const kBarTone = "tadBarTone";
const char *const kBarExtra = "tadBarExtra";

void applyTextTone(QWidget *widget, Tone tone)
{
    // The application's palette, not the widget's: a tone set once must not
    // stay as the base of the next one.
    const QPalette app = QGuiApplication::palette();
    const QColor color = tone == Normal ? app.color(QPalette::WindowText) : text(app, tone);
    if (widget->palette().color(QPalette::WindowText) == color &&
        widget->palette().color(QPalette::Text) == color)
        return; // also ends the PaletteChange that setPalette itself sends
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, color);
    palette.setColor(QPalette::Text, color);
    widget->setPalette(palette);
}

void applyBarTone(QWidget *widget)
{
    const QString style = barStyle(QGuiApplication::palette(), widget->objectName(),
                                   Tone(widget->property(kBarTone).toInt())) +
                          widget->property(kBarExtra).toString();
    if (widget->styleSheet() != style)
        widget->setStyleSheet(style);
}

// Re-applies the widgets' tones when the application's palette changes
// (the application object hears of it, whether or not each widget does:
// one with a style sheet keeps its own palette). Qt 6 deprecates the signal
// for it; a filter on the application sees every event, and its first test
// is one pointer comparison.
class ToneKeeper : public QObject
{
public:
    static ToneKeeper *instance()
    {
        static auto *keeper = new ToneKeeper(QCoreApplication::instance());
        return keeper;
    }
    void watch(QWidget *widget)
    {
        for (const auto &known : m_widgets)
            if (known == widget)
                return;
        m_widgets.emplace_back(widget);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == QCoreApplication::instance() &&
            event->type() == QEvent::ApplicationPaletteChange) {
            std::erase_if(m_widgets, [](const QPointer<QWidget> &w) { return w.isNull(); });
            for (const auto &widget : m_widgets) {
                if (widget->property(kTextTone).isValid())
                    applyTextTone(widget, Tone(widget->property(kTextTone).toInt()));
                if (widget->property(kBarTone).isValid())
                    applyBarTone(widget);
            }
        }
        return false;
    }

private:
    explicit ToneKeeper(QObject *parent) : QObject(parent)
    {
        QCoreApplication::instance()->installEventFilter(this);
    }
    std::vector<QPointer<QWidget>> m_widgets;
};

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
    widget->setProperty(kTextTone, int(tone));
    applyTextTone(widget, tone);
    ToneKeeper::instance()->watch(widget);
}

QString barStyle(const QPalette &palette, const QString &objectName, Tone tone)
{
    return QStringLiteral("#%1 { background: %2; border: 1px solid %3; }")
        .arg(objectName, background(palette, tone).name(),
             mix(background(palette, tone), text(palette, tone), 0.5).name());
}

void setBarTone(QWidget *widget, Tone tone, const QString &extra)
{
    widget->setProperty(kBarTone, int(tone));
    widget->setProperty(kBarExtra, extra);
    applyBarTone(widget);
    ToneKeeper::instance()->watch(widget);
}

} // namespace tad::ThemeColors
