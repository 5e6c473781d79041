#include "SettingsFind.h"

#include "SettingsDelegate.h"
#include "SettingsFilterModel.h"
#include "SettingsTreeModel.h"
#include "keys/NearestName.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QTreeView>
#include <vector>

namespace tad {

namespace {

// The pause after a key before the tree is searched.
constexpr int kTypingPauseMs = 150;
// A search shorter than this shows no busy sign.
constexpr int kBusyDelayMs = 200;

} // namespace

SettingsFind::SettingsFind(QTreeView *tree, SettingsTreeModel *model, SettingsFilterModel *filter,
                           SettingsDelegate *delegate, QWidget *parent)
    : QObject(parent), m_tree(tree), m_model(model), m_filter(filter), m_delegate(delegate)
{
    m_bar = new QWidget(parent);
    auto *layout = new QHBoxLayout(m_bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_box = new QLineEdit(m_bar);
    m_box->setObjectName(QStringLiteral("findBox"));
    m_box->setPlaceholderText(
        tr("Find keys, values, descriptions; @modified @invalid @default @changed"));
    m_box->setAccessibleName(tr("Find settings"));
    m_box->setClearButtonEnabled(true);
    m_busy = new QProgressBar(m_bar);
    m_busy->setObjectName(QStringLiteral("findBusy"));
    m_busy->setAccessibleName(tr("Searching"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(60);
    m_busy->hide();
    m_count = new QLabel(m_bar);
    m_count->setObjectName(QStringLiteral("findCount"));
    m_count->setAccessibleName(tr("Settings found"));
    layout->addWidget(m_box, 1);
    layout->addWidget(m_busy);
    layout->addWidget(m_count);

    m_empty = new QLabel(tree->viewport());
    m_empty->setObjectName(QStringLiteral("findEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->hide();

    m_box->installEventFilter(this);
    tree->viewport()->installEventFilter(this);
    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(kTypingPauseMs);
    connect(m_box, &QLineEdit::textChanged, this, [this] { m_typingPause.start(); });
    connect(&m_typingPause, &QTimer::timeout, this, &SettingsFind::apply);
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(kBusyDelayMs);
    connect(&m_busyDelay, &QTimer::timeout, m_busy, &QWidget::show);
    connect(filter, &SettingsFilterModel::searchingChanged, this, [this](bool searching) {
        if (searching) {
            m_count->setText(tr("Searching..."));
            m_empty->hide();
            m_busyDelay.start();
        } else {
            m_busyDelay.stop();
            m_busy->hide();
        }
    });
    connect(filter, &SettingsFilterModel::searchFinished, this, &SettingsFind::onFinished);
    connect(tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (m_filter->isFiltering() && !m_filter->isApplying() && m_tree->currentIndex().isValid())
            m_chosen = currentKey();
    });
}

void SettingsFind::applyNow()
{
    m_typingPause.stop();
    apply();
}

void SettingsFind::clear()
{
    m_box->clear();
    applyNow();
}

void SettingsFind::apply()
{
    const QString query = m_box->text();
    if (query == m_filter->query())
        return;
    const bool wasFiltering = m_filter->isFiltering();
    if (!wasFiltering && !m_remembered)
        rememberTree();
    m_filter->setQuery(query);
    m_delegate->setHighlightedWords(m_filter->words());
    // The key chosen during the find is the one kept afterwards, else the
    // one selected before it.
    if (!m_filter->isFiltering() && m_remembered) {
        const QString selected = m_chosen.isEmpty() ? m_selectedBefore : m_chosen;
        restoreTree(selected);
    }
    m_tree->viewport()->update();
}

void SettingsFind::onFinished(int matches)
{
    if (!m_filter->isFiltering()) {
        m_count->clear();
        m_empty->hide();
        return;
    }
    m_tree->expandAll();
    if (matches == 0)
        m_count->setText(tr("No settings found"));
    else if (matches == 1)
        m_count->setText(tr("1 setting found"));
    else
        m_count->setText(tr("%1 settings found").arg(matches));
    m_empty->setText(emptyText());
    m_empty->setVisible(matches == 0);
    placeEmptyLabel();
    if (m_goWhenFound) {
        m_goWhenFound = false;
        goToFirstMatch();
    }
}

QString SettingsFind::emptyText() const
{
    const QString hint = tr("Press Esc to clear the search.");
    if (m_filter->words().isEmpty()) {
        switch (m_filter->stateMask()) {
        case SettingsTreeModel::Modified:
            return tr("No setting is modified: each one holds its default or has none.") +
                   QLatin1Char('\n') + hint;
        case SettingsTreeModel::Invalid:
            return tr("No setting is invalid: the file fits the schema.") + QLatin1Char('\n') +
                   hint;
        case SettingsTreeModel::AtDefault:
            return tr("No setting holds its default value.") + QLatin1Char('\n') + hint;
        case SettingsTreeModel::ChangedExternally:
            return tr("No setting was changed by another program just now.") + QLatin1Char('\n') +
                   hint;
        default:
            break;
        }
    }
    const QString unknown = m_filter->unknownStateFilter();
    if (!unknown.isEmpty()) {
        // "@modifed" is searched as text and matches nothing: say why.
        const QString meant =
            nearest(unknown.mid(1).toLower(), SettingsFilterModel::stateFilterNames());
        const QString filters =
            QLatin1Char('@') + SettingsFilterModel::stateFilterNames().join(QStringLiteral(" @"));
        if (!meant.isEmpty())
            return tr("%1 is not a filter: did you mean @%2? The filters are %3.")
                       .arg(unknown, meant, filters) +
                   QLatin1Char('\n') + hint;
        return tr("%1 is not a filter. The filters are %2.").arg(unknown, filters) +
               QLatin1Char('\n') + hint;
    }
    return tr("No settings match \u201c%1\u201d.").arg(m_filter->query().trimmed()) +
           QLatin1Char('\n') + hint;
}

bool SettingsFind::goToFirstMatch()
{
    applyNow();
    if (m_filter->isSearching()) {
        m_goWhenFound = true;
        return true;
    }
    const QModelIndex match = m_filter->firstMatch();
    if (!match.isValid())
        return false;
    m_tree->setCurrentIndex(match);
    m_tree->scrollTo(match);
    m_tree->setFocus(Qt::TabFocusReason);
    return true;
}

QString SettingsFind::currentKey() const
{
    const QModelIndex current = m_filter->mapToSource(m_tree->currentIndex());
    return current.isValid() ? m_model->keyOf(current) : QString();
}

// Only rows under expanded rows are walked: a collapsed large map costs nothing.
void SettingsFind::rememberTree()
{
    m_expandedBefore.clear();
    std::vector<QModelIndex> stack{QModelIndex()};
    while (!stack.empty()) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        if (parent.isValid()) {
            if (!m_tree->isExpanded(parent))
                continue;
            m_expandedBefore << m_model->keyOf(m_filter->mapToSource(parent));
        }
        for (int row = m_filter->rowCount(parent) - 1; row >= 0; --row) {
            const QModelIndex child = m_filter->index(row, 0, parent);
            if (m_filter->hasChildren(child))
                stack.push_back(child);
        }
    }
    m_selectedBefore = currentKey();
    m_chosen.clear();
    m_remembered = true;
}

void SettingsFind::restoreTree(const QString &selectedKey)
{
    m_remembered = false;
    m_chosen.clear();
    m_tree->collapseAll();
    for (const QString &key : std::as_const(m_expandedBefore)) {
        const QModelIndex index = m_filter->mapFromSource(m_model->indexForKey(key));
        if (index.isValid())
            m_tree->expand(index);
    }
    m_expandedBefore.clear();
    const QModelIndex selected = m_filter->mapFromSource(m_model->indexForKey(selectedKey));
    if (!selected.isValid())
        return;
    for (QModelIndex up = selected.parent(); up.isValid(); up = up.parent())
        m_tree->expand(up);
    m_tree->setCurrentIndex(selected);
    m_tree->scrollTo(selected);
}

void SettingsFind::placeEmptyLabel()
{
    const QRect area = m_tree->viewport()->rect();
    m_empty->setGeometry(area.adjusted(16, 16, -16, -16));
}

bool SettingsFind::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize)
        placeEmptyLabel();
    if (watched != m_box || event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const bool plain = key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier;
    if (!plain)
        return false;
    switch (key->key()) {
    case Qt::Key_Escape:
        if (m_box->text().isEmpty())
            return false;
        clear();
        return true;
    case Qt::Key_Down:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return goToFirstMatch();
    case Qt::Key_Tab:
        // The tree is what the box filters: Tab goes there, not on to the
        // widgets created after it in the window's focus chain.
        m_tree->setFocus(Qt::TabFocusReason);
        return true;
    default:
        return false;
    }
}

} // namespace tad
