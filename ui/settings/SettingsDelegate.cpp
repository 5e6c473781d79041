#include "SettingsDelegate.h"

#include "SettingsTreeModel.h"
#include "editors/ValueEditor.h"

#include "json/JsonText.h"
#include <QAbstractProxyModel>

namespace tad {

SettingsDelegate::SettingsDelegate(SettingsTreeModel *model, QObject *parent)
    : QStyledItemDelegate(parent), m_model(model)
{}

QModelIndex SettingsDelegate::toSource(const QModelIndex &index) const
{
    QModelIndex current = index;
    while (current.isValid() && current.model() != m_model) {
        auto *proxy = qobject_cast<const QAbstractProxyModel *>(current.model());
        if (!proxy)
            return {};
        current = proxy->mapToSource(current);
    }
    return current;
}

QWidget *SettingsDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    const QModelIndex source = toSource(index);
    if (!source.isValid() || source.column() != SettingsTreeModel::ValueColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    const auto value = m_model->valueOf(source);
    ValueEditor *editor = ValueEditor::create(m_model->specOf(source), value ? &*value : nullptr,
                                              ValueEditor::Context::Inline, parent);
    editor->setAutoFillBackground(true);
    editor->setObjectName(QStringLiteral("inlineEditor"));
    connect(editor, &ValueEditor::submitted, this, [this, editor] {
        auto *self = const_cast<SettingsDelegate *>(this);
        Q_EMIT self->commitData(editor);
        Q_EMIT self->closeEditor(editor, QAbstractItemDelegate::NoHint);
    });
    return editor;
}

void SettingsDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *valueEditor = qobject_cast<ValueEditor *>(editor);
    const QModelIndex source = toSource(index);
    if (!valueEditor || !source.isValid()) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    if (auto value = m_model->valueOf(source))
        valueEditor->setValue(*value);
}

void SettingsDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                    const QModelIndex &index) const
{
    auto *valueEditor = qobject_cast<ValueEditor *>(editor);
    const QModelIndex source = toSource(index);
    if (!valueEditor || !source.isValid()) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    const QString problem = valueEditor->problem();
    if (!problem.isEmpty()) {
        Q_EMIT refused(m_model->keyOf(source), problem);
        return;
    }
    const auto value = valueEditor->value();
    const auto current = m_model->valueOf(source);
    if (!value || (current && jsEqual(*current, *value)))
        return;
    model->setData(index, QString::fromStdString(compactJson(*value)),
                   SettingsTreeModel::JsonTextRole);
}

void SettingsDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                            const QModelIndex &) const
{
    QRect rect = option.rect;
    rect.setHeight(std::max(rect.height(), editor->sizeHint().height()));
    editor->setGeometry(rect);
}

} // namespace tad
