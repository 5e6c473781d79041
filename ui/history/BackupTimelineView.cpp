#include "BackupTimelineView.h"

#include "BackgroundWorker.h"
#include "DiffView.h"
#include "RestorePreview.h"
#include "common/ChangeWords.h"
#include "common/Counted.h"
#include "common/RelativeTime.h"
#include "common/ThemeColors.h"
#include "common/ThemeIcons.h"
#include "session/HistoryActions.h"
#include "window/DialogRunner.h"

#include "json/JsonText.h"
#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUrl>
#include <QVBoxLayout>
#include <memory>

namespace tad {

namespace {

constexpr int kNameRole = Qt::UserRole;
constexpr int kTimeRole = Qt::UserRole + 1;
constexpr int kReasonRole = Qt::UserRole + 2;
constexpr int kLabelRole = Qt::UserRole + 3;
constexpr int kDamagedRole = Qt::UserRole + 4;

struct Listing
{
    std::vector<BackupInfo> backups;
    QString error;
};

Result<Json> loadBackup(const QString &configPath, const QString &name)
{
    auto content = BackupManager(configPath).load(name);
    if (!content)
        return content.error();
    return std::move(content->document);
}

QString dayTitle(const QDate &day, const QDate &today)
{
    if (day == today)
        return QObject::tr("Today");
    if (day == today.addDays(-1))
        return QObject::tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

// "5 minutes ago  ·  14:03:12": the day is the group's title.
QString whenText(const QDateTime &time, const QDateTime &now)
{
    return relativeTime(time, now) + QStringLiteral("  ·  ") +
           time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}

} // namespace

BackupTimelineView::BackupTimelineView(QString configPath, HistoryActions *actions,
                                       BackgroundWorker *worker, QWidget *parent)
    : QWidget(parent), m_configPath(std::move(configPath)), m_backups(m_configPath),
      m_actions(actions), m_worker(worker)
{
    setObjectName(QStringLiteral("backupTimeline"));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_label = new QLineEdit(this);
    m_label->setObjectName(QStringLiteral("backupLabel"));
    m_label->setPlaceholderText(tr("Label for a new backup (optional)"));
    m_label->setAccessibleName(tr("Backup label"));
    m_create = new QPushButton(tr("&Create backup"), this);
    m_create->setObjectName(QStringLiteral("createBackup"));
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setAccessibleName(tr("Working"));
    m_busy->hide();
    top->addWidget(m_label, 1);
    top->addWidget(m_create);
    top->addWidget(m_busy);
    layout->addLayout(top);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("backupStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Backup status"));
    layout->addWidget(m_status);

    m_pages = new QStackedWidget(this);
    auto *empty = new QWidget(m_pages);
    auto *emptyLayout = new QVBoxLayout(empty);
    auto *emptyText = new QLabel(tr("No backups yet. A backup keeps a copy of the whole settings "
                                    "file that you can restore later."),
                                 empty);
    emptyText->setObjectName(QStringLiteral("backupsEmpty"));
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    auto *emptyCreate = new QPushButton(tr("Create backup"), empty);
    emptyCreate->setObjectName(QStringLiteral("createFirstBackup"));
    emptyLayout->addStretch();
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(emptyCreate, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();
    auto *loading = new QLabel(tr("Reading the backups folder..."), m_pages);
    loading->setAlignment(Qt::AlignCenter);

    m_list = new QTreeWidget(m_pages);
    m_list->setObjectName(QStringLiteral("backupList"));
    m_list->setAccessibleName(tr("Backups, newest first"));
    setFocusProxy(m_list); // where the panel's key puts the focus
    m_list->setHeaderLabels(
        {tr("When"), tr("Reason"), tr("Label"), tr("Size"), tr("Hash"), tr("Integrity")});
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    // When and Reason as wide as what they hold, so neither is cut; the
    // label takes the rest, elided (its tooltip has it whole). Size, hash
    // and integrity are in each row's tooltip and shown on request from the
    // header's menu: at the list's width beside its diff they would only
    // push the label out of sight and the list into sideways scrolling. A
    // damaged backup says so in its Reason.
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(LabelColumn, QHeaderView::Stretch);
    m_list->setTextElideMode(Qt::ElideRight);
    for (int column : {int(SizeColumn), int(HashColumn), int(StateColumn)})
        m_list->header()->hideSection(column);
    m_list->header()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list->header(), &QWidget::customContextMenuRequested, this, [this](QPoint at) {
        QMenu menu(this);
        QHeaderView *header = m_list->header();
        for (int column = SizeColumn; column <= StateColumn; ++column) {
            QAction *shown = menu.addAction(m_list->headerItem()->text(column));
            shown->setCheckable(true);
            shown->setChecked(!header->isSectionHidden(column));
            connect(shown, &QAction::toggled, header,
                    [header, column](bool on) { header->setSectionHidden(column, !on); });
        }
        menu.exec(header->mapToGlobal(at));
    });
    m_pages->addWidget(loading);
    m_pages->addWidget(empty);
    m_pages->addWidget(m_list);

