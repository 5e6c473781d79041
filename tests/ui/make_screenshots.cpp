// Renders the main states of the window to PNG files (offscreen):
//   tad-gui-screenshots OUTPUT_DIR
// normal, editing with an error, search, external change highlight, broken file.
#include "EditorPanel.h"
#include "GuiTestHelpers.h"
#include "MainWindow.h"
#include "Resources.h"
#include "SettingsTreeModel.h"
#include "StartupConfig.h"
#include "StoreSession.h"
#include "ValueEditors.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeView>
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
