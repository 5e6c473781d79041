#include "SettingsTreeModel.h"

#include "ViolationWords.h"
#include "common/Counted.h"
#include "common/ThemeColors.h"
#include "keys/KeyPath.h"
#include "schema/SecretMask.h"

#include "json/JsonText.h"
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QPointer>

namespace tad {

namespace {

// Containers larger than this are not rebuilt as JSON to compute their
// state on every paint.
constexpr size_t kStateCheckLimit = 64;

bool startsWith(const std::vector<std::string> &path, const std::vector<std::string> &prefix)
{
    return prefix.size() <= path.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

} // namespace

SettingsTreeModel::SettingsTreeModel(QObject *parent)
    : QAbstractItemModel(parent), m_root(SettingsNode::build({}, Json::object()))
{
    m_clock.start();
    m_highlightTimer.setInterval(200);
    connect(&m_highlightTimer, &QTimer::timeout, this, &SettingsTreeModel::expireHighlights);
}

SettingsTreeModel::~SettingsTreeModel() = default;

void SettingsTreeModel::resetDocument(std::unique_ptr<SettingsNode> root)
{
    beginResetModel();
    m_root = root ? std::move(root) : SettingsNode::build({}, Json::object());
    m_highlights.clear();
    m_revealed.clear();
    ++m_checkGeneration;
    endResetModel();
}

void SettingsTreeModel::resetDocument(const Json &document)
{
    resetDocument(SettingsNode::build({}, document));
}

void SettingsTreeModel::setSchema(SchemaHints hints)
{
    m_schema = std::move(hints);
    ++m_schemaGeneration;
    ++m_checkGeneration;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    // Nested rows repaint when shown; their cached specs are stale by generation.
}

SettingsNode *SettingsTreeModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    return static_cast<SettingsNode *>(index.internalPointer());
}

QModelIndex SettingsTreeModel::indexOf(const SettingsNode *node, int column) const
{
    if (!node || node == m_root.get() || !node->parent)
        return {};
    return createIndex(node->row, column, const_cast<SettingsNode *>(node));
}

SettingsNode *SettingsTreeModel::findNode(const std::vector<std::string> &segments) const
{
    SettingsNode *node = m_root.get();
    for (const auto &segment : segments) {
        node = node->child(segment);
        if (!node)
            return nullptr;
    }
    return node;
}

QModelIndex SettingsTreeModel::indexForPath(const std::vector<std::string> &segments,
                                            int column) const
{
    return indexOf(findNode(segments), column);
}

QModelIndex SettingsTreeModel::indexForKey(const QString &dottedKey, int column) const
{
    auto path = KeyPath::parse(dottedKey.toStdString());
    return path ? indexForPath(path->segments(), column) : QModelIndex();
}

std::vector<std::string> SettingsTreeModel::pathOf(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->path() : std::vector<std::string>{};
}

QString SettingsTreeModel::keyOf(const QModelIndex &index) const
{
    return QString::fromStdString(KeyPath::fromSegments(pathOf(index)).toDotted());
}

std::optional<Json> SettingsTreeModel::valueOf(const QModelIndex &index) const
{
    if (index.isValid() && index.model() != this)
        return std::nullopt;
    return nodeOf(index)->toJson();
}

const EditorSpec &SettingsTreeModel::specOf(const QModelIndex &index) const
{
    const SettingsNode *node = nodeOf(index);
    if (!node->spec || node->specGeneration != m_schemaGeneration) {
        node->spec = std::make_unique<EditorSpec>(m_schema.specFor(node->path()));
        node->specGeneration = m_schemaGeneration;
    }
    return *node->spec;
}

QString SettingsTreeModel::problemOf(const QModelIndex &index) const
{
    const SettingsNode *node = nodeOf(index);
    if (node == m_root.get() || m_schema.compiled().isNull())
        return {};
    if (node->problemGeneration == m_checkGeneration)
        return node->problem;
    // The row's own value only: what breaks further down is its children's.
    const KeyPath path = KeyPath::fromSegments(node->path());
    const std::string pointer = path.toPointer();
    SchemaViolations own;
    for (auto &v : violationsAt(m_schema.compiled(), document(), path)) {
        if (v.pointer == pointer)
            own.push_back(std::move(v));
    }
    node->problem = problemWords(own, path);
    node->problemGeneration = m_checkGeneration;
    return node->problem;
}

Result<ValueCheck> SettingsTreeModel::checkValue(const KeyPath &path, const Json &value) const
{
    // An edit asks several times about one value (as it is typed, when it
    // is committed, when the panel shows it): one answer per document.
    if (m_lastCheck && m_lastCheck->generation == m_checkGeneration && m_lastCheck->path == path &&
        m_lastCheck->value == value)
        return m_lastCheck->result;
    // Checked in the window's own copy of the document, which is put back
    // as it was: no copy of a large file per check.
    document();
    auto result = tad::checkValueInPlace(m_schema.compiled(), m_document, path, value);
    m_lastCheck = LastCheck{m_checkGeneration, path, value, result};
    return result;
}

std::function<Result<ValueCheck>(const Json &)>
SettingsTreeModel::checkFor(const KeyPath &path) const
{
    return [model = QPointer<const SettingsTreeModel>(this), path](const Json &value) {
        if (!model)
            return Result<ValueCheck>(ValueCheck());
        return model->checkValue(path, value);
    };
}

const Json &SettingsTreeModel::document() const
{
    if (m_documentGeneration != m_checkGeneration) {
        m_document = m_root->toJson();
        m_documentGeneration = m_checkGeneration;
    }
    return m_document;
}

int SettingsTreeModel::stateOf(const QModelIndex &index) const
{
    const SettingsNode *node = nodeOf(index);
    int state = NoState;
    const auto path = node->path();
    const qint64 now = m_clock.elapsed();
    for (const auto &h : m_highlights) {
        if (now - h.since < m_highlightMs &&
            (startsWith(h.segments, path) || startsWith(path, h.segments)))
            state |= ChangedExternally;
    }
    const EditorSpec &spec = specOf(index);
    if (!spec.known)
        return state;
    if (!problemOf(index).isEmpty())
        state |= Invalid;
    if (spec.defaultValue && (!node->isContainer() || node->children.size() <= kStateCheckLimit))
        state |= jsEqual(*spec.defaultValue, node->toJson()) ? AtDefault : Modified;
    return state;
}

QStringList SettingsTreeModel::stateWords(int state)
{
    QStringList words;
    if (state & Invalid)
        words << tr("invalid");
    if (state & ChangedExternally)
        words << tr("changed externally");
    if (state & Modified)
        words << tr("modified");
    if (state & AtDefault)
        words << tr("default");
    return words;
}

QStringList SettingsTreeModel::stateTexts()
{
    QStringList texts;
    for (int state : {Invalid, ChangedExternally, Modified, AtDefault})
        texts << stateWords(state);
    return texts;
}

void SettingsTreeModel::setRevealed(const QModelIndex &index, bool revealed)
{
    const QString key = keyOf(index);
    if (revealed)
        m_revealed.insert(key);
    else
        m_revealed.remove(key);
    emitRowChanged(nodeOf(index));
}

bool SettingsTreeModel::isRevealed(const QModelIndex &index) const
{
    return m_revealed.contains(keyOf(index));
}

QModelIndex SettingsTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 ||
        (parent.isValid() && parent.column() != 0))
        return {};
    const SettingsNode *p = nodeOf(parent);
    if (size_t(row) >= p->children.size())
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex SettingsTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int SettingsTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int SettingsTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool SettingsTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString SettingsTreeModel::summaryName(const SettingsNode *node) const
{
    for (const char *member : {"name", "title", "label", "displayName"}) {
        const SettingsNode *child = node->child(member);
        if (child && child->kind == Json::value_t::string) {
            const QString text = displayText(child->scalar, 60);
            if (!text.trimmed().isEmpty())
                return text;
        }
    }
    return {};
}

