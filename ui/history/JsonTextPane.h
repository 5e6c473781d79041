// A read-only view of a long pretty-printed JSON text that lays out only
// the lines on screen. QPlainTextEdit builds a block per line up front:
// ~100 ms on the UI thread for each side of a 1 MB config, too slow for a
// diff that should appear at once. One line can be marked (the change
// selected in the list) and is scrolled into view.
#pragma once

#include <QAbstractScrollArea>
#include <vector>

namespace tad {

class JsonTextPane : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit JsonTextPane(QWidget *parent = nullptr);

    void setText(QString text);
    const QString &toPlainText() const { return m_text; }
    int lineCount() const { return int(m_lineStarts.size()); }
    QString lineText(int line) const;
    // -1 for none. Scrolls the line to the middle of the view.
    void markLine(int line, const QColor &color);
    int markedLine() const { return m_marked; }
    QColor markColor() const { return m_markColor; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateScrollBars();
    int lineHeight() const;

    QString m_text;
    std::vector<int> m_lineStarts;
    int m_longestLine = 0; // characters
    int m_marked = -1;
    QColor m_markColor;
};

} // namespace tad
