// The base of the editor widgets, one subclass per EditorKind. Each turns
// what the user entered into a JSON value, or says why it cannot; the
// schema check comes after.
#pragma once

#include "settings/EditorSpec.h"

#include <QWidget>
#include <optional>

class QHBoxLayout;
class QPushButton;

namespace tad {

class ValueEditor : public QWidget
{
    Q_OBJECT
public:
    enum class Context
    {
        Panel,
        Inline
    };

    // The editor the spec calls for; `current` may be nullptr (missing key).
    static ValueEditor *create(const EditorSpec &spec, const Json *current, Context context,
                               QWidget *parent = nullptr);

    EditorKind kind() const { return m_kind; }
    // The value as entered, or nullopt with problem() saying why.
    virtual std::optional<Json> value() const = 0;
    virtual void setValue(const Json &value) = 0;
    // Why value() failed, or why the schema refuses the value ("" if fine).
    QString problem() const;
    // True for editors where each change is a keystroke (merged into one undo step).
    virtual bool typesText() const { return false; }
    QWidget *focusTarget() const { return m_focus; }

Q_SIGNALS:
    // The user changed the value (not emitted by setValue).
    void edited();
    // Enter in a one-line editor: commit now.
    void submitted();

protected:
    ValueEditor(EditorKind kind, EditorSpec spec, QWidget *parent);
    void setFocusTarget(QWidget *w);
    void emitEdited();
    // A row layout without margins, as every one-line editor uses.
    static QHBoxLayout *tightLayout(QWidget *w);
    // A push button named for tests and accessibility.
    static QPushButton *namedButton(const QString &text, const QString &name, QWidget *parent);

    EditorKind m_kind;
    EditorSpec m_spec;
    mutable QString m_parseProblem;
    bool m_loading = false;

private:
    QWidget *m_focus = nullptr;
};

} // namespace tad
