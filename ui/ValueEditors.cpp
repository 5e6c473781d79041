#include "ValueEditors.h"

#include "CollectionEditors.h"

#include "json/JsonText.h"
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <cmath>
#include <limits>

namespace tad {

ValueEditor::ValueEditor(EditorKind kind, EditorSpec spec, QWidget *parent)
    : QWidget(parent), m_kind(kind), m_spec(std::move(spec))
{}

void ValueEditor::setFocusTarget(QWidget *w)
{
    m_focus = w;
    setFocusProxy(w);
}

void ValueEditor::emitEdited()
{
    if (!m_loading)
        Q_EMIT edited();
}

QString ValueEditor::problem() const
{
    auto v = value();
    if (!v)
        return m_parseProblem;
    return m_spec.validate(*v);
}

namespace {

QHBoxLayout *tightLayout(QWidget *w)
{
    auto *layout = new QHBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    return layout;
}

class BoolEditor : public ValueEditor
{
public:
    BoolEditor(const EditorSpec &spec, QWidget *parent)
        : ValueEditor(EditorKind::Boolean, spec, parent)
    {
        m_box = new QCheckBox(spec.title.isEmpty() ? tr("Enabled") : spec.title, this);
        m_box->setAccessibleName(tr("Boolean value"));
        tightLayout(this)->addWidget(m_box);
        setFocusTarget(m_box);
        connect(m_box, &QCheckBox::toggled, this, [this] { emitEdited(); });
    }
    std::optional<Json> value() const override { return Json(m_box->isChecked()); }
    void setValue(const Json &v) override
    {
        m_loading = true;
        m_box->setChecked(v.is_boolean() && v.get<bool>());
        m_loading = false;
    }

private:
    QCheckBox *m_box;
};

class EnumEditor : public ValueEditor
{
public:
    EnumEditor(const EditorSpec &spec, QWidget *parent)
        : ValueEditor(EditorKind::Enum, spec, parent)
    {
        m_combo = new QComboBox(this);
        m_combo->setAccessibleName(tr("Choice"));
        for (const auto &option : spec.enumOptions)
            m_combo->addItem(option.title);
        tightLayout(this)->addWidget(m_combo);
        setFocusTarget(m_combo);
        connect(m_combo, &QComboBox::currentIndexChanged, this, [this] { emitEdited(); });
    }
    std::optional<Json> value() const override
    {
        const int i = m_combo->currentIndex();
        if (i < 0 || size_t(i) >= m_spec.enumOptions.size())
            return m_current; // a value outside the enum stays as it is until changed
        return m_spec.enumOptions[size_t(i)].value;
    }
    void setValue(const Json &v) override
    {
        m_loading = true;
        m_current = v;
        int found = -1;
        for (size_t i = 0; i < m_spec.enumOptions.size(); ++i) {
            if (jsEqual(m_spec.enumOptions[i].value, v))
                found = int(i);
        }
        m_combo->setCurrentIndex(found);
        m_loading = false;
    }

private:
    QComboBox *m_combo;
    Json m_current;
};

// A spin box that prints numbers the way JavaScript does (0.7, not 0.700000).
class JsDoubleSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double v) const override { return QString::fromStdString(jsNumber(v)); }
    double valueFromText(const QString &text) const override { return text.toDouble(); }
    QValidator::State validate(QString &text, int &) const override
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
};

class NumberEditor : public ValueEditor
{
public:
    NumberEditor(EditorKind kind, const EditorSpec &spec, QWidget *parent)
        : ValueEditor(kind, spec, parent)
    {
        const double lowest =
            kind == EditorKind::Integer ? -9007199254740991.0 : -std::numeric_limits<double>::max();
        m_spin = new JsDoubleSpinBox(this);
        m_spin->setDecimals(kind == EditorKind::Integer ? 0 : 15);
        m_spin->setRange(spec.minimum.value_or(lowest), spec.maximum.value_or(-lowest));
        const double span = spec.maximum && spec.minimum ? *spec.maximum - *spec.minimum : 100.0;
        m_spin->setSingleStep(kind == EditorKind::Integer || span >= 10 ? 1.0 : 0.1);
        m_spin->setAccessibleName(kind == EditorKind::Integer ? tr("Whole number") : tr("Number"));
        m_spin->setKeyboardTracking(true);
        tightLayout(this)->addWidget(m_spin);
        setFocusTarget(m_spin);
        connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this] { emitEdited(); });
    }
    std::optional<Json> value() const override
    {
        const double v = m_spin->value();
        if (m_kind == EditorKind::Integer ||
            (std::floor(v) == v && std::abs(v) < 9007199254740992.0))
            return Json(qint64(v));
        return Json(v);
    }
    void setValue(const Json &v) override
    {
        m_loading = true;
        m_spin->setValue(v.is_number() ? v.get<double>() : 0.0);
        m_loading = false;
    }
    bool typesText() const override { return true; }