    auto *buttons = new QHBoxLayout;
    m_restore = new QPushButton(tr("&Restore..."), this);
    m_restore->setObjectName(QStringLiteral("restoreBackup"));
    m_restore->setToolTip(tr("Shows what would change, then restores all or the checked keys"));
    m_compare = new QPushButton(tr("Compare with c&urrent"), this);
    m_compare->setObjectName(QStringLiteral("compareCurrent"));
    m_comparePair = new QPushButton(tr("Compare &two"), this);
    m_comparePair->setObjectName(QStringLiteral("comparePair"));
    m_comparePair->setToolTip(tr("Select two backups to compare them"));
    m_labelButton = new QPushButton(tr("&Label..."), this);
    m_labelButton->setObjectName(QStringLiteral("labelBackup"));
    m_labelButton->setToolTip(tr("Give the selected backup a label, or change it"));
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteBackup"));
    auto *verify = new QPushButton(tr("&Verify"), this);
    verify->setToolTip(tr("Read every backup and check its SHA-256"));
    auto *folder = new QPushButton(tr("Open &folder"), this);
    folder->setObjectName(QStringLiteral("openBackupFolder"));
    m_create->setIcon(ThemeIcons::icon(ThemeIcons::Backup));
    m_restore->setIcon(ThemeIcons::icon(ThemeIcons::Restore));
    m_compare->setIcon(ThemeIcons::icon(ThemeIcons::Compare));
    m_labelButton->setIcon(ThemeIcons::icon(ThemeIcons::Label));
    m_delete->setIcon(ThemeIcons::icon(ThemeIcons::Delete));
    folder->setIcon(ThemeIcons::icon(ThemeIcons::Open));
    for (auto *button :
         {m_restore, m_compare, m_comparePair, m_labelButton, m_delete, verify, folder})
        buttons->addWidget(button);
    buttons->addStretch();

