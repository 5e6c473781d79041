// Inline editing in the tree: the value column gets the same editor the
// panel would show. Enter or leaving the field commits, Esc cancels. A
// value the schema refuses is not handed to the model: the editor stays
// open with the value as typed and refused() says why. While a find is
// on, the words found are marked in the key and value columns.
#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace tad {

class SettingsTreeModel;
class ValueEditor;

class SettingsDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    SettingsDelegate(SettingsTreeModel *model, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    // The words to mark (empty: none).
    void setHighlightedWords(const QStringList &words) { m_words = words; }
    const QStringList &highlightedWords() const { return m_words; }
    // Where `words` occur in `text`: (start, length) pairs, in order, not overlapping.
    static QList<std::pair<int, int>> matchRanges(const QString &text, const QStringList &words);

Q_SIGNALS:
    void refused(const QString &key, const QString &message) const;

protected:
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    QModelIndex toSource(const QModelIndex &index) const;
    QString refusal(const ValueEditor *editor, const QString &key) const;
    SettingsTreeModel *m_model;
    QStringList m_words;
};

} // namespace tad
