#include "MigrationReview.h"

#include "BackgroundWorker.h"
#include "DiffView.h"
#include "common/Counted.h"
#include "common/RelativeTime.h"
#include "history/JsonPatch.h"
#include "history/Migrator.h"
#include "session/HistoryActions.h"
#include "window/DialogRunner.h"

#include "json/JsonText.h"
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <memory>

namespace tad {

namespace {

// The preview of the dry run the session made on the file's own store.
MigrationPreview prepare(const QString &configPath, const Result<PlannedMigration> &planned,
                         const Schema &schema)
{
    MigrationPreview preview;
    if (auto entries = History(configPath).list()) {
        for (auto &entry : *entries)
            if (entry.source == ChangeSource::Migration)
                preview.past.push_back(std::move(entry));
    }
    if (!planned)
        return preview.error = planned.error().toString(), preview;
    const MigrationPlan &plan = planned->plan;
    preview.fromVersion = plan.fromVersion;
    if (!plan.toVersion.isEmpty()) {
        preview.toVersion = plan.toVersion;
    } else if (auto migrator = Migrator::builtIn()) {
        preview.toVersion = migrator->latestVersion();
    }
    preview.versionPresent = plan.versionPresent;
    if (plan.confMarker)
        preview.confMarker = QString::fromStdString(compactJson(*plan.confMarker));
    // Each step's diff, from the document the steps before it leave.
    const auto &steps = plan.steps;
    Json document = planned->document;
    for (const auto &step : steps) {
        Json after = document;
        if (auto applied = applyPatch(after, step.patch); !applied) {
            preview.error = applied.error().message;
            break;
        }
        MigrationPreview::Step shown;
        shown.version = step.step.version;
        shown.description = step.step.description;
        shown.diff =
            diffDocuments(document, after, schema,
                          MigrationReview::tr("Before the migration to %1").arg(step.step.version),
                          MigrationReview::tr("After the migration to %1").arg(step.step.version));
        preview.steps.push_back(std::move(shown));
        document = std::move(after);
    }
    return preview;
}

} // namespace

MigrationReview::MigrationReview(QString configPath, HistoryActions *actions,
                                 BackgroundWorker *worker, QWidget *parent)
    : QWidget(parent), m_configPath(std::move(configPath)), m_actions(actions), m_worker(worker)
{
    setObjectName(QStringLiteral("migrationReview"));
    auto *layout = new QVBoxLayout(this);
    m_versions = new QLabel(this);
    m_versions->setObjectName(QStringLiteral("migrationVersions"));
    m_versions->setWordWrap(true);
    m_versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("migrationStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_versions);
    layout->addWidget(m_status);

    auto *lists = new QWidget(this);
    auto *listsLayout = new QVBoxLayout(lists);
    listsLayout->setContentsMargins(0, 0, 0, 0);
    listsLayout->addWidget(
        new QLabel(tr("<b>Pending</b> (dry run: nothing is written yet)"), lists));
    m_pendingPages = new QStackedWidget(lists);
    auto *none = new QLabel(tr("No pending migrations: the file is up to date."), lists);
    none->setObjectName(QStringLiteral("migrationsUpToDate"));
    none->setAlignment(Qt::AlignCenter);
    none->setWordWrap(true);
    m_pending = new QTreeWidget(lists);
    setFocusProxy(m_pending); // where the panel's key puts the focus
    m_pending->setObjectName(QStringLiteral("pendingMigrations"));
    m_pending->setAccessibleName(tr("Pending migrations"));
    m_pending->setRootIsDecorated(false);
    m_pending->setHeaderLabels({tr("Version"), tr("Description"), tr("Changes")});
    m_pending->setColumnWidth(0, 90);
    m_pending->setColumnWidth(1, 300);
    m_pendingPages->addWidget(none);
    m_pendingPages->addWidget(m_pending);
    listsLayout->addWidget(m_pendingPages, 1);
    auto *buttons = new QHBoxLayout;
    m_run = new QPushButton(tr("&Run migrations..."), lists);
    m_run->setObjectName(QStringLiteral("runMigrations"));
    m_run->setEnabled(false);
    auto *dryRun = new QPushButton(tr("&Dry run again"), lists);
    dryRun->setObjectName(QStringLiteral("dryRunMigrations"));
    buttons->addWidget(m_run);
    buttons->addWidget(dryRun);
    buttons->addStretch();
    listsLayout->addLayout(buttons);
    listsLayout->addWidget(new QLabel(tr("<b>Past migrations</b> (from the history)"), lists));
    m_past = new QTreeWidget(lists);
    m_past->setObjectName(QStringLiteral("pastMigrations"));
    m_past->setAccessibleName(tr("Past migrations"));
    m_past->setRootIsDecorated(false);
    m_past->setHeaderLabels({tr("Version"), tr("When"), tr("Changes")});
    m_past->setColumnWidth(0, 90);
    m_past->setColumnWidth(1, 260);
    listsLayout->addWidget(m_past, 1);

    m_diff = new DiffView(this);
    m_diff->setSchema(m_actions->schema());
    m_diff->clear(tr("Select a migration step to see what it changes."));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(lists);
    split->addWidget(m_diff);
    layout->addWidget(split, 1);

    connect(m_run, &QPushButton::clicked, this, &MigrationReview::runMigrations);
    connect(dryRun, &QPushButton::clicked, this, &MigrationReview::reload);
    connect(m_pending, &QTreeWidget::currentItemChanged, this, [this] {
        const int row = m_pending->indexOfTopLevelItem(m_pending->currentItem());
        if (row >= 0 && size_t(row) < m_preview.steps.size())
            m_diff->showDiff(m_preview.steps[size_t(row)].diff);
    });
    connect(m_past, &QTreeWidget::currentItemChanged, this, [this] {
        const int row = m_past->indexOfTopLevelItem(m_past->currentItem());
        if (row < 0 || size_t(row) >= m_preview.past.size())
            return;
        const HistoryEntry &entry = m_preview.past[size_t(row)];
        m_diff->showDiff(diffFromPatch(entry.patch, entry.inverse, m_actions->schema(),
                                       tr("Before the migration to %1").arg(entry.version),
                                       tr("After the migration to %1").arg(entry.version)));
    });
}

void MigrationReview::reload()
{
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Dry run..."));
    m_run->setEnabled(false);
    m_actions->planMigration([this, self = QPointer<QWidget>(this),
                              generation](Result<PlannedMigration> result) {
        if (!self)
            return;
        if (generation != m_generation)
            return;
        auto planned = std::make_shared<Result<PlannedMigration>>(std::move(result));
        const QString configPath = m_configPath;
        const Schema schema = m_actions->schema();
        m_worker->run<MigrationPreview>(
            this, [configPath, planned, schema] { return prepare(configPath, *planned, schema); },
            [this, generation](MigrationPreview preview) {
                if (generation == m_generation)
                    showPreview(std::move(preview));
            });
    });
}

void MigrationReview::showPreview(MigrationPreview preview)
{
    m_preview = std::move(preview);
    QString versions =
        tr("Settings version: %1%2 · newest migration: %3")
            .arg(m_preview.fromVersion,
                 m_preview.versionPresent ? QString()
                                          : tr(" (not written in the file, so taken as 1.0.0)"),
                 m_preview.toVersion);
    versions +=
        QStringLiteral(" · ") +
        (m_preview.confMarker.isEmpty()
             ? tr("the app has not recorded a migration of its own")
             : tr("the app's own record says %1 (left as it is)").arg(m_preview.confMarker));
    m_versions->setText(versions);
    // The technical name, for whoever looks for it in the file.
    m_versions->setToolTip(tr("The app keeps its own record of migrations under "
                              "__internal__.migrations.version; TAD Settings never changes it."));
    m_pending->clear();
    for (const auto &step : m_preview.steps) {
        auto *item = new QTreeWidgetItem(
            {step.version, step.description,
             counted(int(step.diff.ops.size()), tr("%1 change"), tr("%1 changes"))});
        item->setToolTip(1, step.description);
        m_pending->addTopLevelItem(item);
    }
    m_pendingPages->setCurrentIndex(m_preview.steps.empty() ? 0 : 1);
    m_past->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &entry : m_preview.past) {
        m_past->addTopLevelItem(new QTreeWidgetItem(
            {entry.version,
             relativeTime(entry.time, now) + QStringLiteral("  ·  ") +
                 QLocale().toString(entry.time.toLocalTime(),
                                    QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             counted(int(entry.patch.size()), tr("%1 change"), tr("%1 changes"))}));
    }
    if (m_preview.past.empty()) {
        auto *none = new QTreeWidgetItem({QString(), tr("No migration has run on this file yet.")});
        none->setFlags(Qt::NoItemFlags);
        m_past->addTopLevelItem(none);
    }
    if (!m_preview.error.isEmpty())
        m_status->setText(tr("The migrations cannot run: %1").arg(m_preview.error));
    else if (m_preview.steps.empty())
        m_status->setText(tr("Nothing to migrate."));
    else
        m_status->setText(counted(int(m_preview.steps.size()),
                                  tr("%1 step would run. Select one to see its changes."),
                                  tr("%1 steps would run. Select one to see its changes.")));
    m_run->setEnabled(!m_preview.steps.empty() && m_preview.error.isEmpty());
    if (!m_preview.steps.empty())
        m_pending->setCurrentItem(m_pending->topLevelItem(0));
    else
        m_diff->clear(tr("Select a past migration to see what it changed."));
    Q_EMIT reviewed();
}

void MigrationReview::runMigrations()
{
    if (m_preview.steps.empty())
        return;
    QStringList steps;
    for (const auto &step : m_preview.steps)
        steps << QStringLiteral("%1: %2").arg(step.version, step.description);
    if (!confirm(
            this, tr("Run migrations"),
            tr("Migrate the settings file from %1 to %2?\n\n%3\n\nA pre-migration backup is "
               "taken first; each step is recorded in the history.")
                .arg(m_preview.fromVersion, m_preview.toVersion, steps.join(QLatin1Char('\n'))),
            tr("Migrate"))) {
        m_status->setText(tr("Migration cancelled."));
        return;
    }
    m_run->setEnabled(false);
    m_status->setText(tr("Migrating..."));
    m_actions->migrate({}, [this](Result<MigrationPlan> plan) {
        if (!plan) {
            m_status->setText(tr("Not migrated: %1").arg(plan.error().message));
            m_run->setEnabled(true);
            Q_EMIT migrationFinished(false);
            return;
        }
        reload();
        Q_EMIT migrationFinished(true);
    });
}

QStringList MigrationReview::pendingVersions() const
{
    QStringList versions;
    for (const auto &step : m_preview.steps)
        versions << step.version;
    return versions;
}

QStringList MigrationReview::pastVersions() const
{
    QStringList versions;
    for (const auto &entry : m_preview.past)
        versions << entry.version;
    return versions;
}

QString MigrationReview::statusText() const
{
    return m_status->text();
}

bool MigrationReview::selectPending(int row)
{
    auto *item = m_pending->topLevelItem(row);
    if (item)
        m_pending->setCurrentItem(item);
    return item != nullptr;
}

bool MigrationReview::selectPast(int row)
{
    auto *item = m_past->topLevelItem(row);
    if (item)
        m_past->setCurrentItem(item);
    return item != nullptr;
}

} // namespace tad