    m_diff = new DiffView(this);
    m_diff->setSchema(m_actions->schema());
    m_diff->clear(tr("Select a backup and press Enter (or Compare with current) to see how it "
                     "differs from the settings file."));
    // The buttons above the list and its diff, across the panel: with the
    // two side by side the list alone would be too narrow for them.
    layout->addLayout(buttons);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_pages);
    split->addWidget(m_diff);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_create, &QPushButton::clicked, this, [this] { createBackup(m_label->text()); });
    connect(m_label, &QLineEdit::returnPressed, this, [this] { createBackup(m_label->text()); });
    connect(emptyCreate, &QPushButton::clicked, this, [this] { createBackup(m_label->text()); });
    connect(m_restore, &QPushButton::clicked, this, &BackupTimelineView::restoreSelected);
    connect(m_compare, &QPushButton::clicked, this, [this] { compareWithCurrent(); });
    connect(m_comparePair, &QPushButton::clicked, this, &BackupTimelineView::compareSelectedPair);
    connect(m_delete, &QPushButton::clicked, this, &BackupTimelineView::deleteSelected);
    connect(m_labelButton, &QPushButton::clicked, this, &BackupTimelineView::labelSelected);
    connect(verify, &QPushButton::clicked, this, [this] { reload(true); });
    connect(folder, &QPushButton::clicked, this, &BackupTimelineView::openFolder);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &BackupTimelineView::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (!item->data(WhenColumn, kNameRole).toString().isEmpty())
            compareWithCurrent();
    });
    auto *deleteKey = new QAction(this);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteKey, &QAction::triggered, this, &BackupTimelineView::deleteSelected);
    m_list->addAction(deleteKey);
    connect(m_worker, &BackgroundWorker::busyChanged, m_busy, &QWidget::setVisible);

    // Another process (the Electron app, the CLI) writes backups too.
    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(200);
    connect(&m_reloadDelay, &QTimer::timeout, this, [this] { reload(); });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this,
            [this] { m_reloadDelay.start(); });
    m_recompareDelay.setSingleShot(true);
    m_recompareDelay.setInterval(200);
    connect(&m_recompareDelay, &QTimer::timeout, this, [this] {
        if (!m_comparedWithCurrent.isEmpty())
            compareWithCurrent(m_comparedWithCurrent);
    });
    m_clock.setInterval(60 * 1000);
    connect(&m_clock, &QTimer::timeout, this, &BackupTimelineView::refreshRelativeTimes);
    m_clock.start();
    watchFolder();
    updateButtons();
}

void BackupTimelineView::refreshRelativeTimes()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_listedDay.isValid() && now.toLocalTime().date() != m_listedDay) {
        reload(); // the day groups are named anew
        return;
    }
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem *day = m_list->topLevelItem(g);
        for (int i = 0; i < day->childCount(); ++i) {
            QTreeWidgetItem *item = day->child(i);
            const QDateTime time = item->data(WhenColumn, kTimeRole).toDateTime();
            item->setText(WhenColumn, whenText(time, now));
        }
    }
}

// Integrity in its colour, from the palette as it is now.
void BackupTimelineView::applyColours()
{
    for (QTreeWidgetItemIterator it(m_list); *it; ++it) {
        const QVariant damaged = (*it)->data(StateColumn, kDamagedRole);
        if (damaged.isValid())
            (*it)->setForeground(StateColumn,
                                 ThemeColors::text(palette(), damaged.toBool()
                                                                  ? ThemeColors::Negative
                                                                  : ThemeColors::Positive));
        if (damaged.toBool())
            (*it)->setForeground(ReasonColumn, ThemeColors::text(palette(), ThemeColors::Negative));
    }
}

void BackupTimelineView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

void BackupTimelineView::watchFolder()
{
    const QString folder = m_backups.directory();
    const QString parent = QFileInfo(m_configPath).absolutePath();
    if (QFileInfo(folder).isDir()) {
        if (!m_watcher.directories().contains(folder))
            m_watcher.addPath(folder);
        if (m_watcher.directories().contains(parent))
            m_watcher.removePath(parent);
    } else if (QFileInfo(parent).isDir() && !m_watcher.directories().contains(parent)) {
        // Until backups/ exists, watch for it to appear.
        m_watcher.addPath(parent);
    }
}

void BackupTimelineView::reload(bool verifyHashes)
{
    watchFolder();
    const quint64 generation = ++m_generation;
    if (!m_listedOnce)
        m_pages->setCurrentIndex(0);
    const QString configPath = m_configPath;
    m_worker->run<Listing>(
        this,
        [configPath, verifyHashes] {
            Listing listing;
            auto result = BackupManager(configPath).list(verifyHashes);
            if (result)
                listing.backups = std::move(result.value());
            else
                listing.error = result.error().toString();
            return listing;
        },
        [this, generation](Listing listing) {
            if (generation != m_generation)
                return; // a newer listing is on its way
            showBackups(std::move(listing.backups), listing.error);
        });
}

