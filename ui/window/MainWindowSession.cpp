// MainWindow's dealings with the store: opening, following changes, and
// turning edits into undo steps.
#include "BrokenFilePage.h"
#include "DialogRunner.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "PanelDocks.h"
#include "app/RemovedEntries.h"
#include "common/ChangeWords.h"
#include "common/ElidedLabel.h"
#include "editors/EditorPanel.h"
#include "history/HistoryPanels.h"
#include "history/RestorePreview.h"
#include "schema/SecretMask.h"
#include "session/HistoryActions.h"
#include "session/SetValueCommand.h"
#include "session/StoreSession.h"
#include "settings/SettingsFilterModel.h"
#include "settings/SettingsTreeModel.h"
#include "settings/ViolationWords.h"

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QStackedWidget>
#include <QTreeView>
#include <QUndoStack>

namespace tad {

namespace {

// Trees up to this many nodes open with their first level expanded and get
// the problems list computed in full.
constexpr size_t kSmallTree = 20000;

} // namespace

void MainWindow::open()
{
    m_ready = false;
    m_session->open();
}

void MainWindow::onOpened(const OpenOutcome &outcome)
{
    if (!outcome.ok) {
        onFileBroken(outcome.error, outcome.rawBytes);
        return;
    }
    // The tree was built on the worker; take it over without copying.
    auto owned = std::make_unique<SettingsNode>();
    if (outcome.tree) {
        *owned = std::move(*outcome.tree);
        for (auto &child : owned->children)
            child->parent = owned.get();
    }
    m_model->resetDocument(std::move(owned));
    QWidget *focus = QApplication::focusWidget();
    m_pages->setCurrentIndex(1);
    placeSplitOnce();
    m_panel->setWritable(true);
    // Opened as it is now: an error from before (the file broken, then
    // recovered or repaired) no longer stands.
    m_errorLabel->setFullText(QString());
    if (!m_model->isLargerThan(kSmallTree))
        m_tree->expandToDepth(0);
    for (const auto &warning : outcome.warnings)
        showError(warning.toString());
    focusTreeUnlessInUse(focus);
    m_ready = true;
    m_problemsDelay.start();
    Q_EMIT ready();
}

// The file does not parse (on opening, or later while we follow it). The
// store keeps the last good version and writes nothing until the file
// parses again; the page says why and offers the newest valid backup.
void MainWindow::onFileBroken(const Error &error, const QByteArray &rawBytes)
{
    m_ready = false;
    // Before the page takes the focus from a field: typing is kept, not sent.
    m_panel->setWritable(false);
    // The same bytes again (the watcher after opening, or Reload): the offer
    // on screen stands while the core looks again, so a click is never lost.
    if (m_broken->showError(error, rawBytes) || m_pages->currentWidget() != m_broken)
        m_broken->setBackupAvailable(false, tr("Looking for a backup to recover from..."));
    // The core chooses the backup (hash, schema and pins checked), on the
    // store's worker: a large backup is never read on this thread.
    QPointer<MainWindow> self(this);
    m_session->runOnFile([self](SettingsFile &file) {
        auto plan = file.planRecovery();
        // The backup by its time and reason; its file name in words is no help.
        const QString name =
            plan ? ChangeWords::backup(plan->backup.info, QDateTime::currentDateTimeUtc())
                 : QString();
        const QString why = plan ? QString() : plan.error().message;
        QMetaObject::invokeMethod(
            self.data(),
            [self, name, why] {
                if (!self)
                    return;
                self->m_broken->setBackupAvailable(
                    !name.isEmpty(), name.isEmpty() ? tr("No backup to recover from: %1").arg(why)
                                                    : tr("Newest valid backup: %1").arg(name));
            },
            Qt::QueuedConnection);
    });
    // On breaking, the page says what is wrong; a message about an earlier
    // action (and its Undo) no longer applies to the file. The same broken
    // file reported again keeps what was said since (a cancelled recovery).
    if (m_pages->currentWidget() != m_broken)
        m_messages->dismiss();
    // The focus goes to the page's way out, from a field or the tree about
    // to be hidden (Qt would pass it on to whatever comes next), or from
    // nowhere in particular on opening. A panel's focus, or the page's own
    // (the raw text being read), stays.
    QWidget *focus = QApplication::focusWidget();
    const bool focusStays = (focus && m_broken->isAncestorOf(focus)) || m_docks->holds(focus);
    m_pages->setCurrentWidget(m_broken);
    if (!focusStays)
        m_broken->takeFocus();
    showProblemsDock(false);
    connect(m_broken, &BrokenFilePage::restoreBackupRequested, this,
            &MainWindow::restoreNewestBackup, Qt::UniqueConnection);
    connect(m_broken, &BrokenFilePage::reloadRequested, this, &MainWindow::open,
            Qt::UniqueConnection);
    showError(error.toString());
    Q_EMIT brokenFileShown();
}

void MainWindow::focusTreeUnlessInUse(QWidget *focusBefore)
{
    const bool inUse = (focusBefore && m_pages->widget(1)->isAncestorOf(focusBefore)) ||
                       m_docks->holds(focusBefore);
    if (inUse)
        return;
    // Nothing is selected for the person: the first Down reaches the first key.
    m_tree->setFocus(Qt::OtherFocusReason);
}

// The file parses again after breaking while open; its changes arrive as
// ordinary change events.
void MainWindow::onFileRepaired()
{
    if (m_pages->currentWidget() != m_broken)
        return;
    QWidget *focus = QApplication::focusWidget();
    m_pages->setCurrentIndex(1);
    placeSplitOnce();
    m_panel->setWritable(true);
    focusTreeUnlessInUse(focus);
    m_errorLabel->setFullText(QString()); // clear() would lay the bar out again
    // A write refused while the file was broken offered to be made again
    // over "the file's value": there was none then, and the file is new now.
    m_panel->dismissConflict();
    if (m_messages->isHidden()) // a recovery of ours says what it did itself
        m_messages->showMessage(tr("The settings file can be read again; the tree shows it as "
                                   "it is now."),
                                false);
    m_problemsDelay.start();
    m_ready = true;
    Q_EMIT ready();
}

void MainWindow::onChanges(const QList<ChangeEvent> &events)
{
    const QString panelKey = m_panel->key();
    bool touchesPanel = false;
    bool external = false;
    for (const auto &event : events) {
        m_model->applyChange(event);
        const QString key = QString::fromStdString(event.key);
        if (!panelKey.isEmpty() &&
            (key == panelKey || panelKey.startsWith(key + QLatin1Char('.')) ||
             key.startsWith(panelKey + QLatin1Char('.')))) {
            touchesPanel = true;
            external = external || event.source == ChangeSource::External;
        }
    }
    if (touchesPanel) {
        const QModelIndex index = m_model->indexForKey(panelKey);
        m_panel->valueChanged(index.isValid() ? m_model->valueOf(index) : std::nullopt, external);
    }
    m_problemsDelay.start();
    Q_EMIT changesApplied();
}

void MainWindow::onSelectionChanged()
{
    const QModelIndex current = m_filter->mapToSource(m_tree->currentIndex());
    if (!current.isValid()) {
        m_panel->clear();
        m_revealAction->setEnabled(false);
        return;
    }
    m_revealAction->setEnabled(m_model->specOf(current).secret);
    const KeyPath path = KeyPath::fromSegments(m_model->pathOf(current));
    m_panel->showKey(m_model->keyOf(current), m_model->specOf(current), m_model->valueOf(current),
                     path, m_model->checkFor(path));
}

// A reset or a removal that takes away more than one entry is confirmed
// first, saying how many go (the rule is the core's).
bool MainWindow::confirmRemoval(const std::optional<Json> &before, const std::optional<Json> &after,
                                const QString &question, const QString &verb)
{
    const size_t removed =
        countRemovedEntries(before ? &*before : nullptr, after ? &*after : nullptr);
    if (!removalNeedsConfirmation(removed))
        return true;
    // A window going away asks nothing: a removal no one confirmed is not written.
    if (m_closing)
        return false;
    return confirm(this, question,
                   question + QLatin1Char('\n') +
                       tr("This removes %1 entries from the file.").arg(removed),
                   verb);
}

// The core's verdict on a value for `path`, as the editors ask it.
void MainWindow::requestEdit(const QString &key, const Json &value)
{
    const QModelIndex index = m_model->indexForKey(key);
    auto path = pathForKey(key);
    if (!path) {
        showRefusal(key, tr("%1 not changed: %2").arg(key, path.error().message));
        return;
    }
    const QString problem = refusalWords(m_model->checkValue(*path, value), *path);
    if (!problem.isEmpty()) {
        showRefusal(key, tr("%1 not changed: %2").arg(key, problem));
        return;
    }
    std::optional<Json> before;
    if (index.isValid())
        before = m_model->valueOf(index);
    // While our own write of the key is on its way the tree does not show
    // it yet: the edit builds on what that write leaves.
    const bool chained = m_session->isWriting(*path);
    if (!chained && before && jsEqual(*before, value))
        return;
    if (before && onlyRemovesEntries(*before, value) &&
        !confirmRemoval(before, value, tr("Remove entries from %1?").arg(key), tr("Remove"))) {
        if (m_panel->key() == key)
            m_panel->revert();
        return;
    }
    pushEdit(*path, key, std::move(before), value, false, chained);
}

void MainWindow::pushEdit(const KeyPath &path, const QString &key, std::optional<Json> before,
                          std::optional<Json> after, bool reset, bool chained)
{
    QPointer<MainWindow> self(this);
    // The step's text shows the value as the tree does: a secret's step
    // names its key alone, other values have the secrets in them masked.
    const QModelIndex index = m_model->indexForKey(key);
    const bool secret = index.isValid() && m_model->specOf(index).secret;
    std::optional<Json> shown;
    if (!secret && after)
        shown = maskSecrets(m_schema.compiled(), *after, path.segments());
    auto *command = new SetValueCommand(
        m_session, m_undo, path, key, std::move(before), std::move(after), reset, chained,
        [self, key](const KeyPath &, const Error &error, const std::optional<Json> &wanted) {
            if (self)
                self->showRefusal(key, error.message, wanted);
        });
    if (secret)
        command->setSecret();
    else if (shown)
        command->setShownValue(std::move(*shown));
    m_undo->push(command);
}

// Why a write of `key` was not made: under the editor (the key selected
// first), and in the status bar.
void MainWindow::showRefusal(const QString &key, const QString &message,
                             const std::optional<Json> &wanted)
{
    showError(message);
    if (m_panel->key() != key)
        selectKey(key);
    if (m_panel->key() == key)
        m_panel->showRefusal(message, wanted);
}

Result<KeyPath> MainWindow::pathForKey(const QString &key) const
{
    const QModelIndex index = m_model->indexForKey(key);
    if (index.isValid())
        return KeyPath::fromSegments(m_model->pathOf(index));
    return KeyPath::parse(key.toStdString());
}

void MainWindow::requestReset(const QString &key)
{
    const QModelIndex index = m_model->indexForKey(key);
    if (!index.isValid())
        return;
    const EditorSpec &spec = m_model->specOf(index);
    if (!spec.defaultValue) {
        showRefusal(key, tr("%1 has no default value to reset to").arg(key));
        return;
    }
    const std::optional<Json> before = m_model->valueOf(index);
    if (before && jsEqual(*before, *spec.defaultValue))
        return;
    auto path = pathForKey(key);
    if (!path)
        return;
    if (!confirmRemoval(before, spec.defaultValue, tr("Reset %1 to its default?").arg(key),
                        tr("Reset")))
        return;
    pushEdit(*path, key, before, *spec.defaultValue, /*reset=*/true, m_session->isWriting(*path));
    // The panel shows the default at once; the write echo confirms it.
    if (m_panel->key() == key)
        m_panel->showKey(key, spec, spec.defaultValue, *path, m_model->checkFor(*path));
}

void MainWindow::updateProblems()
{
    m_problems->clear();
    if (m_model->isLargerThan(kSmallTree)) {
        m_problems->addItem(
            tr("The file is large; type @invalid in the find box to list problems."));
        if (auto *dock = m_docks->dockOf(m_problems))
            dock->setWindowTitle(tr("Problems"));
        return;
    }
    std::vector<QModelIndex> stack{QModelIndex()};
    while (!stack.empty()) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        for (int row = m_model->rowCount(parent) - 1; row >= 0; --row)
            stack.push_back(m_model->index(row, 0, parent));
        if (!parent.isValid())
            continue;
        const QString problem = m_model->problemOf(parent);
        if (problem.isEmpty())
            continue;
        const QString key = m_model->keyOf(parent);
        auto *item = new QListWidgetItem(QStringLiteral("%1: %2").arg(key, problem), m_problems);
        item->setData(Qt::UserRole, key);
    }
    if (auto *dock = m_docks->dockOf(m_problems))
        dock->setWindowTitle(tr("Problems (%1)").arg(m_problems->count()));
    showProblemsDock(m_problems->count() > 0);
}

