#include "JsonEditor.h"

#include "json/JsonText.h"
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace tad {

JsonEditor::JsonEditor(const EditorSpec &spec, bool singleLine, QWidget *parent)
    : ValueEditor(EditorKind::JsonText, spec, parent), m_singleLine(singleLine)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (singleLine) {
        m_line = new QLineEdit(this);
        m_line->setFont(mono);
        m_line->setAccessibleName(tr("JSON value"));
        layout->addWidget(m_line);
        setFocusTarget(m_line);
        connect(m_line, &QLineEdit::textEdited, this, [this] { emitEdited(); });
        connect(m_line, &QLineEdit::editingFinished, this, &ValueEditor::submitted);
    } else {
        m_text = new QPlainTextEdit(this);
        m_text->setFont(mono);
        m_text->setAccessibleName(tr("JSON value"));
        m_text->setTabChangesFocus(true);
        m_text->setToolTip(tr("Ctrl+Enter or leaving the field writes the value"));
        m_text->installEventFilter(this);
        layout->addWidget(m_text);
        setFocusTarget(m_text);
        connect(m_text, &QPlainTextEdit::textChanged, this, [this] { emitEdited(); });
    }
}

// Several lines of text: Enter is a new line, Ctrl+Enter or leaving commits.
bool JsonEditor::eventFilter(QObject *object, QEvent *event)
{
    if (object == m_text) {
        if (event->type() == QEvent::FocusOut) {
            Q_EMIT submitted();
        } else if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                key->modifiers() & Qt::ControlModifier) {
                Q_EMIT submitted();
                return true;
            }
        }
    }
    return ValueEditor::eventFilter(object, event);
}

std::optional<Json> JsonEditor::value() const
{
    const QByteArray text = (m_line ? m_line->text() : m_text->toPlainText()).toUtf8();
    auto parsed = parseValue(std::string_view(text.constData(), size_t(text.size())));
    if (!parsed) {
        const Error &e = parsed.error();
        m_parseProblem = e.line > 0
                             ? tr("line %1, column %2: %3").arg(e.line).arg(e.column).arg(e.message)
                             : e.message;
        return std::nullopt;
    }
    return parsed.value();
}

void JsonEditor::setValue(const Json &v)
{
    m_loading = true;
    if (m_line)
        m_line->setText(QString::fromStdString(compactJson(v)));
    else
        m_text->setPlainText(QString::fromStdString(stringify(v, TextStyle::withSpaces(2))));
    m_loading = false;
}

} // namespace tad
