#include "SetValueCommand.h"

#include "StoreSession.h"
#include "settings/EditorSpec.h"

#include "json/JsonText.h"
#include <QUndoStack>

namespace tad {

SetValueCommand::SetValueCommand(StoreSession *session, QUndoStack *stack, KeyPath path,
                                 QString key, std::optional<Json> before, std::optional<Json> after,
                                 bool reset, bool chained, Refused refused)
    : m_session(session), m_stack(stack), m_path(std::move(path)), m_key(std::move(key)),
      m_before(std::move(before)), m_after(std::move(after)), m_reset(reset), m_chained(chained),
      m_refused(std::move(refused))
{
    updateText();
}

void SetValueCommand::updateText()
{
    if (m_reset)
        setText(QObject::tr("reset %1").arg(m_key));
    else if (!m_after)
        setText(QObject::tr("remove %1").arg(m_key));
    else if (m_secret)
        setText(QObject::tr("set %1").arg(m_key));
    else
        setText(
            QObject::tr("set %1 to %2").arg(m_key, displayText(m_shown ? *m_shown : *m_after, 40)));
}

void SetValueCommand::setSecret()
{
    m_secret = true;
    updateText();
}

void SetValueCommand::setShownValue(Json shown)
{
    m_shown = std::move(shown);
    updateText();
}

void SetValueCommand::stayOnRefusal(bool wasUndo, const Error &error,
                                    const std::optional<Json> &wanted)
{
    // The step did not happen: move the stack back over it without writing
    // (unless the person has moved on past it meanwhile).
    const int next = m_stack->index();
    const bool onTop =
        wasUndo ? m_stack->command(next) == this : next > 0 && m_stack->command(next - 1) == this;
    if (onTop) {
        m_skipNext = true;
        if (wasUndo)
            m_stack->redo();
        else
            m_stack->undo();
        m_skipNext = false;
    }
    if (m_refused)
        m_refused(m_path, error, wanted);
}

void SetValueCommand::redo()
{
    if (m_skipNext || isObsolete())
        return;
    // The first redo is the edit itself, based on what the person saw;
    // later ones build on what our undo left.
    const bool first = !m_done;
    const StoreSession::Basis basis{m_before, m_done || m_chained};
    m_done = true;
    std::weak_ptr<bool> alive = m_alive;
    auto done = [this, alive, first](const Result<void> &result) {
        if (alive.expired() || result)
            return;
        if (first) {
            // The edit itself was refused: nothing to undo.
            if (m_refused)
                m_refused(m_path, result.error(), m_after);
            setObsolete(true);
            return;
        }
        stayOnRefusal(false, result.error(), m_after);
    };
    if (m_reset)
        m_session->reset(m_path, basis, done);
    else
        m_session->set(m_path, m_after, basis, first ? ChangeSource::Editor : ChangeSource::Redo,
                       done);
}

void SetValueCommand::undo()
{
    if (m_skipNext || isObsolete())
        return;
    std::weak_ptr<bool> alive = m_alive;
    m_session->set(m_path, m_before, StoreSession::Basis{m_after, true}, ChangeSource::Undo,
                   [this, alive](const Result<void> &result) {
                       if (!alive.expired() && !result)
                           stayOnRefusal(true, result.error(), m_before);
                   });
}

} // namespace tad