QVariant SettingsTreeModel::valueCell(const SettingsNode *node, const EditorSpec &spec,
                                      int role) const
{
    if (node->kind == Json::value_t::boolean) {
        if (role == Qt::CheckStateRole)
            return node->scalar.get<bool>() ? Qt::Checked : Qt::Unchecked;
        return node->scalar.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    }
    if (role != Qt::DisplayRole)
        return {};
    if (node->isContainer()) {
        const size_t n = node->children.size();
        if (node->kind == Json::value_t::object) {
            const QString count = counted(qint64(n), tr("%1 key"), tr("%1 keys"));
            // An entry with a name says it ("Work"), as a person calls it;
            // a secret's members stay hidden, its name too.
            const QString name = spec.secret ? QString() : summaryName(node);
            return name.isEmpty()
                       ? QStringLiteral("{%1}").arg(count)
                       : tr("%1  (%2)", "an entry's name, then its key count").arg(name, count);
        }
        if (spec.secret) // an array under or of a secret shows no item
            return displayText(maskedValue(node->toJson()));
        return displayText(n <= kStateCheckLimit ? node->toJson() : Json::array());
    }
    const QString title = spec.enumTitle(node->scalar);
    if (!title.isEmpty())
        return title;
    if (spec.secret && !m_revealed.contains(
                           QString::fromStdString(KeyPath::fromSegments(node->path()).toDotted())))
        return displayText(maskedValue(node->scalar), 200);
    return displayText(node->scalar, 200);
}

