// The panel beside the tree: what the selected key is, what it may hold,
// and the editor the schema calls for. Good values leave as editRequested()
// (after a short pause while typing); bad ones stay here with a message.
// When the key changes on disk while the user is editing it, a bar offers
// to keep the user's value or take the file's.
#pragma once

#include "settings/EditorSpec.h"

#include <QTimer>
#include <QWidget>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QFrame;
class QVBoxLayout;

namespace tad {

class ValueEditor;

class EditorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EditorPanel(QWidget *parent = nullptr);

    // Shows a key; `value` is nullopt for a key that is not in the file.
    void showKey(const QString &key, const EditorSpec &spec, const std::optional<Json> &value);
    void clear();
    const QString &key() const { return m_key; }
    // The key's value changed; `external` when another program wrote it.
    void valueChanged(const std::optional<Json> &value, bool external);

    bool isConflictShown() const;
    ValueEditor *editor() const { return m_editor; }
    QString message() const;
    void setTypingPause(int ms) { m_typingPause.setInterval(ms); }
    // Writes a pending typed value now (before undo, on closing).
    void flushPending();

Q_SIGNALS:
    void editRequested(const QString &key, const tad::Json &value, bool mergeable);
    void resetRequested(const QString &key);

private:
    void rebuildEditor(const std::optional<Json> &value);
    void onEdited();
    void commit();
    void showValue(const std::optional<Json> &value);
    void keepMine();
    void takeTheirs();

    QString m_key;
    EditorSpec m_spec;
    std::optional<Json> m_fileValue;
    bool m_userEdited = false;
    bool m_pending = false;
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
    QLabel *m_conflictText;
    QVBoxLayout *m_editorSlot;
    ValueEditor *m_editor = nullptr;
    QTimer m_typingPause;
};

} // namespace tad
