// Renders the main states of the window to PNG files (offscreen):
//   tad-gui-screenshots OUTPUT_DIR [light|dark] [1024x700|1600x1000 ...]
// With no palette or size given, all four: light and dark (Fusion), each at
// 1024x700 and 1600x1000, in OUTPUT_DIR/<palette>-<width>x<height>/.
// The states: the window, editing with an error, search, an external change
// highlighted, the broken-file page, and the panels: backups (with the
// restore preview, a dialog), history, migration review, inspector.
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
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QTreeView>
#include <QTreeWidget>
#include <cstdio>
#include <memory>

using namespace tad;

namespace {

struct Variant
{
    QString palette; // "light" or "dark"
    QSize size;
    QString folder() const
    {
        return QStringLiteral("%1-%2x%3").arg(palette).arg(size.width()).arg(size.height());
    }
};

// Fusion's colours for a dark desktop, as a dark theme would set them.
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x36, 0x39, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4d));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6a, 0xa7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

void usePalette(const QString &name)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(
        name == QLatin1String("dark") ? darkPalette() : QApplication::style()->standardPalette());
}

std::unique_ptr<MainWindow> openWindow(const QString &config, QSize size)
{
    MainWindowOptions options;
    options.configPath = config;
    options.schemaPath = bundledSchemaPath();
    options.rememberState = false;
    auto window = std::make_unique<MainWindow>(options);
    window->resize(size);
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

void save(QWidget *widget, const QString &dir, const char *name)
{
    QTest::qWait(200);
    const QString path = QDir(dir).filePath(QString::fromLatin1(name));
    if (!widget->grab().save(path))
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
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

// A panel's key, pressed on the window as a person would. A dialog that
// closed leaves no window active on the offscreen platform, and a window's
// shortcuts need it active: it is activated first.
void pressPanelKey(MainWindow *window, Qt::Key key)
{
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window))
        qWarning("the window did not become active; the panel key may go astray");
    QTest::keyClick(window, key, Qt::ControlModifier | Qt::ShiftModifier);
}

// The panels, opened by their keys, tabbed under the tree.
void saveHistoryPanels(MainWindow *window, const QString &out)
{
    HistoryPanels *panels = window->historyPanels();
    window->selectKey(QStringLiteral("settings.theme"));
    edit(window, "settings.autoSave", false);
    BackupTimelineView *timeline = panels->timeline();
    waitFor(timeline, &BackupTimelineView::listed, [&] { pressPanelKey(window, Qt::Key_B); });
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
    save(window, out, "backups.png");

    // The restore preview is a diff: grab the dialog, then cancel it.
    setDialogRunner([&](QDialog &dialog) {
        dialog.resize(std::min(window->width() - 80, 1100), std::min(window->height() - 60, 720));
        dialog.show();
        if (auto *preview = dialog.findChild<DiffView *>(QStringLiteral("restorePreview")))
            preview->operationsList()->setCurrentItem(preview->operationsList()->topLevelItem(0));
        QTest::qWait(200);
        dialog.grab().save(QDir(out).filePath(QStringLiteral("restore-preview.png")));
        dialog.reject();
        return int(QDialog::Rejected);
    });
    waitFor(timeline, &BackupTimelineView::actionFinished, [&] { timeline->restoreSelected(); });
    setDialogRunner({});

    HistoryView *history = panels->history();
    waitFor(history, &HistoryView::listed, [&] { pressPanelKey(window, Qt::Key_H); });
    waitFor(history, &HistoryView::entryShown,
            [&] { history->selectEntry(history->entryIds().value(1)); });
    save(window, out, "history.png");

    MigrationReview *migrations = panels->migrations();
    waitFor(migrations, &MigrationReview::reviewed, [&] { pressPanelKey(window, Qt::Key_M); });
    save(window, out, "migration-review.png");

    InspectorView *inspector = panels->inspector();
    waitFor(inspector, &InspectorView::refreshed, [&] { pressPanelKey(window, Qt::Key_I); });
    save(window, out, "inspector.png");
}

bool render(const Variant &variant, const QString &root)
{
    usePalette(variant.palette);
    const QString out = QDir(root).filePath(variant.folder());
    QDir().mkpath(out);
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("tad-config.json"));
    QFile::copy(guitest::demoConfig(), config);
    QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner);

    auto window = openWindow(config, variant.size);
    if (!waitReady(window.get()))
        return false;
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
    window->panel()->revert();
    window->selectKey(QStringLiteral("settings.fontSize"));

    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(window->findBox(), QStringLiteral("font"));
    QTest::keyClick(window->findBox(), Qt::Key_Down);
    save(window.get(), out, "search.png");
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClick(window->findBox(), Qt::Key_Escape);

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
    window = openWindow(config, variant.size);
    QSignalSpy broken(window.get(), &MainWindow::brokenFileShown);
    broken.wait(20000);
    if (auto *raw = window->findChild<QPushButton *>(QStringLiteral("viewRaw")))
        raw->click();
    save(window.get(), out, "broken-file.png");
    std::printf("%s\n", qPrintable(out));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ensureResources();
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QStringList palettes;
    QList<QSize> sizes;
    for (int i = 2; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("light") || arg == QLatin1String("dark")) {
            palettes << arg;
        } else if (const QStringList wh = arg.split(QLatin1Char('x')); wh.size() == 2) {
            sizes << QSize(wh[0].toInt(), wh[1].toInt());
        } else {
            std::fprintf(stderr, "usage: tad-gui-screenshots OUTPUT_DIR [light|dark] [WxH ...]\n");
            return 2;
        }
    }
    if (palettes.isEmpty())
        palettes = {QStringLiteral("light"), QStringLiteral("dark")};
    if (sizes.isEmpty())
        sizes = {QSize(1024, 700), QSize(1600, 1000)};
    for (const QString &palette : palettes) {
        for (const QSize &size : sizes) {
            if (!render({palette, size}, out))
                return 1;
        }
    }
    return 0;
}