void BackupTimelineView::showBackups(std::vector<BackupInfo> backups, const QString &error)
{
    const QStringList selected = selectedNames();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate today = now.toLocalTime().date();
    m_listedDay = today;
    QTreeWidgetItem *day = nullptr;
    QDate dayDate;
    QList<QTreeWidgetItem *> groups;
    for (const auto &backup : backups) {
        const QDateTime local = backup.time.toLocalTime();
        if (!day || local.date() != dayDate) {
            dayDate = local.date();
            day = new QTreeWidgetItem({dayTitle(dayDate, today)});
            day->setFlags(Qt::ItemIsEnabled);
            QFont bold = day->font(WhenColumn);
            bold.setBold(true);
            day->setFont(WhenColumn, bold);
            day->setFirstColumnSpanned(true);
            groups.append(day);
        }
        auto *item = new QTreeWidgetItem(day);
        item->setText(WhenColumn, whenText(backup.time, now));
        item->setData(WhenColumn, kNameRole, backup.name);
        item->setData(WhenColumn, kTimeRole, backup.time);
        item->setData(WhenColumn, kReasonRole, backup.reason);
        item->setData(WhenColumn, kLabelRole, backup.label);
        item->setText(ReasonColumn, backup.hasMeta ? ChangeWords::backupReason(backup.reason)
                                                   : tr("No metadata file"));
        item->setText(LabelColumn, backup.label);
        item->setText(SizeColumn, QLocale().formattedDataSize(backup.size));
        const QString hash =
            backup.hash.isEmpty() ? backupname::hashPrefixOf(backup.name) : backup.hash;
        item->setText(HashColumn, hash.left(8));
        item->setToolTip(HashColumn, hash);
        if (backup.damaged()) {
            item->setText(StateColumn,
                          QStringLiteral("\u2717 ") + tr("damaged: %1").arg(backup.problem));
            item->setText(ReasonColumn, QStringLiteral("\u2717 ") + tr("Damaged") +
                                            QStringLiteral(" \u00b7 ") + item->text(ReasonColumn));
            item->setData(StateColumn, kDamagedRole, true);
        } else {
            item->setText(StateColumn, QStringLiteral("\u2713 ") +
                                           (backup.hashChecked ? tr("verified") : tr("size ok")));
            item->setData(StateColumn, kDamagedRole, false);
        }
        item->setData(StateColumn, Qt::AccessibleTextRole, item->text(StateColumn));
        // Everything about it, wherever the pointer rests.
        const QString details =
            QStringLiteral("%1\n%2\n%3 \u00b7 %4 \u00b7 %5")
                .arg(ChangeWords::exactTime(backup.time), backup.name, item->text(SizeColumn),
                     hash.left(8), item->text(StateColumn));
        item->setToolTip(WhenColumn, details);
        item->setToolTip(ReasonColumn, backup.reason + QLatin1Char('\n') + details);
        item->setToolTip(LabelColumn, backup.label.isEmpty()
                                          ? details
                                          : backup.label + QLatin1Char('\n') + details);
    }
    m_list->addTopLevelItems(groups);
    applyColours();
    m_list->expandAll();
    m_listedOnce = true;
    m_pages->setCurrentIndex(backups.empty() ? 1 : 2);
    for (const QString &name : selected)
        selectBackup(name);
    // The keyboard's place is a backup, the newest, not a day's heading:
    // Up and Down then move between backups at once. Nothing is selected.
    QTreeWidgetItem *current = m_list->currentItem();
    if ((!current || !current->parent()) && m_list->topLevelItemCount() > 0 &&
        m_list->topLevelItem(0)->childCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0)->child(0), 0, QItemSelectionModel::NoUpdate);
    if (!error.isEmpty())
        setStatus(error, true);
    else if (m_status->text().isEmpty() || !m_status->property("sticky").toBool())
        setStatus(counted(int(backups.size()), tr("%1 backup in %2"), tr("%1 backups in %2"))
                      .arg(m_backups.directory()),
                  false);
    updateButtons();
    Q_EMIT listed(int(backups.size()));
}

QStringList BackupTimelineView::backupNames() const
{
    QStringList names;
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        auto *group = m_list->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            names << group->child(i)->data(WhenColumn, kNameRole).toString();
    }
    return names;
}

