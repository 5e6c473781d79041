#include "SettingsDelegate.h"

#include "SettingsTreeModel.h"
#include "editors/ValueEditor.h"

#include "json/JsonText.h"
#include <QAbstractProxyModel>
#include <QApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QPointer>
#include <algorithm>

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
    const KeyPath path = KeyPath::fromSegments(m_model->pathOf(source));
    editor->setCheck(path, m_model->checkFor(path));
    editor->setAutoFillBackground(true);
    editor->setObjectName(QStringLiteral("inlineEditor"));
    editor->setCommitsAtOnce(false);
    const QString key = m_model->keyOf(source);
    editor->setProperty("key", key);
    connect(editor, &ValueEditor::submitted, this, [this, editor, key] {
        auto *self = const_cast<SettingsDelegate *>(this);
        if (editor->property("closing").toBool() || !editor->isVisible())
            return;
        const QString problem = refusal(editor, key);
        if (!problem.isEmpty()) {
            editor->setToolTip(problem);
            Q_EMIT self->refused(key, problem);
            return;
        }
        // Committed and closed once the key that submitted it has been
        // handled: closing now would take the delegate's filter off the
        // editor, and the Enter would go on to the tree, which opens the
        // key again.
        editor->setProperty("closing", true);
        QMetaObject::invokeMethod(
            self,
            [self, guard = QPointer<ValueEditor>(editor)] {
                if (!guard)
                    return;
                Q_EMIT self->commitData(guard);
                Q_EMIT self->closeEditor(guard, QAbstractItemDelegate::NoHint);
            },
            Qt::QueuedConnection);
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

// Why the editor's value is not written ("" when it may be, or when it is
// what the file holds already: a value the file breaks the schema with is
// left alone unless changed).
QString SettingsDelegate::refusal(const ValueEditor *editor, const QString &key) const
{
    const QModelIndex source = m_model->indexForKey(key, SettingsTreeModel::ValueColumn);
    const auto value = editor->value();
    const auto current = source.isValid() ? m_model->valueOf(source) : std::nullopt;
    if (value && current && jsEqual(*value, *current))
        return {};
    return editor->problem();
}

bool SettingsDelegate::eventFilter(QObject *object, QEvent *event)
{
    // Enter with a refused value keeps the editor open (submitted() said why).
    auto *editor = qobject_cast<ValueEditor *>(object);
    if (editor && editor->property("closing").toBool())
        return event->type() == QEvent::KeyPress; // committed and closed already
    // Esc reverts: the focus leaving on the way out must not commit.
    if (editor && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape)
        editor->setProperty("closing", true);
    if (editor && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) &&
            !refusal(editor, editor->property("key").toString()).isEmpty())
            return true;
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

void SettingsDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                            const QModelIndex &) const
{
    QRect rect = option.rect;
    rect.setHeight(std::max(rect.height(), editor->sizeHint().height()));
    editor->setGeometry(rect);
}

QList<std::pair<int, int>> SettingsDelegate::matchRanges(const QString &text,
                                                         const QStringList &words)
{
    QList<std::pair<int, int>> ranges;
    for (const QString &word : words) {
        if (word.isEmpty())
            continue;
        for (int at = text.indexOf(word, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(word, at + int(word.size()), Qt::CaseInsensitive))
            ranges.append({at, int(word.size())});
    }
    std::sort(ranges.begin(), ranges.end());
    QList<std::pair<int, int>> merged;
    for (const auto &range : ranges) {
        if (!merged.isEmpty() && range.first <= merged.last().first + merged.last().second) {
            auto &last = merged.last();
            last.second =
                std::max(last.first + last.second, range.first + range.second) - last.first;
        } else {
            merged.append(range);
        }
    }
    return merged;
}

// The cell as the style draws it, then its text again over a mark behind
// each word found (only what is on screen: an elided tail is not marked).
void SettingsDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const int column = index.column();
    if (m_words.isEmpty() ||
        (column != SettingsTreeModel::KeyColumn && column != SettingsTreeModel::ValueColumn)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QList<std::pair<int, int>> ranges = matchRanges(opt.text, m_words);
    if (ranges.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QString text = opt.text;
    const QRect textArea = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect = textArea.adjusted(margin, 0, -margin, 0);
    const QFontMetrics metrics(opt.font);
    const QString shown = metrics.elidedText(text, opt.textElideMode, textRect.width());
    // The part of the text shown before any ellipsis.
    int visible = int(shown.size());
    if (shown != text)
        visible = std::max(0, visible - 1);
    const bool selected = opt.state & QStyle::State_Selected;
    QColor mark = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight);
    mark.setAlpha(selected ? 70 : 90);
    const int top = textRect.top() + (textRect.height() - metrics.height()) / 2;
    painter->save();
    painter->setClipRect(textRect);
    for (const auto &[start, length] : ranges) {
        if (start >= visible)
            break;
        const int end = std::min(start + length, visible);
        const int x = textRect.left() + metrics.horizontalAdvance(shown.left(start));
        const int width = metrics.horizontalAdvance(shown.mid(start, end - start));
        painter->fillRect(QRect(x, top, width, metrics.height()), mark);
    }
    painter->setFont(opt.font);
    painter->setPen(
        opt.palette.color(opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled,
                          selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(textRect, int(opt.displayAlignment) | Qt::TextSingleLine, shown);
    painter->restore();
}

} // namespace tad
