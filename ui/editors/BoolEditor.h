// A check box for a boolean key.
#pragma once

#include "ValueEditor.h"

class QCheckBox;

namespace tad {

class BoolEditor : public ValueEditor
{
    Q_OBJECT
public:
    BoolEditor(const EditorSpec &spec, QWidget *parent);

    std::optional<Json> value() const override;
    void setValue(const Json &v) override;

private:
    QCheckBox *m_box;
};

} // namespace tad
