#include "ListEditor.h"

#include "json/JsonText.h"
#include <QAbstractItemDelegate>
#include <QGridLayout>
#include <QKeyEvent>
#include <QListWidget>
#include <QPushButton>

namespace tad {

namespace {
constexpr int kIsStringRole = Qt::UserRole + 1;
} // namespace

ListEditor::ListEditor(const EditorSpec &spec, QWidget *parent)
    : ValueEditor(EditorKind::StringList, spec, parent)
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("listItems"));
    m_list->setAccessibleName(tr("List items"));
    m_list->setMinimumHeight(90);
    layout->addWidget(m_list, 0, 0, 5, 1);
    m_add = namedButton(tr("Add"), QStringLiteral("addItem"), this);
    m_remove = namedButton(tr("Remove"), QStringLiteral("removeItem"), this);
    m_up = namedButton(tr("Up"), QStringLiteral("moveItemUp"), this);
    m_down = namedButton(tr("Down"), QStringLiteral("moveItemDown"), this);
    layout->addWidget(m_add, 0, 1);
    layout->addWidget(m_remove, 1, 1);
    layout->addWidget(m_up, 2, 1);
    layout->addWidget(m_down, 3, 1);
    setFocusTarget(m_list);
    // A new item is written once it has a value; Esc (or leaving it
    // empty) takes it away again.
    connect(m_add, &QPushButton::clicked, this, [this] {
        auto *item = newItem(QString());
        m_list->addItem(item);
        m_list->setCurrentItem(item);
        m_unsaved = item;
        updateButtons();
        m_list->editItem(item);
    });
    connect(m_list->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] {
        if (m_unsaved && m_unsaved->text().isEmpty()) {
            delete m_unsaved;
            m_unsaved = nullptr;
            updateButtons();
        }
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        QListWidgetItem *item = m_list->takeItem(m_list->currentRow());
        const bool wasSaved = item && item != m_unsaved;
        if (item == m_unsaved)
            m_unsaved = nullptr;
        delete item;
        if (wasSaved)
            changed();
        else
            updateButtons();
    });
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(+1); });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (item == m_unsaved) {
            if (item->text().isEmpty())
                return;
            m_unsaved = nullptr;
        }
        changed();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { updateButtons(); });
    m_list->installEventFilter(this);
    updateButtons();
}

bool ListEditor::eventFilter(QObject *watched, QEvent *event)
{
    // While an item is edited its keys go to the item's editor, not here.
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        QPushButton *button = key->modifiers() != Qt::NoModifier ? nullptr
                              : key->key() == Qt::Key_Insert     ? m_add
                              : key->key() == Qt::Key_Delete     ? m_remove
                                                                 : nullptr;
        if (button) {
            if (button->isEnabled())
                button->click();
            return true;
        }
    }
    return ValueEditor::eventFilter(watched, event);
}

std::optional<Json> ListEditor::value() const
{
    Json out = Json::array();
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        if (item == m_unsaved)
            continue;
        if (item->data(kIsStringRole).toBool()) {
            out.push_back(item->text().toStdString());
            continue;
        }
        const QByteArray text = item->text().toUtf8();
        auto parsed = parseValue(std::string_view(text.constData(), size_t(text.size())));
        if (!parsed) {
            m_parseProblem = tr("item %1 is not a valid value").arg(i + 1);
            return std::nullopt;
        }
        out.push_back(parsed.value());
    }
    return out;
}

void ListEditor::setValue(const Json &v)
{
    m_loading = true;
    m_unsaved = nullptr;
    m_list->clear();
    if (v.is_array()) {
        for (const auto &item : v) {
            auto *row = newItem(item.is_string() ? QString::fromStdString(item.get<std::string>())
                                                 : QString::fromStdString(compactJson(item)));
            row->setData(kIsStringRole, item.is_string());
            m_list->addItem(row);
        }
    }
    m_loading = false;
    updateButtons();
}

QListWidgetItem *ListEditor::newItem(const QString &text)
{
    auto *item = new QListWidgetItem(text);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    const bool strings =
        m_spec.itemTypes.isEmpty() || m_spec.itemTypes.contains(QLatin1String("string"));
    item->setData(kIsStringRole, strings);
    return item;
}

void ListEditor::move(int delta)
{
    const int row = m_list->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_list->count())
        return;
    auto *item = m_list->takeItem(row);
    m_list->insertItem(target, item);
    m_list->setCurrentRow(target);
    if (!m_unsaved)
        changed();
}

void ListEditor::changed()
{
    updateButtons();
    emitCommitted();
}

void ListEditor::updateButtons()
{
    const int row = m_list->currentRow();
    m_add->setEnabled(!m_spec.maxItems || m_list->count() < *m_spec.maxItems);
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_list->count());
}

} // namespace tad
