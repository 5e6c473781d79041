#include "BrokenFilePage.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

namespace tad {

BrokenFilePage::BrokenFilePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("brokenFilePage"));
    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel(tr("The settings file cannot be read"), this);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_heading->setFont(big);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("parseError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *note = new QLabel(tr("The Electron app cannot read it either until it is repaired or "
                               "restored."),
                            this);
    note->setWordWrap(true);
    m_backupNote = new QLabel(this);
    m_backupNote->setWordWrap(true);

    m_restore = new QPushButton(tr("Restore newest valid backup"), this);
    m_restore->setObjectName(QStringLiteral("restoreBackup"));
    m_viewRaw = new QPushButton(tr("View the raw text (read-only)"), this);
    m_viewRaw->setObjectName(QStringLiteral("viewRaw"));
    m_viewRaw->setCheckable(true);
    m_reload = new QPushButton(tr("Reload"), this);
    m_reload->setObjectName(QStringLiteral("reloadBroken"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_restore);
    buttons->addWidget(m_viewRaw);
    buttons->addWidget(m_reload);
    buttons->addStretch();

    m_raw = new QPlainTextEdit(this);
    m_raw->setObjectName(QStringLiteral("rawText"));
    m_raw->setReadOnly(true);
    m_raw->setAccessibleName(tr("Raw file text"));
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->hide();

    layout->addWidget(m_heading);
    layout->addWidget(m_error);
    layout->addWidget(note);
    layout->addWidget(m_backupNote);
    layout->addLayout(buttons);
    layout->addWidget(m_raw, 1);
    layout->addStretch();

    connect(m_restore, &QPushButton::clicked, this, &BrokenFilePage::restoreBackupRequested);
    connect(m_reload, &QPushButton::clicked, this, &BrokenFilePage::reloadRequested);
    connect(m_viewRaw, &QPushButton::toggled, m_raw, &QWidget::setVisible);
    setBackupAvailable(false);
}

bool BrokenFilePage::showError(const Error &error, const QByteArray &rawBytes)
{
    // The same broken bytes seen again (on opening, then by the watcher):
    // keep the page, its cursor and its recovery offer as they are.
    if (m_shown && isVisible() && rawBytes == m_shownBytes)
        return false;
    m_shown = true;
    m_shownBytes = rawBytes;
    QString where;
    if (error.line > 0)
        where = tr("Line %1, column %2: ").arg(error.line).arg(error.column);
    m_error->setText(
        QStringLiteral("<b>%1</b><br>%2%3")
            .arg(error.file.toHtmlEscaped(), where.toHtmlEscaped(), error.message.toHtmlEscaped()));
    m_raw->setPlainText(QString::fromUtf8(rawBytes));
    if (error.line > 0) {
        // Put the cursor where the parser stopped.
        QTextCursor cursor(m_raw->document()->findBlockByNumber(error.line - 1));
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                            std::max(0, error.column - 1));
        m_raw->setTextCursor(cursor);
    }
    return true;
}

void BrokenFilePage::setBackupAvailable(bool available, const QString &description)
{
    m_restore->setEnabled(available);
    if (available && m_focusWaitsForBackup && m_reload->hasFocus())
        m_restore->setFocus(Qt::OtherFocusReason);
    m_focusWaitsForBackup = m_focusWaitsForBackup && !available;
    m_backupNote->setText(!description.isEmpty() ? description
                                                 : tr("No valid backup of this file was found."));
}

void BrokenFilePage::takeFocus()
{
    m_focusWaitsForBackup = !m_restore->isEnabled();
    (m_restore->isEnabled() ? m_restore : m_reload)->setFocus(Qt::OtherFocusReason);
}

QString BrokenFilePage::errorText() const
{
    return m_error->text();
}

} // namespace tad
