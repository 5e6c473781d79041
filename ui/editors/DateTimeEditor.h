// A date-time editor for `format: "date-time"` strings, written in
// JavaScript's toISOString() form.
#pragma once

#include "ValueEditor.h"

class QDateTimeEdit;

namespace tad {

class DateTimeEditor : public ValueEditor
{
    Q_OBJECT
public:
    DateTimeEditor(const EditorSpec &spec, QWidget *parent);

    std::optional<Json> value() const override;
    void setValue(const Json &v) override;

private:
    QDateTimeEdit *m_edit;
};

} // namespace tad
