#include "EnumEditor.h"

#include "json/JsonText.h"
#include <QComboBox>
#include <QHBoxLayout>

namespace tad {

EnumEditor::EnumEditor(const EditorSpec &spec, QWidget *parent)
    : ValueEditor(EditorKind::Enum, spec, parent)
{
    m_combo = new QComboBox(this);
    m_combo->setAccessibleName(tr("Choice"));
    for (const auto &option : spec.enumOptions)
        m_combo->addItem(option.title);
    tightLayout(this)->addWidget(m_combo);
    setFocusTarget(m_combo);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] { emitCommitted(); });
}

std::optional<Json> EnumEditor::value() const
{
    const int i = m_combo->currentIndex();
    if (i < 0 || size_t(i) >= m_spec.enumOptions.size())
        return m_current; // a value outside the enum stays as it is until changed
    return m_spec.enumOptions[size_t(i)].value;
}

void EnumEditor::setValue(const Json &v)
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

} // namespace tad