private:
    JsDoubleSpinBox *m_spin;
};

class TextEditor : public ValueEditor
{
public:
    TextEditor(EditorKind kind, const EditorSpec &spec, QWidget *parent)
        : ValueEditor(kind, spec, parent)
    {
        auto *layout = tightLayout(this);
        m_line = new QLineEdit(this);
        m_line->setAccessibleName(kind == EditorKind::Secret ? tr("Secret value")
                                                             : tr("Text value"));
        if (spec.maxLength)
            m_line->setMaxLength(int(*spec.maxLength));
        if (spec.format == QLatin1String("email"))
            m_line->setPlaceholderText(QStringLiteral("name@example.com"));
        else if (spec.format == QLatin1String("uri"))
            m_line->setPlaceholderText(QStringLiteral("https://"));
        layout->addWidget(m_line);
        if (kind == EditorKind::Secret) {
            m_line->setEchoMode(QLineEdit::Password);
            auto *reveal = new QToolButton(this);
            reveal->setText(tr("Reveal"));
            reveal->setCheckable(true);
            reveal->setObjectName(QStringLiteral("revealButton"));
            reveal->setAccessibleName(tr("Reveal secret"));
            connect(reveal, &QToolButton::toggled, this, [this, reveal](bool on) {
                m_line->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
                reveal->setText(on ? tr("Hide") : tr("Reveal"));
            });
            layout->addWidget(reveal);
        }
        setFocusTarget(m_line);
        connect(m_line, &QLineEdit::textEdited, this, [this] { emitEdited(); });
        connect(m_line, &QLineEdit::returnPressed, this, &ValueEditor::submitted);
    }
    std::optional<Json> value() const override { return Json(m_line->text().toStdString()); }
    void setValue(const Json &v) override
    {
        m_loading = true;
        m_line->setText(v.is_string() ? QString::fromStdString(v.get<std::string>())
                                      : QString::fromStdString(compactJson(v)));
        m_loading = false;
    }
    bool typesText() const override { return true; }

private:
    QLineEdit *m_line;
};

class DateTimeEditor : public ValueEditor
{
public:
    DateTimeEditor(const EditorSpec &spec, QWidget *parent)
        : ValueEditor(EditorKind::DateTime, spec, parent)
    {
        m_edit = new QDateTimeEdit(this);
        m_edit->setTimeSpec(Qt::UTC);
        m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
        m_edit->setCalendarPopup(true);
        m_edit->setAccessibleName(tr("Date and time"));
        tightLayout(this)->addWidget(m_edit);
        setFocusTarget(m_edit);
        connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, [this] { emitEdited(); });
    }
    std::optional<Json> value() const override
    {
        // JavaScript's Date.prototype.toISOString form, as the Electron app writes it.
        return Json(m_edit->dateTime()
                        .toUTC()
                        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'"))
                        .toStdString());
    }
    void setValue(const Json &v) override
    {
        m_loading = true;
        QDateTime dt = v.is_string()
                           ? QDateTime::fromString(QString::fromStdString(v.get<std::string>()),
                                                   Qt::ISODateWithMs)
                           : QDateTime();
        m_edit->setDateTime(dt.isValid() ? dt.toUTC() : QDateTime::currentDateTimeUtc());
        m_loading = false;
    }
    bool typesText() const override { return true; }

private:
    QDateTimeEdit *m_edit;
};

} // namespace

ValueEditor *ValueEditor::create(const EditorSpec &spec, const Json *current, Context context,
                                 QWidget *parent)
{
    ValueEditor *editor = nullptr;
    const EditorKind kind = spec.kindFor(current);
    switch (kind) {
    case EditorKind::Boolean:
        editor = new BoolEditor(spec, parent);
        break;
    case EditorKind::Enum:
        editor = new EnumEditor(spec, parent);
        break;
    case EditorKind::Integer:
    case EditorKind::Number:
        editor = new NumberEditor(kind, spec, parent);
        break;
    case EditorKind::Text:
    case EditorKind::Secret:
        editor = new TextEditor(kind, spec, parent);
        break;
    case EditorKind::DateTime:
        editor = new DateTimeEditor(spec, parent);
        break;
    case EditorKind::StringList:
        editor = context == Context::Panel ? createListEditor(spec, parent)
                                           : createJsonEditor(spec, true, parent);
        break;
    case EditorKind::Map:
        editor = context == Context::Panel ? createMapEditor(spec, parent)
                                           : createJsonEditor(spec, true, parent);
        break;
    case EditorKind::JsonText:
        editor = createJsonEditor(spec, context == Context::Inline, parent);
        break;
    }
    if (current)
        editor->setValue(*current);
    else if (spec.defaultValue)
        editor->setValue(*spec.defaultValue);
    return editor;
}

} // namespace tad
