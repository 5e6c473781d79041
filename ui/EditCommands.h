// Undo steps for edits. Each step writes through the store session; undo
// writes the value the key had before (or removes a key that was absent).
// Consecutive edits of one key within a short burst merge into one step,
// so typing a word is undone as a whole.
#pragma once

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

    SetValueCommand(StoreSession *session, QString key, std::optional<Json> before,
                    std::optional<Json> after, bool mergeable, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand *other) override;

    const QString &key() const { return m_key; }

private:
    void write(const std::optional<Json> &value);
    void updateText();

    StoreSession *m_session;
    QString m_key;
    std::optional<Json> m_before;
    std::optional<Json> m_after;
    bool m_mergeable;
    QElapsedTimer m_lastEdit;
};

} // namespace tad
