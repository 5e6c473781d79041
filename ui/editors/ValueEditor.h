// The base of the editor widgets, one subclass per EditorKind. Each turns
// what the user entered into a JSON value, or says why it cannot; whether
// the schema takes the value is the core's answer (see setCheck). An editor never changes what it
// was given to fit the schema: a value out of range is shown as it is.
//
// Editors commit when the person does: a toggle, a choice, a step of a
// spin box or a list button at once; typed text and numbers on Enter or
// when focus leaves the field. Esc gives up what was typed.
#pragma once

#include "keys/KeyPath.h"
#include "schema/ValueCheck.h"
#include "settings/EditorSpec.h"

#include <QWidget>
#include <functional>
#include <optional>

class QHBoxLayout;
class QKeyEvent;
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
    // Asks the core whether a value may be written at the editor's key
    // (the schema guard's verdict, in the document the window shows).
    using Check = std::function<Result<ValueCheck>(const Json &)>;
    void setCheck(KeyPath key, Check check);
    // Why value() failed, or why the schema refuses the value ("" if fine).
    QString problem() const;
    QWidget *focusTarget() const { return m_focus; }
    // In the tree a step or a choice waits for Enter like typing does.
    void setCommitsAtOnce(bool atOnce) { m_commitsAtOnce = atOnce; }

Q_SIGNALS:
    // The user changed the value (not emitted by setValue); not yet committed.
    void edited();
    // The user committed the value: write it if it is good.
    void submitted();
    // Esc: give up the change in progress.
    void cancelled();

protected:
    ValueEditor(EditorKind kind, EditorSpec spec, QWidget *parent);
    void setFocusTarget(QWidget *w);
    void emitEdited();
    // An edit that commits at once (toggle, choice, step, list button).
    void emitCommitted();
    // Esc (when a child does not use it) cancels.
    void keyPressEvent(QKeyEvent *event) override;
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
    bool m_commitsAtOnce = true;
    KeyPath m_key;
    Check m_check;
};

} // namespace tad
