// A combo box of the schema's enum values, shown by their titles.
#pragma once

#include "ValueEditor.h"

class QComboBox;

namespace tad {

class EnumEditor : public ValueEditor
{
    Q_OBJECT
public:
    EnumEditor(const EditorSpec &spec, QWidget *parent);

    std::optional<Json> value() const override;
    void setValue(const Json &v) override;

private:
    QComboBox *m_combo;
    Json m_current;
};

} // namespace tad
