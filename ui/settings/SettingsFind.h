// The find box over the settings tree, as a settings editor's search is:
// a count of the settings found, the words marked in the tree, a message
// in place of an empty tree, a busy sign while a long search runs, Esc to
// clear the box, and the tree as it was (expanded rows, the selected key)
// once the box is cleared. Down or Enter in the box goes to the first match.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

class QLabel;
class QLineEdit;
class QProgressBar;
class QTreeView;
class QWidget;

namespace tad {

class SettingsDelegate;
class SettingsFilterModel;
class SettingsTreeModel;

class SettingsFind : public QObject
{
    Q_OBJECT
public:
    SettingsFind(QTreeView *tree, SettingsTreeModel *model, SettingsFilterModel *filter,
                 SettingsDelegate *delegate, QWidget *parent);

    // The row above the tree: the box, the busy sign and the count.
    QWidget *bar() const { return m_bar; }
    QLineEdit *box() const { return m_box; }
    QLabel *countLabel() const { return m_count; }
    QLabel *emptyLabel() const { return m_empty; }

    // Puts what the box holds in force now (no typing pause).
    void applyNow();
    // Empties the box; the tree is shown as it was before the find.
    void clear();
    // Selects the first match and moves focus to the tree.
    bool goToFirstMatch();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();
    void onFinished(int matches);
    void rememberTree();
    void restoreTree(const QString &selectedKey);
    QString currentKey() const;
    QString emptyText() const;
    void placeEmptyLabel();

    QTreeView *m_tree;
    SettingsTreeModel *m_model;
    SettingsFilterModel *m_filter;
    SettingsDelegate *m_delegate;
    QWidget *m_bar;
    QLineEdit *m_box;
    QProgressBar *m_busy;
    QLabel *m_count;
    QLabel *m_empty;
    QTimer m_typingPause;
    QTimer m_busyDelay;
    // The tree before the find began: expanded keys and the selected one.
    QStringList m_expandedBefore;
    QString m_selectedBefore;
    // The key the person selected while the find was on.
    QString m_chosen;
    bool m_remembered = false;
    bool m_goWhenFound = false;
};

} // namespace tad
