// The main window: the settings tree with find, the editor panel, the
// problems list and a status bar. It owns the store session and turns the
// user's edits into undoable steps written through the store.
#pragma once

#include "Result.h"
#include "app/Recovery.h"
#include "editors/ValueEditor.h"
#include "history/DiffData.h"
#include "settings/SchemaHints.h"
#include "store/ChangeEvent.h"

#include <QMainWindow>
#include <QTimer>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QStackedWidget;
class QTreeView;
class QUndoStack;
class QAction;

namespace tad {

class BrokenFilePage;
class ElidedLabel;
class EditorPanel;
class FileActions;
class HistoryPanels;
class MessageBar;
class PanelDocks;
class SettingsFilterModel;
class SettingsFind;
class SettingsTreeModel;
class StoreSession;
struct OpenOutcome;

struct MainWindowOptions
{
    QString configPath;
    QString schemaPath;        // empty: the bundled schema, if any
    QString notice;            // shown above the tree (e.g. "this is a demo copy")
    bool demo = false;         // the bundled demo copy: offers to open a real file
    bool rememberState = true; // window geometry in QSettings
};

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(MainWindowOptions options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads the file (on the worker); ready() or brokenFileShown() follows.
    void open();
    bool isReady() const { return m_ready; }
    const QString &configPath() const { return m_options.configPath; }
    bool isDemo() const { return m_options.demo; }

    SettingsTreeModel *model() const { return m_model; }
    SettingsFilterModel *filterModel() const { return m_filter; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *findBox() const { return m_find; }
    EditorPanel *panel() const { return m_panel; }
    QUndoStack *undoStack() const { return m_undo; }
    StoreSession *session() const { return m_session; }
    BrokenFilePage *brokenPage() const { return m_broken; }
    QListWidget *problemsList() const { return m_problems; }
    // Backups, history, migrations, inspector and problems, tabbed under the tree.
    PanelDocks *docks() const { return m_docks; }
    SettingsFind *find() const { return m_findBar; }
    // What the last restore, rollback, migration or recovery did, or why not.
    MessageBar *messageBar() const { return m_messages; }
    // Backups, history, migrations and inspector.
    HistoryPanels *historyPanels() const { return m_historyPanels; }
    QString statusError() const;
    // Selects (and scrolls to) a key; clears the find box if it hides the key.
    bool selectKey(const QString &key);
    // The key the undo step at `index` changes ("" for none).
    QString stepKey(int index) const;
    void selectChangedKey(const QString &key);

Q_SIGNALS:
    void ready();
    // File > Open, Open Recent, a dropped file, the demo notice's Open button.
    void openFileRequested(const QString &path);
    void brokenFileShown();
    // Every batch of store changes after the model has taken it.
    void changesApplied();

protected:
    void closeEvent(QCloseEvent *event) override;
    // The keyboard paths: Enter or F2 in the tree to edit the value in
    // place, Tab to the panel's field (the find box has its own, see SettingsFind).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildActions();
    void buildStatusBar();
    void buildHelpMenu();
    void onOpened(const OpenOutcome &outcome);
    void onChanges(const QList<ChangeEvent> &events);
    void onFileBroken(const Error &error, const QByteArray &rawBytes);
    void onFileRepaired();
    // With the settings page shown again (opened, reloaded, repaired): the
    // tree takes the focus unless a panel or the page itself holds it.
    void focusTreeUnlessInUse(QWidget *focusBefore);
    void onSelectionChanged();
    void requestEdit(const QString &key, const Json &value);
    void requestReset(const QString &key);
    bool confirmRemoval(const std::optional<Json> &before, const std::optional<Json> &after,
                        const QString &question, const QString &verb);
    void pushEdit(const KeyPath &path, const QString &key, std::optional<Json> before,
                  std::optional<Json> after, bool reset, bool chained);
    void showRefusal(const QString &key, const QString &message,
                     const std::optional<Json> &wanted = std::nullopt);
    Result<KeyPath> pathForKey(const QString &key) const;
    void showError(const QString &message);
    void updateProblems();
    void restoreNewestBackup();
    void previewRecovery(const Result<RecoveryPlan> &plan, DiffData diff);
    void copyKeyPath();
    void copyValue();
    void toggleReveal();
    void fitTreeColumns();
    void placeSplitOnce();
    void showProblemsDock(bool problems);
    bool editCurrentValue();
    bool toggleCurrentCheck();
    QString currentKey() const;

    MainWindowOptions m_options;
    SchemaHints m_schema;
    StoreSession *m_session;
    SettingsTreeModel *m_model;
    SettingsFilterModel *m_filter;
    QUndoStack *m_undo;
    QStackedWidget *m_pages;
    MessageBar *m_messages;
    QTreeView *m_tree;
    QLineEdit *m_find;
    SettingsFind *m_findBar;
    PanelDocks *m_docks = nullptr;
    EditorPanel *m_panel;
    BrokenFilePage *m_broken;
    QListWidget *m_problems;
    HistoryPanels *m_historyPanels = nullptr;
    FileActions *m_fileActions = nullptr;
    QAction *m_revealAction = nullptr;
    QLabel *m_notice;
    QLabel *m_pathLabel;
    QLabel *m_watchLabel;
    QLabel *m_externalLabel;
    ElidedLabel *m_errorLabel;
    QProgressBar *m_progress;
    QTimer m_progressDelay;
    QTimer m_problemsDelay;
    bool m_ready = false;
    bool m_hadProblems = false;
    bool m_splitPlaced = false; // the tree's share set at the first show (or restored)
    bool m_closing = false;     // in the destructor: nothing is asked any more
};

} // namespace tad