// The panel opens when problems appear and closes when the last one goes;
// in between it stays as the person left it (View > Problems).
void MainWindow::showProblemsDock(bool problems)
{
    QDockWidget *dock = m_docks->dockOf(m_problems);
    if (!dock || problems == m_hadProblems)
        return;
    m_hadProblems = problems;
    dock->setVisible(problems);
}

// The newest usable backup, previewed as a restore from the Backups dock
// is, then written back by the core (which keeps the broken bytes as its
// one `.bad-` copy and records the change as a recovery).
void MainWindow::restoreNewestBackup()
{
    QPointer<MainWindow> self(this);
    const Schema schema = m_schema.compiled();
    m_session->runOnFile([self, schema](SettingsFile &file) {
        auto plan = std::make_shared<Result<RecoveryPlan>>(file.planRecovery());
        auto diff = std::make_shared<DiffData>();
        if (*plan) {
            const RecoveryPlan &p = plan->value();
            const QString current =
                p.currentDocument ? tr("Current file") : tr("Current file (cannot be read)");
            *diff = diffDocuments(
                p.currentDocument.value_or(Json::object()), p.backup.document, schema, current,
                tr("After recovering from %1")
                    .arg(ChangeWords::backup(p.backup.info, QDateTime::currentDateTimeUtc())));
            // Not an empty document: say what is there. The broken text
            // itself is not shown, as it cannot be parsed to mask secrets.
            if (!p.currentDocument)
                diff->beforeText =
                    p.currentRead
                        ? tr("The file cannot be read: %1\nIts content is kept beside it, as "
                             "it is, when the recovery writes.")
                              .arg(p.problem.message)
                        : tr("There is no file.");
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, plan, diff] {
                if (self)
                    self->previewRecovery(*plan, std::move(*diff));
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::previewRecovery(const Result<RecoveryPlan> &plan, DiffData diff)
{
    if (!plan) {
        m_messages->showMessage(tr("Not recovered: %1").arg(plan.error().message), true);
        return;
    }
    const RecoveryPlan &p = plan.value();
    const QString backup = ChangeWords::backup(p.backup.info, QDateTime::currentDateTimeUtc());
    QString intro = tr("Recovering writes %1 in place of the file: exactly these changes. The "
                       "broken content is kept beside the file.")
                        .arg(backup);
    if (!p.skipped.isEmpty())
        intro +=
            QLatin1Char('\n') + tr("Passed over: %1").arg(p.skipped.join(QStringLiteral("; ")));
    const RestorePreviewChoice choice =
        runRestorePreview(this, tr("Recover from %1").arg(backup), intro, std::move(diff),
                          m_schema.compiled(), false);
    if (choice.kind == RestorePreviewChoice::Kind::Cancelled) {
        m_messages->showMessage(tr("Recovery cancelled; nothing was written."), false);
        return;
    }
    QPointer<MainWindow> self(this);
    m_historyPanels->actions()->recover(p, [self](Result<RecoveryOutcome> outcome) {
        if (!self || !outcome)
            return;
        // The file is a backup's now: the steps on the stack undid edits of
        // a version that is gone (each would be refused as changed since).
        self->m_undo->clear();
        self->m_panel->dismissConflict();
        self->open();
    });
}

} // namespace tad
