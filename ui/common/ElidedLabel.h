// A one-line label that shortens its text with "..." when it is narrower
// than the text, instead of wrapping or widening its parent. The whole text
// is its tool tip and its accessible description.
#pragma once

#include <QLabel>

namespace tad {

class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    const QString &fullText() const { return m_full; }
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();
    QString m_full;
};

} // namespace tad
