#include "MapEditor.h"

#include "json/JsonText.h"
#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace tad {

MapEditor::MapEditor(const EditorSpec &spec, QWidget *parent)
    : ValueEditor(EditorKind::Map, spec, parent)
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("mapEntries"));
    m_list->setAccessibleName(tr("Entries"));
    m_list->setMinimumHeight(90);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("newEntryName"));
    m_name->setPlaceholderText(tr("New entry name"));
    m_name->setAccessibleName(tr("New entry name"));
    auto *add = namedButton(tr("Add entry"), QStringLiteral("addEntry"), this);
    auto *remove = namedButton(tr("Remove entry"), QStringLiteral("removeEntry"), this);
    layout->addWidget(m_list, 0, 0, 1, 2);
    layout->addWidget(m_name, 1, 0);
    layout->addWidget(add, 1, 1);
    layout->addWidget(remove, 2, 1);
    setFocusTarget(m_list);
    connect(add, &QPushButton::clicked, this, [this] { addEntry(); });
    connect(m_name, &QLineEdit::returnPressed, this, [this] { addEntry(); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (auto *item = m_list->currentItem()) {
            m_current.erase(item->text().toStdString());
            delete item;
            emitCommitted();
        }
    });
}

std::optional<Json> MapEditor::value() const
{
    return m_current;
}

void MapEditor::setValue(const Json &v)
{
    m_loading = true;
    m_current = v.is_object() ? v : Json::object();
    m_list->clear();
    for (const auto *member : jsMemberOrder(m_current.get_ref<const Json::object_t &>()))
        m_list->addItem(QString::fromStdString(member->first));
    m_loading = false;
}

void MapEditor::addEntry()
{
    const std::string name = m_name->text().trimmed().toStdString();
    if (name.empty() || m_current.contains(name))
        return;
    m_current[name] = Json::object();
    m_list->addItem(QString::fromStdString(name));
    m_name->clear();
    emitCommitted();
}

} // namespace tad
