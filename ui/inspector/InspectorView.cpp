#include "InspectorView.h"

#include "common/Counted.h"
#include "session/StoreSession.h"

#include "json/JsonText.h"
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMetaObject>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tad {

namespace {

const char *const kFields[] = {"path",    "exists",     "size", "keys",
                               "version", "confMarker", "mode", "style"};

QString fieldTitle(const QString &field)
{
    static const QHash<QString, QString> titles{
        {QStringLiteral("path"), QObject::tr("Path")},
        {QStringLiteral("exists"), QObject::tr("Exists")},
        {QStringLiteral("size"), QObject::tr("Size")},
        {QStringLiteral("keys"), QObject::tr("Top-level keys")},
        {QStringLiteral("version"), QObject::tr("Version")},
        {QStringLiteral("confMarker"), QObject::tr("The app's migration record")},
        {QStringLiteral("mode"), QObject::tr("File mode")},
        {QStringLiteral("style"), QObject::tr("Style")}};
    return titles.value(field, field);
}

} // namespace

InspectorView::InspectorView(StoreSession *session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("inspectorView"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    for (const char *field : kFields) {
        auto *value = new QLabel(QStringLiteral("…"), this);
        value->setObjectName(QStringLiteral("inspector_") + QLatin1String(field));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setWordWrap(true);
        value->setAccessibleName(fieldTitle(QLatin1String(field)));
        form->addRow(fieldTitle(QLatin1String(field)) + QLatin1Char(':'), value);
    }
    m_watching = new QLabel(tr("unknown"), this);
    m_watching->setObjectName(QStringLiteral("inspector_watcher"));
    m_watching->setAccessibleName(tr("Watcher"));
    form->addRow(tr("Watcher:"), m_watching);
    layout->addLayout(form);

    m_operations = new QTreeWidget(this);
    setFocusProxy(m_operations); // where the panel's key puts the focus
    m_operations->setObjectName(QStringLiteral("inspectorOperations"));
    m_operations->setAccessibleName(tr("Operations and timings"));
    m_operations->setRootIsDecorated(false);
    m_operations->setHeaderLabels({tr("Operation"), tr("Count"), tr("Errors"), tr("Total ms"),
                                   tr("Average ms"), tr("Slowest ms"), tr("Slowest key")});
    m_operations->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(
        new QLabel(tr("<b>Performance</b> (this window's store, since it opened)"), this));
    layout->addWidget(m_operations, 1);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("inspectorRefresh"));
    layout->addWidget(refresh, 0, Qt::AlignLeft);
    connect(refresh, &QPushButton::clicked, this, &InspectorView::refresh);

    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &InspectorView::refresh);
}

void InspectorView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer.start();
}

void InspectorView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

void InspectorView::setWatching(bool watching)
{
    m_watching->setText(watching ? tr("following the file and its folder")
                                 : tr("not following changes"));
}

void InspectorView::refresh()
{
    QPointer<InspectorView> self(this);
    m_session->runOnFile([self](SettingsFile &file) {
        Store &store = file.store();
        auto info = std::make_shared<Result<StoreInfo>>(store.info());
        auto monitor = std::make_shared<PerformanceMonitor>(store.monitor());
        QMetaObject::invokeMethod(
            self.data(),
            [self, info, monitor] {
                if (self)
                    self->showInfo(*info, *monitor);
            },
            Qt::QueuedConnection);
    });
}

void InspectorView::showInfo(const Result<StoreInfo> &result, const PerformanceMonitor &monitor)
{
    auto set = [this](const char *field, const QString &text) {
        if (auto *label = findChild<QLabel *>(QStringLiteral("inspector_") + QLatin1String(field)))
            label->setText(text);
    };
    if (!result) {
        set("path", result.error().toString());
    } else {
        const StoreInfo &info = result.value();
        set("path", info.path);
        set("exists", info.exists ? tr("yes") : tr("no"));
        set("size", info.size < 1024 ? counted(int(info.size), tr("%1 byte"), tr("%1 bytes"))
                                     : QLocale().formattedDataSize(info.size) +
                                           tr(" (%1 bytes)").arg(info.size));
        QStringList keys;
        for (const auto &key : info.keys)
            keys << QString::fromStdString(key);
        set("keys", counted(int(keys.size()), tr("%1 key: "), tr("%1 keys: ")) +
                        keys.join(QStringLiteral(", ")));
        set("version", QString::fromStdString(info.version));
        set("confMarker", info.confMigrationVersion
                              ? QString::fromStdString(compactJson(*info.confMigrationVersion))
                              : tr("not set (the app does not record migrations itself)"));
        set("mode", QStringLiteral("0%1").arg(info.mode, 3, 8, QLatin1Char('0')));
        set("style", QString::fromStdString(info.style));
    }
    m_operations->clear();
    auto addRow = [this](const QString &name, const OperationStats &stats) {
        auto *item = new QTreeWidgetItem(
            {name, QString::number(stats.count), QString::number(stats.errors),
             QString::number(stats.totalMs, 'f', 2), QString::number(stats.averageMs(), 'f', 3),
             QString::number(stats.slowestMs, 'f', 3), QString::fromStdString(stats.slowestKey)});
        for (int column = 1; column <= 5; ++column)
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        m_operations->addTopLevelItem(item);
        return item;
    };
    for (const auto &[name, stats] : monitor.operations())
        addRow(QString::fromStdString(name), stats);
    QFont bold = font();
    bold.setBold(true);
    auto *total = addRow(tr("all"), monitor.totals());
    for (int column = 0; column < 7; ++column)
        total->setFont(column, bold);
    Q_EMIT refreshed();
}

} // namespace tad
