// Any value as JSON text, with the parse error's line and column.
#pragma once

#include "ValueEditor.h"

class QLineEdit;
class QPlainTextEdit;

namespace tad {

class JsonEditor : public ValueEditor
{
    Q_OBJECT
public:
    // `singleLine` gives a one-line editor that fits in a tree row.
    JsonEditor(const EditorSpec &spec, bool singleLine, QWidget *parent);

    std::optional<Json> value() const override;
    void setValue(const Json &v) override;

protected:
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    bool m_singleLine;
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_text = nullptr;
};

} // namespace tad
