#include "HistoryView.h"

#include "BackgroundWorker.h"
#include "DiffView.h"
#include "common/ChangeWords.h"
#include "common/Counted.h"
#include "common/RelativeTime.h"
#include "common/ThemeIcons.h"
#include "history/JsonPatch.h"
#include "session/HistoryActions.h"
#include "window/DialogRunner.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tad {

namespace {

struct EntryListing
{
    std::vector<HistoryEntry> entries;
    QString error;
    QString appendedFile; // see History::appendedFile()
};

constexpr int kTimeRole = Qt::UserRole;

} // namespace

bool entryTouchesKey(const HistoryEntry &entry, const QString &key)
{
    const QString below = key + QLatin1Char('.');
    for (const QString &touched : ChangeWords::touchedKeys(entry)) {
        if (touched.isEmpty() || touched == key || touched.startsWith(below) ||
            key.startsWith(touched + QLatin1Char('.')))
            return true;
    }
    return false;
}

bool entryMatchesSearch(const HistoryEntry &entry, const QString &text)
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty() || entryTouchesKey(entry, wanted))
        return true;
    for (const QString &touched : ChangeWords::touchedKeys(entry))
        if (touched.contains(wanted, Qt::CaseInsensitive))
            return true;
    return ChangeWords::reason(entry).contains(wanted, Qt::CaseInsensitive) ||
           entry.label.contains(wanted, Qt::CaseInsensitive);
}

HistoryView::HistoryView(QString configPath, HistoryActions *actions, BackgroundWorker *worker,
                         QWidget *parent)
    : QWidget(parent), m_configPath(std::move(configPath)), m_actions(actions), m_worker(worker)
{
    setObjectName(QStringLiteral("historyView"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("historyKeyFilter"));
    m_filter->setPlaceholderText(tr("Search the history: a key (e.g. settings.theme), a reason "
                                    "or a label"));
    m_filter->setAccessibleName(tr("Search the history"));
    m_filter->setClearButtonEnabled(true);
    auto *refresh = new QPushButton(tr("Re&fresh"), this);
    top->addWidget(m_filter, 1);
    top->addWidget(refresh);
    layout->addLayout(top);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_pages = new QStackedWidget(this);
    m_emptyLabel = new QLabel(m_pages);
    m_emptyLabel->setObjectName(QStringLiteral("historyEmpty"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_list = new QTreeWidget(m_pages);
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setAccessibleName(tr("Changes, newest first"));
    setFocusProxy(m_list); // where the panel's key puts the focus
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels({tr("When"), tr("Reason"), tr("Keys changed"), tr("Label")});
    // Times and reasons are short: they get their whole width, the keys what is left.
    m_list->header()->setSectionResizeMode(WhenColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ReasonColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(KeysColumn, QHeaderView::Interactive);
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(KeysColumn, 240);
    m_pages->addWidget(m_emptyLabel);
    m_pages->addWidget(m_list);

    m_rollback = new QPushButton(tr("Roll &back this change"), this);
    m_rollback->setObjectName(QStringLiteral("rollbackEntry"));
    m_rollback->setToolTip(
        tr("Undo the whole change; refused if a value it set has changed since"));
    m_rollback->setEnabled(false);
    m_label = new QPushButton(tr("&Label..."), this);
    m_label->setObjectName(QStringLiteral("labelEntry"));
    m_label->setToolTip(tr("Give this change a label to find it by later"));
    m_label->setEnabled(false);
    m_rollback->setIcon(ThemeIcons::icon(ThemeIcons::Undo));
    m_label->setIcon(ThemeIcons::icon(ThemeIcons::Label));
    refresh->setIcon(ThemeIcons::icon(ThemeIcons::Reload));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_rollback);
    buttons->addWidget(m_label);
    buttons->addStretch();

    m_diff = new DiffView(this);
    m_diff->setSchema(m_actions->schema());
    m_diff->setRevertEnabled(true);
    m_diff->clear(tr("Select a change to see what it did."));

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *upper = new QWidget(split);
    auto *upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->addWidget(m_pages, 1);
    upperLayout->addLayout(buttons);
    split->addWidget(upper);
    split->addWidget(m_diff);
    layout->addWidget(split, 1);

    connect(refresh, &QPushButton::clicked, this, &HistoryView::reload);
    connect(m_filter, &QLineEdit::textChanged, this, &HistoryView::applyFilter);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &HistoryView::showSelectedEntry);
    // The list's own choices are made with its signals blocked.
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { m_chosen = true; });
    connect(m_rollback, &QPushButton::clicked, this, [this] { rollBackSelected(); });
    connect(m_label, &QPushButton::clicked, this, &HistoryView::labelSelected);
    connect(m_diff, &DiffView::revertRequested, this,
            [this](const QList<int> &ops) { rollBackSelected(ops); });

    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(200);
    connect(&m_reloadDelay, &QTimer::timeout, this, &HistoryView::reload);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this,
            [this] { m_reloadDelay.start(); });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_reloadDelay.start(); });
    m_clock.setInterval(60 * 1000);
    connect(&m_clock, &QTimer::timeout, this, &HistoryView::refreshTimes);
    m_clock.start();
}

