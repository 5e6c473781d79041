// The panel beside the tree: what the selected key is, what it may hold,
// and the editor the schema calls for. A value leaves as editRequested()
// when the person commits it (see ValueEditor); a bad one stays in the
// field with a message under it and is not written. When the key changes
// on disk while the user is editing it, or a write of it is refused because
// it did, a bar offers to keep the user's value or take the file's.
#pragma once

#include "ValueEditor.h"
#include "settings/EditorSpec.h"

#include <QPointer>
#include <QWidget>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QFrame;
class QVBoxLayout;

namespace tad {

class ElidedLabel;
class ValueEditor;

class EditorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EditorPanel(QWidget *parent = nullptr);

    // Shows a key; `value` is nullopt for a key that is not in the file.
    // `check` answers whether a value may be written at `path` (the core's
    // verdict); without one every value is taken.
    void showKey(const QString &key, const EditorSpec &spec, const std::optional<Json> &value,
                 const KeyPath &path = {}, ValueEditor::Check check = {});
    void clear();
    const QString &key() const { return m_key; }
    // The key's value changed; `external` when another program wrote it.
    void valueChanged(const std::optional<Json> &value, bool external);

    bool isConflictShown() const;
    // Whether the shown key has a default it does not hold yet.
    bool canReset() const;
    ValueEditor *editor() const { return m_editor; }
    QString message() const;
    // Why a write of the shown key was not made, under the editor. With
    // `mine`, the bar offers to apply it again over the file's value.
    void showRefusal(const QString &message, const std::optional<Json> &mine = std::nullopt);
    // Another program wrote `theirs` over the shown key right after our
    // write of `ours` (the store's verdict): the field shows theirs, as the
    // file does, and the bar offers Keep mine / Take theirs.
    void showOverwritten(const std::optional<Json> &theirs, const Json &ours);
    // Takes down a bar about a write of ours that no longer applies (the
    // file was replaced), as Take theirs would: the field shows the file's
    // value. A bar about typing not yet written stays for the person.
    void dismissConflict();
    // While the file cannot be read nothing is handed over: a commit (Enter,
    // or the focus leaving as the window shows the broken file) keeps the
    // typing in the field, said under it, to be written once the file reads.
    void setWritable(bool writable);
    // A secret's field shows its value, or masks it again (Ctrl+R in the
    // tree, for the key the panel shows).
    void setRevealed(bool revealed);
    // Writes a typed value that was not committed yet (on closing).
    void flushPending();
    // Gives up what the editor holds: the file's value again.
    void revert();
    // The widget Tab leaves for the editor (the tree): each new editor
    // comes right after it, and the panel's buttons after the editor, so
    // Tab goes on through the rest of the window instead of back.
    void setTabPredecessor(QWidget *widget) { m_tabPredecessor = widget; }

Q_SIGNALS:
    void editRequested(const QString &key, const tad::Json &value);
    void resetRequested(const QString &key);
    // Whether the shown key can be reset (it has a default it does not hold).
    void resetAvailable(bool available);

protected:
    // Ctrl+Z in a field undoes its typing while there is typing to undo;
    // once the field holds what was written, it is the window's Undo.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuildEditor(const std::optional<Json> &value);
    // The editor holds what the file holds, or what is on its way to it.
    bool holdsWrittenValue() const;
    void onEdited();
    void commit();
    void showValue(const std::optional<Json> &value);
    QString shownText(const Json &value) const;
    void keepMine();
    void takeTheirs();

    // Why `value` is not written, "" when it may be.
    QString refusal(const Json &value) const;

    QString m_key;
    KeyPath m_path;
    ValueEditor::Check m_check;
    EditorSpec m_spec;
    std::optional<Json> m_fileValue;
    bool m_userEdited = false;
    bool m_writable = true;
    std::optional<Json> m_mine;   // offered by the bar's "Keep mine"
    std::vector<Json> m_inFlight; // written by us, change event not seen yet

    QLabel *m_title;
    QLabel *m_keyLabel;
    QLabel *m_description;
    QLabel *m_type;
    QLabel *m_default;
    QLabel *m_current;
    QLabel *m_message;
    QPushButton *m_reset;
    QFrame *m_conflictBar;
    ElidedLabel *m_conflictText;
    QVBoxLayout *m_editorSlot;
    QPushButton *m_keepMine;
    QPushButton *m_takeTheirs;
    ValueEditor *m_editor = nullptr;
    QPointer<QWidget> m_tabPredecessor;
};

} // namespace tad