bool BackupTimelineView::selectBackup(const QString &name)
{
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        auto *group = m_list->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            auto *item = group->child(i);
            if (item->data(WhenColumn, kNameRole).toString() == name) {
                m_list->setCurrentItem(item, 0,
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
                return true;
            }
        }
    }
    return false;
}

BackupInfo BackupTimelineView::shownInfo(const QString &name) const
{
    BackupInfo info;
    info.name = name;
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        auto *group = m_list->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            auto *item = group->child(i);
            if (item->data(WhenColumn, kNameRole).toString() == name) {
                info.time = item->data(WhenColumn, kTimeRole).toDateTime();
                info.reason = item->data(WhenColumn, kReasonRole).toString();
                info.label = item->data(WhenColumn, kLabelRole).toString();
                return info;
            }
        }
    }
    info.time = backupname::timeOf(name).value_or(QDateTime());
    return info;
}

QString BackupTimelineView::describe(const QString &name) const
{
    return ChangeWords::backup(shownInfo(name), QDateTime::currentDateTimeUtc());
}

QStringList BackupTimelineView::selectedNames() const
{
    QStringList names;
    for (auto *item : m_list->selectedItems()) {
        const QString name = item->data(WhenColumn, kNameRole).toString();
        if (!name.isEmpty())
            names << name;
    }
    return names;
}

QString BackupTimelineView::statusText() const
{
    return m_status->text();
}

void BackupTimelineView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    ThemeColors::setTextTone(m_status, error ? ThemeColors::Negative : ThemeColors::Normal);
}

void BackupTimelineView::updateButtons()
{
    const int count = int(selectedNames().size());
    m_restore->setEnabled(count == 1);
    m_labelButton->setEnabled(count == 1);
    m_compare->setEnabled(count == 1);
    m_comparePair->setEnabled(count == 2);
    m_delete->setEnabled(count >= 1);
}

void BackupTimelineView::createBackup(const QString &label)
{
    m_create->setEnabled(false);
    setStatus(tr("Creating a backup..."), false);
    m_actions->createBackup(label.trimmed(), [this](Result<CreatedBackup> created) {
        m_create->setEnabled(true);
        if (!created) {
            setStatus(tr("No backup made: %1").arg(created.error().message), true);
            Q_EMIT actionFinished(false);
            return;
        }
        m_label->clear();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        setStatus(
            created->reused
                ? tr("Nothing new to keep: %1 already holds this content.")
                      .arg(ChangeWords::backup(created->info, now))
                : tr("Backup created at %1.").arg(ChangeWords::moment(created->info.time, now)),
            false);
        reload();
        Q_EMIT actionFinished(true);
    });
}

void BackupTimelineView::compareWithCurrent()
{
    const QStringList names = selectedNames();
    if (names.size() == 1)
        compareWithCurrent(names.first());
}

void BackupTimelineView::currentFileChanged()
{
    if (!m_comparedWithCurrent.isEmpty())
        m_recompareDelay.start(); // a burst of changes compares once
}

void BackupTimelineView::compareWithCurrent(const QString &name)
{
    m_comparedWithCurrent = name;
    const QString configPath = m_configPath;
    const Schema schema = m_actions->schema();
    const QString title =
        ChangeWords::backupTitle(shownInfo(name), QDateTime::currentDateTimeUtc());
    m_diff->showBusy(tr("Comparing %1 with the current file...").arg(describe(name)));
    // The current document comes from the store that holds the file.
    m_actions->currentDocument([this, self = QPointer<QWidget>(this), configPath, name, schema,
                                title](Result<Json> read) {
        if (!self)
            return;
        auto current = std::make_shared<Result<Json>>(std::move(read));
        m_worker->run<DiffData>(
            this,
            [configPath, name, schema, title, current] {
                auto backup = loadBackup(configPath, name);
                if (!backup || !*current) {
                    DiffData failed;
                    failed.beforeTitle = (!backup ? backup.error() : current->error()).toString();
                    return failed;
                }
                return diffDocuments(*backup, **current, schema, title, tr("Current file"));
            },
            [this, name](DiffData data) {
                if (m_comparedWithCurrent != name)
                    return; // another comparison was asked for meanwhile
                if (data.empty() && !data.hasDocuments)
                    m_diff->clear(data.beforeTitle);
                else
                    m_diff->showDiff(std::move(data));
                Q_EMIT comparisonShown();
            });
    });
}

