// A line edit for a string, or a password field with Reveal for a secret.
#pragma once

#include "ValueEditor.h"

class QLineEdit;

namespace tad {

class TextEditor : public ValueEditor
{
    Q_OBJECT
public:
    // `kind`: Text or Secret.
    TextEditor(EditorKind kind, const EditorSpec &spec, QWidget *parent);

    std::optional<Json> value() const override;
    void setValue(const Json &v) override;

private:
    QLineEdit *m_line;
};

} // namespace tad
