#include "HistoryView.h"

#include "BackgroundWorker.h"
#include "DiffView.h"
#include "common/Counted.h"
#include "common/RelativeTime.h"
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
};

QString sourceTitle(ChangeSource source)
{
    switch (source) {
    case ChangeSource::Cli:
        return QObject::tr("CLI");
    case ChangeSource::Editor:
        return QObject::tr("editor");
    case ChangeSource::External:
        return QObject::tr("external");
    case ChangeSource::Restore:
        return QObject::tr("restore");
    case ChangeSource::Rollback:
        return QObject::tr("rollback");
    case ChangeSource::Migration:
        return QObject::tr("migration");
    case ChangeSource::Reset:
        return QObject::tr("reset");
    case ChangeSource::Recovery:
        return QObject::tr("recovery");
    }
    return {};
}

} // namespace

QStringList touchedKeys(const HistoryEntry &entry)
{
    QStringList keys;
    for (const auto &op : entry.patch) {
        const QString key = QString::fromStdString(pointerToKey(op.value("path", std::string())));
        if (!keys.contains(key))
            keys << key;
    }
    return keys;
}

bool entryTouchesKey(const HistoryEntry &entry, const QString &key)
{
    const QString below = key + QLatin1Char('.');
    for (const QString &touched : touchedKeys(entry)) {
        if (touched.isEmpty() || touched == key || touched.startsWith(below) ||
            key.startsWith(touched + QLatin1Char('.')))
            return true;
    }
    return false;
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
    m_filter->setPlaceholderText(tr("Only changes of this key (e.g. settings.theme)"));
    m_filter->setAccessibleName(tr("Key filter"));
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
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels({tr("When"), tr("Source"), tr("Operation"), tr("Keys"), tr("Label")});
    m_list->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_list->setColumnWidth(WhenColumn, 230);
    m_list->setColumnWidth(SourceColumn, 80);
    m_list->setColumnWidth(OperationColumn, 80);
    m_list->setColumnWidth(KeysColumn, 220);
    m_pages->addWidget(m_emptyLabel);
    m_pages->addWidget(m_list);

    m_rollback = new QPushButton(tr("Roll &back this change"), this);
    m_rollback->setObjectName(QStringLiteral("rollbackEntry"));
    m_rollback->setToolTip(
        tr("Undo the whole change; refused if a value it set has changed since"));
    m_rollback->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_rollback);
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
    connect(m_filter, &QLineEdit::editingFinished, this, &HistoryView::reload);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &HistoryView::showSelectedEntry);
    connect(m_rollback, &QPushButton::clicked, this, [this] { rollBackSelected(); });
    connect(m_diff, &DiffView::revertRequested, this,
            [this](const QList<int> &ops) { rollBackSelected(ops); });

    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(200);
    connect(&m_reloadDelay, &QTimer::timeout, this, &HistoryView::reload);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this,
            [this] { m_reloadDelay.start(); });
}

void HistoryView::showKey(const QString &key)
{
    m_filter->setText(key);
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
    const QString key = keyFilter();
    m_status->setText(tr("Reading the history..."));
    m_worker->run<EntryListing>(
        this,
        [configPath, key] {
            EntryListing listing;
            auto entries = History(configPath).list();
            if (!entries) {
                listing.error = entries.error().toString();
                return listing;
            }
            for (auto &entry : *entries)
                if (key.isEmpty() || entryTouchesKey(entry, key))
                    listing.entries.push_back(std::move(entry));
            return listing;
        },
        [this, generation](EntryListing listing) {
            if (generation == m_generation)
                showEntries(std::move(listing.entries), listing.error);
        });
}

void HistoryView::showEntries(std::vector<HistoryEntry> entries, const QString &error)
{
    const QString selected = selectedEntry() ? selectedEntry()->id : QString();
    m_entries = std::move(entries);
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<QTreeWidgetItem *> items;
        for (const auto &entry : m_entries) {
            auto *item = new QTreeWidgetItem;
            item->setText(WhenColumn,
                          relativeTime(entry.time, now) + QStringLiteral("  ·  ") +
                              QLocale().toString(entry.time.toLocalTime(),
                                                 QStringLiteral("yyyy-MM-dd HH:mm:ss")));
            item->setToolTip(WhenColumn, entry.id);
            item->setText(SourceColumn, sourceTitle(entry.source));
            QString operation = QString::fromStdString(entry.operation);
            if (!entry.version.isEmpty())
                operation += QLatin1Char(' ') + entry.version;
            item->setText(OperationColumn, operation);
            const QStringList keys = touchedKeys(entry);
            QString keyText = keys.mid(0, 3).join(QStringLiteral(", "));
            if (keys.size() > 3)
                keyText += tr(" and %1 more").arg(keys.size() - 3);
            item->setText(KeysColumn, keyText);
            item->setToolTip(KeysColumn, keys.join(QLatin1Char('\n')));
            item->setText(LabelColumn, entry.rollbackOf.isEmpty()
                                           ? entry.label
                                           : tr("undoes %1").arg(entry.rollbackOf));
            items << item;
        }
        m_list->addTopLevelItems(items);
    }
    const QString key = keyFilter();
    if (!error.isEmpty())
        m_status->setText(error);
    else if (key.isEmpty())
        m_status->setText(
            counted(int(m_entries.size()), tr("%1 change recorded"), tr("%1 changes recorded")));
    else
        m_status->setText(
            counted(int(m_entries.size()), tr("%1 change of %2"), tr("%1 changes of %2")).arg(key));
    m_emptyLabel->setText(key.isEmpty()
                              ? tr("No history yet. Every change to the settings file (from this "
                                   "window, the CLI or the app) is recorded here, so it can be "
                                   "rolled back.")
                              : tr("No recorded change touches %1. Clear the filter to see all "
                                   "changes.")
                                    .arg(key));
    m_pages->setCurrentIndex(m_entries.empty() ? 0 : 1);
    if (!selected.isEmpty())
        selectEntry(selected);
    m_rollback->setEnabled(selectedEntry() != nullptr);
    Q_EMIT listed(int(m_entries.size()));
}

QStringList HistoryView::entryIds() const
{
    QStringList ids;
    for (const auto &entry : m_entries)
        ids << entry.id;
    return ids;
}

bool HistoryView::selectEntry(const QString &id)
{
    for (size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].id == id) {
            m_list->setCurrentItem(m_list->topLevelItem(int(i)));
            return true;
        }
    }
    return false;
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
    if (!entry) {
        m_diff->clear(tr("Select a change to see what it did."));
        return;
    }
    const HistoryEntry copy = *entry;
    const Schema schema = m_actions->schema();
    m_diff->showBusy(tr("Reading the change..."));
    m_worker->run<DiffData>(
        this,
        [copy, schema] {
            return diffFromPatch(copy.patch, copy.inverse, schema, tr("Before"), tr("After"));
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
    const QString what = ops.isEmpty()
                             ? tr("Roll back the whole change %1?").arg(id)
                             : counted(int(ops.size()), tr("Revert %1 checked change of %2?"),
                                       tr("Revert %1 checked changes of %2?"))
                                   .arg(id);
    if (!confirm(this, tr("Roll back"),
                 what + QLatin1Char('\n') +
                     tr("This is refused if a value it touches has changed since."),
                 tr("Roll back")))
        return;
    std::vector<int> indices(ops.begin(), ops.end());
    m_actions->rollback(id, indices, [this](Result<RollbackOutcome> outcome) {
        if (!outcome) {
            m_diff->showMessage(tr("Not rolled back: %1").arg(outcome.error().message), true);
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

} // namespace tad
