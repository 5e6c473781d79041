#include "EditCommands.h"

#include "EditorSpec.h"
#include "StoreSession.h"

#include "json/JsonText.h"

namespace tad {

SetValueCommand::SetValueCommand(StoreSession *session, QString key, std::optional<Json> before,
                                 std::optional<Json> after, bool mergeable, QUndoCommand *parent)
    : QUndoCommand(parent), m_session(session), m_key(std::move(key)), m_before(std::move(before)),
      m_after(std::move(after)), m_mergeable(mergeable)
{
    m_lastEdit.start();
    updateText();
}

void SetValueCommand::updateText()
{
    if (!m_after)
        setText(QObject::tr("reset %1").arg(m_key));
    else
        setText(QObject::tr("set %1 to %2").arg(m_key, displayText(*m_after, 40)));
}

void SetValueCommand::redo()
{
    write(m_after);
}

void SetValueCommand::undo()
{
    write(m_before);
}

void SetValueCommand::write(const std::optional<Json> &value)
{
    if (value)
        m_session->set(m_key, *value);
    else
        m_session->remove(m_key);
}

bool SetValueCommand::mergeWith(const QUndoCommand *other)
{
    auto *next = static_cast<const SetValueCommand *>(other);
    if (!m_mergeable || !next->m_mergeable || next->m_key != m_key ||
        m_lastEdit.elapsed() > kBurstMs)
        return false;
    m_after = next->m_after;
    m_lastEdit.restart();
    updateText();
    // Typing back to where the burst started leaves nothing to undo.
    if (m_before && m_after && jsEqual(*m_before, *m_after))
        setObsolete(true);
    return true;
}

} // namespace tad
