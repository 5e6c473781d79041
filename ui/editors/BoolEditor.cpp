#include "BoolEditor.h"

#include <QCheckBox>
#include <QHBoxLayout>

namespace tad {

BoolEditor::BoolEditor(const EditorSpec &spec, QWidget *parent)
    : ValueEditor(EditorKind::Boolean, spec, parent)
{
    m_box = new QCheckBox(spec.title.isEmpty() ? tr("Enabled") : spec.title, this);
    m_box->setAccessibleName(tr("Boolean value"));
    tightLayout(this)->addWidget(m_box);
    setFocusTarget(m_box);
    connect(m_box, &QCheckBox::toggled, this, [this] { emitCommitted(); });
}

std::optional<Json> BoolEditor::value() const
{
    return Json(m_box->isChecked());
}

void BoolEditor::setValue(const Json &v)
{
    m_loading = true;
    m_box->setChecked(v.is_boolean() && v.get<bool>());
    m_loading = false;
}

} // namespace tad
