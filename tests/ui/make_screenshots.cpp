// Renders the main states of the window to PNG files (offscreen):
//   tad-gui-screenshots OUTPUT_DIR
// normal, editing with an error, search, external change highlight, broken file,
// and the history panels: backup timeline, restore preview (a diff), history,
// migration review, inspector.
#include "GuiTestHelpers.h"
#include "Resources.h"
#include "editors/EditorPanel.h"
#include "editors/ValueEditor.h"
#include "history/BackupTimelineView.h"
#include "history/DiffView.h"
#include "history/HistoryPanels.h"
#include "history/HistoryView.h"
#include "history/MigrationReview.h"
#include "inspector/InspectorView.h"
#include "session/StoreSession.h"
#include "settings/SettingsTreeModel.h"
#include "window/DialogRunner.h"
#include "window/MainWindow.h"
#include "window/StartupConfig.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeView>
#include <QTreeWidget>
#include <memory>

using namespace tad;

namespace {

std::unique_ptr<MainWindow> openWindow(const QString &config)
{
    MainWindowOptions options;
    options.configPath = config;
    options.schemaPath = bundledSchemaPath();
    options.rememberState = false;
    auto window = std::make_unique<MainWindow>(options);
    window->resize(1280, 780);
    window->model()->setHighlightDuration(60000);
    window->show();
    window->open();
    return window;
}

bool waitReady(MainWindow *window)
{
    if (window->isReady())
        return true;
    QSignalSpy ready(window, &MainWindow::ready);
    return ready.wait(20000);
}

void save(MainWindow *window, const QString &dir, const char *name)
{
    QTest::qWait(150);
    window->grab().save(QDir(dir).filePath(QString::fromLatin1(name)));
}

// Waits for `signal` of `sender` after `action` ran.
template <typename Sender, typename Signal, typename Action>
bool waitFor(Sender *sender, Signal signal, Action action)
{
    QSignalSpy spy(sender, signal);
    action();
    return !spy.isEmpty() || spy.wait(20000);
}

bool edit(MainWindow *window, const char *key, Json value)
{
    return waitFor(window->session(), &StoreSession::writeFinished, [&] {
        window->session()->set(KeyPath::parse(key).value(), std::move(value), std::nullopt);
    });
}

// The history panels, docked on the right of a wider window.
void saveHistoryPanels(MainWindow *window, const QString &out)
{
    window->resize(1500, 860);
    HistoryPanels *panels = window->historyPanels();
    auto widen = [window](QWidget *panel) {
        if (auto *dock = qobject_cast<QDockWidget *>(panel->parentWidget()))
            window->resizeDocks({dock}, {900}, Qt::Horizontal);
    };
    edit(window, "settings.autoSave", false);
    BackupTimelineView *timeline = panels->timeline();
    waitFor(timeline, &BackupTimelineView::listed, [&] { panels->showPanel(timeline); });
    widen(timeline);
    waitFor(timeline, &BackupTimelineView::actionFinished,
            [&] { timeline->createBackup(QStringLiteral("before trying the light theme")); });
    edit(window, "settings.theme", Json("light"));
    edit(window, "settings.fontSize", 16);
    edit(window, "ai.apiKey", Json("sk-live-abcdefghijklmnop9876"));
    waitFor(timeline, &BackupTimelineView::listed, [&] { timeline->reload(); });
    const QStringList names = timeline->backupNames();
    timeline->selectBackup(names.value(0));
    waitFor(timeline, &BackupTimelineView::comparisonShown,
            [&] { timeline->compareWithCurrent(); });
    save(window, out, "backup-timeline.png");

    // The restore preview is a diff: grab the dialog, then cancel it.
    setDialogRunner([&](QDialog &dialog) {
        dialog.show();
        if (auto *preview = dialog.findChild<DiffView *>(QStringLiteral("restorePreview")))
            preview->operationsList()->setCurrentItem(preview->operationsList()->topLevelItem(0));
        QTest::qWait(150);
        dialog.grab().save(QDir(out).filePath(QStringLiteral("restore-preview.png")));
        dialog.reject();
        return int(QDialog::Rejected);
    });
    waitFor(timeline, &BackupTimelineView::actionFinished, [&] { timeline->restoreSelected(); });
    setDialogRunner({});

    HistoryView *history = panels->history();
    waitFor(history, &HistoryView::listed, [&] { panels->showPanel(history); });
    widen(history);
    waitFor(history, &HistoryView::entryShown,
            [&] { history->selectEntry(history->entryIds().value(1)); });
    save(window, out, "history.png");

    MigrationReview *migrations = panels->migrations();
    waitFor(migrations, &MigrationReview::reviewed, [&] { panels->showPanel(migrations); });
    widen(migrations);
    save(window, out, "migration-review.png");

    InspectorView *inspector = panels->inspector();
    waitFor(inspector, &InspectorView::refreshed, [&] { panels->showPanel(inspector); });
    widen(inspector);
    save(window, out, "inspector.png");
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ensureResources();
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(out);
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("tad-config.json"));
    QFile::copy(guitest::demoConfig(), config);
    QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner);

    auto window = openWindow(config);
    if (!waitReady(window.get()))
        return 1;
    window->selectKey(QStringLiteral("settings.theme"));
    save(window.get(), out, "main-window.png");

    window->selectKey(QStringLiteral("user.email"));
    if (auto *line = window->panel()->editor()->findChild<QLineEdit *>()) {
        line->setFocus();
        line->selectAll();
        QTest::keyClicks(line, QStringLiteral("ada@example"));
        QTest::keyClick(line, Qt::Key_Backspace);
        QTest::keyClicks(line, QStringLiteral("."));
    }
    save(window.get(), out, "editing-error.png");
    window->selectKey(QStringLiteral("settings.fontSize"));

    window->findBox()->setText(QStringLiteral("font"));
    QTest::qWait(500);
    save(window.get(), out, "search.png");
    window->findBox()->clear();
    QTest::qWait(300);

    window->selectKey(QStringLiteral("settings.language"));
    std::unique_ptr<QProcess> conf(guitest::startConfSet(
        config, QStringLiteral("settings.fontSize"), QStringLiteral("18"), nullptr));
    conf->waitForFinished(60000);
    QSignalSpy applied(window.get(), &MainWindow::changesApplied);
    applied.wait(5000);
    save(window.get(), out, "external-change.png");
    saveHistoryPanels(window.get(), out);

    window.reset();
    guitest::writeBytes(config, "{\"settings\":{\"theme\":\"dark\",\"fontSize\":14,}\n}");
    window = openWindow(config);
    QSignalSpy broken(window.get(), &MainWindow::brokenFileShown);
    broken.wait(20000);
    if (auto *raw = window->findChild<QPushButton *>(QStringLiteral("viewRaw")))
        raw->click();
    save(window.get(), out, "broken-file.png");
    return 0;
}
