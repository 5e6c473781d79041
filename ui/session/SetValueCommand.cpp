#include "SetValueCommand.h"

#include "StoreSession.h"
#include "settings/EditorSpec.h"

#include "json/JsonText.h"

namespace tad {

SetValueCommand::SetValueCommand(StoreSession *session, KeyPath path, QString key,
                                 std::optional<Json> before, std::optional<Json> after,
                                 bool mergeable, bool reset, bool chained, QUndoCommand *parent)
    : QUndoCommand(parent), m_session(session), m_path(std::move(path)), m_key(std::move(key)),
      m_before(std::move(before)), m_after(std::move(after)), m_mergeable(mergeable),
      m_reset(reset), m_chained(chained)
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
    // The first redo is the edit itself, based on what the person saw;
    // later ones build on what our undo left.
    const StoreSession::Basis basis{m_before, m_done || m_chained};
    m_done = true;
    if (m_reset)
        m_session->reset(m_path, basis);
    else
        m_session->set(m_path, m_after, basis);
}

void SetValueCommand::undo()
{
    m_session->set(m_path, m_before, StoreSession::Basis{m_after, true});
}

bool SetValueCommand::mergeWith(const QUndoCommand *other)
{
    auto *next = static_cast<const SetValueCommand *>(other);
    if (!m_mergeable || !next->m_mergeable || next->m_path != m_path ||
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
