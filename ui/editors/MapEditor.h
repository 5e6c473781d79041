// The entries of a map (an object whose members are free-form entries, as
// `patternProperties` describes): add an entry by name, remove one.
#pragma once

#include "ValueEditor.h"

class QLineEdit;
class QListWidget;

namespace tad {

class MapEditor : public ValueEditor
{
    Q_OBJECT
public:
    MapEditor(const EditorSpec &spec, QWidget *parent);

    std::optional<Json> value() const override;
    void setValue(const Json &v) override;

private:
    void addEntry();

    QListWidget *m_list;
    QLineEdit *m_name;
    Json m_current = Json::object();
};

} // namespace tad
