#include "CollectionEditors.h"

#include "json/JsonText.h"
#include <QFontDatabase>
#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tad {

namespace {

constexpr int kIsStringRole = Qt::UserRole + 1;

QPushButton *button(const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setAccessibleName(text);
    return b;
}

class ListEditor : public ValueEditor
{
public:
    ListEditor(const EditorSpec &spec, QWidget *parent)
        : ValueEditor(EditorKind::StringList, spec, parent)
    {
        auto *layout = new QGridLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_list = new QListWidget(this);
        m_list->setObjectName(QStringLiteral("listItems"));
        m_list->setAccessibleName(tr("List items"));
        m_list->setMinimumHeight(90);
        layout->addWidget(m_list, 0, 0, 5, 1);
        m_add = button(tr("Add"), QStringLiteral("addItem"), this);
        m_remove = button(tr("Remove"), QStringLiteral("removeItem"), this);
        m_up = button(tr("Up"), QStringLiteral("moveItemUp"), this);
        m_down = button(tr("Down"), QStringLiteral("moveItemDown"), this);
        layout->addWidget(m_add, 0, 1);
        layout->addWidget(m_remove, 1, 1);
        layout->addWidget(m_up, 2, 1);
        layout->addWidget(m_down, 3, 1);
        setFocusTarget(m_list);
        connect(m_add, &QPushButton::clicked, this, [this] {
            auto *item = newItem(QString());
            m_list->addItem(item);
            m_list->setCurrentItem(item);
            m_list->editItem(item);
            changed();
        });
        connect(m_remove, &QPushButton::clicked, this, [this] {
            delete m_list->takeItem(m_list->currentRow());
            changed();
        });
        connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
        connect(m_down, &QPushButton::clicked, this, [this] { move(+1); });
        connect(m_list, &QListWidget::itemChanged, this, [this] { changed(); });
        connect(m_list, &QListWidget::currentRowChanged, this, [this] { updateButtons(); });
        updateButtons();
    }
    std::optional<Json> value() const override
    {
        Json out = Json::array();
        for (int i = 0; i < m_list->count(); ++i) {
            const QListWidgetItem *item = m_list->item(i);
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
    void setValue(const Json &v) override
    {
        m_loading = true;
        m_list->clear();
        if (v.is_array()) {
            for (const auto &item : v) {
                auto *row =
                    newItem(item.is_string() ? QString::fromStdString(item.get<std::string>())
                                             : QString::fromStdString(compactJson(item)));
                row->setData(kIsStringRole, item.is_string());
                m_list->addItem(row);
            }
        }
        m_loading = false;
        updateButtons();
    }

private:
    QListWidgetItem *newItem(const QString &text)
    {
        auto *item = new QListWidgetItem(text);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        const bool strings =
            m_spec.itemTypes.isEmpty() || m_spec.itemTypes.contains(QLatin1String("string"));
        item->setData(kIsStringRole, strings);
        return item;
    }
    void move(int delta)
    {
        const int row = m_list->currentRow();
        const int target = row + delta;
        if (row < 0 || target < 0 || target >= m_list->count())
            return;
        auto *item = m_list->takeItem(row);
        m_list->insertItem(target, item);
        m_list->setCurrentRow(target);
        changed();
    }
    void changed()
    {
        updateButtons();
        emitEdited();
    }
    void updateButtons()
    {
        const int row = m_list->currentRow();
        m_add->setEnabled(!m_spec.maxItems || m_list->count() < *m_spec.maxItems);
        m_remove->setEnabled(row >= 0);
        m_up->setEnabled(row > 0);
        m_down->setEnabled(row >= 0 && row + 1 < m_list->count());
    }

    QListWidget *m_list;
    QPushButton *m_add, *m_remove, *m_up, *m_down;
};

class MapEditor : public ValueEditor
{
public:
    MapEditor(const EditorSpec &spec, QWidget *parent) : ValueEditor(EditorKind::Map, spec, parent)
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
        auto *add = button(tr("Add entry"), QStringLiteral("addEntry"), this);
        auto *remove = button(tr("Remove entry"), QStringLiteral("removeEntry"), this);
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
                emitEdited();
            }
        });
    }
    std::optional<Json> value() const override { return m_current; }
    void setValue(const Json &v) override
    {
        m_loading = true;
        m_current = v.is_object() ? v : Json::object();
        m_list->clear();
        for (const auto *member : jsMemberOrder(m_current.get_ref<const Json::object_t &>()))
            m_list->addItem(QString::fromStdString(member->first));
        m_loading = false;
    }

private:
    void addEntry()
    {
        const std::string name = m_name->text().trimmed().toStdString();
        if (name.empty() || m_current.contains(name))
            return;
        m_current[name] = Json::object();
        m_list->addItem(QString::fromStdString(name));
        m_name->clear();
        emitEdited();
    }

    QListWidget *m_list;
    QLineEdit *m_name;
    Json m_current = Json::object();
};

class JsonEditor : public ValueEditor
{
public:
    JsonEditor(const EditorSpec &spec, bool singleLine, QWidget *parent)
        : ValueEditor(EditorKind::JsonText, spec, parent), m_singleLine(singleLine)
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (singleLine) {
            m_line = new QLineEdit(this);
            m_line->setFont(mono);
            m_line->setAccessibleName(tr("JSON value"));
            layout->addWidget(m_line);
            setFocusTarget(m_line);
            connect(m_line, &QLineEdit::textEdited, this, [this] { emitEdited(); });
            connect(m_line, &QLineEdit::returnPressed, this, &ValueEditor::submitted);
        } else {
            m_text = new QPlainTextEdit(this);
            m_text->setFont(mono);
            m_text->setAccessibleName(tr("JSON value"));
            m_text->setTabChangesFocus(true);
            layout->addWidget(m_text);
            setFocusTarget(m_text);
            connect(m_text, &QPlainTextEdit::textChanged, this, [this] { emitEdited(); });
        }
    }
    std::optional<Json> value() const override
    {
        const QByteArray text = (m_line ? m_line->text() : m_text->toPlainText()).toUtf8();
        auto parsed = parseValue(std::string_view(text.constData(), size_t(text.size())));
        if (!parsed) {
            const Error &e = parsed.error();
            m_parseProblem =
                e.line > 0 ? tr("line %1, column %2: %3").arg(e.line).arg(e.column).arg(e.message)
                           : e.message;
            return std::nullopt;
        }
        return parsed.value();
    }
    void setValue(const Json &v) override
    {
        m_loading = true;
        if (m_line)
            m_line->setText(QString::fromStdString(compactJson(v)));
        else
            m_text->setPlainText(QString::fromStdString(stringify(v, TextStyle::withSpaces(2))));
        m_loading = false;
    }
    bool typesText() const override { return true; }

private:
    bool m_singleLine;
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_text = nullptr;
};

} // namespace

ValueEditor *createListEditor(const EditorSpec &spec, QWidget *parent)
{
    return new ListEditor(spec, parent);
}

ValueEditor *createMapEditor(const EditorSpec &spec, QWidget *parent)
{
    return new MapEditor(spec, parent);
}

ValueEditor *createJsonEditor(const EditorSpec &spec, bool singleLine, QWidget *parent)
{
    return new JsonEditor(spec, singleLine, parent);
}

} // namespace tad
