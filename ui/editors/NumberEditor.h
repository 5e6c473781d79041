// A spin box for a number or an integer, within the schema's bounds.
#pragma once

#include "ValueEditor.h"

namespace tad {

class JsDoubleSpinBox;

class NumberEditor : public ValueEditor
{
    Q_OBJECT
public:
    NumberEditor(EditorKind kind, const EditorSpec &spec, QWidget *parent);

    std::optional<Json> value() const override;
    void setValue(const Json &v) override;

private:
    JsDoubleSpinBox *m_spin;
};

} // namespace tad
