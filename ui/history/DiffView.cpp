#include "DiffView.h"

#include "common/Counted.h"
#include "common/ThemeColors.h"
#include "io/AtomicFile.h"

#include "json/JsonText.h"
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tad {

namespace {

ThemeColors::Tone kindTone(DiffOperation::Kind kind)
{
    switch (kind) {
    case DiffOperation::Kind::Added:
        return ThemeColors::Positive;
    case DiffOperation::Kind::Removed:
        return ThemeColors::Negative;
    case DiffOperation::Kind::Moved:
        return ThemeColors::Active;
    case DiffOperation::Kind::Changed:
        break;
    }
    return ThemeColors::Neutral;
}

JsonTextPane *makeTextPane(QWidget *parent, const QString &name)
{
    auto *pane = new JsonTextPane(parent);
    pane->setAccessibleName(name);
    return pane;
}

} // namespace

DiffView::DiffView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("diffView"));
    m_askExportPath = [this] {
        return QFileDialog::getSaveFileName(this, tr("Export patch"), QStringLiteral("patch.json"),
                                            tr("JSON Patch (*.json)"));
    };
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pages = new QStackedWidget(this);
    m_emptyLabel = new QLabel(tr("Choose something to compare."), this);
    m_emptyLabel->setObjectName(QStringLiteral("diffEmpty"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("diffBusy"));
    m_busyLabel->setAlignment(Qt::AlignCenter);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(content);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_message = new QLabel(content);
    m_message->setObjectName(QStringLiteral("diffMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_list = new QTreeWidget(content);
    m_list->setObjectName(QStringLiteral("diffOperations"));
    m_list->setAccessibleName(tr("Changes"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels({tr("Change"), tr("Key"), tr("Old"), tr("New"), tr("Note")});
    // The kind and the key whole (they are short and say what the row is);
    // the values share what is left, in full in their tooltips.
    m_list->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_list->header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(KeyColumn, QHeaderView::ResizeToContents);
    m_list->setColumnWidth(OldColumn, 110);
    m_list->setColumnWidth(NewColumn, 110);

    auto *texts = new QWidget(content);
    auto *textLayout = new QHBoxLayout(texts);
    textLayout->setContentsMargins(0, 0, 0, 0);
    auto *beforeBox = new QVBoxLayout;
    auto *afterBox = new QVBoxLayout;
    m_beforeTitle = new QLabel(texts);
    m_afterTitle = new QLabel(texts);
    m_before = makeTextPane(texts, tr("Before"));
    m_before->setObjectName(QStringLiteral("diffBefore"));
    m_after = makeTextPane(texts, tr("After"));
    m_after->setObjectName(QStringLiteral("diffAfter"));
    beforeBox->addWidget(m_beforeTitle);
    beforeBox->addWidget(m_before);
    afterBox->addWidget(m_afterTitle);
    afterBox->addWidget(m_after);
    textLayout->addLayout(beforeBox);
    textLayout->addLayout(afterBox);

    auto *split = new QSplitter(Qt::Vertical, content);
    split->addWidget(m_list);
    split->addWidget(texts);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *buttons = new QHBoxLayout;
    m_revertButton = new QPushButton(tr("&Revert checked changes"), content);
    m_revertButton->setObjectName(QStringLiteral("revertChecked"));
    m_revertButton->hide();
    m_exportButton = new QPushButton(tr("E&xport patch..."), content);
    m_exportButton->setObjectName(QStringLiteral("exportPatch"));
    m_exportButton->setToolTip(tr("Save the changes as an RFC 6902 JSON Patch (secrets masked)"));
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_revertButton);
    buttons->addWidget(m_exportButton);

    contentLayout->addLayout(buttons);
    contentLayout->addWidget(m_message);
    contentLayout->addWidget(split, 1);

    m_pages->addWidget(m_emptyLabel);
    m_pages->addWidget(m_busyLabel);
    m_pages->addWidget(content);
    layout->addWidget(m_pages);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &DiffView::onCurrentOperation);
    connect(m_list, &QTreeWidget::itemChanged, this, &DiffView::updateButtons);
    connect(m_revertButton, &QPushButton::clicked, this,
            [this] { Q_EMIT revertRequested(checkedOperations()); });
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        const QString path = m_askExportPath ? m_askExportPath() : QString();
        QString error;
        if (!path.isEmpty() && !exportPatch(path, &error))
            showMessage(error, true);
        else if (!path.isEmpty())
            showMessage(tr("Patch written to %1").arg(path), false);
    });
    // A history entry's two sides list the same keys line by line, so they
    // scroll together; whole documents differ in length and scroll alone.
    connect(m_before->verticalScrollBar(), &QScrollBar::valueChanged, m_after->verticalScrollBar(),
            [this](int value) {
                if (m_data.hasDocuments)
                    return;
                m_after->verticalScrollBar()->setValue(value);
            });
}

