// Undo steps for edits. Each step writes through the store session; undo
// writes the value the key had before (or removes a key that was absent).
// Every write states the value it expects to replace, so an undo or redo
// after the running app changed the key is refused, not written over it.
// Consecutive edits of one key within a short burst merge into one step,
// so typing a word is undone as a whole.
#pragma once

#include "keys/KeyPath.h"

#include "json/Json.h"
#include <QElapsedTimer>
#include <QUndoCommand>
#include <optional>

namespace tad {

class StoreSession;

class SetValueCommand : public QUndoCommand
{
public:
    static constexpr int kId = 0x7ad1;
    // Edits of the same key closer together than this are one undo step.
    static constexpr qint64 kBurstMs = 1500;

    // `reset`: the step is a reset to the schema default (`after`), written
    // as one. `chained`: a write of ours to the key is still on its way, so
    // the edit builds on what that write leaves rather than on `before`.
    SetValueCommand(StoreSession *session, KeyPath path, QString key, std::optional<Json> before,
                    std::optional<Json> after, bool mergeable, bool reset = false,
                    bool chained = false, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand *other) override;

    const QString &key() const { return m_key; }

private:
    void updateText();

    StoreSession *m_session;
    KeyPath m_path;
    QString m_key;
    std::optional<Json> m_before;
    std::optional<Json> m_after;
    bool m_mergeable;
    bool m_reset;
    bool m_chained;
    bool m_done = false; // redo() ran once: the edit itself was sent
    QElapsedTimer m_lastEdit;
};

} // namespace tad
