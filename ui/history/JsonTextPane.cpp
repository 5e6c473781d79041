#include "JsonTextPane.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QPainter>
#include <QScrollBar>

namespace tad {

JsonTextPane::JsonTextPane(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copyLine = new QAction(tr("Copy marked line"), this);
    connect(copyLine, &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(lineText(m_marked)); });
    auto *copyAll = new QAction(tr("Copy all"), this);
    connect(copyAll, &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(m_text); });
    addActions({copyLine, copyAll});
    m_lineStarts.push_back(0);
}

void JsonTextPane::setText(QString text)
{
    m_text = std::move(text);
    m_lineStarts.clear();
    m_lineStarts.push_back(0);
    m_longestLine = 0;
    const QChar *data = m_text.constData();
    const int size = int(m_text.size());
    for (int i = 0; i < size; ++i) {
        if (data[i] == QLatin1Char('\n')) {
            m_longestLine = std::max(m_longestLine, i - m_lineStarts.back());
            m_lineStarts.push_back(i + 1);
        }
    }
    m_longestLine = std::max(m_longestLine, size - m_lineStarts.back());
    m_marked = -1;
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

QString JsonTextPane::lineText(int line) const
{
    if (line < 0 || line >= lineCount())
        return {};
    const int start = m_lineStarts[size_t(line)];
    const int end =
        line + 1 < lineCount() ? m_lineStarts[size_t(line) + 1] - 1 : int(m_text.size());
    return m_text.mid(start, end - start);
}

int JsonTextPane::lineHeight() const
{
    return fontMetrics().height();
}

void JsonTextPane::markLine(int line, const QColor &color)
{
    m_marked = line < lineCount() ? line : -1;
    m_markColor = color;
    if (m_marked >= 0) {
        const int visible = std::max(1, viewport()->height() / lineHeight());
        verticalScrollBar()->setValue(std::max(0, m_marked - visible / 2));
    }
    viewport()->update();
}

void JsonTextPane::updateScrollBars()
{
    const int visible = std::max(1, viewport()->height() / lineHeight());
    verticalScrollBar()->setRange(0, std::max(0, lineCount() - visible));
    verticalScrollBar()->setPageStep(visible);
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    horizontalScrollBar()->setRange(
        0, std::max(0, m_longestLine * charWidth + 8 - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(charWidth * 4);
}

void JsonTextPane::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void JsonTextPane::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const int height = lineHeight();
    const int ascent = fontMetrics().ascent();
    const int first = verticalScrollBar()->value();
    const int x = 4 - horizontalScrollBar()->value();
    const int rows = viewport()->height() / height + 1;
    painter.setPen(palette().color(QPalette::Text));
    for (int row = 0; row <= rows && first + row < lineCount(); ++row) {
        const int line = first + row;
        const int y = row * height;
        if (line == m_marked)
            painter.fillRect(QRect(0, y, viewport()->width(), height), m_markColor);
        painter.drawText(x, y + ascent, lineText(line));
    }
}

} // namespace tad