void HistoryView::showKey(const QString &key)
{
    {
        // One listing for the new key, not a filter pass on the old list first.
        const QSignalBlocker blocker(m_filter);
        m_filter->setText(key);
    }
    reload();
}

QString HistoryView::keyFilter() const
{
    return m_filter->text().trimmed();
}

void HistoryView::reload()
{
    const QString folder = History(m_configPath).directory();
    if (QFileInfo(folder).isDir() && !m_watcher.directories().contains(folder))
        m_watcher.addPath(folder);
    const quint64 generation = ++m_generation;
    const QString configPath = m_configPath;
    m_status->setText(tr("Reading the history..."));
    m_worker->run<EntryListing>(
        this,
        [configPath] {
            EntryListing listing;
            const History history(configPath);
            listing.appendedFile = history.appendedFile();
            auto entries = history.list();
            if (!entries)
                listing.error = entries.error().toString();
            else
                listing.entries = std::move(entries.value());
            return listing;
        },
        [this, generation](EntryListing listing) {
            if (generation != m_generation)
                return;
            watchAppendedFile(listing.appendedFile);
            showEntries(std::move(listing.entries), listing.error);
        });
}

void HistoryView::watchAppendedFile(const QString &file)
{
    const QStringList watched = m_watcher.files();
    for (const QString &old : watched) {
        if (old != file)
            m_watcher.removePath(old);
    }
    if (!file.isEmpty() && !watched.contains(file) && m_watcher.addPath(file)) {
        // A line appended between the listing and the watch: once more.
        m_reloadDelay.start();
    }
}

void HistoryView::showEntries(std::vector<HistoryEntry> entries, const QString &error)
{
    m_all = std::move(entries);
    m_error = error;
    applyFilter();
}

void HistoryView::applyFilter()
{
    // The selected entry stays selected (new entries do not pull it away);
    // one the list chose itself is let go when the panel closes (hideEvent).
    const QString selected = selectedEntry() ? selectedEntry()->id : QString();
    const QString search = keyFilter();
    m_entries.clear();
    for (const auto &entry : m_all)
        if (entryMatchesSearch(entry, search))
            m_entries.push_back(entry);
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        QList<QTreeWidgetItem *> items;
        for (const auto &entry : m_entries) {
            auto *item = new QTreeWidgetItem;
            item->setData(WhenColumn, kTimeRole, entry.time);
            // The id too, for `tad-settings-cli history show ID` and the like.
            item->setToolTip(WhenColumn,
                             ChangeWords::exactTime(entry.time) + QLatin1Char('\n') + entry.id);
            item->setText(ReasonColumn, ChangeWords::reason(entry));
            const QStringList keys = ChangeWords::touchedKeys(entry);
            item->setText(KeysColumn, ChangeWords::keys(keys));
            item->setToolTip(KeysColumn, keys.join(QLatin1Char('\n')));
            item->setText(LabelColumn, entry.label);
            items << item;
        }
        m_list->addTopLevelItems(items);
        refreshTimes();
    }
    if (!m_error.isEmpty())
        m_status->setText(m_error);
    else if (search.isEmpty())
        m_status->setText(
            counted(int(m_entries.size()), tr("%1 change recorded"), tr("%1 changes recorded")));
    else
        m_status->setText(counted(int(m_entries.size()), tr("%1 of %2 changes matches %3"),
                                  tr("%1 of %2 changes match %3"))
                              .arg(m_all.size())
                              .arg(search));
    m_emptyLabel->setText(search.isEmpty()
                              ? tr("No history yet. Every change to the settings file (from this "
                                   "window, the CLI or the app) is recorded here, so it can be "
                                   "rolled back.")
                              : tr("No recorded change matches %1. Clear the search to see all "
                                   "changes.")
                                    .arg(search));
    m_pages->setCurrentIndex(m_entries.empty() ? 0 : 1);
    // The diff pane always shows the selected entry: the one selected before
    // when it is still listed, else the newest.
    {
        const QSignalBlocker blocker(m_list);
        QTreeWidgetItem *kept = itemFor(selected);
        if (!kept && m_list->topLevelItemCount() > 0)
            kept = m_list->topLevelItem(0);
        if (kept)
            m_list->setCurrentItem(kept);
    }
    const HistoryEntry *now = selectedEntry();
    if (!now || now->id != m_shownId)
        showSelectedEntry();
    m_rollback->setEnabled(now != nullptr);
    m_label->setEnabled(now != nullptr);
    Q_EMIT listed(int(m_entries.size()));
}

void HistoryView::refreshTimes()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        item->setText(WhenColumn,
                      relativeTime(item->data(WhenColumn, kTimeRole).toDateTime(), now));
    }
}

