#include "MainWindow.h"

#include "AboutDialog.h"
#include "BrokenFilePage.h"
#include "DialogRunner.h"
#include "FileActions.h"
#include "MessageBar.h"
#include "PanelDocks.h"
#include "common/ElidedLabel.h"
#include "common/EnterPressesButtons.h"
#include "common/ThemeColors.h"
#include "common/ThemeIcons.h"
#include "editors/EditorPanel.h"
#include "editors/ValueEditor.h"
#include "history/BackupTimelineView.h"
#include "history/HistoryPanels.h"
#include "session/HistoryActions.h"
#include "session/SetValueCommand.h"
#include "session/StoreSession.h"
#include "settings/SettingsDelegate.h"
#include "settings/SettingsFilterModel.h"
#include "settings/SettingsFind.h"
#include "settings/SettingsTreeModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace tad {

namespace {

// The tree's share of the width beside the editor panel (percent).
constexpr int kTreeShare = 64;

// A step's text in a menu: an & in a key or value is a letter, not a
// shortcut mark.
QString menuText(QString text)
{
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

} // namespace

MainWindow::MainWindow(MainWindowOptions options, QWidget *parent)
    : QMainWindow(parent), m_options(std::move(options))
{
    setWindowTitle(tr("TAD Settings"));
    setObjectName(QStringLiteral("mainWindow"));
    EnterPressesButtons::install();
    if (!m_options.schemaPath.isEmpty()) {
        QString error;
        m_schema = SchemaHints::fromFile(m_options.schemaPath, &error);
        if (!error.isEmpty())
            m_options.notice +=
                (m_options.notice.isEmpty() ? QString() : QStringLiteral(" ")) + error;
    }
    StoreSessionOptions sessionOptions;
    sessionOptions.file.schema = m_schema.compiled();
    m_session = new StoreSession(m_options.configPath, std::move(sessionOptions), this);
    m_model = new SettingsTreeModel(this);
    m_model->setSchema(m_schema);
    m_filter = new SettingsFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_undo = new QUndoStack(this);

    // Left: notice, find box, tree.
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(4, 4, 4, 4);
    m_notice = new QLabel(m_options.notice, left);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    ThemeColors::setBarTone(m_notice, ThemeColors::Active,
                            QStringLiteral(" #notice { padding: 6px; border-radius: 3px; }"));
    auto *noticeRow = new QWidget(left);
    auto *noticeLayout = new QHBoxLayout(noticeRow);
    noticeLayout->setContentsMargins(0, 0, 0, 0);
    noticeLayout->addWidget(m_notice, 1);
    if (m_options.demo) {
        auto *openReal = new QPushButton(tr("&Open a settings file..."), noticeRow);
        openReal->setObjectName(QStringLiteral("noticeOpenButton"));
        noticeLayout->addWidget(openReal, 0, Qt::AlignTop);
        connect(openReal, &QPushButton::clicked, this, [this] { m_fileActions->chooseFile(); });
    }
    noticeRow->setVisible(!m_options.notice.isEmpty());
    m_tree = new QTreeView(left);
    m_tree->setObjectName(QStringLiteral("settingsTree"));
    m_tree->setAccessibleName(tr("Settings tree"));
    m_tree->setModel(m_filter);
    auto *delegate = new SettingsDelegate(m_model, m_tree);
    m_tree->setItemDelegate(delegate);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    fitTreeColumns();
    m_tree->installEventFilter(this);
    m_findBar = new SettingsFind(m_tree, m_model, m_filter, delegate, left);
    m_find = m_findBar->box();
    leftLayout->addWidget(noticeRow);
    leftLayout->addWidget(m_findBar->bar());
    leftLayout->addWidget(m_tree, 1);

    // The panel scrolls when it is taller or wider than its room, so a long
    // description or a bar above it never pushes the splitter or the window.
    m_panel = new EditorPanel(this);
    m_panel->setTabPredecessor(m_tree);
    auto *panelScroll = new QScrollArea(this);
    panelScroll->setObjectName(QStringLiteral("editorScroll"));
    panelScroll->setFrameShape(QFrame::NoFrame);
    panelScroll->setWidgetResizable(true);
    panelScroll->setWidget(m_panel);
    auto *split = new QSplitter(this);
    split->setObjectName(QStringLiteral("mainSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(left);
    split->addWidget(panelScroll);
    // A wider window widens the tree more than the panel.
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);

    m_broken = new BrokenFilePage(this);
    auto *loading = new QLabel(tr("Reading %1 ...").arg(m_options.configPath), this);
    loading->setAlignment(Qt::AlignCenter);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(loading);
    m_pages->addWidget(split);
    m_pages->addWidget(m_broken);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_messages = new MessageBar(central);
    centralLayout->addWidget(m_messages);
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("problemsList"));
    connect(m_problems, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { selectKey(item->data(Qt::UserRole).toString()); });
    connect(m_problems, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { selectKey(item->data(Qt::UserRole).toString()); });

    buildActions();
    buildStatusBar();
    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_docks = new PanelDocks(this, viewMenu);
    m_docks->setHome(m_tree);
    m_historyPanels = new HistoryPanels(m_docks, m_options.configPath, m_schema.compiled(),
                                        m_session, m_tree, [this] { return currentKey(); });
    m_docks->add(m_problems, tr("Problems"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                 ThemeIcons::icon(ThemeIcons::Problems));
    buildHelpMenu();
    connect(m_historyPanels->actions(), &HistoryActions::reported, this,
            [this](const QString &text, bool refused, const QString &undoEntry) {
                std::function<void()> undo;
                if (!undoEntry.isEmpty())
                    undo = [this, undoEntry] {
                        m_historyPanels->actions()->rollback(undoEntry, {}, {});
                    };
                // A restore, rollback, revert or migration replaced values
                // the steps on the stack were about: each would be refused as
                // changed by another program. Ctrl+Z now takes the action
                // back, as the bar's Undo does.
                if (!refused && !undoEntry.isEmpty())
                    m_undo->clear();
                m_messages->showMessage(text, refused, std::move(undo));
            });

    // A comparison with the current file follows the file.
    connect(this, &MainWindow::changesApplied, m_historyPanels->timeline(),
            &BackupTimelineView::currentFileChanged);

    m_problemsDelay.setSingleShot(true);
    m_problemsDelay.setInterval(300);
    connect(&m_problemsDelay, &QTimer::timeout, this, &MainWindow::updateProblems);

    connect(m_session, &StoreSession::opened, this, &MainWindow::onOpened);
    connect(m_session, &StoreSession::changesArrived, this, &MainWindow::onChanges);
    connect(m_session, &StoreSession::writeFinished, this,
            [this](bool ok, const Error &error, const QString &what) {
                if (ok)
                    m_errorLabel->setFullText(QString()); // clear() would lay the bar out again
                else
                    showError(tr("Not written (%1): %2").arg(what, error.message));
                // The core refused because its backup failed: the person decides.
                if (!ok && error.safetyNet &&
                    confirm(this, tr("Change without a backup?"),
                            tr("%1\n\nMake this change anyway, without it?").arg(error.message),
                            tr("Change Without Backup")))
                    m_session->retryWithoutBackup();
            });
    connect(m_session, &StoreSession::safetyNetProblems, this,
            [this](const QStringList &messages) { showError(messages.join(QLatin1Char(' '))); });
    connect(m_session, &StoreSession::refreshFailed, this, [this](const Error &error) {
        showError(tr("The file on disk cannot be read; showing the last good version. %1")
                      .arg(error.toString()));
    });
    connect(m_session, &StoreSession::valueFetched, this,
            [this](const QStringList &segments, const std::optional<Json> &value) {
                std::vector<std::string> path;
                for (const auto &s : segments)
                    path.push_back(s.toStdString());
                m_model->syncValue(path, value, false);
            });
    connect(m_model, &SettingsTreeModel::resyncNeeded, m_session, &StoreSession::fetchValue);
    connect(m_model, &SettingsTreeModel::editRequested, this,
            [this](const QString &key, const Json &value) { requestEdit(key, value); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onSelectionChanged);
    connect(m_panel, &EditorPanel::editRequested, this, &MainWindow::requestEdit);
    connect(m_panel, &EditorPanel::resetRequested, this, &MainWindow::requestReset);
    connect(static_cast<SettingsDelegate *>(m_tree->itemDelegate()), &SettingsDelegate::refused,
            this, [this](const QString &key, const QString &message) {
                const QString text = tr("%1 not changed: %2").arg(key, message);
                showError(text);
                if (m_panel->key() == key)
                    m_panel->showRefusal(text);
            });
    // The store's verdict: another program wrote over our change to a key
    // right after it (not a racing write that merely undid it: that one is
    // put back). The file keeps theirs; the person chooses.
    connect(m_session, &StoreSession::conflicted, this,
            [this](const ChangeEvent &theirs, const Json &ours) {
                const QString key = QString::fromStdString(theirs.path.toDotted());
                if (m_panel->key() == key) {
                    m_panel->showOverwritten(theirs.newValue, ours);
                    return;
                }
                showError(tr("%1 was changed by another program right after your change; the "
                             "file keeps the other program's value.")
                              .arg(key));
            });
    connect(m_session, &StoreSession::watchingChanged, this, [this](bool watching) {
        m_watchLabel->setText(watching ? tr("Following changes") : tr("Not following changes"));
    });
    connect(m_session, &StoreSession::fileBroken, this,
            [this](const Error &error, const QByteArray &raw) { onFileBroken(error, raw); });
    connect(m_session, &StoreSession::fileRepaired, this, &MainWindow::onFileRepaired);

    resize(1024, 700);
    if (m_options.rememberState) {
        QSettings settings;
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
        restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
        m_splitPlaced =
            split->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    }
}

MainWindow::~MainWindow()
{
    // What is typed and valid is written; nothing is asked any more.
    m_closing = true;
    m_panel->flushPending();
    // Editors that lose focus while the window goes write nothing more.
    m_panel->disconnect(this);
    m_model->disconnect(this);
    // Stop the worker before the members its signals reach go away.
    delete m_session;
    m_session = nullptr;
}

void MainWindow::buildActions()
{
    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    auto *reload = fileMenu->addAction(tr("&Reload"), this, [this] {
        if (m_ready)
            m_session->refresh();
        else
            open();
    });
    reload->setShortcut(QKeySequence(Qt::Key_F5));
    reload->setIcon(ThemeIcons::icon(ThemeIcons::Reload));
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close)
        ->setIcon(ThemeIcons::icon(ThemeIcons::Quit));
    m_fileActions = new FileActions(this, fileMenu, m_options.configPath);
    connect(m_fileActions, &FileActions::openRequested, this, &MainWindow::openFileRequested);

    auto *editMenu = menuBar()->addMenu(tr("&Edit"));
    // The row an undo or redo changes is selected, so the person sees it
    // (as an editor's undo moves the cursor to the change).
    auto *undo = editMenu->addAction(tr("&Undo"), this, [this] {
        if (!m_undo->canUndo() && m_messages->canUndo()) {
            m_messages->undo();
            return;
        }
        const QString key = stepKey(m_undo->index() - 1);
        m_undo->undo();
        selectChangedKey(key);
    });
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(ThemeIcons::icon(ThemeIcons::Undo));
    undo->setEnabled(false);
    // What it would undo, as the step's own words ("set user.name to ..."),
    // or the action the message bar offers to undo.
    const auto updateUndo = [this, undo] {
        const QString text = m_undo->undoText();
        undo->setEnabled(m_undo->canUndo() || m_messages->canUndo());
        if (m_undo->canUndo())
            undo->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(menuText(text)));
        else
            undo->setText(m_messages->canUndo() ? tr("&Undo the action above") : tr("&Undo"));
    };
    connect(m_undo, &QUndoStack::canUndoChanged, undo, updateUndo);
    connect(m_undo, &QUndoStack::undoTextChanged, undo, updateUndo);
    connect(m_messages, &MessageBar::undoAvailable, undo, updateUndo);
    auto *redo = editMenu->addAction(tr("&Redo"), this, [this] {
        const QString key = stepKey(m_undo->index());
        m_undo->redo();
        selectChangedKey(key);
    });
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setIcon(ThemeIcons::icon(ThemeIcons::Redo));
    // Both usual keys, each once (QKeySequence::Redo holds Ctrl+Shift+Z
    // already on some desktops; twice is an ambiguous shortcut).
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setEnabled(false);
    connect(m_undo, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
    connect(m_undo, &QUndoStack::redoTextChanged, redo, [redo](const QString &text) {
        redo->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(menuText(text)));
    });
    editMenu->addSeparator();
    auto *reset = editMenu->addAction(tr("Reset to &default"), this, [this] {
        if (!currentKey().isEmpty())
            requestReset(currentKey());
    });
    reset->setObjectName(QStringLiteral("resetAction"));
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    reset->setIcon(ThemeIcons::icon(ThemeIcons::Reset));
    // Only when the selected key has a default it does not hold yet.
    reset->setEnabled(false);
    connect(m_panel, &EditorPanel::resetAvailable, reset, &QAction::setEnabled);
    auto *find = editMenu->addAction(tr("&Find"), this, [this] {
        m_find->setFocus(Qt::ShortcutFocusReason);
        m_find->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    find->setIcon(ThemeIcons::icon(ThemeIcons::Find));
    editMenu->addSeparator();
    auto *copyPath = editMenu->addAction(tr("Copy key &path"), this, &MainWindow::copyKeyPath);
    copyPath->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    auto *copyValue = new QAction(tr("Copy value as &JSON"), this);
    copyValue->setShortcut(QKeySequence::Copy);
    copyValue->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyValue, &QAction::triggered, this, &MainWindow::copyValue);
    m_tree->addAction(copyValue);
    editMenu->addAction(copyValue);
    auto *reveal =
        editMenu->addAction(tr("Reveal or hide &secret"), this, &MainWindow::toggleReveal);
    reveal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    reveal->setObjectName(QStringLiteral("revealAction"));
    reveal->setIcon(ThemeIcons::icon(ThemeIcons::Reveal));
    reveal->setEnabled(false); // only for a key that holds a secret (the core's rule)
    m_revealAction = reveal;
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->addActions({copyPath, reveal, reset});
}

// Last, after the View menu the history panels add.
void MainWindow::buildHelpMenu()
{
    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    auto *about = helpMenu->addAction(tr("&About TAD Settings"), this, [this] {
        auto *dialog = new AboutDialog(m_options.configPath, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setShortcut(QKeySequence(Qt::Key_F1));
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::buildStatusBar()
{
    m_pathLabel = new QLabel(m_options.configPath, this);
    m_pathLabel->setObjectName(QStringLiteral("statusPath"));
    m_pathLabel->setAccessibleName(tr("Settings file"));
    m_watchLabel = new QLabel(tr("Not following changes"), this);
    m_watchLabel->setObjectName(QStringLiteral("statusWatching"));
    m_externalLabel = new QLabel(this);
    m_externalLabel->setObjectName(QStringLiteral("statusExternal"));
    // Cut to the room the status bar gives it, with "..." where it is, and
    // whole in its tooltip.
    m_errorLabel = new ElidedLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("statusError"));
    ThemeColors::setTextTone(m_errorLabel, ThemeColors::Negative);
    m_errorLabel->setAccessibleName(tr("Last error"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(120);
    m_progress->hide();
    statusBar()->addWidget(m_pathLabel);
    statusBar()->addWidget(m_watchLabel);
    statusBar()->addWidget(m_externalLabel);
    statusBar()->addWidget(m_errorLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    // Progress only for work that takes longer than half a second.
    m_progressDelay.setSingleShot(true);
    m_progressDelay.setInterval(500);
    connect(&m_progressDelay, &QTimer::timeout, m_progress, &QWidget::show);
    connect(m_session, &StoreSession::busyChanged, this, [this](bool busy) {
        if (busy) {
            m_progressDelay.start();
        } else {
            m_progressDelay.stop();
            m_progress->hide();
        }
    });
    connect(m_model, &SettingsTreeModel::externalChangeApplied, this, [this](const QString &key) {
        m_externalLabel->setText(
            tr("Changed outside at %1: %2")
                .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), key));
    });
}

QString MainWindow::statusError() const
{
    return m_errorLabel->fullText();
}

void MainWindow::showError(const QString &message)
{
    m_errorLabel->setFullText(message);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_panel->flushPending();
    if (m_options.rememberState) {
        QSettings settings;
        settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
        settings.setValue(QStringLiteral("window/state"), saveState());
        if (auto *split = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
            settings.setValue(QStringLiteral("window/splitter"), split->saveState());
    }
    QMainWindow::closeEvent(event);
}

// The tree's share of the width, the first time the tree is shown (its
// page had no width of its own before).
void MainWindow::placeSplitOnce()
{
    if (m_splitPlaced)
        return;
    m_splitPlaced = true;
    auto *split = findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    if (!split)
        return;
    split->resize(m_pages->size());
    const int width = split->width() - split->handleWidth();
    split->setSizes({width * kTreeShare / 100, width - width * kTreeShare / 100});
}

QString MainWindow::currentKey() const
{
    const QModelIndex current = m_filter->mapToSource(m_tree->currentIndex());
    return current.isValid() ? m_model->keyOf(current) : QString();
}

void MainWindow::copyKeyPath()
{
    if (!currentKey().isEmpty())
        QApplication::clipboard()->setText(currentKey());
}

void MainWindow::copyValue()
{
    const QModelIndex current = m_filter->mapToSource(m_tree->currentIndex());
    if (current.isValid())
        QApplication::clipboard()->setText(
            current.data(SettingsTreeModel::JsonTextRole).toString());
}

void MainWindow::toggleReveal()
{
    const QModelIndex current = m_filter->mapToSource(m_tree->currentIndex());
    if (!current.isValid())
        return;
    const bool revealed = !m_model->isRevealed(current);
    m_model->setRevealed(current, revealed);
    // The panel shows the same key: its field follows, Reveal or Hide.
    if (m_panel->key() == m_model->keyOf(current))
        m_panel->setRevealed(revealed);
}

// Type and State as wide as their longest usual text, the key a third of
// the tree, the value the rest: at 1024 px every column is on screen.
void MainWindow::fitTreeColumns()
{
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(40);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(SettingsTreeModel::ValueColumn, QHeaderView::Stretch);
    const QFontMetrics metrics(m_tree->font());
    const int padding = 2 * m_tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 16;
    const auto fit = [&](int column, const QStringList &texts) {
        int width = metrics.horizontalAdvance(
                        m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()) +
                    padding + 8;
        for (const QString &text : texts)
            width = std::max(width, metrics.horizontalAdvance(text) + padding);
        m_tree->setColumnWidth(column, width);
    };
    fit(SettingsTreeModel::TypeColumn, {QStringLiteral("string (date-time)")});
    // A row shows one state word (the tooltip lists them all): the column
    // takes the longest of the model's words, so none is ever cut.
    fit(SettingsTreeModel::StateColumn, SettingsTreeModel::stateTexts());
    m_tree->setColumnWidth(SettingsTreeModel::KeyColumn,
                           metrics.horizontalAdvance(QLatin1Char('x')) * 24);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QMainWindow::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const bool plain = key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier;
    if (watched == m_tree && plain && m_tree->hasFocus()) {
        switch (key->key()) {
        case Qt::Key_F2:
        case Qt::Key_Return:
        case Qt::Key_Enter:
            return editCurrentValue();
        case Qt::Key_Space:
            return toggleCurrentCheck();
        default:
            break;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

// The current row's value in place, whichever column is current.
bool MainWindow::editCurrentValue()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid())
        return false;
    const QModelIndex value = current.siblingAtColumn(SettingsTreeModel::ValueColumn);
    if (!(value.flags() & Qt::ItemIsEditable))
        return false;
    m_tree->setCurrentIndex(value);
    m_tree->edit(value);
    return true;
}

// Space on a row of a boolean key flips it, whichever column is current,
// as a check box does (dconf-editor's switches, VS Code's check boxes). It
// goes out as any edit: through the undo stack and the store's guard.
bool MainWindow::toggleCurrentCheck()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid())
        return false;
    const QModelIndex value = current.siblingAtColumn(SettingsTreeModel::ValueColumn);
    const Qt::ItemFlags flags = value.flags();
    if (!(flags & Qt::ItemIsUserCheckable) || !(flags & Qt::ItemIsEditable))
        return false;
    const bool checked = value.data(Qt::CheckStateRole).toInt() == Qt::Checked;
    return m_filter->setData(value, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
}

QString MainWindow::stepKey(int index) const
{
    const auto *step = dynamic_cast<const SetValueCommand *>(m_undo->command(index));
    return step ? step->key() : QString();
}

// The key, or while it is absent (an undo that removes it, a redo that
// brings it back before the write is in) the nearest key above it.
void MainWindow::selectChangedKey(const QString &key)
{
    if (key.isEmpty())
        return;
    auto path = KeyPath::parse(key.toStdString());
    if (!path)
        return;
    for (KeyPath at = *path; !at.isEmpty(); at = at.parent()) {
        if (selectKey(QString::fromStdString(at.toDotted())))
            return;
    }
}

bool MainWindow::selectKey(const QString &key)
{
    QModelIndex source = m_model->indexForKey(key);
    if (!source.isValid())
        return false;
    QModelIndex proxy = m_filter->mapFromSource(source);
    if (!proxy.isValid()) {
        m_findBar->clear();
        proxy = m_filter->mapFromSource(source);
    }
    m_tree->setCurrentIndex(proxy);
    m_tree->scrollTo(proxy);
    return proxy.isValid();
}

} // namespace tad
