#include "MessageBar.h"

#include "common/ThemeColors.h"
#include "common/ThemeIcons.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace tad {

MessageBar::MessageBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_undo = new QPushButton(tr("&Undo"), this);
    m_undo->setObjectName(QStringLiteral("messageUndo"));
    m_undo->setIcon(ThemeIcons::icon(ThemeIcons::Undo));
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("messageClose"));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_undo);
    layout->addWidget(m_close);
    // Closed, its Undo goes with it: Ctrl+Z never undoes what is out of sight.
    connect(m_close, &QPushButton::clicked, this, &MessageBar::dismiss);
    connect(m_undo, &QPushButton::clicked, this, &MessageBar::undo);
    hide();
}

void MessageBar::undo()
{
    auto undo = std::move(m_undoAction);
    m_undoAction = {};
    m_undo->hide();
    Q_EMIT undoAvailable(false);
    if (undo)
        undo();
}

void MessageBar::dismiss()
{
    m_undoAction = {};
    m_undo->hide();
    hide();
    Q_EMIT undoAvailable(false);
}

void MessageBar::showMessage(const QString &text, bool refused, std::function<void()> undo)
{
    m_refused = refused;
    m_text->setText(text);
    setAccessibleName(refused ? tr("Refused") : tr("Done"));
    ThemeColors::setBarTone(this, refused ? ThemeColors::Negative : ThemeColors::Positive);
    m_undoAction = std::move(undo);
    m_undo->setVisible(bool(m_undoAction));
    show();
    Q_EMIT undoAvailable(bool(m_undoAction));
}

QString MessageBar::text() const
{
    return isVisible() ? m_text->text() : QString();
}

} // namespace tad
