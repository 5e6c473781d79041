#include "NumberEditor.h"

#include "JsDoubleSpinBox.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <cmath>

namespace tad {

NumberEditor::NumberEditor(EditorKind kind, const EditorSpec &spec, QWidget *parent)
    : ValueEditor(kind, spec, parent)
{
    m_spin = new JsDoubleSpinBox(this);
    m_spin->setStepBounds(spec.minimum, spec.maximum);
    const double span = spec.maximum && spec.minimum ? *spec.maximum - *spec.minimum : 100.0;
    m_spin->setSingleStep(kind == EditorKind::Integer || span >= 10 ? 1.0 : 0.1);
    m_spin->setAccessibleName(kind == EditorKind::Integer ? tr("Whole number") : tr("Number"));
    tightLayout(this)->addWidget(m_spin);
    setFocusTarget(m_spin);
    // Typing shows its problem at once and is written on Enter or when focus
    // leaves; a step is written at once.
    connect(m_spin->findChild<QLineEdit *>(), &QLineEdit::textEdited, this,
            [this] { emitEdited(); });
    connect(m_spin, &QAbstractSpinBox::editingFinished, this, &ValueEditor::submitted);
    connect(m_spin, &JsDoubleSpinBox::stepped, this, [this] { emitCommitted(); });
}

std::optional<Json> NumberEditor::value() const
{
    const auto typed = m_spin->typedNumber();
    if (!typed) {
        m_parseProblem = tr("not a number");
        return std::nullopt;
    }
    const double v = *typed;
    if (std::floor(v) == v && std::abs(v) < 9007199254740992.0)
        return Json(qint64(v));
    return Json(v);
}

void NumberEditor::setValue(const Json &v)
{
    m_loading = true;
    m_spin->setValue(v.is_number() ? v.get<double>() : 0.0);
    m_loading = false;
}

} // namespace tad
