// The whole settings file as a tree: key, value, type and state columns.
//
// The model mirrors the store's document. Changes arrive as the store's
// change events and are applied in place (dataChanged, rowsInserted,
// rowsRemoved for the touched keys only), so a change made by the Electron
// app keeps the views' selection, expansion and scroll position. Edits made
// in a view are not applied here: they leave as editRequested() and come
// back as change events once the store has written them.
#pragma once

#include "SchemaHints.h"
#include "SettingsNode.h"
#include "schema/ValueCheck.h"
#include "store/ChangeEvent.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <optional>

namespace tad {

class SettingsTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        KeyColumn,
        ValueColumn,
        TypeColumn,
        StateColumn,
        ColumnCount
    };
    enum Role
    {
        KeyPathRole = Qt::UserRole + 1, // dotted key (QString)
        JsonTextRole,                   // the value as compact JSON (QString)
        StateRole,                      // StateFlags (int)
        SearchTextRole,                 // key, value, title and description for find
    };
    enum StateFlag
    {
        NoState = 0,
        AtDefault = 1,
        Modified = 2,
        Invalid = 4,
        ChangedExternally = 8,
    };

    explicit SettingsTreeModel(QObject *parent = nullptr);
    ~SettingsTreeModel() override;

    // Takes a whole new document (opening a file); the only model reset.
    void resetDocument(std::unique_ptr<SettingsNode> root);
    void resetDocument(const Json &document);
    void setSchema(SchemaHints hints);
    const SchemaHints &schema() const { return m_schema; }

    // One store change event; external ones are highlighted for a while.
    void applyChange(const ChangeEvent &event);
    // Puts `value` at `segments` (nullopt removes it); parents must exist.
    bool syncValue(const std::vector<std::string> &segments, const std::optional<Json> &value,
                   bool external);

    QModelIndex indexForPath(const std::vector<std::string> &segments, int column = 0) const;
    QModelIndex indexForKey(const QString &dottedKey, int column = 0) const;
    std::vector<std::string> pathOf(const QModelIndex &index) const;
    QString keyOf(const QModelIndex &index) const;
    std::optional<Json> valueOf(const QModelIndex &index) const;
    const EditorSpec &specOf(const QModelIndex &index) const;
    int stateOf(const QModelIndex &index) const;
    // What the schema finds wrong with the value itself ("" when nothing):
    // the core's violations at its key, said by ViolationWords.
    QString problemOf(const QModelIndex &index) const;
    // The words for the states in `state`, the most pressing first
    // (invalid, changed externally, modified, default). The State column
    // shows the first; its tooltip and accessible text all of them.
    static QStringList stateWords(int state);
    // Every text the State column can show, to size it.
    static QStringList stateTexts();
    // The core's verdict on writing `value` at `path` into the document
    // this model holds (the store's, as last reported): the schema guard's.
    Result<ValueCheck> checkValue(const KeyPath &path, const Json &value) const;
    // checkValue for one key, for an editor to ask as the user types; safe
    // to call after the model is gone (it then finds nothing wrong).
    std::function<Result<ValueCheck>(const Json &)> checkFor(const KeyPath &path) const;
    // The whole document, rebuilt from the tree after a change.
    const Json &document() const;
    size_t nodeCount() const { return m_root ? m_root->nodeCount() : 0; }
    // Whether the tree holds more than `limit` nodes, without counting them all.
    bool isLargerThan(size_t limit) const
    {
        return m_root && m_root->nodeCountUpTo(limit + 1) > limit;
    }

    void setRevealed(const QModelIndex &index, bool revealed);
    bool isRevealed(const QModelIndex &index) const;
    void setHighlightDuration(int ms) { m_highlightMs = ms; }
    qint64 lastExternalChangeMs() const { return m_lastExternalChangeMs; }

    // QAbstractItemModel
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    // A view asks for a new value; the owner decides whether to write it.
    void editRequested(const QString &key, const tad::Json &value);
    // A change event reached a key whose parent the model does not hold;
    // the owner should send the value at `segments` (see syncValue).
    void resyncNeeded(const QStringList &segments);
    void externalChangeApplied(const QString &key);

private:
    SettingsNode *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const SettingsNode *node, int column = 0) const;
    SettingsNode *findNode(const std::vector<std::string> &segments) const;
    void syncNode(SettingsNode *node, const Json &value);
    void syncObject(SettingsNode *node, const Json &value);
    void syncArray(SettingsNode *node, const Json &value);
    void removeChildren(SettingsNode *node, int first, int last);
    void insertChildren(SettingsNode *node, int position,
                        std::vector<std::unique_ptr<SettingsNode>> nodes);
    void emitRowChanged(const SettingsNode *node);
    void markExternal(const std::vector<std::string> &segments);
    void expireHighlights();
    // The name or title an object entry holds ("Work"), or "".
    QString summaryName(const SettingsNode *node) const;
    QVariant valueCell(const SettingsNode *node, const EditorSpec &spec, int role) const;

    std::unique_ptr<SettingsNode> m_root;
    SchemaHints m_schema;
    int m_schemaGeneration = 0;
    // Counts changes of the document or the schema: cached problems and
    // the rebuilt document are as new as it says.
    int m_checkGeneration = 0;
    mutable Json m_document;
    mutable int m_documentGeneration = -1;
    struct LastCheck
    {
        int generation = 0;
        KeyPath path;
        Json value;
        Result<ValueCheck> result;
    };
    mutable std::optional<LastCheck> m_lastCheck;
    QSet<QString> m_revealed;
    struct Highlight
    {
        std::vector<std::string> segments;
        qint64 since;
    };
    std::vector<Highlight> m_highlights;
    QElapsedTimer m_clock;
    QTimer m_highlightTimer;
    int m_highlightMs = 2500;
    qint64 m_lastExternalChangeMs = 0;
};

} // namespace tad