void DiffView::showDiff(DiffData data)
{
    m_data = std::move(data);
    m_message->hide();
    if (m_data.empty()) {
        clear(tr("No differences: both sides hold the same settings."));
        return;
    }
    int added = 0, removed = 0, changed = 0;
    for (const auto &op : m_data.ops) {
        added += op.kind == DiffOperation::Kind::Added;
        removed += op.kind == DiffOperation::Kind::Removed;
        changed += op.kind == DiffOperation::Kind::Changed || op.kind == DiffOperation::Kind::Moved;
    }
    m_summary->setText(counted(int(m_data.ops.size()), tr("%1 change: "), tr("%1 changes: ")) +
                       tr("%1 added, %2 removed, %3 changed").arg(added).arg(removed).arg(changed));
    m_beforeTitle->setText(m_data.beforeTitle);
    m_afterTitle->setText(m_data.afterTitle);
    m_before->setText(m_data.beforeText);
    m_after->setText(m_data.afterText);
    fillList();
    m_pages->setCurrentIndex(2);
    onCurrentOperation();
}

void DiffView::showBusy(const QString &what)
{
    m_busyLabel->setText(what);
    m_pages->setCurrentIndex(1);
}

void DiffView::clear(const QString &emptyText)
{
    if (!emptyText.isEmpty())
        m_emptyLabel->setText(emptyText);
    m_list->clear();
    m_pages->setCurrentIndex(0);
}

void DiffView::fillList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QList<QTreeWidgetItem *> items;
    items.reserve(int(m_data.ops.size()));
    for (const auto &op : m_data.ops) {
        auto *item = new QTreeWidgetItem;
        item->setText(KindColumn, op.symbol() + QLatin1Char(' ') + op.kindName());
        item->setText(KeyColumn, op.key);
        item->setText(OldColumn, op.oldText);
        item->setText(NewColumn, op.newText);
        item->setText(NoteColumn, op.notes.join(QStringLiteral("; ")));
        item->setToolTip(KeyColumn, QString::fromStdString(op.pointer));
        item->setToolTip(OldColumn, op.oldText);
        item->setToolTip(NewColumn, op.newText);
        item->setData(KindColumn, Qt::UserRole, op.patchIndex);
        item->setData(KindColumn, Qt::AccessibleTextRole,
                      op.kindName() + QLatin1Char(' ') + op.key);
        if (m_checkable || m_revert) {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(KindColumn, Qt::Unchecked);
        }
        items.append(item);
    }
    m_list->addTopLevelItems(items);
    applyColours();
    if (!items.isEmpty())
        m_list->setCurrentItem(items.first());
    updateButtons();
}

// Each row's kind in its colour, from the palette as it is now.
void DiffView::applyColours()
{
    for (int i = 0; i < m_list->topLevelItemCount() && size_t(i) < m_data.ops.size(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const DiffOperation &op = m_data.ops[size_t(i)];
        item->setForeground(KindColumn, ThemeColors::text(palette(), kindTone(op.kind)));
        if (!op.notes.isEmpty())
            item->setForeground(NoteColumn, ThemeColors::text(palette(), ThemeColors::Inactive));
    }
}

void DiffView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyColours();
        onCurrentOperation();
    }
}

void DiffView::onCurrentOperation()
{
    auto *item = m_list->currentItem();
    if (!item)
        return;
    const int row = m_list->indexOfTopLevelItem(item);
    if (row < 0 || size_t(row) >= m_data.ops.size())
        return;
    const DiffOperation &op = m_data.ops[size_t(row)];
    m_before->markLine(op.beforeLine, ThemeColors::background(palette(), ThemeColors::Negative));
    m_after->markLine(op.afterLine, ThemeColors::background(palette(), ThemeColors::Positive));
}

void DiffView::setRevertEnabled(bool enabled, const QString &buttonText)
{
    m_revert = enabled;
    m_revertButton->setVisible(enabled);
    if (!buttonText.isEmpty())
        m_revertButton->setText(buttonText);
}

void DiffView::setCheckable(bool checkable)
{
    m_checkable = checkable;
}

QList<int> DiffView::checkedOperations() const
{
    QList<int> indices;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        auto *item = m_list->topLevelItem(i);
        if (item->checkState(KindColumn) == Qt::Checked)
            indices << item->data(KindColumn, Qt::UserRole).toInt();
    }
    return indices;
}

QStringList DiffView::checkedKeys() const
{
    QStringList keys;
    for (int index : checkedOperations()) {
        const QString key = m_data.ops[size_t(index)].key;
        if (!keys.contains(key))
            keys << key;
    }
    return keys;
}

void DiffView::updateButtons()
{
    Q_EMIT checkedChanged();
    m_revertButton->setEnabled(!checkedOperations().isEmpty());
    m_exportButton->setEnabled(!m_data.empty());
}

void DiffView::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    ThemeColors::setTextTone(m_message, error ? ThemeColors::Negative : ThemeColors::Positive);
    m_message->setAccessibleName(error ? tr("Error") : tr("Result"));
    m_message->setVisible(!text.isEmpty());
}

QString DiffView::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool DiffView::exportPatch(const QString &path, QString *error) const
{
    const Json patch = m_data.maskedPatch(m_schema);
    TextStyle style;
    style.indent = TextStyle::Indent::Spaces;
    style.spaces = 2;
    style.trailingNewline = true;
    auto written = replaceFile(path, stringify(patch, style));
    if (!written && error)
        *error = written.error().toString();
    return written.ok();
}

} // namespace tad
