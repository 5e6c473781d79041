#include "NumberEditor.h"

#include "JsDoubleSpinBox.h"

#include <QHBoxLayout>
#include <cmath>
#include <limits>

namespace tad {

NumberEditor::NumberEditor(EditorKind kind, const EditorSpec &spec, QWidget *parent)
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

std::optional<Json> NumberEditor::value() const
{
    const double v = m_spin->value();
    if (m_kind == EditorKind::Integer || (std::floor(v) == v && std::abs(v) < 9007199254740992.0))
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