void BackupTimelineView::compareSelectedPair()
{
    QStringList names = selectedNames();
    if (names.size() != 2)
        return;
    // Older on the left: names sort by time.
    std::sort(names.begin(), names.end());
    const QString configPath = m_configPath;
    const Schema schema = m_actions->schema();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString olderTitle = ChangeWords::backupTitle(shownInfo(names[0]), now);
    const QString newerTitle = ChangeWords::backupTitle(shownInfo(names[1]), now);
    m_comparedWithCurrent.clear(); // two backups: the file's changes do not touch it
    m_diff->showBusy(tr("Comparing two backups..."));
    m_worker->run<DiffData>(
        this,
        [configPath, names, schema, olderTitle, newerTitle] {
            auto older = loadBackup(configPath, names[0]);
            auto newer = loadBackup(configPath, names[1]);
            if (!older || !newer) {
                DiffData failed;
                failed.beforeTitle = (!older ? older.error() : newer.error()).toString();
                return failed;
            }
            return diffDocuments(*older, *newer, schema, olderTitle, newerTitle);
        },
        [this](DiffData data) {
            if (data.empty() && !data.hasDocuments)
                m_diff->clear(data.beforeTitle);
            else
                m_diff->showDiff(std::move(data));
            Q_EMIT comparisonShown();
        });
}

void BackupTimelineView::restoreSelected()
{
    const QStringList names = selectedNames();
    if (names.size() != 1)
        return;
    const QString name = names.first();
    const QString configPath = m_configPath;
    const Schema schema = m_actions->schema();
    const QString afterTitle = tr("After restoring %1").arg(describe(name));
    setStatus(tr("Preparing the restore preview..."), false);
    m_actions->currentDocument([this, self = QPointer<QWidget>(this), configPath, name, schema,
                                afterTitle](Result<Json> read) {
        if (!self)
            return;
        auto current = std::make_shared<Result<Json>>(std::move(read));
        m_worker->run<std::pair<DiffData, QString>>(
            this,
            [configPath, name, schema, afterTitle, current] {
                auto backup = loadBackup(configPath, name);
                if (!backup)
                    return std::make_pair(DiffData(), backup.error().toString());
                if (!*current)
                    return std::make_pair(DiffData(), current->error().toString());
                return std::make_pair(
                    diffDocuments(**current, *backup, schema, tr("Current file"), afterTitle),
                    QString());
            },
            [this, name, current](std::pair<DiffData, QString> prepared) {
                if (!prepared.second.isEmpty()) {
                    setStatus(tr("Cannot restore %1: %2").arg(describe(name), prepared.second),
                              true);
                    Q_EMIT actionFinished(false);
                    return;
                }
                showRestoreDialog(name, std::move(prepared.first), **current);
            });
    });
}

