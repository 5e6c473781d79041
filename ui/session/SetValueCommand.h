// Undo steps for edits. Each step writes through the store session; undo
// writes the value the key had before (or removes a key that was absent).
// Every write states the value it expects to replace, so an undo or redo
// after the running app changed the key is refused, not written over it;
// the step then stays where it was on the stack and `refused` says why.
#pragma once

#include "Result.h"
#include "keys/KeyPath.h"

#include "json/Json.h"
#include <QUndoCommand>
#include <functional>
#include <memory>
#include <optional>

class QUndoStack;

namespace tad {

class StoreSession;

class SetValueCommand : public QUndoCommand
{
public:
    // Called on the UI thread when a write of this step was refused:
    // `wanted` is the value the refused write would have left.
    using Refused = std::function<void(const KeyPath &path, const Error &error,
                                       const std::optional<Json> &wanted)>;

    // `reset`: the step is a reset to the schema default (`after`), written
    // as one. `chained`: a write of ours to the key is still on its way, so
    // the edit builds on what that write leaves rather than on `before`.
    SetValueCommand(StoreSession *session, QUndoStack *stack, KeyPath path, QString key,
                    std::optional<Json> before, std::optional<Json> after, bool reset, bool chained,
                    Refused refused);

    // A secret's step names its key, never its value (the Edit menu shows
    // the step's text).
    void setSecret();
    // The value as the step's text shows it (secrets inside it masked).
    void setShownValue(Json shown);

    void redo() override;
    void undo() override;
    // The dotted key the step changes.
    const QString &key() const { return m_key; }

private:
    void updateText();
    // Puts the stack back where it was before a refused undo or redo, without writing.
    void stayOnRefusal(bool wasUndo, const Error &error, const std::optional<Json> &wanted);

    StoreSession *m_session;
    QUndoStack *m_stack;
    KeyPath m_path;
    QString m_key;
    std::optional<Json> m_before;
    std::optional<Json> m_after;
    bool m_reset;
    bool m_chained;
    bool m_secret = false;
    std::optional<Json> m_shown;
    bool m_done = false;     // redo() ran once: the edit itself was sent
    bool m_skipNext = false; // the next undo()/redo() only moves the stack back
    Refused m_refused;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace tad