QStringList HistoryView::entryIds() const
{
    QStringList ids;
    for (const auto &entry : m_entries)
        ids << entry.id;
    return ids;
}

void HistoryView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // Closed on an entry the list chose itself: opened again, it shows the
    // newest then.
    if (!m_chosen) {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(nullptr);
    }
}

QTreeWidgetItem *HistoryView::itemFor(const QString &id) const
{
    for (size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].id == id)
            return m_list->topLevelItem(int(i));
    return nullptr;
}

bool HistoryView::selectEntry(const QString &id)
{
    QTreeWidgetItem *item = itemFor(id);
    if (!item)
        return false;
    m_chosen = true;
    if (m_list->currentItem() == item)
        showSelectedEntry(); // shown again, and said so
    else
        m_list->setCurrentItem(item);
    return true;
}

const HistoryEntry *HistoryView::selectedEntry() const
{
    const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    return row >= 0 && size_t(row) < m_entries.size() ? &m_entries[size_t(row)] : nullptr;
}

void HistoryView::showSelectedEntry()
{
    const HistoryEntry *entry = selectedEntry();
    m_rollback->setEnabled(entry != nullptr);
    m_label->setEnabled(entry != nullptr);
    if (!entry) {
        m_shownId.clear();
        m_diff->clear(m_entries.empty() ? tr("No change to show.")
                                        : tr("Select a change to see what it did."));
        return;
    }
    const HistoryEntry copy = *entry;
    m_shownId = copy.id;
    const Schema schema = m_actions->schema();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString when = ChangeWords::moment(copy.time, now);
    m_diff->showBusy(tr("Reading the change..."));
    m_worker->run<DiffData>(
        this,
        [copy, schema, when] {
            return diffFromPatch(copy.patch, copy.inverse, schema,
                                 tr("Before the change of %1").arg(when),
                                 tr("After the change of %1").arg(when));
        },
        [this, id = copy.id](DiffData data) {
            const HistoryEntry *now = selectedEntry();
            if (!now || now->id != id)
                return;
            m_diff->showDiff(std::move(data));
            Q_EMIT entryShown();
        });
}

void HistoryView::rollBackSelected(const QList<int> &ops)
{
    const HistoryEntry *entry = selectedEntry();
    if (!entry)
        return;
    const QString id = entry->id;
    const QString when = relativeTime(entry->time, QDateTime::currentDateTimeUtc());
    const QString agent = ChangeWords::agent(*entry);
    QString what;
    if (ops.isEmpty()) {
        what = tr("Roll back the change made %1 %2 to %3?")
                   .arg(when, agent, ChangeWords::keys(ChangeWords::touchedKeys(*entry)));
    } else {
        QStringList keys;
        for (int op : ops) {
            if (op >= 0 && size_t(op) < entry->patch.size()) {
                const QString key = QString::fromStdString(
                    pointerToKey(entry->patch[size_t(op)].value("path", std::string())));
                if (!keys.contains(key))
                    keys << key;
            }
        }
        what = tr("Revert %1 in the change made %2 %3?").arg(ChangeWords::keys(keys), when, agent);
    }
    if (!confirm(this, tr("Roll back"),
                 what + QLatin1Char('\n') +
                     tr("Each value goes back to what it was before. This is refused if one of "
                        "them has changed since."),
                 tr("Roll Back")))
        return;
    std::vector<int> indices(ops.begin(), ops.end());
    m_actions->rollback(id, indices, [this](Result<RollbackOutcome> outcome) {
        if (!outcome) {
            m_diff->showMessage(ChangeWords::refusal(tr("Not rolled back: %1"),
                                                     QStringLiteral("not rolled back: "),
                                                     outcome.error().message),
                                true);
            Q_EMIT rollbackFinished(false);
            return;
        }
        m_diff->showMessage(outcome->changed ? tr("Rolled back.")
                                             : tr("Nothing to roll back: the values are already "
                                                  "as before."),
                            false);
        reload();
        Q_EMIT rollbackFinished(true);
    });
}

void HistoryView::labelSelected()
{
    const HistoryEntry *entry = selectedEntry();
    if (!entry)
        return;
    const QString id = entry->id;
    const auto label = askText(this, tr("Label this change"),
                               tr("A label for the change made %1 %2 (empty removes it):")
                                   .arg(relativeTime(entry->time, QDateTime::currentDateTimeUtc()),
                                        ChangeWords::agent(*entry)),
                               entry->label);
    if (!label)
        return;
    m_actions->labelHistoryEntry(id, *label, [this](Result<HistoryEntry> labelled) {
        if (!labelled) {
            m_status->setText(tr("No label written: %1").arg(labelled.error().message));
            Q_EMIT labelFinished(false);
            return;
        }
        reload();
        Q_EMIT labelFinished(true);
    });
}

} // namespace tad
