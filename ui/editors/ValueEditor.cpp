#include "ValueEditor.h"

#include "BoolEditor.h"
#include "DateTimeEditor.h"
#include "EnumEditor.h"
#include "JsonEditor.h"
#include "ListEditor.h"
#include "MapEditor.h"
#include "NumberEditor.h"
#include "TextEditor.h"
#include "settings/ViolationWords.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QPushButton>

namespace tad {

ValueEditor::ValueEditor(EditorKind kind, EditorSpec spec, QWidget *parent)
    : QWidget(parent), m_kind(kind), m_spec(std::move(spec))
{}

void ValueEditor::setFocusTarget(QWidget *w)
{
    m_focus = w;
    setFocusProxy(w);
}

void ValueEditor::emitEdited()
{
    if (!m_loading)
        Q_EMIT edited();
}

void ValueEditor::emitCommitted()
{
    if (m_loading)
        return;
    Q_EMIT edited();
    if (m_commitsAtOnce)
        Q_EMIT submitted();
}

void ValueEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        Q_EMIT cancelled();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ValueEditor::setCheck(KeyPath key, Check check)
{
    m_key = std::move(key);
    m_check = std::move(check);
}

QString ValueEditor::problem() const
{
    auto v = value();
    if (!v)
        return m_parseProblem;
    return m_check ? refusalWords(m_check(*v), m_key) : QString();
}

QHBoxLayout *ValueEditor::tightLayout(QWidget *w)
{
    auto *layout = new QHBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    return layout;
}

QPushButton *ValueEditor::namedButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setAccessibleName(text);
    return b;
}

ValueEditor *ValueEditor::create(const EditorSpec &spec, const Json *current, Context context,
                                 QWidget *parent)
{
    ValueEditor *editor = nullptr;
    const EditorKind kind = spec.kindFor(current);
    switch (kind) {
    case EditorKind::Boolean:
        editor = new BoolEditor(spec, parent);
        break;
    case EditorKind::Enum:
        editor = new EnumEditor(spec, parent);
        break;
    case EditorKind::Integer:
    case EditorKind::Number:
        editor = new NumberEditor(kind, spec, parent);
        break;
    case EditorKind::Text:
    case EditorKind::Secret:
        editor = new TextEditor(kind, spec, parent);
        break;
    case EditorKind::DateTime:
        editor = new DateTimeEditor(spec, parent);
        break;
    case EditorKind::StringList:
        editor = context == Context::Panel
                     ? static_cast<ValueEditor *>(new ListEditor(spec, parent))
                     : new JsonEditor(spec, true, parent);
        break;
    case EditorKind::Map:
        editor = context == Context::Panel ? static_cast<ValueEditor *>(new MapEditor(spec, parent))
                                           : new JsonEditor(spec, true, parent);
        break;
    case EditorKind::JsonText:
        editor = new JsonEditor(spec, context == Context::Inline, parent);
        break;
    }
    if (current)
        editor->setValue(*current);
    else if (spec.defaultValue)
        editor->setValue(*spec.defaultValue);
    return editor;
}

} // namespace tad
