#include "TextEditor.h"

#include "json/JsonText.h"
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace tad {

TextEditor::TextEditor(EditorKind kind, const EditorSpec &spec, QWidget *parent)
    : ValueEditor(kind, spec, parent)
{
    auto *layout = tightLayout(this);
    m_line = new QLineEdit(this);
    m_line->setAccessibleName(kind == EditorKind::Secret ? tr("Secret value") : tr("Text value"));
    if (spec.maxLength)
        m_line->setMaxLength(int(*spec.maxLength));
    if (spec.format == QLatin1String("email"))
        m_line->setPlaceholderText(QStringLiteral("name@example.com"));
    else if (spec.format == QLatin1String("uri"))
        m_line->setPlaceholderText(QStringLiteral("https://"));
    layout->addWidget(m_line);
    if (kind == EditorKind::Secret) {
        m_line->setEchoMode(QLineEdit::Password);
        auto *reveal = new QToolButton(this);
        reveal->setText(tr("Reveal"));
        reveal->setCheckable(true);
        reveal->setObjectName(QStringLiteral("revealButton"));
        reveal->setAccessibleName(tr("Reveal secret"));
        connect(reveal, &QToolButton::toggled, this, [this, reveal](bool on) {
            m_line->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
            reveal->setText(on ? tr("Hide") : tr("Reveal"));
        });
        layout->addWidget(reveal);
    }
    setFocusTarget(m_line);
    connect(m_line, &QLineEdit::textEdited, this, [this] { emitEdited(); });
    connect(m_line, &QLineEdit::editingFinished, this, &ValueEditor::submitted);
}

std::optional<Json> TextEditor::value() const
{
    return Json(m_line->text().toStdString());
}

void TextEditor::setValue(const Json &v)
{
    m_loading = true;
    m_line->setText(v.is_string() ? QString::fromStdString(v.get<std::string>())
                                  : QString::fromStdString(compactJson(v)));
    m_loading = false;
}

} // namespace tad
