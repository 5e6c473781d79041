// The diff viewer: the structural list of operations (kind shown by colour
// and by a symbol, old -> new, schema notes) beside a side-by-side text view
// of both sides, pretty-printed, with the changed lines marked. Operations
// can be checked to revert just those (the owner does the rollback and
// reports back) and the patch can be exported as RFC 6902 JSON.
#pragma once

#include "DiffData.h"
#include "JsonTextPane.h"

#include <QList>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace tad {

class DiffView : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        KindColumn,
        KeyColumn,
        OldColumn,
        NewColumn,
        NoteColumn
    };

    explicit DiffView(QWidget *parent = nullptr);

    void setSchema(Schema schema) { m_schema = std::move(schema); }
    // Shows prepared data (see DiffData.h; prepare it on a worker).
    void showDiff(DiffData data);
    // While the owner prepares a diff: a busy page instead of stale content.
    void showBusy(const QString &what);
    void clear(const QString &emptyText = {});
    const DiffData &data() const { return m_data; }

    // Check boxes and "Revert selected" (history entries).
    void setRevertEnabled(bool enabled, const QString &buttonText = {});
    // Check boxes only (e.g. "restore chosen keys").
    void setCheckable(bool checkable);
    QList<int> checkedOperations() const; // patch indices
    QStringList checkedKeys() const;
    // A line above the list: the outcome of the last revert, refusals included.
    void showMessage(const QString &text, bool error);
    QString message() const;

    bool exportPatch(const QString &path, QString *error = nullptr) const;
    // Where "Export patch" writes; tests replace the file dialog.
    void setExportPathAsker(std::function<QString()> asker) { m_askExportPath = std::move(asker); }

    QTreeWidget *operationsList() const { return m_list; }
    JsonTextPane *beforeText() const { return m_before; }
    JsonTextPane *afterText() const { return m_after; }

Q_SIGNALS:
    void revertRequested(const QList<int> &patchIndices);
    // A change's check box was ticked or cleared.
    void checkedChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillList();
    void applyColours();
    void onCurrentOperation();
    void updateButtons();

    Schema m_schema;
    DiffData m_data;
    bool m_checkable = false;
    bool m_revert = false;
    QStackedWidget *m_pages;
    QLabel *m_emptyLabel;
    QLabel *m_busyLabel;
    QLabel *m_summary;
    QLabel *m_message;
    QTreeWidget *m_list;
    QLabel *m_beforeTitle;
    QLabel *m_afterTitle;
    JsonTextPane *m_before;
    JsonTextPane *m_after;
    QPushButton *m_revertButton;
    QPushButton *m_exportButton;
    std::function<QString()> m_askExportPath;
};

} // namespace tad
