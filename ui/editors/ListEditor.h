// A list of simple values (an array of strings, numbers, booleans): add,
// remove and reorder, honouring the schema's maxItems.
#pragma once

#include "ValueEditor.h"

class QListWidget;
class QListWidgetItem;

namespace tad {

class ListEditor : public ValueEditor
{
    Q_OBJECT
public:
    ListEditor(const EditorSpec &spec, QWidget *parent);

    std::optional<Json> value() const override;
    void setValue(const Json &v) override;

protected:
    // Insert adds an item and Delete removes the current one, as the
    // buttons beside the list do.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QListWidgetItem *newItem(const QString &text);
    void move(int delta);
    void changed();
    void updateButtons();

    QListWidget *m_list;
    QPushButton *m_add, *m_remove, *m_up, *m_down;
    QListWidgetItem *m_unsaved = nullptr; // added, no value yet: not written
};

} // namespace tad