QVariant SettingsTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const SettingsNode *node = nodeOf(index);
    switch (role) {
    case KeyPathRole:
        return keyOf(index);
    case JsonTextRole:
        return QString::fromStdString(compactJson(node->toJson()));
    case StateRole:
        return stateOf(index);
    case SearchTextRole: {
        const EditorSpec &spec = specOf(index);
        QString text = QString::fromStdString(node->key) + QLatin1Char('\n') + spec.title +
                       QLatin1Char('\n') + spec.description;
        if (!node->isContainer() && !spec.secret)
            text += QLatin1Char('\n') + displayText(node->scalar, 100000) + QLatin1Char('\n') +
                    spec.enumTitle(node->scalar);
        return text;
    }
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole || role == Qt::CheckStateRole || role == Qt::EditRole) {
        if (column == KeyColumn && role == Qt::DisplayRole) {
            if (node->parent && node->parent->kind == Json::value_t::array)
                return QStringLiteral("[%1]").arg(QString::fromStdString(node->key));
            return QString::fromStdString(node->key);
        }
        if (column == ValueColumn && role == Qt::EditRole)
            return QString::fromStdString(compactJson(node->toJson()));
        if (column == ValueColumn)
            return valueCell(node, specOf(index), role);
        if (column == TypeColumn && role == Qt::DisplayRole) {
            const EditorSpec &spec = specOf(index);
            QString type = spec.types.join(QLatin1Char('|'));
            if (type.isEmpty()) {
                type = node->kind == Json::value_t::object  ? QStringLiteral("object")
                       : node->kind == Json::value_t::array ? QStringLiteral("array")
                                                            : jsonTypeName(node->scalar);
            }
            if (!spec.enumOptions.empty())
                type = tr("choice");
            if (spec.secret)
                type += QLatin1Char(' ') + tr("(secret)");
            else if (!spec.format.isEmpty())
                type += QStringLiteral(" (%1)").arg(spec.format);
            return type;
        }
        // The most pressing state in one word; the tooltip has them all.
        if (column == StateColumn && role == Qt::DisplayRole)
            return stateWords(stateOf(index)).value(0);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        const EditorSpec &spec = specOf(index);
        QString tip = keyOf(index);
        if (!spec.description.isEmpty())
            tip += QStringLiteral("\n") + spec.description;
        const QString problem = problemOf(index);
        if (!problem.isEmpty())
            tip += QLatin1Char('\n') + tr("Problem: %1").arg(problem);
        if (column == StateColumn) {
            const QStringList words = stateWords(stateOf(index));
            if (!words.isEmpty())
                tip += QLatin1Char('\n') + tr("State: %1").arg(words.join(QStringLiteral(", ")));
        }
        return tip;
    }
    if (role == Qt::BackgroundRole) {
        if (stateOf(index) & ChangedExternally)
            return ThemeColors::background(QGuiApplication::palette(), ThemeColors::Neutral);
        return {};
    }
    if (role == Qt::ForegroundRole && (column == ValueColumn || column == StateColumn)) {
        if (stateOf(index) & Invalid)
            return ThemeColors::text(QGuiApplication::palette(), ThemeColors::Negative);
        return {};
    }
    if (role == Qt::FontRole && column == KeyColumn && (stateOf(index) & Modified)) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::AccessibleTextRole && column == ValueColumn)
        return valueCell(node, specOf(index), Qt::DisplayRole);
    if (role == Qt::AccessibleTextRole && column == StateColumn)
        return stateWords(stateOf(index)).join(QStringLiteral(", "));
    return {};
}

bool SettingsTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != ValueColumn || specOf(index).readOnly)
        return false;
    const SettingsNode *node = nodeOf(index);
    if (role == Qt::CheckStateRole && node->kind == Json::value_t::boolean) {
        Q_EMIT editRequested(keyOf(index), Json(value.toInt() == Qt::Checked));
        return true;
    }
    if (role == Qt::EditRole || role == JsonTextRole) {
        const QByteArray text = value.toString().toUtf8();
        auto parsed = parseValue(std::string_view(text.constData(), size_t(text.size())));
        if (!parsed)
            return false;
        Q_EMIT editRequested(keyOf(index), parsed.value());
        return true;
    }
    return false;
}

Qt::ItemFlags SettingsTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == ValueColumn && !specOf(index).readOnly) {
        f |= Qt::ItemIsEditable;
        if (nodeOf(index)->kind == Json::value_t::boolean)
            f |= Qt::ItemIsUserCheckable;
    }
    return f;
}

QVariant SettingsTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace tad