void BackupTimelineView::showRestoreDialog(const QString &name, DiffData diff,
                                           const Json &previewed)
{
    if (diff.empty()) {
        setStatus(tr("Nothing to restore: the file already holds %1.").arg(describe(name)), false);
        Q_EMIT actionFinished(true);
        return;
    }
    const RestorePreviewChoice choice = runRestorePreview(
        this, tr("Restore %1").arg(describe(name)),
        tr("Restoring this backup makes exactly these changes to the settings file. A backup of "
           "the current file is taken first. Check keys to restore only those."),
        std::move(diff), m_actions->schema(), true);
    if (choice.kind == RestorePreviewChoice::Kind::Cancelled) {
        setStatus(tr("Restore cancelled."), false);
        Q_EMIT actionFinished(false);
        return;
    }
    std::vector<KeyPath> keys;
    if (choice.kind == RestorePreviewChoice::Kind::CheckedKeys) {
        for (const QString &key : choice.keys) {
            if (auto path = KeyPath::parse(key.toStdString()))
                keys.push_back(std::move(path.value()));
        }
    }
    setStatus(tr("Restoring %1...").arg(describe(name)), false);
    // Against what the preview showed: a key changed since is refused.
    m_actions->restore(
        name, keys, previewed,
        [this, what = describe(name), partial = !keys.empty()](Result<RestoreOutcome> outcome) {
            if (!outcome) {
                setStatus(ChangeWords::refusal(tr("Not restored: %1"),
                                               QStringLiteral("not restored: "),
                                               outcome.error().message),
                          true);
                Q_EMIT actionFinished(false);
                return;
            }
            QString text = partial ? tr("Restored the checked keys from %1.").arg(what)
                                   : tr("Restored %1.").arg(what);
            if (outcome->safetyBackup)
                text += QLatin1Char(' ') +
                        tr("The content before is kept in a new backup (%1).")
                            .arg(ChangeWords::moment(outcome->safetyBackup->time,
                                                     QDateTime::currentDateTimeUtc()));
            setStatus(text, false);
            reload();
            Q_EMIT actionFinished(true);
        });
}

void BackupTimelineView::deleteSelected()
{
    const QStringList names = selectedNames();
    if (names.isEmpty())
        return;
    QString question;
    if (names.size() == 1) {
        question = tr("Delete %1? This cannot be undone.").arg(describe(names.first()));
    } else {
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end()); // names sort by time
        const QDateTime now = QDateTime::currentDateTimeUtc();
        question = tr("Delete %1 backups, from %2 to %3? This cannot be undone.")
                       .arg(names.size())
                       .arg(ChangeWords::moment(shownInfo(sorted.first()).time, now),
                            ChangeWords::moment(shownInfo(sorted.last()).time, now));
    }
    if (!confirm(this, names.size() == 1 ? tr("Delete backup") : tr("Delete backups"), question,
                 tr("Delete")))
        return;
    // The core decides: pinned backups and the newest valid one stay.
    m_actions->deleteBackups(names, [this](Result<BackupRemoval> removal) {
        if (!removal) {
            setStatus(tr("Not deleted: %1").arg(removal.error().message), true);
        } else if (removal->kept.empty()) {
            setStatus(counted(int(removal->removed.size()), tr("Deleted %1 backup."),
                              tr("Deleted %1 backups.")),
                      false);
        } else {
            QStringList kept;
            for (const auto &[name, why] : removal->kept)
                kept << tr("%1 was kept: %2").arg(describe(name), why);
            setStatus(counted(int(removal->removed.size()), tr("Deleted %1 backup."),
                              tr("Deleted %1 backups.")) +
                          QLatin1Char(' ') + kept.join(QStringLiteral("; ")),
                      true);
        }
        reload();
    });
}

void BackupTimelineView::labelSelected()
{
    const QStringList names = selectedNames();
    if (names.size() != 1)
        return;
    const QString name = names.first();
    const BackupInfo info = shownInfo(name);
    const auto label =
        askText(this, tr("Label this backup"),
                tr("A label for %1 (empty removes it):").arg(describe(name)), info.label);
    if (!label)
        return;
    m_actions->labelBackup(name, *label, [this](Result<BackupInfo> labelled) {
        if (!labelled) {
            setStatus(tr("No label written: %1").arg(labelled.error().message), true);
            Q_EMIT actionFinished(false);
            return;
        }
        setStatus(labelled->label.isEmpty() ? tr("Label removed.")
                                            : tr("Labelled \u201c%1\u201d.").arg(labelled->label),
                  false);
        reload();
        Q_EMIT actionFinished(true);
    });
}

void BackupTimelineView::openFolder()
{
    if (auto made = m_backups.prepareFolder(); !made) {
        setStatus(made.error().message, true);
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_backups.directory()));
}

} // namespace tad
